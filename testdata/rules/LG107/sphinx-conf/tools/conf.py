# a settings module that happens to be called conf.py: nothing puts `tags` here
SETTINGS = {"tags": tags}  # expect: LG107 "`tags` is not defined: NameError at import time"
