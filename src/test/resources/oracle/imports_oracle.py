"""Reference import facts from CPython's own parser, for ImportOracleTest.

Walks the stdlib and site-packages (or the directories given as arguments), parses every .py file with ast on two
processes, and prints one JSON object per line:

  {"root": ..., "srcRoots": [...]}                                  first line: where paths are relative to
  {"path": rel, "status": "ok", "module": m, "package": b, "imports": [[line, level, module, name, bound, target,
      context, scope, inFunction], ...], "definitions": [[line, kind, qualifiedName, moduleLevel, context,
      [[decoratorDottedName or "<expr>", firstStringArgument], ...]], ...], "warningBlocks": [[firstLine, lastLine,
      callee, [category or "<expr>", ...]], ...]}
  {"path": rel, "status": "rejected", "error": "..."}                files ast.parse refuses

Warning blocks: each `with` item that is a call of a dotted name ending in one of WARNING_CALLEES (its lines are the
whole `with` statement's), and each expression statement or single-name assignment whose value is such a call given
the function to run (two positional arguments, one for deprecated_call; never catch_warnings), with its own lines.
The categories are the first positional argument and any `expected_warning=` (not for catch_warnings and
deprecated_call), a tuple read element by element.

Typing-only rules are implemented here independently of the Java scanner, from the ast:
  * `if C:` body is typing-only when C is TYPE_CHECKING, any dotted name ending in .TYPE_CHECKING, a name bound by
    `from typing|typing_extensions import TYPE_CHECKING as X`, False, the int 0, or an `and` with such an operand;
  * the else/elif branches of `if not <that spelling>:` are typing-only;
  * everything nested in a typing-only region is typing-only; every import in a .pyi is.
"""
import ast
import gc
import importlib.util
import json
import multiprocessing
import os
import sys
import sysconfig

ROOT = None
SRC_ROOTS = None


def module_name(rel):
    best = None
    for r in SRC_ROOTS:
        if r == ".":
            rest = rel
        elif rel.startswith(r + "/"):
            rest = rel[len(r) + 1:]
        else:
            continue
        if best is None or len(rest) < len(best):
            best = rest
    if best is None:
        return None
    if best.endswith(".pyi"):
        stem = best[:-4]
    elif best.endswith(".py"):
        stem = best[:-3]
    else:
        return None
    parts = stem.split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    if not parts or not all(p.isidentifier() for p in parts):
        return None
    return ".".join(parts)


def dotted_name(e):
    parts = []
    while isinstance(e, ast.Attribute):
        parts.append(e.attr)
        e = e.value
    if not isinstance(e, ast.Name):
        return None
    parts.append(e.id)
    return ".".join(reversed(parts))


def is_dotted(e):
    while isinstance(e, ast.Attribute):
        e = e.value
    return isinstance(e, ast.Name)


WARNING_CALLEES = {"catch_warnings", "deprecated_call", "warns", "assertWarns", "assertWarnsRegex"}


def warning_callee(call):
    if not isinstance(call, ast.Call):
        return None
    dotted = dotted_name(call.func)
    if dotted is None or dotted.rpartition(".")[2] not in WARNING_CALLEES:
        return None
    return dotted


def categories(call, dotted):
    out = []
    if dotted.rpartition(".")[2] in ("catch_warnings", "deprecated_call"):
        return out

    def add(e):
        if isinstance(e, ast.Tuple):
            for x in e.elts:
                add(x)
        else:
            out.append(dotted_name(e) or "<expr>")

    if call.args:
        add(call.args[0])
    for k in call.keywords:
        if k.arg == "expected_warning":
            add(k.value)
    return out


