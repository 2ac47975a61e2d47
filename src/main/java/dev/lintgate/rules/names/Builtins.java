package dev.lintgate.rules.names;

import java.util.Set;

/**
 * Names Python provides without a binding in the file. The list is the union over CPython 3.8 to 3.14 (and
 * Windows), not one version's: code that guards a newer builtin with {@code sys.version_info} must stay quiet.
 */
final class Builtins {
    private Builtins() {
    }

    private static final Set<String> NAMES = Set.of(
            "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
            "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
            "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
            "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
            "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
            "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
            "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
            "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
            "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
            "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
            "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
            "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
            "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
            "ValueError", "Warning", "WindowsError", "ZeroDivisionError", "_IncompleteInputError",
            "__build_class__", "__debug__", "__doc__", "__import__", "__loader__", "__name__", "__package__",
            "__spec__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
            "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict",
            "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr",
            "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
            "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open",
            "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr",
            "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
            // module globals every module has
            "__file__", "__builtins__", "__cached__", "__annotations__", "__dict__",
            // "_" is installed into builtins by gettext.install() and the interactive shell; IPython installs
            // get_ipython, which library code calls after checking it is running there
            "_", "get_ipython");

    /**
     * Python 2 builtins: code still guards them (`if PY2:`, `try: unicode except NameError`) in ways a flat
     * reader cannot see, so they are never reported.
     */
    private static final Set<String> PYTHON2 = Set.of("unicode", "basestring", "long", "xrange", "raw_input",
            "unichr", "execfile", "reduce", "file", "cmp", "buffer", "apply", "intern", "coerce", "reload");

    /** One set: this is asked for most names of every file. */
    private static final Set<String> ALL = union(NAMES, PYTHON2);

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    static boolean contains(String name) {
        return ALL.contains(name);
    }
}
