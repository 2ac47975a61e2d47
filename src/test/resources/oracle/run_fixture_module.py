"""Imports one fixture module, then calls functions, and prints where NameError/ImportError happened.

Usage: run_fixture_module.py ROOT MODULE [QUALNAME...]
ROOT and ROOT/src are on sys.path (as lintgate's default source roots), ROOT/site-packages after them as the
installed distributions, which lintgate does not walk.
Prints one line per event:
  import ok | import <ExceptionName> <line>       (line: deepest traceback frame in the module's own file)
  call <qualname> ok | call <qualname> <ExceptionName> <line> | call <qualname> unreachable
  call <qualname> skipped     (pytest would skip it here: a true skipif or a skip mark on it, its class or module)
With no QUALNAME, every function and method defined in the module is called (for the clean direction).
Arguments: None for each required positional parameter; generators are exhausted.
"""
import contextlib
import importlib
import importlib.util
import inspect
import io
import os
import sys
import traceback
import types


def where(exc, filename):
    line = 0
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == filename:
            line = frame.lineno
    return line


def call(fn):
    try:
        sig = inspect.signature(fn)
        args = [None for p in sig.parameters.values()
                if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        args = []
    result = fn(*args)
    if isinstance(result, types.GeneratorType):
        for _ in result:
            pass


def marks_of(obj):
    marks = getattr(obj, "pytestmark", [])
    return list(marks) if isinstance(marks, (list, tuple)) else [marks]


def skipped(module, qual, fn):
    """Whether pytest skips it on this interpreter: a skip or a true skipif mark on the function, its class or its
    module (a module's helpers run only for its tests); marks with string conditions are not evaluated."""
    marks = marks_of(fn) + marks_of(module)
    if "." in qual:
        marks += marks_of(getattr(module, qual.split(".")[0], None))
    for mark in marks:
        mark = getattr(mark, "mark", mark)  # a MarkDecorator holds its Mark
        name, args = getattr(mark, "name", None), getattr(mark, "args", ())
        if name == "skip" or name == "skipif" and any(bool(a) for a in args if not isinstance(a, str)):
            return True
    return False


def defined_here(module):
    for name, value in vars(module).items():
        if inspect.isfunction(value) and value.__module__ == module.__name__:
            yield name, value
        elif inspect.isclass(value) and value.__module__ == module.__name__:
            for attr, member in vars(value).items():
                if inspect.isfunction(member):
                    yield name + "." + attr, member


def main():
    root, module_name = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3:]
    sys.path.insert(0, root)
    # lintgate's default source roots are the case directory and its src/ (the deeper one names the module)
    if os.path.isdir(os.path.join(root, "src")):
        sys.path.insert(0, os.path.join(root, "src"))
    # site-packages/ stands for the installed distributions: after the project, as in a real environment
    if os.path.isdir(os.path.join(root, "site-packages")):
        sys.path.append(os.path.join(root, "site-packages"))
    sys.dont_write_bytecode = True
    # pytest imports conftest.py files before the test modules beside them; so does the oracle
    for directory, _, names in os.walk(root):
        if "conftest.py" in names:
            rel = os.path.relpath(os.path.join(directory, "conftest.py"), root)[:-3].replace(os.sep, ".")
            with contextlib.redirect_stdout(io.StringIO()):
                importlib.import_module(rel)
    spec = importlib.util.find_spec(module_name)
    filename = os.path.abspath(spec.origin) if spec and spec.origin else ""
    quiet = io.StringIO()  # fixture modules may print; only the oracle's lines go to stdout
    try:
        with contextlib.redirect_stdout(quiet):
            module = importlib.import_module(module_name)
    except BaseException as exc:  # noqa: BLE001 - the oracle reports whatever CPython raised
        line = exc.lineno if isinstance(exc, SyntaxError) else where(exc, filename)
        print("import", type(exc).__name__, line)
        return
    print("import ok")
    targets = []
    if wanted:
        for qual in wanted:
            obj = module
            for part in qual.split("."):
                obj = getattr(obj, part, None)
            targets.append((qual, obj if callable(obj) else None))
    else:
        targets = list(defined_here(module))
    for qual, fn in targets:
        if fn is None:
            print("call", qual, "unreachable")
            continue
        if skipped(module, qual, fn):
            print("call", qual, "skipped")
            continue
        try:
            with contextlib.redirect_stdout(quiet):
                call(fn)
            print("call", qual, "ok")
        except (NameError, ImportError) as exc:
            print("call", qual, type(exc).__name__, where(exc, filename))
        except BaseException as exc:  # noqa: BLE001 - other failures (None arguments) say nothing about names
            print("call", qual, "other", where(exc, filename))


main()
