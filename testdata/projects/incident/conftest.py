# Markers shared by every suite, registered from code (pytest_plugins works only in the root conftest).
pytest_plugins = ["testing.markers"]
