import sys

print
print("x")
print ("x", 1)
print >> sys.stderr, "parses in Python 3 (a tuple), fails only when run"
print, exec
print - 1
print [0] if False else None
print.__name__
exec("x = 1")
ZERO = 00
ALSO_ZERO = 0_0
FLOAT = 0e5
ODD_FLOAT = 09.5
COMPLEX = 0777j
OCTAL = 0o755
HEX = 0x0F
print = exec = None
