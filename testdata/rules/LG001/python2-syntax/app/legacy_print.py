import sys


def report(count):
    print "found", count  # expect: LG001 "Missing parentheses in call to 'print' (Python 2 syntax)"
