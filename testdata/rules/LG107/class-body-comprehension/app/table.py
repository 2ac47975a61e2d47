class Table:
    columns = ["a", "b"]
    upper = [c.upper() for c in columns]
    pairs = [(c, d) for c in columns for d in columns]  # expect: LG107 "at import time"
