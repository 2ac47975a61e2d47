def read_items():
    return Missing()  # expect: LG107 "`Missing` is not defined"
