class Old:
    pass


class New:
    pass
