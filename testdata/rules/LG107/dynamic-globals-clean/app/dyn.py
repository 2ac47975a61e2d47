for name in ("a", "b"):
    globals()[name] = name

print(a, b)
