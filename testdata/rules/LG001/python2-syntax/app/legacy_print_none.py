print None  # expect: LG001 "Missing parentheses in call to 'print'"
