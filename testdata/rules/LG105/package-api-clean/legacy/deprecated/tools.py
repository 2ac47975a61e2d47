from typing_extensions import deprecated


@deprecated("parse_obj_as is deprecated; use TypeAdapter")
def parse_obj_as(tp, value):
    return value
