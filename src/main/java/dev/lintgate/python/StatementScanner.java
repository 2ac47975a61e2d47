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
    private final ImportStatementReader importReader;
    private final DecoratorReader decoratorReader;
    private final boolean stub;
    private final TypeCheckingCondition conditions;
    private final FactStrings strings = new FactStrings();

    final List<ImportBinding> imports = new ArrayList<>();
    final List<Definition> definitions = new ArrayList<>();
    final List<SyntaxProblem> problems = new ArrayList<>();
    /** Null until a file has one: most have none. */
    List<WarningBlock> warningBlocks;
    /** The last token of the last logical line scanned: where a block that closes now ends. */
    private int lastStatementToken;

    private final ArrayList<Block> stack = new ArrayList<>();
    /** The block a header just opened; it becomes current at the next INDENT. */
    private Block pendingBody;
    private int pendingHeader = -1;
    private final List<Decorator> pendingDecorators = new ArrayList<>();
    /** Depth of one-line compound statements being scanned ("if a: if b: ..." is invalid but must not blow the stack). */
    private int inlineDepth;
    private static final int MAX_INLINE_DEPTH = 50;
    /** The token kinds that end a logical line, as a bit set. */
    private static final int LINE_END = (1 << Tokens.NEWLINE) | (1 << Tokens.END);

    /**
     * An open block: its qualified-name prefix and the innermost definition around it (null at module level),
     * whether it can run, and the state of an if-chain at its level.
     */
    private static final class Block {
        final String scope;
        final Definition definition;
        final boolean typingOnly;
        final boolean inFunction;
        /** Non-null while the last statement at this level was an if/elif: whether a following elif/else is typing-only. */
        Boolean elseTypingOnly;
        /** For the body of a {@code with} that catches warnings: its blocks, whose last line is known when it closes. */
        List<WarningBlock> warnings;

        Block(String scope, Definition definition, boolean typingOnly, boolean inFunction) {
            this.scope = scope;
            this.definition = definition;
            this.typingOnly = typingOnly;
            this.inFunction = inFunction;
        }
    }

    private StatementScanner(Tokens t, String moduleName, boolean isPackage, boolean stub, Set<String> aliases) {
        this.t = t;
        this.src = t.source;
        this.importReader = new ImportStatementReader(t, moduleName, isPackage, problems);
        this.decoratorReader = new DecoratorReader(t, strings);
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

    private void scan() {
        stack.add(new Block("", null, false, false));
        byte[] kind = t.kind;
        int i = 0;
        while (kind[i] != Tokens.END) {
            byte k = kind[i];
            if (k == Tokens.INDENT) {
                if (pendingBody != null) {
                    stack.add(pendingBody);
                    pendingBody = null;
                } else {
                    problem("unexpected indent", i, i);
                    Block top = top();
                    stack.add(new Block(top.scope, top.definition, top.typingOnly, top.inFunction));
                }
                i++;
                continue;
            }
            if (pendingBody != null) {
                expectedBlockMissing(i);
            }
            if (k == Tokens.DEDENT) {
                if (stack.size() > 1) {
                    close(stack.remove(stack.size() - 1), lastStatementToken);
                }
                i++;
                continue;
            }
            int e = i;
            // one shift and test per token instead of two comparisons: kinds are below 32
            while (((1 << kind[e]) & LINE_END) == 0) {
                e++;
            }
            if (e > i) {
                statement(i, e);
                lastStatementToken = e - 1;
            }
            i = kind[e] == Tokens.END ? e : e + 1;
        }
        expectedBlockMissing(i);
        while (stack.size() > 1) {
            close(stack.remove(stack.size() - 1), lastStatementToken);
        }
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
            pendingDecorators.add(decoratorReader.read(s, e));
            top.elseTypingOnly = null;
            return;
        }
        if (t.kind[s] == Tokens.NAME) {
            int k = s;
            if (t.is(s, Tokens.ASYNC) && s + 1 < e
                    && (t.is(s + 1, Tokens.DEF) || t.is(s + 1, Tokens.FOR) || t.is(s + 1, Tokens.WITH))) {
                k = s + 1;
            }
            int word = t.code[k];
            if (isCompoundKeyword(word)) {
                compound(word, s, k, e, top);
                return;
            }
            if ((t.is(s, Tokens.MATCH) || t.is(s, Tokens.CASE)) && t.isOp(e - 1, ':') && e + 1 < t.size && t.kind[e + 1] == Tokens.INDENT
                    && e - s > 2 && !t.isOp(s + 1, '=') && !t.isOp(s + 1, '.')) {
                // soft keywords: a header only when it ends in ':' and an indented block follows
                clearDecorators();
                top.elseTypingOnly = null;
                openBody(s, e - 1, e, new Block(top.scope, top.definition, top.typingOnly, top.inFunction));
                return;
            }
        }
        clearDecorators();
        top.elseTypingOnly = null;
        simpleStatements(s, e, top);
    }

    /** Per token code: whether it is a keyword that opens a compound statement. One load instead of eleven tests. */
    private static final boolean[] COMPOUND = new boolean[1 << 16];

    static {
        for (int w : new int[] {Tokens.IF, Tokens.DEF, Tokens.FOR, Tokens.TRY, Tokens.ELIF, Tokens.ELSE, Tokens.WITH,
                Tokens.CLASS, Tokens.WHILE, Tokens.EXCEPT, Tokens.FINALLY}) {
            COMPOUND[w] = true;
        }
    }

    /** For a token's code (a short, so always inside the table). */
    private static boolean isCompoundKeyword(int code) {
        return COMPOUND[code & 0xFFFF];
    }

    private void compound(int word, int s, int k, int e, Block top) {
        int colon = headerColon(k + 1, e);
        if (colon < 0) {
            problem("expected ':'", e - 1, e - 1);
            colon = e;
        }
        if (word == Tokens.DEF || word == Tokens.CLASS) {
            definition(word == Tokens.DEF, s, k, colon, e, top);
            return;
        }
        clearDecorators();
        if (word == Tokens.IF) {
            boolean body = conditions.bodyIsTypingOnly(k + 1, colon);
            top.elseTypingOnly = conditions.isNegatedTypingOnly(k + 1, colon);
            openBody(k, colon, e, new Block(top.scope, top.definition, top.typingOnly || body, top.inFunction));
        } else if (word == Tokens.ELIF) {
            boolean previous = top.elseTypingOnly != null && top.elseTypingOnly;
            if (top.elseTypingOnly == null) {
                problem("'elif' without a matching 'if'", k, k + 1);
            }
            boolean body = previous || conditions.bodyIsTypingOnly(k + 1, colon);
            top.elseTypingOnly = previous || conditions.isNegatedTypingOnly(k + 1, colon);
            openBody(k, colon, e, new Block(top.scope, top.definition, top.typingOnly || body, top.inFunction));
        } else if (word == Tokens.ELSE) {
            boolean body = top.elseTypingOnly != null && top.elseTypingOnly;
            top.elseTypingOnly = null;
            openBody(k, colon, e, new Block(top.scope, top.definition, top.typingOnly || body, top.inFunction));
        } else {
            top.elseTypingOnly = null;
            Block body = new Block(top.scope, top.definition, top.typingOnly, top.inFunction);
            if (word == Tokens.WITH) {
                body.warnings = withWarningBlocks(s, k + 1, colon);
            }
            openBody(k, colon, e, body);
        }
    }

    /**
     * The items of a {@code with} header [s, colon) that catch warnings (see {@link WarningBlock}), their last
     * line still unknown; null when there are none.
     */
    private List<WarningBlock> withWarningBlocks(int s, int from, int colon) {
        int to = colon;
        // "with (a as x, b):" (3.9+) groups the items; a parenthesized lone item is the same item
        if (t.isOp(from, '(') && t.closingBracket(from, colon) == colon - 1) {
            from++;
            to--;
        }
        List<WarningBlock> found = null;
        for (int a = from; a < to; ) {
            int end = itemEnd(a, to);
            int as = find(a, end, Tokens.AS);
            WarningBlock w = warningCall(a, as < 0 ? end : as, false, s);
            if (w != null) {
                if (found == null) found = new ArrayList<>(1);
                found.add(w);
            }
            a = end + 1;
        }
        return found;
    }

    /**
     * A call of a {@link WarningBlock} callee spanning tokens [a, e) of the statement starting at token
     * {@code statement}, else null; asked of most calls, so it rules them out before anything else. In the call form
     * (a statement that passes the function to run) only a call that is given that function counts.
     */
    private WarningBlock warningCall(int a, int e, boolean callForm, int statement) {
        // "(pytest.warns(C)) as w": parentheses around an item only group it
        for (int k = 0; k < 200 && e - a >= 3 && t.isOp(a, '(') && t.closingBracket(a, e) == e - 1; k++) {
            a++;
            e--;
        }
        int nameEnd = t.dottedNameEnd(a, e);
        if (nameEnd == a || !t.isOp(nameEnd, '(') || !isWarningCallee(nameEnd - 1) || t.closingBracket(nameEnd, e) != e - 1) {
            return null;
        }
        List<String> categories = new ArrayList<>(1);
        int positional = 0;
        boolean expectsCategory = !t.is(nameEnd - 1, "catch_warnings") && !t.is(nameEnd - 1, "deprecated_call");
        for (int arg = nameEnd + 1; arg < e - 1; ) {
            int end = itemEnd(arg, e - 1);
            boolean keyword = t.isName(arg) && t.isOp(arg + 1, '=');
            if (keyword && t.is(arg, "expected_warning") && expectsCategory) {
                categories(arg + 2, end, categories);
            } else if (!keyword && !t.is(arg, "**") && end > arg) {
                if (positional == 0 && expectsCategory) {
                    categories(arg, end, categories);
                }
                positional++;
            }
            arg = end + 1;
        }
        if (callForm && (positional < (expectsCategory ? 2 : 1) || t.is(nameEnd - 1, "catch_warnings"))) {
            return null;
        }
        return new WarningBlock(strings.of(t.joined(a, nameEnd)), categories, src.lineOf(t.start[statement]), 0);
    }

    /** A warning class argument: a dotted name, or a tuple of them; anything else is {@link WarningBlock#UNKNOWN}. */
    private void categories(int s, int e, List<String> out) {
        if (t.isOp(s, '(') && t.closingBracket(s, e) == e - 1) {
            for (int a = s + 1; a < e - 1; ) {
                int end = itemEnd(a, e - 1);
                if (end > a) categories(a, end, out);
                a = end + 1;
            }
            return;
        }
        int nameEnd = t.dottedNameEnd(s, e);
        out.add(nameEnd == e && e > s ? strings.of(t.joined(s, e)) : WarningBlock.UNKNOWN);
    }

    /** By length first: most calls are ruled out by it, without a look at their text. */
    private boolean isWarningCallee(int i) {
        if (!t.isName(i)) return false;
        return switch (t.length(i)) {
            case 5 -> t.is(i, "warns");
            case 11 -> t.is(i, "assertWarns");
            case 14 -> t.is(i, "catch_warnings");
            case 15 -> t.is(i, "deprecated_call");
            case 16 -> t.is(i, "assertWarnsRegex");
            default -> false;
        };
    }

    /** The end of the comma-separated item starting at a: the next comma at bracket depth 0, or e. */
    private int itemEnd(int a, int e) {
        int comma = t.topLevel(a, e, ',');
        return comma < 0 ? e : comma;
    }

    /** The first token in [s, e) with this code at bracket depth 0, -1 when none. */
    private int find(int s, int e, int code) {
        return t.topLevel(s, e, code);
    }

    /** A block ends: the warning blocks it opened end with it, on the line of its last token. */
    private void close(Block b, int lastToken) {
        if (b.warnings == null) {
            return;
        }
        int last = src.lineOf(Math.max(t.start[lastToken], t.end[lastToken] - 1));
        if (warningBlocks == null) warningBlocks = new ArrayList<>(2);
        for (WarningBlock w : b.warnings) {
            warningBlocks.add(new WarningBlock(w.callee(), w.categories(), w.firstLine(), Math.max(last, w.firstLine())));
        }
    }

    private void definition(boolean function, int s, int k, int colon, int e, Block top) {
        top.elseTypingOnly = null;
        List<Decorator> decorators = List.copyOf(pendingDecorators);
        pendingDecorators.clear();
        if (!t.isName(k + 1) || k + 1 >= colon) {
            problem("expected a name after '" + t.text(k) + "'", k, k + 1);
            openBody(k, colon, e, new Block(top.scope, top.definition, top.typingOnly, top.inFunction || function));
            return;
        }
        String name = strings.of(t.name(k + 1));
        String qualified = top.scope.isEmpty() ? name : top.scope + "." + name;
        ImportContext context = stub || top.typingOnly ? ImportContext.TYPING_ONLY : ImportContext.RUNTIME;
        Definition definition = new Definition(function ? Definition.Kind.FUNCTION : Definition.Kind.CLASS, name,
                top.definition, decorators, t.region(k + 1, k + 2), top.scope.isEmpty(), context);
        definitions.add(definition);
        openBody(k, colon, e, new Block(qualified, definition, top.typingOnly, top.inFunction || function));
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
            close(stack.remove(stack.size() - 1), e - 1);
        } else {
            pendingBody = body;
            pendingHeader = keyword;
        }
    }

    /** The ':' ending a compound-statement header: depth 0, not consumed by a lambda. -1 when absent. */
    private int headerColon(int s, int e) {
        int depth = 0;
        int lambdas = 0;
        short[] code = t.code;
        for (int i = s; i < e; i++) {
            int k = code[i];
            if (Tokens.opens(k)) {
                depth++;
            } else if (Tokens.closes(k)) {
                depth = Math.max(0, depth - 1);
            } else if (k == ':' && depth == 0) {
                if (lambdas == 0) {
                    return i;
                }
                lambdas--;
            } else if (k == Tokens.LAMBDA && depth == 0) {
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
        if (t.semicolons == 0) {
            if (s < e) {
                simpleStatement(s, e, top);
            }
            return;
        }
        short[] code = t.code;
        int depth = 0;
        int from = s;
        for (int i = s; i <= e; i++) {
            if (i < e && Tokens.isOneCharOp(code[i])) {
                int ch = code[i];
                if (Tokens.opens(ch)) {
                    depth++;
                } else if (Tokens.closes(ch)) {
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
        if (t.is(s, Tokens.LAZY) && s + 1 < e && (t.is(s + 1, Tokens.IMPORT) || t.is(s + 1, Tokens.FROM))) {
            // PEP 810 (3.15) soft keyword: the import still runs, on first use of the name
            s++;
        }
        int statement = s;
        // checked first so that most statements do not allocate the sink
        boolean isImport = (t.is(s, Tokens.IMPORT) || t.is(s, Tokens.FROM))
                && importReader.read(s, e, (level, module, name, bound, target, nameStart, nameEnd) ->
                        addImport(level, module, name, bound, target, nameStart, nameEnd, statement, top));
        if (!isImport && t.kind[s] == Tokens.NAME && isCompoundKeyword(t.code[s])) {
            problem("'" + t.text(s) + "' statement not allowed after ';'", s, s + 1);
        } else if (!isImport && s + 1 < e && isPython2Statement(s)) {
            problem("Missing parentheses in call to '" + t.text(s) + "' (Python 2 syntax)", s, s + 2);
        }
        if (!isImport && t.code[e - 1] == ')') {
            callForm(s, e);
        }
    }

    /** The call form, pytest.warns(C, f, 1) or r = pytest.deprecated_call(f): f runs while warnings are caught. */
    private void callForm(int s, int e) {
        if (t.kind[s] != Tokens.NAME && !t.isOp(s, '(')) {
            return;
        }
        WarningBlock w = warningCall(t.isName(s) && t.isOp(s + 1, '=') ? s + 2 : s, e, true, s);
        if (w != null) {
            if (warningBlocks == null) warningBlocks = new ArrayList<>(2);
            warningBlocks.add(new WarningBlock(w.callee(), w.categories(), w.firstLine(), src.lineOf(t.end[e - 1] - 1)));
        }
    }

    /**
     * Python 2's {@code print x} / {@code exec "code"}: the name directly followed by an operand, which in Python 3
     * is no expression ({@code print >> f, x} and {@code print (x)} still parse, so only these are errors).
     */
    private boolean isPython2Statement(int s) {
        if (t.kind[s] != Tokens.NAME || !(t.code[s] == Tokens.EXEC || t.code[s] == 0 && t.is(s, "print"))) {
            return false;
        }
        byte next = t.kind[s + 1];
        int code = t.code[s + 1];
        return next == Tokens.STRING || next == Tokens.NUMBER
                || next == Tokens.NAME && (code == 0 || code > Tokens.YIELD || code <= Tokens.TRUE);
    }

    private void addImport(int level, String module, String name, String bound, String target, int nameStart,
                           int nameEnd, int statementStart, Block top) {
        ImportContext context = stub || top.typingOnly ? ImportContext.TYPING_ONLY : ImportContext.RUNTIME;
        imports.add(new ImportBinding(level, strings.of(module), strings.of(name), strings.of(bound),
                strings.of(target), t.region(nameStart, nameEnd), src.lineOf(t.start[statementStart]), context,
                top.scope, top.inFunction));
    }

    private void problem(String message, int fromToken, int toToken) {
        problems.add(new SyntaxProblem(message, t.region(fromToken, Math.max(fromToken, toToken))));
    }

    private void problemAt(String message, Region region) {
        problems.add(new SyntaxProblem(message, region));
    }
}
