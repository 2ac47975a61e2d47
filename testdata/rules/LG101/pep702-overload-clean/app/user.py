from app.config import parse, with_config

print(with_config({}), parse(b"1"))
