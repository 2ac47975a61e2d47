package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the token stream one logical line at a time, keeping a stack of open blocks, and reports imports,
 * definitions and statement-level syntax problems. It only looks at statement heads; expressions are skipped as
 * token runs, which is what keeps it fast and lenient.
 */
final class StatementScanner {
    private final Tokens t;
    private final SourceText src;
    private final String packageName;
    private final boolean stub;
    private final TypeCheckingCondition conditions;

    final List<ImportBinding> imports = new ArrayList<>();
    final List<Definition> definitions = new ArrayList<>();
    final List<SyntaxProblem> problems = new ArrayList<>();

    private final ArrayList<Block> stack = new ArrayList<>();
    /** The block a header just opened; it becomes current at the next INDENT. */
    private Block pendingBody;
    private int pendingHeader = -1;
    private final List<Decorator> pendingDecorators = new ArrayList<>();
    /** Depth of one-line compound statements being scanned ("if a: if b: ..." is invalid but must not blow the stack). */
    private int inlineDepth;
    private static final int MAX_INLINE_DEPTH = 50;

    /** An open block: its qualified-name prefix, whether it can run, and the state of an if-chain at its level. */
    private static final class Block {
        final String scope;
        final boolean typingOnly;
        final boolean inFunction;
        /** Non-null while the last statement at this level was an if/elif: whether a following elif/else is typing-only. */
        Boolean elseTypingOnly;

        Block(String scope, boolean typingOnly, boolean inFunction) {
            this.scope = scope;
            this.typingOnly = typingOnly;
            this.inFunction = inFunction;
        }
    }

    private StatementScanner(Tokens t, String moduleName, boolean isPackage, boolean stub, Set<String> aliases) {
        this.t = t;
        this.src = t.source;
        this.packageName = packageOf(moduleName, isPackage);
        this.stub = stub;
        this.conditions = new TypeCheckingCondition(t, aliases);
    }

