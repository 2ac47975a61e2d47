from testing.more import *

KINDS = "unit"


def pytest_configure(config):
    for name in ["db", "network"]:
        config.addinivalue_line("markers", f"{name}: needs {name}")
    config.addinivalue_line("markers", "golden_path(reason): end-to-end")
    config.addinivalue_line("markers", f"nightly: runs at {KINDS}")
