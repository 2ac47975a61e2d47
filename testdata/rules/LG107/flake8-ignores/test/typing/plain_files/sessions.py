def check(session):
    reveal_type(session)
