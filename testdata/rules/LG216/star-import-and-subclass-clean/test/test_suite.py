from acme.testing.suite import *  # noqa: F403
