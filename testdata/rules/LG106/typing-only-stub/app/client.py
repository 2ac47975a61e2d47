class Transport:
    pass


def legacy_helper():
    return None
