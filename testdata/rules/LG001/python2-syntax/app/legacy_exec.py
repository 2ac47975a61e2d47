def run(code):
    exec code in {}  # expect: LG001 "Missing parentheses in call to 'exec'"
