from typing_extensions import deprecated


@deprecated("Invoice.legacy_total() goes away in 3.0")
def legacy_total():
    from legacy.store import OldStore
    return OldStore()


class Invoice:
    @deprecated("use total()")
    def old_total(self):
        from legacy.helpers import old_helper
        return old_helper()
