def make_user():
    pass
