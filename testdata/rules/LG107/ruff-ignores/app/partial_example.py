def build():
    return Undefined()
