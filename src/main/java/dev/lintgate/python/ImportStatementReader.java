package dev.lintgate.python;

import java.util.Arrays;
import java.util.List;

/** Reads {@code import ...} and {@code from ... import ...} statements from a token range into bindings. */
final class ImportStatementReader {
    /** Receives one bound name; nameStart/nameEnd are token indexes of the name as written. */
    interface Sink {
        void bind(int level, String module, String name, String bound, String target, int nameStart, int nameEnd);
    }

    private final Tokens t;
    /** {@code __package__}: the module's parent, or the module itself for a package; null when unknown. */
    private final String packageName;
    private final List<SyntaxProblem> problems;

    ImportStatementReader(Tokens t, String moduleName, boolean isPackage, List<SyntaxProblem> problems) {
        this.t = t;
        this.packageName = packageOf(moduleName, isPackage);
        this.problems = problems;
    }

    private static String packageOf(String moduleName, boolean isPackage) {
        if (moduleName == null) {
            return null;
        }
        if (isPackage) {
            return moduleName;
        }
        int dot = moduleName.lastIndexOf('.');
        return dot < 0 ? "" : moduleName.substring(0, dot);
    }

    /** True when the simple statement [s, e) is an import; its bindings go to the sink. */
    boolean read(int s, int e, Sink sink) {
        if (t.is(s, Tokens.IMPORT)) {
            importStatement(s, e, sink);
            return true;
        }
        if (t.is(s, Tokens.FROM)) {
            fromStatement(s, e, sink);
            return true;
        }
        return false;
    }

    private void importStatement(int s, int e, Sink sink) {
        int i = s + 1;
        if (i >= e) {
            problem("expected module name after 'import'", s, s + 1);
            return;
        }
        while (i < e) {
            int nameStart = i;
            int nameEnd = t.dottedNameEnd(i, e);
            if (nameEnd == nameStart) {
                problem("expected module name in 'import'", i, i + 1);
                return;
            }
            String module = t.joined(nameStart, nameEnd);
            i = nameEnd;
            String bound;
            if (i < e && t.is(i, Tokens.AS)) {
                if (!t.isName(i + 1) || i + 1 >= e) {
                    problem("expected a name after 'as'", i, i + 1);
                    return;
                }
                bound = t.name(i + 1);
                i += 2;
            } else {
                int dot = module.indexOf('.');
                bound = dot < 0 ? module : module.substring(0, dot);
            }
            sink.bind(0, module, null, bound, module, nameStart, nameEnd);
            if (i < e && t.isOp(i, ',')) {
                i++;
                if (i >= e) {
                    problem("trailing comma not allowed without surrounding parentheses", i - 1, i);
                }
            } else if (i < e) {
                problem("invalid syntax in 'import'", i, i + 1);
                return;
            }
        }
    }

    private void fromStatement(int s, int e, Sink sink) {
        int i = s + 1;
        int level = 0;
        while (i < e && t.kind[i] == Tokens.OP && (t.isOp(i, '.') || t.is(i, Tokens.ELLIPSIS))) {
            level += t.length(i);
            i++;
        }
        int moduleStart = i;
        int moduleEnd = t.is(i, Tokens.IMPORT) ? i : t.dottedNameEnd(i, e);
        if (moduleEnd == moduleStart && level == 0) {
            problem("expected module name after 'from'", s, s + 1);
            return;
        }
        String module = t.joined(moduleStart, moduleEnd);
        i = moduleEnd;
        if (!t.is(i, Tokens.IMPORT) || i >= e) {
            problem("expected 'import' after 'from " + ".".repeat(level) + module + "'", s, Math.max(s + 1, i));
            return;
        }
        int importKeyword = i;
        i++;
        if (i < e && t.isOp(i, '*')) {
            sink.bind(level, module, "*", "*", targetOf(level, module, "*"), i, i + 1);
            if (i + 1 < e) {
                problem("invalid syntax after 'import *'", i + 1, i + 2);
            }
            return;
        }
        boolean parenthesized = i < e && t.isOp(i, '(');
        if (parenthesized) {
            i++;
        }
        int count = 0;
        while (i < e && !(parenthesized && t.isOp(i, ')'))) {
            if (!t.isName(i)) {
                problem("expected a name to import", i, i + 1);
                return;
            }
            String name = t.name(i);
            int nameAt = i;
            i++;
            String bound = name;
            if (t.is(i, Tokens.AS) && i < e) {
                if (!t.isName(i + 1) || i + 1 >= e) {
                    problem("expected a name after 'as'", i, i + 1);
                    return;
                }
                bound = t.name(i + 1);
                i += 2;
            }
            sink.bind(level, module, name, bound, targetOf(level, module, name), nameAt, nameAt + 1);
            count++;
            if (i < e && t.isOp(i, ',')) {
                i++;
                if (i >= e && !parenthesized) {
                    problem("trailing comma not allowed without surrounding parentheses", i - 1, i);
                }
            } else if (i < e && !(parenthesized && t.isOp(i, ')'))) {
                problem("invalid syntax in 'from ... import'", i, i + 1);
                return;
            }
        }
        if (count == 0) {
            problem("expected names after 'import'", importKeyword, importKeyword + 1);
        } else if (parenthesized && (i >= e || i + 1 < e)) {
            problem(i >= e ? "'(' was never closed" : "invalid syntax after ')'", Math.min(i, e - 1), Math.min(i, e - 1) + 1);
        }
    }

    /** Absolute name per importlib.util.resolve_name; null when the file has no package or the dots go past it. */
    private String targetOf(int level, String module, String name) {
        String base;
        if (level == 0) {
            base = module;
        } else {
            if (packageName == null || packageName.isEmpty()) {
                return null;
            }
            String[] parts = packageName.split("\\.");
            if (level > parts.length) {
                return null;
            }
            base = String.join(".", Arrays.asList(parts).subList(0, parts.length - level + 1));
            if (!module.isEmpty()) {
                base = base + "." + module;
            }
        }
        return base + "." + name;
    }

    private void problem(String message, int fromToken, int toToken) {
        problems.add(new SyntaxProblem(message, t.region(fromToken, Math.max(fromToken, toToken))));
    }
}
