def names():
    return ["slow"]
