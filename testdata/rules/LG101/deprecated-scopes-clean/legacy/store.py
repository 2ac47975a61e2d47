class Store:
    pass


class OldStore:
    def migrate(self):
        # inside the deprecated class itself
        from legacy.store import OldStore
        return OldStore, Store
