def check(value):
    reveal_type(value)  # expect: LG107 "`reveal_type` is not defined: NameError when `check()` is called"
