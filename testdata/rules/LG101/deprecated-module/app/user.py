import app.legacy  # expect: LG101 "The legacy package is being removed in 3.0."
import app.legacy.db as legacy_db  # expect: LG101 "`app.legacy`"
from app import legacy  # expect: LG101
from app.legacy.db import X  # expect: LG101
from app import legacyish
import app.legacyish
