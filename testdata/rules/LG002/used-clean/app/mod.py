# Every lintgate code here silences a finding, or belongs to a rule this run does not have (LG105 is off by
# default), or is another linter's: none is reported.
from os import getcwdb  # noqa: LG101
import os  # noqa: E501, F401
value = getcwdb  # noqa
other = os.sep  # noqa: LG105