    static StatementScanner run(Tokens t, String moduleName, boolean isPackage, boolean stub) {
        StatementScanner first = new StatementScanner(t, moduleName, isPackage, stub, Set.of());
        first.scan();
        Set<String> aliases = new HashSet<>();
        for (ImportBinding b : first.imports) {
            if (b.level() == 0 && "TYPE_CHECKING".equals(b.name()) && !"TYPE_CHECKING".equals(b.boundName())
                    && (b.module().equals("typing") || b.module().equals("typing_extensions"))) {
                aliases.add(b.boundName());
            }
        }
        if (aliases.isEmpty()) {
            return first;
        }
        // an alias may be bound after its first use in a condition; a second pass sees them all
        StatementScanner second = new StatementScanner(t, moduleName, isPackage, stub, aliases);
        second.scan();
        return second;
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

    private void scan() {
        stack.add(new Block("", false, false));
        int i = 0;
        while (t.kind[i] != Tokens.END) {
            byte k = t.kind[i];
            if (k == Tokens.INDENT) {
                if (pendingBody != null) {
                    stack.add(pendingBody);
                    pendingBody = null;
                } else {
                    problem("unexpected indent", i, i);
                    Block top = top();
                    stack.add(new Block(top.scope, top.typingOnly, top.inFunction));
                }
                i++;
                continue;
            }
            expectedBlockMissing(i);
            if (k == Tokens.DEDENT) {
                if (stack.size() > 1) {
                    stack.remove(stack.size() - 1);
                }
                i++;
                continue;
            }
            int e = i;
            while (t.kind[e] != Tokens.NEWLINE && t.kind[e] != Tokens.END) {
                e++;
            }
            if (e > i) {
                statement(i, e);
            }
            i = t.kind[e] == Tokens.END ? e : e + 1;
        }
        expectedBlockMissing(i);
        if (!pendingDecorators.isEmpty()) {
            problemAt("decorator without a following def or class", pendingDecorators.get(0).region());
        }
    }

    private void expectedBlockMissing(int i) {
        if (pendingBody != null) {
            problem("expected an indented block after '" + t.text(pendingHeader) + "' statement on line "
                    + src.lineOf(t.start[pendingHeader]), i, i);
            pendingBody = null;
        }
    }

    private Block top() {
        return stack.get(stack.size() - 1);
    }

    /** One logical line [s, e) (no NEWLINE inside), or the inline body of a one-line compound statement. */
    private void statement(int s, int e) {
        Block top = top();
        if (t.isOp(s, '@')) {
            pendingDecorators.add(decorator(s, e));
            top.elseTypingOnly = null;
            return;
        }
        if (t.kind[s] == Tokens.NAME) {
            int k = s;
            if (t.is(s, "async") && s + 1 < e && (t.is(s + 1, "def") || t.is(s + 1, "for") || t.is(s + 1, "with"))) {
                k = s + 1;
            }
            String word = compoundKeyword(k);
            if (word != null) {
                compound(word, s, k, e, top);
                return;
            }
            if ((t.is(s, "match") || t.is(s, "case")) && t.isOp(e - 1, ':') && e + 1 < t.size && t.kind[e + 1] == Tokens.INDENT
                    && e - s > 2 && !t.isOp(s + 1, '=') && !t.isOp(s + 1, '.')) {
                // soft keywords: a header only when it ends in ':' and an indented block follows
                clearDecorators();
                top.elseTypingOnly = null;
                openBody(s, e - 1, e, new Block(top.scope, top.typingOnly, top.inFunction));
                return;
            }
        }
        clearDecorators();
        top.elseTypingOnly = null;
        simpleStatements(s, e, top);
    }

    private String compoundKeyword(int k) {
        return switch (t.length(k)) {
            case 2 -> t.is(k, "if") ? "if" : null;
            case 3 -> t.is(k, "def") ? "def" : t.is(k, "for") ? "for" : t.is(k, "try") ? "try" : null;
            case 4 -> t.is(k, "elif") ? "elif" : t.is(k, "else") ? "else" : t.is(k, "with") ? "with" : null;
            case 5 -> t.is(k, "class") ? "class" : t.is(k, "while") ? "while" : null;
            case 6 -> t.is(k, "except") ? "except" : null;
            case 7 -> t.is(k, "finally") ? "finally" : null;
            default -> null;
        };
    }

    private void compound(String word, int s, int k, int e, Block top) {
        int colon = headerColon(k + 1, e);
        if (colon < 0) {
            problem("expected ':'", e - 1, e - 1);
            colon = e;
        }
        if (!word.equals("def") && !word.equals("class")) {
            clearDecorators();
        }
        switch (word) {
            case "if" -> {
                boolean body = conditions.bodyIsTypingOnly(k + 1, colon);
                top.elseTypingOnly = conditions.isNegatedTypingOnly(k + 1, colon);
                openBody(k, colon, e, new Block(top.scope, top.typingOnly || body, top.inFunction));
            }
            case "elif" -> {
                boolean previous = top.elseTypingOnly != null && top.elseTypingOnly;
                if (top.elseTypingOnly == null) {
                    problem("'elif' without a matching 'if'", k, k + 1);
                }
                boolean body = previous || conditions.bodyIsTypingOnly(k + 1, colon);
                top.elseTypingOnly = previous || conditions.isNegatedTypingOnly(k + 1, colon);
                openBody(k, colon, e, new Block(top.scope, top.typingOnly || body, top.inFunction));
            }
            case "else" -> {
                boolean body = top.elseTypingOnly != null && top.elseTypingOnly;
                top.elseTypingOnly = null;
                openBody(k, colon, e, new Block(top.scope, top.typingOnly || body, top.inFunction));
            }
            case "def", "class" -> definition(word.equals("def"), s, k, colon, e, top);
            default -> {
                top.elseTypingOnly = null;
                openBody(k, colon, e, new Block(top.scope, top.typingOnly, top.inFunction));
            }
        }
    }

    private void definition(boolean function, int s, int k, int colon, int e, Block top) {
        top.elseTypingOnly = null;
        List<Decorator> decorators = List.copyOf(pendingDecorators);
        pendingDecorators.clear();
        if (!t.isName(k + 1) || k + 1 >= colon) {
            problem("expected a name after '" + t.text(k) + "'", k, k + 1);
            openBody(k, colon, e, new Block(top.scope, top.typingOnly, top.inFunction || function));
            return;
        }
        String name = t.text(k + 1);
        String qualified = top.scope.isEmpty() ? name : top.scope + "." + name;
        ImportContext context = stub || top.typingOnly ? ImportContext.TYPING_ONLY : ImportContext.RUNTIME;
        definitions.add(new Definition(function ? Definition.Kind.FUNCTION : Definition.Kind.CLASS, name, qualified,
                decorators, region(k + 1, k + 2), top.scope.isEmpty(), context));
        openBody(k, colon, e, new Block(qualified, top.typingOnly, top.inFunction || function));
    }

    /** Either runs the inline body after the header colon or waits for the INDENT that opens the block. */
    private void openBody(int keyword, int colon, int e, Block body) {
        if (colon + 1 < e) {
            stack.add(body);
            if (++inlineDepth > MAX_INLINE_DEPTH) {
                problem("too many statements nested on one line", colon + 1, e);
            } else {
                statement(colon + 1, e);
            }
            inlineDepth--;
            stack.remove(stack.size() - 1);
        } else {
            pendingBody = body;
            pendingHeader = keyword;
        }
    }

    /** The ':' ending a compound-statement header: depth 0, not consumed by a lambda. -1 when absent. */
    private int headerColon(int s, int e) {
        int depth = 0;
        int lambdas = 0;
        for (int i = s; i < e; i++) {
            byte k = t.kind[i];
            if (k == Tokens.OP && t.length(i) == 1) {
                char ch = src.chars[t.start[i]];
                if (ch == '(' || ch == '[' || ch == '{') {
                    depth++;
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (ch == ':' && depth == 0) {
                    if (lambdas == 0) {
                        return i;
                    }
                    lambdas--;
                }
            } else if (k == Tokens.NAME && depth == 0 && t.is(i, "lambda")) {
                lambdas++;
            }
        }
        return -1;
    }

    private void clearDecorators() {
        if (!pendingDecorators.isEmpty()) {
            problemAt("decorator without a following def or class", pendingDecorators.get(0).region());
            pendingDecorators.clear();
        }
    }

    private void simpleStatements(int s, int e, Block top) {
        int depth = 0;
        int from = s;
        for (int i = s; i <= e; i++) {
            if (i < e && t.kind[i] == Tokens.OP && t.length(i) == 1) {
                char ch = src.chars[t.start[i]];
                if (ch == '(' || ch == '[' || ch == '{') {
                    depth++;
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    depth = Math.max(0, depth - 1);
                } else if (ch == ';' && depth == 0) {
                    simpleStatement(from, i, top);
                    from = i + 1;
                }
            } else if (i == e && from < e) {
                simpleStatement(from, e, top);
            }
        }
    }

    private void simpleStatement(int s, int e, Block top) {
        if (s >= e) {
            return;
        }
        if (t.is(s, "lazy") && s + 1 < e && (t.is(s + 1, "import") || t.is(s + 1, "from"))) {
            // PEP 810 (3.15) soft keyword: the import still runs, on first use of the name
            s++;
        }
        if (t.is(s, "import")) {
            importStatement(s, e, top);
        } else if (t.is(s, "from")) {
            fromStatement(s, e, top);
        } else if (t.kind[s] == Tokens.NAME && compoundKeyword(s) != null) {
            problem("'" + t.text(s) + "' statement not allowed after ';'", s, s + 1);
        }
    }

    private void importStatement(int s, int e, Block top) {
        int i = s + 1;
        if (i >= e) {
            problem("expected module name after 'import'", s, s + 1);
            return;
        }
        while (i < e) {
            int nameStart = i;
            int nameEnd = dottedName(i, e);
            if (nameEnd == nameStart) {
                problem("expected module name in 'import'", i, i + 1);
                return;
            }
            String module = joined(nameStart, nameEnd);
            i = nameEnd;
            String bound;
            if (t.is(i, "as")) {
                if (!t.isName(i + 1) || i + 1 >= e) {
                    problem("expected a name after 'as'", i, i + 1);
                    return;
                }
                bound = t.text(i + 1);
                i += 2;
            } else {
                int dot = module.indexOf('.');
                bound = dot < 0 ? module : module.substring(0, dot);
            }
            addImport(0, module, null, bound, module, nameStart, nameEnd, s, top);
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

    private void fromStatement(int s, int e, Block top) {
        int i = s + 1;
        int level = 0;
        while (i < e && t.kind[i] == Tokens.OP && (t.isOp(i, '.') || t.is(i, "..."))) {
            level += t.length(i);
            i++;
        }
        int moduleStart = i;
        int moduleEnd = t.is(i, "import") ? i : dottedName(i, e);
        if (moduleEnd == moduleStart && level == 0) {
            problem("expected module name after 'from'", s, s + 1);
            return;
        }
        String module = joined(moduleStart, moduleEnd);
        i = moduleEnd;
        if (!t.is(i, "import") || i >= e) {
            problem("expected 'import' after 'from " + ".".repeat(level) + module + "'", s, Math.max(s + 1, i));
            return;
        }
        int importKeyword = i;
        i++;
        if (i < e && t.isOp(i, '*')) {
            addImport(level, module, "*", "*", targetOf(level, module, "*"), i, i + 1, s, top);
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
            String name = t.text(i);
            int nameAt = i;
            i++;
            String bound = name;
            if (t.is(i, "as") && i < e) {
                if (!t.isName(i + 1) || i + 1 >= e) {
                    problem("expected a name after 'as'", i, i + 1);
                    return;
                }
                bound = t.text(i + 1);
                i += 2;
            }
            addImport(level, module, name, bound, targetOf(level, module, name), nameAt, nameAt + 1, s, top);
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

    /** End of NAME ('.' NAME)* starting at i; i itself when there is no name. */
    private int dottedName(int i, int e) {
        if (i >= e || !t.isName(i)) {
            return i;
        }
        int end = i + 1;
        while (end + 1 < e && t.isOp(end, '.') && t.isName(end + 1)) {
            end += 2;
        }
        return end;
    }

    private String joined(int s, int e) {
        if (e - s == 1) {
            return t.text(s);
        }
        StringBuilder b = new StringBuilder();
        for (int i = s; i < e; i++) {
            b.append(src.chars, t.start[i], t.length(i));
        }
        return b.toString();
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
            base = String.join(".", java.util.Arrays.asList(parts).subList(0, parts.length - level + 1));
            if (!module.isEmpty()) {
                base = base + "." + module;
            }
        }
        return base + "." + name;
    }

    private void addImport(int level, String module, String name, String bound, String target, int nameStart,
                           int nameEnd, int statementStart, Block top) {
        ImportContext context = stub || top.typingOnly ? ImportContext.TYPING_ONLY : ImportContext.RUNTIME;
        imports.add(new ImportBinding(level, module, name, bound, target, region(nameStart, nameEnd),
                src.lineOf(t.start[statementStart]), context, top.scope, top.inFunction));
    }

    private Decorator decorator(int s, int e) {
        int nameEnd = dottedName(s + 1, e);
        String dotted = null;
        String firstString = null;
        if (nameEnd > s + 1 && nameEnd == e) {
            dotted = joined(s + 1, nameEnd);
        } else if (nameEnd > s + 1 && t.isOp(nameEnd, '(') && t.isOp(e - 1, ')') && closes(nameEnd, e - 1)) {
            dotted = joined(s + 1, nameEnd);
            firstString = firstStringArgument(nameEnd + 1, e - 1);
        }
        if (dotted == null) {
            // not a (called) dotted name: keep the source so rules can still show it, but it matches no qualified name
            dotted = e > s + 1 ? src.text(t.start[s + 1], t.end[e - 1]) : "";
        }
        return new Decorator(dotted, firstString, region(s, e));
    }

    private boolean closes(int open, int close) {
        int depth = 0;
        for (int i = open; i <= close; i++) {
            if (t.kind[i] == Tokens.OP && t.length(i) == 1) {
                char ch = src.chars[t.start[i]];
                if (ch == '(' || ch == '[' || ch == '{') {
                    depth++;
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    depth--;
                    if (depth == 0) {
                        return i == close;
                    }
                }
            }
        }
        return false;
    }

    private String firstStringArgument(int s, int e) {
        int argEnd = s;
        int depth = 0;
        while (argEnd < e && !(depth == 0 && t.isOp(argEnd, ','))) {
            if (t.kind[argEnd] == Tokens.OP && t.length(argEnd) == 1) {
                char ch = src.chars[t.start[argEnd]];
                depth += (ch == '(' || ch == '[' || ch == '{') ? 1 : (ch == ')' || ch == ']' || ch == '}') ? -1 : 0;
            }
            argEnd++;
        }
        // ("x") is the same literal; the parentheses only group
        while (argEnd - s >= 3 && t.isOp(s, '(') && t.isOp(argEnd - 1, ')') && closes(s, argEnd - 1)) {
            s++;
            argEnd--;
        }
        StringBuilder value = new StringBuilder();
        for (int i = s; i < argEnd; i++) {
            if (t.kind[i] != Tokens.STRING || !StringLiteral.isPlain(src.chars, t.start[i], t.end[i])) {
                return null;
            }
            String part = StringLiteral.value(src.chars, t.start[i], t.end[i]);
            if (part == null) {
                return null;
            }
            value.append(part);
        }
        return argEnd > s ? value.toString() : null;
    }

    private Region region(int fromToken, int toToken) {
        int s = t.start[fromToken];
        int end = toToken > fromToken ? t.end[toToken - 1] : s;
        return src.region(s, end);
    }

    private void problem(String message, int fromToken, int toToken) {
        problems.add(new SyntaxProblem(message, region(fromToken, Math.max(fromToken, toToken))));
    }

    private void problemAt(String message, Region region) {
        problems.add(new SyntaxProblem(message, region));
    }
}
