def check(model):
    reveal_type(model)
