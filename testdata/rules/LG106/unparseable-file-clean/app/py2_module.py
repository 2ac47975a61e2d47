# Python 2 backquotes: CPython cannot compile the module, so its imports never run (LG001 reports the file)
from app.db import Gone

text = `Gone`
