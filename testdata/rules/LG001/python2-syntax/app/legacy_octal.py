import os

MODE = 0755  # expect: LG001 "leading zeros in decimal integer literals are not permitted"
