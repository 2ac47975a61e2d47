# generated constants  # expect: LG003 "more than max-file-size (200)"
VALUE_0 = 0  # a generated constant
VALUE_1 = 1  # a generated constant
VALUE_2 = 2  # a generated constant
VALUE_3 = 3  # a generated constant
VALUE_4 = 4  # a generated constant
VALUE_5 = 5  # a generated constant
VALUE_6 = 6  # a generated constant
VALUE_7 = 7  # a generated constant
VALUE_8 = 8  # a generated constant
VALUE_9 = 9  # a generated constant
VALUE_10 = 10  # a generated constant
VALUE_11 = 11  # a generated constant
