test_versioning = __import__("examples.versioned.test_versioning").versioned.test_versioning


class TestVersionedRows(test_versioning.TestVersioning):
    pass
