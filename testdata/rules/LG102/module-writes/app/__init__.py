# importing the package runs both modules; sqltypes then puts its constants into type_api
from . import type_api, sqltypes
