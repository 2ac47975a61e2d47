class LegacyWarning(DeprecationWarning):
    pass


class RemovedIn3(LegacyWarning):
    pass
