from markers import names


def pytest_configure(config):
    for n in names():
        config.addinivalue_line("markers", n)
