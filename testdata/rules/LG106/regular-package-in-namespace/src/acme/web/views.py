# acme is a namespace package another distribution may extend, but acme.web is a regular package: its submodules
# are the files beside its __init__.py, and acme.web.gone is not one of them
from acme.web.gone import render  # expect: LG106 "module `acme.web.gone` does not exist"
