class KeyFuncDict(dict):
    pass


def keyfunc_mapping(keyfunc):
    return KeyFuncDict
