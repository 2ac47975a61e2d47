pytest_plugins = ["testing.markers"]
