def check(engine):
    reveal_type(engine)
