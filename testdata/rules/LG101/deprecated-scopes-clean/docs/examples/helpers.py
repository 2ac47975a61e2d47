# a documentation snippet of the deprecated API
from legacy.helpers import old_helper

print(old_helper())
