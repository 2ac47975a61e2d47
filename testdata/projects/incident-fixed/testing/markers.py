"""Markers registered from code, for every suite that loads the root conftest."""


def pytest_configure(config):
    for name in ["integration", "slow"]:
        config.addinivalue_line("markers", f"{name}: see testing/README")
