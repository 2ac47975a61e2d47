from .test_cte import *  # noqa: F403
from .test_ddl import *  # noqa: F403
