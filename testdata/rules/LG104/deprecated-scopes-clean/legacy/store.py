class Store:
    pass


class OldStore:
    pass
