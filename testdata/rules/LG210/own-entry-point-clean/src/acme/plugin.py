def pytest_configure(config):
    config.addinivalue_line("markers", "acme_slow: registered by our own plugin")