class Visitor:
    def __init__(self, package, stub, aliases):
        self.package = package
        self.stub = stub
        self.aliases = aliases
        self.out = []
        self.defs = []
        self.warnings = []

    def warning_blocks(self, s):
        if isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                dotted = warning_callee(item.context_expr)
                if dotted:
                    self.warnings.append([s.lineno, s.end_lineno, dotted, categories(item.context_expr, dotted)])
            return
        if isinstance(s, ast.Expr):
            call = s.value
        elif isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
            call = s.value
        else:
            return
        dotted = warning_callee(call)
        if not dotted or dotted.rpartition(".")[2] == "catch_warnings":
            return
        needed = 1 if dotted.rpartition(".")[2] == "deprecated_call" else 2
        if len(call.args) >= needed:
            self.warnings.append([s.lineno, s.end_lineno, dotted, categories(call, dotted)])

    def is_tc(self, e):
        if isinstance(e, ast.Name):
            return e.id == "TYPE_CHECKING" or e.id in self.aliases
        if isinstance(e, ast.Attribute):
            return e.attr == "TYPE_CHECKING" and is_dotted(e.value)
        if isinstance(e, ast.Constant):
            v = e.value
            return v is False or (type(v) is int and v == 0)
        return False

    def body_typing(self, e):
        if self.is_tc(e):
            return True
        return isinstance(e, ast.BoolOp) and isinstance(e.op, ast.And) and any(self.body_typing(v) for v in e.values)

    def not_tc(self, e):
        return isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.Not) and self.is_tc(e.operand)

    def resolve(self, level, module):
        if level == 0:
            return module
        if not self.package:
            return None
        try:
            return importlib.util.resolve_name("." * level + (module or ""), self.package)
        except (ImportError, ValueError):
            return None

    def stmts(self, body, typing, scope, in_function):
        for s in body:
            self.stmt(s, typing, scope, in_function)

    def emit(self, node, level, module, name, bound, target, typing, scope, in_function):
        ctx = "TYPING_ONLY" if (typing or self.stub) else "RUNTIME"
        self.out.append([node.lineno, level, module, name, bound, target, ctx, ".".join(scope), in_function])

    def definition(self, s, kind, typing, scope):
        decorators = []
        for d in s.decorator_list:
            call = isinstance(d, ast.Call)
            dotted = dotted_name(d.func if call else d)
            first = None
            if call and dotted and d.args and isinstance(d.args[0], ast.Constant) and type(d.args[0].value) is str:
                first = d.args[0].value
            decorators.append([dotted or "<expr>", first])
        ctx = "TYPING_ONLY" if (typing or self.stub) else "RUNTIME"
        self.defs.append([s.lineno, kind, ".".join(scope + [s.name]), not scope, ctx, decorators])

    def stmt(self, s, typing, scope, in_function):
        self.warning_blocks(s)
        if isinstance(s, ast.Import):
            for a in s.names:
                bound = a.asname if a.asname else a.name.split(".")[0]
                self.emit(s, 0, a.name, None, bound, a.name, typing, scope, in_function)
        elif isinstance(s, ast.ImportFrom):
            module = s.module or ""
            base = self.resolve(s.level, module)
            for a in s.names:
                bound = a.asname if a.asname else a.name
                target = None if base is None else base + "." + a.name
                self.emit(s, s.level, module, a.name, bound, target, typing, scope, in_function)
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.definition(s, "FUNCTION", typing, scope)
            self.stmts(s.body, typing, scope + [s.name], True)
        elif isinstance(s, ast.ClassDef):
            self.definition(s, "CLASS", typing, scope)
            self.stmts(s.body, typing, scope + [s.name], in_function)
        elif isinstance(s, ast.If):
            self.stmts(s.body, typing or self.body_typing(s.test), scope, in_function)
            self.stmts(s.orelse, typing or self.not_tc(s.test), scope, in_function)
        else:
            for field in ("body", "orelse", "finalbody"):
                self.stmts(getattr(s, field, None) or [], typing, scope, in_function)
            for h in getattr(s, "handlers", None) or []:
                self.stmts(h.body, typing, scope, in_function)
            for c in getattr(s, "cases", None) or []:
                self.stmts(c.body, typing, scope, in_function)


def examine(rel):
    try:
        with open(os.path.join(ROOT, rel), "rb") as f:
            data = f.read()
        tree = ast.parse(data, rel)
    except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError, OverflowError) as e:
        return json.dumps({"path": rel, "status": "rejected", "error": type(e).__name__ + ": " + str(e)[:200]})
    module = module_name(rel)
    package = os.path.basename(rel) in ("__init__.py", "__init__.pyi")
    if module is None:
        pkg = None
    elif package:
        pkg = module
    else:
        pkg = module.rpartition(".")[0]
    aliases = set()
    # a full ast.walk costs as much as the parse; only files that spell an alias need it
    for node in (ast.walk(tree) if b"TYPE_CHECKING as" in data else ()):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in ("typing", "typing_extensions"):
            for a in node.names:
                if a.name == "TYPE_CHECKING" and a.asname:
                    aliases.add(a.asname)
    v = Visitor(pkg, rel.endswith(".pyi"), aliases)
    v.stmts(tree.body, False, [], False)
    return json.dumps({"path": rel, "status": "ok", "module": module, "package": package, "imports": v.out, "definitions": v.defs,
                       "warningBlocks": v.warnings})


def init(root, src_roots):
    global ROOT, SRC_ROOTS
    ROOT = root
    SRC_ROOTS = src_roots
    sys.setrecursionlimit(10000)
    # ast nodes form no reference cycles, and the cyclic collector otherwise runs over millions of fresh nodes
    gc.disable()


def main():
    if len(sys.argv) > 1:
        dirs = [os.path.realpath(d) for d in sys.argv[1:]]
    else:
        paths = sysconfig.get_paths()
        dirs = [os.path.realpath(paths["stdlib"]), os.path.realpath(paths["purelib"])]
    root = os.path.commonpath(dirs)
    src_roots = sorted({os.path.relpath(d, root).replace(os.sep, "/") for d in dirs})
    files = set()
    for d in dirs:
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames[:] = sorted(n for n in dirnames if n != "__pycache__")
            for name in filenames:
                if name.endswith(".py"):
                    full = os.path.join(dirpath, name)
                    if os.path.isfile(full):
                        files.add(os.path.relpath(full, root).replace(os.sep, "/"))
    out = sys.stdout
    out.write(json.dumps({"root": root, "srcRoots": src_roots}) + "\n")
    out.flush()
    init(root, src_roots)
    with multiprocessing.Pool(2, initializer=init, initargs=(root, src_roots)) as pool:
        for line in pool.imap_unordered(examine, sorted(files), chunksize=8):
            out.write(line + "\n")
    out.flush()


if __name__ == "__main__":
    main()
