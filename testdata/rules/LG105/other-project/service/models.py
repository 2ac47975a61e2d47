from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legacy.tools import parse_obj_as  # expect: LG105 "Deprecated `legacy.tools.parse_obj_as` is still imported for type checking."
