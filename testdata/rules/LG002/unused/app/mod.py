# expect: LG002 "`LG102` in this suppression comment suppresses nothing: LG102 reported nothing in this file in this run"
# lintgate: noqa: LG102
import os  # noqa: LG101  # expect: LG002 "`LG101` in this suppression comment suppresses nothing: LG101 reported nothing on this line in this run"
from os import getcwdb  # noqa: LG101, LG107  # expect: LG002 "`LG107` in this suppression"
value = getcwdb  # lintgate: ignore[LG999]  # expect: LG002 "`LG999` in this suppression comment is not a lintgate rule code, so it suppresses nothing"
other = os.sep  # noqa: LG1  # expect: LG002 "`LG1` in this suppression comment is a prefix"
