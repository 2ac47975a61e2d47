from . import type_api


class NullType:
    pass


class Boolean:
    pass


NULLTYPE = NullType()

type_api.NULLTYPE = NULLTYPE
