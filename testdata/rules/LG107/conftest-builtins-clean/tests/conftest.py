import builtins

builtins.ip = object()
