# another project using the deprecated API
from legacy.helpers import old_helper  # expect: LG101 "old_helper() is slow"
