# named like no test module pytest knows: a helper to lintgate, whatever it defines
def test_logout():
    pass
