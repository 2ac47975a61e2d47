# one missing module, said once for the statement
from app.gone import start, stop  # expect: LG106 "module `app.gone` does not exist"
