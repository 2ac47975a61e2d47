pytest_plugins = ["acme_testing.plugin"]
