from app.helpers import *

print(helper())
