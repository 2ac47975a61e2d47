package dev.lintgate.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link Names} with one pass over the token stream: a block stack driven by INDENT/DEDENT, statement heads
 * recognised by their keywords, and a flat recursive-descent walk over expression tokens that tells binding sites
 * (targets, parameters, comprehension variables, walrus, imports, patterns) from reads. Attribute names, keyword
 * argument names and keywords are skipped. Malformed input never throws: ranges are clamped and unknown shapes are
 * walked as plain expressions.
 */
final class NameWalker {
    /** Handlers that catch NameError; {@code except:} (no type) is handled separately. */
    private static final Set<String> CATCHES_NAME_ERROR = Set.of("NameError", "Exception", "BaseException",
            "UnboundLocalError");
    private static final Set<String> CATCHES_IMPORT_ERROR = Set.of("ImportError", "ModuleNotFoundError", "Exception",
            "BaseException");
    private static final int MAX_DEPTH = 200;

    private static final int LITERAL = Tokens.code("Literal");
    private static final int NAME_ERROR = Tokens.code("NameError");
    private static final int UNBOUND_LOCAL_ERROR = Tokens.code("UnboundLocalError");
    private static final int DUNDER_NAME = Tokens.code("__name__");
    private static final int DUNDER_ALL = Tokens.code("__all__");
    private static final int ANNOTATIONS = Tokens.code("annotations");
    private static final int CONVERT = Tokens.code("_convert_");
    private static final int GLOBAL_ENUM = Tokens.code("global_enum");
    private static final int INSTALL = Tokens.code("install");
    private static final int MODULES = Tokens.code("modules");
    private static final int META_PATH = Tokens.code("meta_path");
    private static final int PATH_HOOKS = Tokens.code("path_hooks");
    private static final int GLOBALS = Tokens.code("globals");
    private static final int VARS = Tokens.code("vars");
    private static final int LOCALS = Tokens.code("locals");
    private static final int EXEC = Tokens.code("exec");
    private static final int EXECFILE = Tokens.code("execfile");
    private static final int DUNDER_BUILTINS = Tokens.code("__builtins__");
    private static final int BUILTINS = Tokens.code("builtins");
    private static final int DUNDER_DICT = Tokens.code("__dict__");
    private static final String PYTESTMARK = "pytestmark";
    /** Indexed by token code: the callees of {@link StringArgument#CALLEES}. */
    private static final boolean[] STRING_ARGUMENT_CALLEE = new boolean[1024];

    static {
        for (String callee : StringArgument.CALLEES) {
            STRING_ARGUMENT_CALLEE[Tokens.code(callee)] = true;
        }
    }

    private final Tokens t;
    private final SourceText src;
    private final State state;
    /** For walkers over the tokens of an f-string field or a quoted annotation: every use is placed on the string. */
    private final int overrideStart;
    private final int overrideEnd;
    private int depth;

    /** What the walkers of one file share. */
    private static final class State {
        /** Every use so far, in [0, useCount). */
        NameUse[] uses;
        int useCount;

        final InternedNames names;

        State(int tokens) {
            uses = new NameUse[Math.max(16, tokens / 5)];
            // stdlib + site-packages: 24.8M tokens, 1.04M distinct names counted per file; at a tenth of the tokens
            // the tables were some seven slots per name, 116 MB per pass over that corpus
            names = new InternedNames(tokens / 20);
        }

        final Set<Integer> importGuarded = new HashSet<>();
        /** Lines of runtime imports in a block that may not run; null until one. */
        java.util.BitSet conditionalImports;
        final List<String> dunderAll = new ArrayList<>();
        final List<Scope> scopes = new ArrayList<>();
        final List<StringArgument> stringArguments = new ArrayList<>();
        boolean dynamic;
        boolean future;
        /** The line of the string whose fragment a sub-walker reads. */
        int overrideLine;
        /** Only bindings are wanted (what a module exports): expressions are skipped except for walrus targets. */
        boolean bindingsOnly;
        TypeCheckingCondition conditions;
        /** The names the file's imports bind, through which it may write into builtins or another module. */
        Set<String> importedNames = Set.of();
        /** Null until one. */
        List<Names.ModuleWrite> moduleWrites;
        VersionCondition versions;
        /** Stretches of the file that run only on some Python versions; null until one. */
        List<Names.VersionGuard> versionGuards;
        /** Module-level names bound to a skip mark with a version condition, to their lowest minor; null until one. */
        java.util.Map<String, Integer> versionMarks;
    }

    /** How the expressions of the current statement are evaluated. */
    private record Ctx(Scope scope, NameUse.Use use, boolean typingBlock, String when, boolean importTime,
                       Scope owner, boolean conditional, boolean guarded) {
        Ctx(Scope scope, NameUse.Use use, boolean typingBlock, String when, boolean importTime, Scope owner,
            boolean conditional) {
            this(scope, use, typingBlock, when, importTime, owner, conditional, false);
        }

        Ctx with(NameUse.Use u) {
            return new Ctx(scope, u, typingBlock, when, importTime, owner, conditional, guarded);
        }

        Ctx owned(Scope o, NameUse.Use u) {
            return new Ctx(scope, u, typingBlock, when, importTime, o, conditional, guarded);
        }

        Ctx in(Scope s) {
            return new Ctx(s, use, typingBlock, when, importTime, owner, conditional, guarded);
        }

        Ctx guarding() {
            return new Ctx(scope, use, typingBlock, when, importTime, owner, conditional, true);
        }
    }

    /** An open block. {@code tryStart}/{@code tryEnd}: the uses of the last finished try body at this level. */
    private static final class Frame {
        final Ctx ctx;
        boolean isTryBody;
        int useStart;
        int lineStart;
        int lastTryStart = -1;
        int lastTryEnd = -1;
        int lastTryLineStart = -1;
        int lastTryLineEnd = -1;
        Boolean elseTypingOnly;
        /** Where the block's body starts (a char offset), for the version guards it records when it closes. */
        int bodyStart;
        /** The lowest minor version the body runs on (a version {@code if}, a skip decorator); 0 for any. */
        int floor;
        /** Skip marks of the body named by an imported name (resolved across files by the rules); null when none. */
        List<String> marks;
        /** Like floor and marks, for the functions defined in the body only (a class's skip decorator, pytestmark). */
        int testFloor;
        List<String> testMarks;
        /** The lowest minor version on which the if/elif conditions so far at this level are all false. */
        int chainFloor;

        Frame(Ctx ctx) {
            this.ctx = ctx;
        }
    }

    private final ArrayList<Frame> stack = new ArrayList<>();
    private Frame pending;
    private final List<String> pendingDecorators = new ArrayList<>();
    /** The version floor and imported skip marks of the pending decorators. */
    private int pendingFloor;
    private List<String> pendingMarks;

    /** See {@link Tokens#closer}. */
    private final int[] closer;
    private final short[] code;
    private final byte[] kind;
    private final int lastLine;
    private int cursorLine = 1;

    private NameWalker(Tokens t, State state, int overrideStart, int overrideEnd) {
        this.t = t;
        this.src = t.source;
        this.state = state;
        this.overrideStart = overrideStart;
        this.overrideEnd = overrideEnd;
        this.closer = t.closer;
        this.code = t.code;
        this.kind = t.kind;
        this.lastLine = src.lineOf(src.length);
    }

    /** Line of an offset; the walk mostly moves forward, so a cursor beats a binary search. */
    private int lineOfOffset(int offset) {
        if (cursorLine > lastLine || src.lineStart(cursorLine) > offset) {
            cursorLine = src.lineOf(offset);
            return cursorLine;
        }
        while (cursorLine < lastLine && src.lineStart(cursorLine + 1) <= offset) {
            cursorLine++;
        }
        return cursorLine;
    }

    /**
     * @param importedNames the names the file's imports bind ({@code import builtins as b}, {@code from . import
     *                      type_api}), through which it may put names into builtins or into another module
     */
    static Names run(Tokens t, boolean stub, Set<String> typeCheckingAliases, Set<String> importedNames,
                     boolean bindingsOnly) {
        State state = new State(bindingsOnly ? 0 : t.size);
        state.bindingsOnly = bindingsOnly;
        state.importedNames = importedNames;
        state.conditions = new TypeCheckingCondition(t, typeCheckingAliases);
        state.versions = new VersionCondition(t);
        NameWalker w = new NameWalker(t, state, -1, -1);
        Scope module = new Scope(Scope.Kind.MODULE, "", null, List.of(), List.of());
        state.scopes.add(module);
        w.walk(new Ctx(module, NameUse.Use.RUNTIME, stub, When.IMPORT_TIME, true, null, false));
        return new Names(t.source, module, state.scopes, new Names.UseList(state.uses, state.useCount), state.dynamic,
                state.future, state.importGuarded, List.copyOf(state.dunderAll), state.stringArguments,
                state.conditionalImports, state.moduleWrites == null ? List.of() : state.moduleWrites,
                state.versionGuards == null ? List.of() : state.versionGuards,
                state.versionMarks == null ? java.util.Map.of() : state.versionMarks);
    }

    // ---- statements ----

    private void walk(Ctx moduleCtx) {
        stack.add(new Frame(moduleCtx));
        int i = 0;
        while (kind[i] != Tokens.END) {
            byte k = kind[i];
            if (k == Tokens.INDENT) {
                Frame body = pending != null ? pending : new Frame(top().ctx);
                pending = null;
                body.useStart = state.useCount;
                body.lineStart = body.isTryBody ? lineOfOffset(t.start[i]) : 0;
                stack.add(body);
                i++;
                continue;
            }
            pending = null;
            if (k == Tokens.DEDENT) {
                if (stack.size() > 1) {
                    Frame closed = stack.remove(stack.size() - 1);
                    closeGuards(closed, t.start[i]);
                    if (closed.isTryBody) {
                        Frame outer = top();
                        outer.lastTryStart = closed.useStart;
                        outer.lastTryEnd = state.useCount;
                        outer.lastTryLineStart = closed.lineStart;
                        outer.lastTryLineEnd = lineOfOffset(t.start[i]);
                    }
                }
                i++;
                continue;
            }
            int e = i;
            while (kind[e] != Tokens.NEWLINE && kind[e] != Tokens.END) {
                e++;
            }
            if (e > i) {
                try {
                    line(i, e);
                } catch (RuntimeException ex) {
                    // malformed input must not stop the file: the statement is skipped, as a parser would recover
                    depth = 0;
                }
            }
            i = kind[e] == Tokens.END ? e : e + 1;
        }
        while (stack.size() > 1) {
            closeGuards(stack.remove(stack.size() - 1), src.length);
        }
    }

    /** Records the version guards of a block that has ended at {@code end}. */
    private void closeGuards(Frame f, int end) {
        if (f.floor > 0) guard(f.bodyStart, end, false, f.floor, null);
        if (f.marks != null) for (String m : f.marks) guard(f.bodyStart, end, false, 0, m);
        if (f.testFloor > 0) guard(f.bodyStart, end, true, f.testFloor, null);
        if (f.testMarks != null) for (String m : f.testMarks) guard(f.bodyStart, end, true, 0, m);
    }

    private void guard(int start, int end, boolean functionsOnly, int minor, String mark) {
        if (state.versionGuards == null) state.versionGuards = new ArrayList<>(2);
        state.versionGuards.add(new Names.VersionGuard(start, end, functionsOnly, minor, mark));
    }

    private Scope scope(Scope.Kind kind, String name, Scope parent, List<String> decorators, List<String> bases) {
        Scope s = new Scope(kind, name, parent, decorators, bases);
        state.scopes.add(s);
        return s;
    }

    private Frame top() {
        return stack.get(stack.size() - 1);
    }

    /** A logical line: a compound header with an optional inline body, or simple statements split at ';'. */
    private void line(int s, int e) {
        Frame f = top();
        int head = kind[s] == Tokens.NAME ? code[s] : 0;
        boolean soft = head == Tokens.MATCH || head == Tokens.CASE;
        if (isCompound(head) || (soft && isSoftCompound(s, e))) {
            int colon = headerColon(s, e);
            if (colon < 0) {
                simpleStatements(s, e, f.ctx);
                return;
            }
            Frame body = header(head, s, colon, f);
            if (body == null) {
                return;
            }
            body.bodyStart = t.end[colon];
            if (colon + 1 < e) {
                // inline body: "if x: y = 1"
                body.useStart = state.useCount;
                body.lineStart = lineOfOffset(t.start[s]);
                stack.add(body);
                line(colon + 1, e);
                stack.remove(stack.size() - 1);
                closeGuards(body, t.end[e - 1]);
                if (body.isTryBody) {
                    f.lastTryStart = body.useStart;
                    f.lastTryEnd = state.useCount;
                    f.lastTryLineStart = body.lineStart;
                    f.lastTryLineEnd = body.lineStart;
                }
            } else {
                pending = body;
            }
            return;
        }
        if (t.isOp(s, '@')) {
            expr(s + 1, e, f.ctx);
            pendingDecorators.add(dotted(s + 1, e));
            noteSkipMark(s + 1, e, true);
            return;
        }
        simpleStatements(s, e, f.ctx);
    }

    private static boolean isCompound(int head) {
        return head == Tokens.IF || head == Tokens.ELIF || head == Tokens.ELSE || head == Tokens.WHILE
                || head == Tokens.FOR || head == Tokens.WITH || head == Tokens.TRY || head == Tokens.EXCEPT
                || head == Tokens.FINALLY || head == Tokens.DEF || head == Tokens.CLASS || head == Tokens.ASYNC;
    }

    /** match/case are soft keywords: a statement only when a subject follows and the line ends with ':'. */
    private boolean isSoftCompound(int s, int e) {
        if (e - s < 3 || !t.isOp(e - 1, ':') && headerColon(s, e) < 0) {
            return false;
        }
        int n = s + 1;
        if (kind[n] == Tokens.OP) {
            int op = code[n];
            return op == '(' || op == '[' || op == '{' || op == '-' || op == '*';
        }
        return true;
    }

    /** The ':' ending a compound header: the first at bracket depth 0 that is not a lambda's. */
    private int headerColon(int s, int e) {
        short[] code = this.code;
        int d = 0;
        int lambdas = 0;
        for (int i = s; i < e; i++) {
            int k = code[i];
            if (k == 0) {
                continue; // a plain name or a literal: no bracket nor any operator sought (and most tokens)
            }
            if (Tokens.opens(k)) {
                d++;
            } else if (Tokens.closes(k)) {
                d--;
            } else if (k == ':' && d == 0) {
                if (lambdas > 0) {
                    lambdas--;
                } else {
                    return i;
                }
            } else if (d == 0 && k == Tokens.LAMBDA) {
                lambdas++;
            }
        }
        return -1;
    }

    /** Handles a compound header [s, colon); returns the frame its body runs in, or null to skip the line. */
    private Frame header(int headCode, int s, int colon, Frame f) {
        Ctx ctx = f.ctx;
        // inside a conditional block the body's context is the block's own: no copy of it per statement
        Ctx cond = ctx.conditional && !ctx.guarded ? ctx
                : new Ctx(ctx.scope, ctx.use, ctx.typingBlock, ctx.when, ctx.importTime, ctx.owner, true);
        if (headCode == Tokens.ASYNC) {
            s++;
            headCode = kind[s] == Tokens.NAME ? code[s] : 0;
        }
        Boolean chain = f.elseTypingOnly;
        f.elseTypingOnly = null;
        int chainFloor = f.chainFloor;
        f.chainFloor = 0;
        switch (Tokens.word(headCode)) {
            case "if" -> {
                expr(s + 1, colon, ctx);
                boolean tc = state.conditions.bodyIsTypingOnly(s + 1, colon);
                f.elseTypingOnly = state.conditions.isNegatedTypingOnly(s + 1, colon);
                f.chainFloor = state.versions.whenFalse(s + 1, colon);
                if (ctx.scope.kind() == Scope.Kind.MODULE && isMainGuard(s + 1, colon)) {
                    return new Frame(new Ctx(ctx.scope, ctx.use, ctx.typingBlock, When.SCRIPT,
                            false, ctx.owner, true));
                }
                return floor(new Frame(tc ? typing(cond) : cond), state.versions.whenTrue(s + 1, colon));
            }
            case "elif" -> {
                expr(s + 1, colon, ctx);
                boolean tc = state.conditions.bodyIsTypingOnly(s + 1, colon);
                f.elseTypingOnly = Boolean.FALSE;
                f.chainFloor = Math.max(chainFloor, state.versions.whenFalse(s + 1, colon));
                return floor(new Frame(tc ? typing(cond) : cond), Math.max(chainFloor, state.versions.whenTrue(s + 1, colon)));
            }
            case "else" -> {
                return floor(new Frame(Boolean.TRUE.equals(chain) ? typing(cond) : cond), chainFloor);
            }
            case "while" -> {
                expr(s + 1, colon, ctx);
                return new Frame(cond);
            }
            case "for" -> {
                int in = find(s + 1, colon, Tokens.IN);
                if (in < 0) {
                    expr(s + 1, colon, ctx);
                } else {
                    target(s + 1, in, cond, Binding.Kind.TARGET);
                    expr(in + 1, colon, ctx);
                }
                return new Frame(cond);
            }
            case "with" -> {
                int from = s + 1;
                int to = colon;
                // "with (a as x, b as y):" (3.9+): the parentheses group the items, they are not an expression
                if (t.isOp(from, '(') && closing(from, colon) == colon - 1 && find(from + 1, colon - 1, Tokens.AS) >= 0) {
                    from++;
                    to--;
                }
                // "with self.assertRaises(NameError):" / "with pytest.raises(NameError):" expect the failure
                boolean expectsNameError = false;
                for (int k = from; k < to; k++) {
                    expectsNameError |= t.is(k, NAME_ERROR) || t.is(k, UNBOUND_LOCAL_ERROR);
                }
                Frame body = new Frame(expectsNameError ? cond.guarding() : cond);
                for (int[] item : split(from, to, ',')) {
                    int as = find(item[0], item[1], Tokens.AS);
                    if (as < 0) {
                        expr(item[0], item[1], ctx);
                    } else {
                        expr(item[0], as, ctx);
                        target(as + 1, item[1], ctx, Binding.Kind.TARGET);
                    }
                }
                return body;
            }
            case "try" -> {
                Frame body = new Frame(cond);
                body.isTryBody = true;
                return body;
            }
            case "finally" -> {
                return new Frame(ctx);
            }
            case "except" -> {
                int a = s + 1;
                if (t.isOp(a, '*')) {
                    a++;
                }
                int as = find(a, colon, Tokens.AS);
                int typeEnd = as < 0 ? colon : as;
                markGuarded(f, a, typeEnd);
                expr(a, typeEnd, new Ctx(ctx.scope, NameUse.Use.ON_DEMAND, ctx.typingBlock,
                        When.exceptionReaches(lineOfOffset(t.start[s])), ctx.importTime,
                        null, true));
                if (as >= 0) {
                    target(as + 1, colon, cond, Binding.Kind.TARGET);
                }
                f.elseTypingOnly = null;
                return new Frame(cond);
            }
            case "def" -> {
                return function(s, colon, ctx);
            }
            case "class" -> {
                return classDef(s, colon, ctx);
            }
            case "match" -> {
                expr(s + 1, colon, ctx);
                return new Frame(cond);
            }
            case "case" -> {
                Ctx pattern = new Ctx(ctx.scope, NameUse.Use.ON_DEMAND, ctx.typingBlock,
                        When.caseTried(lineOfOffset(t.start[s])), ctx.importTime, null, true);
                int guard = find(s + 1, colon, Tokens.IF);
                pattern(s + 1, guard < 0 ? colon : guard, pattern);
                if (guard >= 0) {
                    expr(guard + 1, colon, pattern);
                }
                return new Frame(cond);
            }
            default -> {
                return new Frame(cond);
            }
        }
    }

    private static Frame floor(Frame f, int minor) {
        f.floor = minor;
        return f;
    }

    /**
     * A skip mark with a version condition, on tokens [s, e): {@code pytest.mark.skipif(sys.version_info < (3, 14),
     * ...)}, {@code unittest.skipIf(...)}, {@code skipUnless(...)}, or a name bound to one (in this module, or
     * imported: resolved by the rules). As a decorator ({@code pending}) it goes to the next definition; otherwise
     * the floor is returned and an imported name added to {@code marks}.
     */
    private int noteSkipMark(int s, int e, boolean pending) {
        int minor = 0;
        String mark = null;
        int nameEnd = s;
        while (nameEnd < e && t.isName(nameEnd) && (nameEnd == s || t.isOp(nameEnd - 1, '.'))) {
            nameEnd++;
            if (nameEnd < e && t.isOp(nameEnd, '.')) nameEnd++;
            else break;
        }
        if (nameEnd == s + 1 && nameEnd == e) {
            String n = name(s);
            Integer known = state.versionMarks == null ? null : state.versionMarks.get(n);
            if (known != null) minor = known;
            else if (state.importedNames.contains(n)) mark = n;
        } else if (nameEnd > s && nameEnd < e && t.isOp(nameEnd, '(') && closing(nameEnd, e) == e - 1) {
            String last = name(nameEnd - 1);
            if (last.equals("skipif") || last.equals("skipIf") || last.equals("skipUnless")) {
                int argEnd = find(nameEnd + 1, e - 1, ',');
                argEnd = argEnd < 0 ? e - 1 : argEnd;
                // the test runs when a skipif condition is false, or a skipUnless condition true
                minor = last.equals("skipUnless") ? state.versions.whenTrue(nameEnd + 1, argEnd)
                        : state.versions.whenFalse(nameEnd + 1, argEnd);
            }
        }
        if (pending) {
            pendingFloor = Math.max(pendingFloor, minor);
            if (mark != null) {
                if (pendingMarks == null) pendingMarks = new ArrayList<>(1);
                pendingMarks.add(mark);
            }
        }
        return minor;
    }

    /** {@code pytestmark = mark} or {@code = [mark, ...]} in a module or class: its functions' version floor. */
    private void notePytestmark(int vs, int ve, Ctx ctx) {
        Frame f = top();
        List<int[]> items = (t.isOp(vs, '[') || t.isOp(vs, '(')) && closing(vs, ve) == ve - 1
                ? split(vs + 1, ve - 1, ',') : List.of(new int[] {vs, ve});
        for (int[] item : items) {
            if (item[0] >= item[1]) continue;
            List<String> marks = pendingMarks;
            pendingMarks = null;
            int minor = noteSkipMark(item[0], item[1], true);
            List<String> named = pendingMarks;
            pendingMarks = marks;
            pendingFloor = 0;
            if (ctx.scope.kind() == Scope.Kind.MODULE) {
                // the module's own code still runs on every version: only its functions are the tests skipped
                if (minor > 0) guard(0, src.length, true, minor, null);
                if (named != null) for (String m : named) guard(0, src.length, true, 0, m);
            } else {
                f.testFloor = Math.max(f.testFloor, minor);
                if (named != null) {
                    if (f.testMarks == null) f.testMarks = new ArrayList<>(1);
                    f.testMarks.addAll(named);
                }
            }
        }
    }

    /** {@code needs_py314 = pytest.mark.skipif(...)} at module level, and {@code pytestmark = ...}. */
    private void noteVersionMark(int target, int vs, int ve, Ctx ctx) {
        if (t.is(target, PYTESTMARK)) {
            notePytestmark(vs, ve, ctx);
            return;
        }
        if (ctx.scope.kind() != Scope.Kind.MODULE || !t.isName(vs)) return;
        List<String> marks = pendingMarks;
        int floor = pendingFloor;
        int minor = noteSkipMark(vs, ve, false);
        pendingMarks = marks;
        pendingFloor = floor;
        if (minor > 0) {
            if (state.versionMarks == null) state.versionMarks = new java.util.HashMap<>();
            state.versionMarks.put(name(target), minor);
        }
    }

    /** {@code __name__ == "__main__"} (either way round): the block runs only when the file is executed. */
    private boolean isMainGuard(int s, int e) {
        if (e - s != 3 || !t.is(s + 1, Tokens.EQUALS)) {
            return false;
        }
        int name = t.is(s, DUNDER_NAME) ? s + 2 : t.is(s + 2, DUNDER_NAME) ? s : -1;
        if (name < 0 || t.kind[name] != Tokens.STRING) {
            return false;
        }
        String v = plainStringValue(name);
        return "__main__".equals(v);
    }

    private static Ctx typing(Ctx c) {
        return new Ctx(c.scope, c.use, true, c.when, c.importTime, c.owner, c.conditional);
    }

    /** An except clause after a try body at this level: the body's names are guarded if it catches NameError. */
    private void markGuarded(Frame f, int s, int e) {
        if (f.lastTryStart < 0) {
            return;
        }
        boolean nameError = s >= e;
        boolean importError = s >= e;
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.NAME) {
                String n = name(i);
                nameError |= CATCHES_NAME_ERROR.contains(n);
                importError |= CATCHES_IMPORT_ERROR.contains(n);
            }
        }
        if (nameError) {
            NameUse[] uses = state.uses;
            for (int u = f.lastTryStart; u < f.lastTryEnd && u < state.useCount; u++) {
                uses[u] = uses[u].guardedCopy();
            }
        }
        if (importError) {
            for (int line = f.lastTryLineStart; line <= f.lastTryLineEnd; line++) {
                state.importGuarded.add(line);
            }
        }
    }

    /**
     * What {@code def} and {@code class} headers share: the pending decorators, the name bound in the enclosing
     * scope, and PEP 695 type parameters, which open a scope of their own. {@code next} is the token after them.
     */
    private record Header(List<String> decorators, String qualified, Scope scope, int next, int floor,
                          List<String> marks) {
    }

    private Header header(int s, int colon, Ctx ctx) {
        List<String> decorators = List.copyOf(pendingDecorators);
        pendingDecorators.clear();
        int floor = pendingFloor;
        List<String> marks = pendingMarks;
        pendingFloor = 0;
        pendingMarks = null;
        int nameAt = s + 1;
        if (!t.isName(nameAt)) {
            return null;
        }
        String name = name(nameAt);
        ctx.scope.bind(new Binding(name, Binding.Kind.DEFINITION, ctx.typingBlock, ctx.conditional, line(nameAt), null));
        String qualified = qualify(ctx.scope, name);
        int p = nameAt + 1;
        Scope scope = ctx.scope;
        if (t.isOp(p, '[')) {
            int close = closing(p, colon);
            scope = typeParameters(p, close, ctx, qualified);
            p = close + 1;
        }
        return new Header(decorators, qualified, scope, p, floor, marks);
    }

    private Frame function(int s, int colon, Ctx ctx) {
        Header h = header(s, colon, ctx);
        if (h == null) {
            return null;
        }
        String qualified = h.qualified();
        int p = h.next();
        Scope signatureScope = h.scope();
        Scope fn = scope(Scope.Kind.FUNCTION, qualified, signatureScope, h.decorators(), List.of());
        Ctx sig = ctx.in(signatureScope);
        if (t.isOp(p, '(')) {
            int close = closing(p, colon);
            parameters(p + 1, close, sig, ctx, fn);
            p = close + 1;
        }
        if (t.is(p, Tokens.ARROW)) {
            expr(p + 1, colon, sig.owned(fn, NameUse.Use.ANNOTATION));
        }
        String when = When.called(qualified);
        Frame body = new Frame(new Ctx(fn, NameUse.Use.RUNTIME, ctx.typingBlock, when, false, null, false));
        // a skipped test's body runs only on the versions its marks admit; its signature runs where the def does
        body.floor = h.floor();
        body.marks = h.marks();
        return body;
    }

    private Frame classDef(int s, int colon, Ctx ctx) {
        Header h = header(s, colon, ctx);
        if (h == null) {
            return null;
        }
        List<String> decorators = h.decorators();
        String qualified = h.qualified();
        int p = h.next();
        Scope outer = h.scope();
        List<String> bases = new ArrayList<>();
        if (t.isOp(p, '(')) {
            int close = closing(p, colon);
            for (int[] arg : split(p + 1, close, ',')) {
                int a = arg[0];
                if (t.isName(a) && t.isOp(a + 1, '=')) {
                    expr(a + 2, arg[1], ctx.in(outer));
                } else {
                    expr(a, arg[1], ctx.in(outer));
                    if (!t.isOp(a, '*')) {
                        bases.add(dotted(a, arg[1]));
                    }
                }
            }
        }
        Scope cls = scope(Scope.Kind.CLASS, qualified, outer, decorators, List.copyOf(bases));
        Frame body = new Frame(new Ctx(cls, NameUse.Use.RUNTIME, ctx.typingBlock, ctx.when, ctx.importTime, null, false));
        // a skip mark on a class skips its test methods; the class body itself runs at import
        body.testFloor = h.floor();
        body.testMarks = h.marks();
        return body;
    }

    /** PEP 695 {@code [T: Bound, *Ts, **P]}: the names live in their own scope; bounds are evaluated lazily. */
    private Scope typeParameters(int open, int close, Ctx ctx, String qualified) {
        Scope tp = scope(Scope.Kind.TYPE_PARAMETERS, qualified, ctx.scope, List.of(), List.of());
        for (int[] item : split(open + 1, close, ',')) {
            int a = item[0];
            while (a < item[1] && t.kind[a] == Tokens.OP && (t.isOp(a, '*') || t.is(a, Tokens.POWER))) {
                a++;
            }
            if (t.isName(a)) {
                tp.bind(new Binding(name(a), Binding.Kind.DEFINITION, ctx.typingBlock, false, line(a), null));
                expr(a + 1, item[1], ctx.in(tp).with(NameUse.Use.TYPING));
            }
        }
        return tp;
    }

    /** Parameters between the parentheses: annotations in the signature scope, defaults in the defining scope. */
    private void parameters(int s, int e, Ctx sig, Ctx outer, Scope fn) {
        for (int[] item : split(s, e, ',')) {
            int a = item[0];
            while (a < item[1] && (t.isOp(a, '*') || t.is(a, Tokens.POWER) || t.isOp(a, '/'))) {
                a++;
            }
            if (!t.isName(a)) {
                continue;
            }
            fn.bind(new Binding(name(a), Binding.Kind.PARAMETER, outer.typingBlock, false, line(a), null));
            int eq = find(a + 1, item[1], '=');
            if (t.isOp(a + 1, ':')) {
                expr(a + 2, eq < 0 ? item[1] : eq, sig.owned(fn, NameUse.Use.ANNOTATION));
            }
            if (eq >= 0) {
                expr(eq + 1, item[1], outer);
            }
        }
    }

    private void simpleStatements(int s, int e, Ctx ctx) {
        boolean semicolon = false;
        if (t.semicolons > 0) {
            for (int i = s; i < e && !semicolon; i++) {
                semicolon = code[i] == ';';
            }
        }
        if (!semicolon) {
            simple(s, e, ctx);
            return;
        }
        for (int[] st : split(s, e, ';')) {
            simple(st[0], st[1], ctx);
        }
    }

    private void simple(int s, int e, Ctx ctx) {
        if (s >= e) {
            return;
        }
        if (kind[s] == Tokens.NAME) {
            // only coded words can match a case
            switch (Tokens.word(code[s])) {
                case "import" -> {
                    importNames(s + 1, e, ctx);
                    return;
                }
                case "from" -> {
                    fromImport(s, e, ctx);
                    return;
                }
                case "global", "nonlocal" -> {
                    boolean global = t.is(s, Tokens.GLOBAL);
                    for (int i = s + 1; i < e; i++) {
                        if (t.isName(i)) {
                            if (global) {
                                ctx.scope.declareGlobal(name(i));
                            } else {
                                ctx.scope.declareNonlocal(name(i));
                            }
                        }
                    }
                    return;
                }
                case "pass", "break", "continue" -> {
                    return;
                }
                case "del" -> {
                    // "del x" makes x local to the scope (and a nonlocal target), as any binding does
                    for (int[] item : split(s + 1, e, ',')) {
                        if (item[1] - item[0] == 1 && t.isName(item[0])) {
                            ctx.scope.bind(new Binding(name(item[0]), Binding.Kind.DECLARATION, ctx.typingBlock, true, line(item[0]), null));
                        }
                    }
                    expr(s + 1, e, ctx);
                    return;
                }
                case "return", "raise", "assert", "yield", "await" -> {
                    expr(s + 1, e, ctx);
                    return;
                }
                case "type" -> {
                    if (t.isName(s + 1) && (t.isOp(s + 2, '=') || t.isOp(s + 2, '['))) {
                        typeAlias(s, e, ctx);
                        return;
                    }
                }
                default -> {
                }
            }
        }
        Assignment found = assignment(s, e);
        int ann = found.annotation;
        int[] eqs = found.equals;
        int eqCount = found.equalsCount;
        int augmented = found.augmented;
        if (ann >= 0 && (eqCount == 0 || ann < eqs[0])) {
            // "target: annotation [= value]"
            int eq = eqCount > 0 ? eqs[0] : e;
            boolean local = ctx.scope.kind() == Scope.Kind.FUNCTION;
            Scope owner = ctx.scope.kind() == Scope.Kind.CLASS ? ctx.scope : ctx.scope.module();
            expr(ann + 1, eq, local ? ctx.with(NameUse.Use.TYPING) : ctx.owned(owner, NameUse.Use.ANNOTATION));
            if (eq < e) {
                expr(eq + 1, e, ctx);
                target(s, ann, ctx, Binding.Kind.ASSIGNMENT);
            } else if (t.isName(s) && s + 1 == ann) {
                // a bare "x: T" binds nothing, but in a class it declares a field: counted as bound, quietly
                ctx.scope.bind(new Binding(name(s), Binding.Kind.DECLARATION, ctx.typingBlock, ctx.conditional, line(s), null));
            } else {
                expr(s, ann, ctx);
            }
            return;
        }
        if (augmented >= 0) {
            expr(s, augmented, ctx);
            target(s, augmented, ctx, Binding.Kind.ASSIGNMENT);
            expr(augmented + 1, e, ctx);
            noteAll(s, augmented, augmented + 1, e, ctx);
            return;
        }
        if (eqCount == 0) {
            expr(s, e, ctx);
            noteAllCall(s, e, ctx);
            noteBuiltinsCall(s, e, ctx);
            return;
        }
        // "a = b = value": the parts before the last '=' are targets
        int value = eqs[eqCount - 1] + 1;
        if (eqCount == 1 && eqs[0] == s + 1 && t.isName(s) && ctx.scope.kind() != Scope.Kind.FUNCTION) {
            noteVersionMark(s, value, e, ctx);
        }
        expr(value, e, ctx);
        int from = s;
        for (int p = 0; p < eqCount; p++) {
            target(from, eqs[p], ctx, Binding.Kind.ASSIGNMENT);
            noteAll(from, eqs[p], value, e, ctx);
            noteBuiltinsTarget(from, eqs[p], ctx);
            from = eqs[p] + 1;
        }
    }

    /**
     * The operators that make a simple statement an assignment; see {@link #assignment}. One per walker, filled again
     * for each statement (simple reads it before anything can scan another): most statements are simple ones.
     */
    private static final class Assignment {
        /** The annotation's ':' ("x: int = 1"), -1 when none. */
        int annotation;
        /** The first augmented assignment ("x += 1"), -1 when none. */
        int augmented;
        /** The '=' between targets and value, in order (before a lambda, whose defaults are no assignments). */
        int[] equals = new int[4];
        int equalsCount;
    }

    /** Null in a walker over a fragment (an f-string field), which reads expressions only. */
    private Assignment assignment;

    /**
     * The top-level operators that split a simple statement [s, e), in one pass: the first ':' that is not a
     * lambda's, every '=' before a lambda, and the first augmented assignment.
     */
    private Assignment assignment(int s, int e) {
        short[] code = this.code;
        Assignment found = assignment;
        if (found == null) {
            assignment = found = new Assignment();
        }
        found.annotation = -1;
        found.augmented = -1;
        found.equalsCount = 0;
        boolean lambdaColon = false;
        boolean lambdaSeen = false;
        int d = 0;
        for (int i = s; i < e; i++) {
            int k = code[i];
            if (k == 0) {
                continue;
            }
            if (Tokens.opens(k)) {
                d++;
            } else if (Tokens.closes(k)) {
                d--;
            } else if (d == 0) {
                if (k == ':') {
                    if (lambdaColon) {
                        lambdaColon = false;
                    } else if (found.annotation < 0) {
                        found.annotation = i;
                    }
                } else if (k == '=') {
                    if (!lambdaSeen) {
                        if (found.equalsCount == found.equals.length) {
                            found.equals = Arrays.copyOf(found.equals, found.equalsCount * 2);
                        }
                        found.equals[found.equalsCount++] = i;
                    }
                } else if (k == Tokens.LAMBDA) {
                    lambdaColon = true;
                    lambdaSeen = true;
                } else if (found.augmented < 0 && Tokens.isAugmentedAssignment(k)) {
                    found.augmented = i;
                }
            }
        }
        return found;
    }

    private void typeAlias(int s, int e, Ctx ctx) {
        String name = name(s + 1);
        ctx.scope.bind(new Binding(name, Binding.Kind.ASSIGNMENT, ctx.typingBlock, ctx.conditional, line(s + 1), null));
        int p = s + 2;
        Ctx value = ctx.with(NameUse.Use.TYPING);
        if (t.isOp(p, '[')) {
            int close = closing(p, e);
            Scope tp = typeParameters(p, close, ctx, qualify(ctx.scope, name));
            value = value.in(tp);
            p = close + 1;
        }
        if (t.isOp(p, '=')) {
            expr(p + 1, e, value);
        }
    }

    /**
     * An attribute chain that changes a module's globals from outside: {@code Enum._convert_},
     * {@code enum.global_enum}, {@code sys.modules[__name__] = ...}, {@code gettext.install()} (builtins), and
     * import hooks ({@code sys.meta_path}), after which a package's submodules may come from anywhere.
     */
    private void noteDynamicChain(int i, int p) {
        for (int k = i + 2; k <= p; k += 2) {
            if (code[k] == 0) {
                continue; // a plain name: none of the words below
            }
            if (t.is(k, CONVERT) || t.is(k, GLOBAL_ENUM) || (k == p && t.is(k, INSTALL) && t.isOp(p + 1, '('))
                    || (t.is(k, MODULES) && t.isOp(k + 1, '[') && t.is(k + 2, DUNDER_NAME))
                    || t.is(k, META_PATH) || t.is(k, PATH_HOOKS)) {
                state.dynamic = true;
            }
        }
    }

    /** {@code globals()[k] = v}, {@code globals().update(...)}, module-level {@code exec}, writes to builtins. */
    private void noteDynamicGlobals(int i, Ctx ctx) {
        if (code[i] == 0) {
            return; // a plain name: none of the words below
        }
        boolean function = ctx.scope.kind() == Scope.Kind.FUNCTION;
        boolean call = t.isOp(i + 1, '(') && t.isOp(i + 2, ')');
        boolean written = call && (t.isOp(i + 3, '[') || t.isOp(i + 3, '.'));
        if (t.is(i, GLOBAL_ENUM)) {
            state.dynamic = true; // enum.global_enum copies the members into the module's globals
        } else if (t.is(i, GLOBALS) && call && !t.isOp(i + 3, '.') || t.is(i, GLOBALS) && written) {
            // globals() handed to a callee (parse(..., globals=globals())) may be written there
            state.dynamic = true;
        } else if (!function && (t.is(i, VARS) || t.is(i, LOCALS)) && written) {
            state.dynamic = true;
        } else if (!function && (t.is(i, EXEC) || t.is(i, EXECFILE))) {
            state.dynamic = true;
        } else if (t.is(i, DUNDER_BUILTINS)) {
            state.dynamic = true;
        } else if (t.is(i, BUILTINS) && t.isOp(i + 1, '.') && t.isName(i + 2)
                && (t.isOp(i + 3, '=') || t.isOp(i + 1, '.') && t.is(i + 2, DUNDER_DICT))) {
            state.dynamic = true;
        }
    }

    /** The assignment target [s, e) {@code X.name} or {@code X.__dict__['name']}, X maybe the builtins module. */
    private void noteBuiltinsTarget(int s, int e, Ctx ctx) {
        if (!mayBeModule(s) || !t.isOp(s + 1, '.') || !t.isName(s + 2)) {
            return;
        }
        if (e - s == 3) {
            moduleWrite(s, name(s + 2), ctx);
        } else if (e - s == 6 && t.is(s + 2, DUNDER_DICT) && t.isOp(s + 3, '[') && t.kind[s + 4] == Tokens.STRING
                && t.isOp(s + 5, ']')) {
            moduleWrite(s, plainStringValue(s + 4), ctx);
        }
    }

    /**
     * The expression statement [s, e) {@code setattr(X, 'name', v)}, or {@code X.__dict__.update(...)} with a dict
     * display or keyword arguments, whose literal keys it writes; X maybe the builtins module.
     */
    private void noteBuiltinsCall(int s, int e, Ctx ctx) {
        if (t.isOp(s + 1, '(') && mayBeModule(s + 2) && t.isOp(s + 3, ',') && t.kind[s + 4] == Tokens.STRING
                && t.isOp(s + 5, ',') && t.is(s, "setattr")) {
            moduleWrite(s + 2, plainStringValue(s + 4), ctx);
            return;
        }
        if (!mayBeModule(s) || !t.isOp(s + 1, '.') || !t.is(s + 2, DUNDER_DICT) || !t.isOp(s + 3, '.')
                || !t.is(s + 4, "update") || !t.isOp(s + 5, '(') || closing(s + 5, e) != e - 1) {
            return;
        }
        int open = s + 6;
        if (t.isOp(open, '{') && closing(open, e) == e - 2) {
            for (int[] item : split(open + 1, e - 2, ',')) {
                if (item[1] - item[0] > 2 && t.kind[item[0]] == Tokens.STRING && t.isOp(item[0] + 1, ':')) {
                    moduleWrite(s, plainStringValue(item[0]), ctx);
                }
            }
        } else {
            for (int[] item : split(open, e - 1, ',')) {
                if (item[1] - item[0] > 2 && t.isName(item[0]) && t.isOp(item[0] + 1, '=')) {
                    moduleWrite(s, name(item[0]), ctx);
                }
            }
        }
    }

    /**
     * A name a module may be bound to (the builtins module or another); {@link Names#builtinsWrites} and
     * {@link Names#moduleWrites} settle it from the bindings.
     */
    private boolean mayBeModule(int i) {
        return t.isName(i) && (t.is(i, DUNDER_BUILTINS)
                || !state.importedNames.isEmpty() && state.importedNames.contains(name(i)));
    }

    private void moduleWrite(int receiver, String name, Ctx ctx) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (state.moduleWrites == null) {
            state.moduleWrites = new ArrayList<>(2);
        }
        state.moduleWrites.add(new Names.ModuleWrite(ctx.scope, name(receiver), name));
    }

    private void noteAll(int ts, int te, int vs, int ve, Ctx ctx) {
        if (te - ts == 1 && t.is(ts, DUNDER_ALL) && ctx.scope.kind() == Scope.Kind.MODULE) {
            collectStrings(vs, ve);
        }
    }

    private void noteAllCall(int s, int e, Ctx ctx) {
        if (e - s >= 4 && t.is(s, DUNDER_ALL) && t.isOp(s + 1, '.') && ctx.scope.kind() == Scope.Kind.MODULE) {
            collectStrings(s + 3, e);
        }
    }

    private void collectStrings(int s, int e) {
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.STRING) {
                String v = plainStringValue(i);
                if (v != null) {
                    state.dunderAll.add(v);
                }
            }
        }
    }

    // ---- imports ----

    private void importNames(int s, int e, Ctx ctx) {
        for (int[] item : split(s, e, ',')) {
            int as = find(item[0], item[1], Tokens.AS);
            String module = dotted(item[0], as < 0 ? item[1] : as);
            if (module.isEmpty()) {
                continue;
            }
            String bound = as >= 0 && t.isName(as + 1) ? name(as + 1)
                    : module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
            ctx.scope.bind(new Binding(bound, Binding.Kind.IMPORT, ctx.typingBlock, ctx.conditional, line(item[0]), module));
            importBound(ctx, item[0]);
        }
    }

    private void fromImport(int s, int e, Ctx ctx) {
        int imp = find(s + 1, e, Tokens.IMPORT);
        if (imp < 0) {
            return;
        }
        StringBuilder module = new StringBuilder();
        for (int i = s + 1; i < imp; i++) {
            module.append(name(i));
        }
        String m = module.toString();
        if (m.equals("__future__")) {
            for (int i = imp + 1; i < e; i++) {
                state.future |= t.is(i, ANNOTATIONS);
            }
            return;
        }
        int a = imp + 1;
        int b = e;
        if (t.isOp(a, '(')) {
            a++;
            if (t.isOp(b - 1, ')')) {
                b--;
            }
        }
        for (int[] item : split(a, b, ',')) {
            if (item[0] >= item[1]) {
                continue;
            }
            if (t.isOp(item[0], '*')) {
                ctx.scope.bind(new Binding("*", Binding.Kind.STAR_IMPORT, ctx.typingBlock, ctx.conditional, line(item[0]), m + ".*"));
                continue;
            }
            int as = find(item[0], item[1], Tokens.AS);
            if (!t.isName(item[0])) {
                continue;
            }
            String name = name(item[0]);
            String bound = as >= 0 && t.isName(as + 1) ? name(as + 1) : name;
            String sep = m.endsWith(".") ? "" : ".";
            ctx.scope.bind(new Binding(bound, Binding.Kind.IMPORT, ctx.typingBlock, ctx.conditional, line(item[0]), m + sep + name));
            importBound(ctx, item[0]);
        }
    }

    /** Notes a conditional runtime import's line, so that LG106 need not search every scope's bindings for it. */
    private void importBound(Ctx ctx, int token) {
        if (ctx.conditional && !ctx.typingBlock) {
            if (state.conditionalImports == null) {
                state.conditionalImports = new java.util.BitSet();
            }
            state.conditionalImports.set(line(token));
        }
    }

    // ---- targets and patterns ----

    /** An assignment target list: plain names bind; subscripts and attributes read their base. */
    private void target(int s, int e, Ctx ctx, Binding.Kind kind) {
        int i = s;
        while (i < e) {
            byte k = t.kind[i];
            if (k == Tokens.NAME) {
                if (isKeyword(i)) {
                    i++;
                    continue;
                }
                int end = primaryEnd(i, e);
                if (end == i + 1) {
                    ctx.scope.bind(new Binding(name(i), kind, ctx.typingBlock, ctx.conditional, line(i), null));
                } else {
                    expr(i, end, ctx);
                }
                i = end;
            } else if (t.isOp(i, '(') || t.isOp(i, '[')) {
                int close = closing(i, e);
                if (close + 1 < e && (t.isOp(close + 1, '.') || t.isOp(close + 1, '['))) {
                    int end = primaryEnd(i, e);
                    expr(i, end, ctx);
                    i = end;
                } else {
                    target(i + 1, close, ctx, kind);
                    i = close + 1;
                }
            } else {
                i++;
            }
        }
    }

    /** End of a primary starting at i: name or bracket followed by any number of .name, [..], (..) trailers. */
    private int primaryEnd(int i, int e) {
        int p = i;
        if (t.isOp(p, '(') || t.isOp(p, '[')) {
            p = closing(p, e) + 1;
        } else {
            p++;
        }
        while (p < e) {
            if (t.isOp(p, '.') && t.isName(p + 1)) {
                p += 2;
            } else if (t.isOp(p, '[') || t.isOp(p, '(')) {
                p = closing(p, e) + 1;
            } else {
                break;
            }
        }
        return Math.min(p, e);
    }

    /** A case pattern: bare names capture, dotted names and class patterns read, keyword names are attributes. */
    private void pattern(int s, int e, Ctx ctx) {
        Ctx bind = new Ctx(ctx.scope, NameUse.Use.RUNTIME, ctx.typingBlock, ctx.when, ctx.importTime, null, true);
        for (int i = s; i < e; i++) {
            if (t.kind[i] == Tokens.STRING) {
                continue;
            }
            if (!t.isName(i) || (i > s && t.isOp(i - 1, '.'))) {
                continue;
            }
            if (isKeyword(i) || t.is(i, "_")) {
                continue;
            }
            String n = name(i);
            if (t.isOp(i + 1, '=') ) {
                continue; // keyword pattern: an attribute name
            }
            if (t.isOp(i + 1, '.') || t.isOp(i + 1, '(')) {
                use(i, ctx);
                while (t.isOp(i + 1, '.') && t.isName(i + 2)) {
                    i += 2;
                }
                continue;
            }
            ctx.scope.bind(new Binding(n, Binding.Kind.TARGET, bind.typingBlock, true, line(i), null));
        }
    }

    // ---- expressions ----

    /** Records the reads in [s, e); binds walrus targets; opens scopes for lambdas and comprehensions. */
    private void expr(int s, int e, Ctx ctx) {
        if (state.bindingsOnly) {
            for (int i = s; i < e && i < t.size; i++) {
                if (t.kind[i] == Tokens.NAME && !(i > 0 && t.isOp(i - 1, '.'))) {
                    noteDynamicGlobals(i, ctx);
                    int p = i;
                    while (t.isOp(p + 1, '.') && t.isName(p + 2)) {
                        p += 2;
                    }
                    noteDynamicChain(i, p);
                }
                if (i > s && t.is(i, Tokens.WALRUS) && t.isName(i - 1)) {
                    ctx.scope.bind(new Binding(name(i - 1), Binding.Kind.ASSIGNMENT, ctx.typingBlock, true, line(i - 1), null));
                }
            }
            return;
        }
        if (++depth > MAX_DEPTH) {
            depth--;
            return;
        }
        try {
            short[] code = this.code;
            byte[] kind = this.kind;
            int size = t.size;
            int d = 0;
            for (int i = s; i < e && i < size; i++) {
                byte k = kind[i];
                if (k == Tokens.OP) {
                    int c0 = code[i];
                    if (Tokens.opens(c0)) {
                        int close = closing(i, e);
                        int forAt = comprehensionFor(i + 1, close);
                        if (forAt >= 0) {
                            comprehension(i + 1, forAt, close, ctx);
                            i = close;
                            continue;
                        }
                        if (ctx.use != NameUse.Use.RUNTIME && c0 == '[' && i > s && t.is(i - 1, LITERAL)) {
                            i = close; // Literal["a"] holds values, not forward references
                            continue;
                        }
                        d++;
                    } else if (Tokens.closes(c0)) {
                        d--;
                    }
                } else if (k == Tokens.NAME) {
                    int c0 = code[i];
                    if (c0 != 0) {
                        if (c0 == Tokens.LAMBDA) {
                            i = lambda(i, e, ctx) - 1;
                            continue;
                        }
                        if (Tokens.isKeyword(c0)) {
                            if (c0 == Tokens.OR || c0 == Tokens.AND) {
                                // "assert not TYPE_CHECKING or isinstance(x, T)": only a type checker reads T
                                int end = state.conditions.shortCircuitEnd(s, i, Math.min(e, size));
                                if (end > i + 1) {
                                    expr(i + 1, end, typing(ctx));
                                    i = end - 1;
                                }
                            }
                            continue;
                        }
                    }
                    if (i > s && code[i - 1] == '.') {
                        continue;
                    }
                    int next = i + 1 < size ? code[i + 1] : 0;
                    if (d > 0 && next == '=') {
                        continue; // keyword argument
                    }
                    if (next == Tokens.WALRUS) {
                        Scope target = ctx.scope;
                        while (target.kind() == Scope.Kind.COMPREHENSION && target.parent() != null) {
                            target = target.parent();
                        }
                        target.bind(new Binding(name(i), Binding.Kind.ASSIGNMENT, ctx.typingBlock, true, line(i), null));
                        continue;
                    }
                    use(i, ctx);
                } else if (k == Tokens.STRING) {
                    string(i, ctx);
                }
            }
        } finally {
            depth--;
        }
    }

    private void use(int i, Ctx ctx) {
        int s = overrideStart >= 0 ? overrideStart : t.start[i];
        int e = overrideStart >= 0 ? overrideEnd : t.end[i];
        int p = i;
        while (t.isOp(p + 1, '.') && t.isName(p + 2)) {
            p += 2;
        }
        int chainEnd = p > i && overrideStart < 0 ? t.end[p] : -1;
        if (p > i) {
            noteDynamicChain(i, p);
        }
        String name = name(i);
        if (code[i] != 0) {
            noteDynamicGlobals(i, ctx); // only coded words are any of the names it looks for
        }
        NameUse use = new NameUse(name, ctx.scope, s, e, ctx.use, ctx.typingBlock, ctx.when, ctx.importTime,
                ctx.guarded, ctx.owner, chainEnd);
        // appended here rather than by ArrayList.add, which C1 does not inline and which cost a tenth of the walk
        State st = state;
        NameUse[] uses = st.uses;
        int n = st.useCount;
        if (n == uses.length) {
            st.uses = uses = Arrays.copyOf(uses, n * 2);
        }
        uses[n] = use;
        st.useCount = n + 1;
        if (t.isOp(p + 1, '(') && overrideStart < 0 && ctx.use == NameUse.Use.RUNTIME && !ctx.typingBlock) {
            stringArguments(i, p, ctx);
        }
    }

    /** Calls whose string arguments name modules or attributes: import_module("a.b"), patch("a.b.C"), ... */
    private void stringArguments(int first, int last, Ctx ctx) {
        if (!STRING_ARGUMENT_CALLEE[code[last]]) {
            return;
        }
        int open = last + 1;
        int close = closing(open, t.size);
        StringBuilder dotted = new StringBuilder();
        for (int k = first; k <= last; k++) {
            appendText(dotted, k);
        }
        int index = 0;
        for (int[] arg : split(open + 1, close, ',')) {
            if (arg[1] - arg[0] == 1 && t.kind[arg[0]] == Tokens.STRING) {
                String v = plainStringValue(arg[0]);
                if (v != null) {
                    String base = index > 0 && t.isName(open + 1) ? name(open + 1) : null;
                    state.stringArguments.add(new StringArgument(dotted.toString(), index, v, base, ctx.scope,
                            ctx.when, t.start[arg[0]], t.end[arg[0]]));
                }
            }
            if (++index > 1) {
                break;
            }
        }
    }

    /** The 'for' of a comprehension directly inside brackets [s, close), or -1. Nested brackets are jumped over. */
    private int comprehensionFor(int s, int close) {
        for (int i = s; i < close; i++) {
            int m = closer[i] - 1;
            if (m > i) {
                i = m;
            } else if (code[i] == Tokens.FOR && i > s) {
                return t.is(i - 1, Tokens.ASYNC) ? i - 1 : i;
            }
        }
        return -1;
    }

    /** [elt for a in it if c for b in it2]: the first iterable is read outside, everything else inside. */
    private void comprehension(int s, int forAt, int close, Ctx ctx) {
        Scope comp = scope(Scope.Kind.COMPREHENSION, ctx.scope.qualifiedName(), ctx.scope, List.of(), List.of());
        Ctx inner = ctx.in(comp);
        List<Integer> clauses = new ArrayList<>();
        short[] code = this.code;
        int d = 0;
        for (int i = forAt; i < close; i++) {
            int c0 = code[i];
            if (Tokens.isOneCharOp(c0)) {
                if (Tokens.opens(c0)) {
                    d++;
                } else if (Tokens.closes(c0)) {
                    d--;
                }
            } else if (d == 0 && (t.is(i, Tokens.FOR) && !t.is(i - 1, Tokens.ASYNC) || t.is(i, Tokens.ASYNC) || t.is(i, Tokens.IF))) {
                if (t.is(i, Tokens.IF) && isTernaryIf(forAt, i)) {
                    continue;
                }
                clauses.add(i);
            }
        }
        clauses.add(close);
        boolean first = true;
        for (int c = 0; c + 1 < clauses.size(); c++) {
            int a = clauses.get(c);
            int b = clauses.get(c + 1);
            if (t.is(a, Tokens.IF)) {
                expr(a + 1, b, inner);
                continue;
            }
            int f = t.is(a, Tokens.ASYNC) ? a + 1 : a;
            int in = find(f + 1, b, Tokens.IN);
            if (in < 0) {
                continue;
            }
            target(f + 1, in, new Ctx(comp, inner.use, inner.typingBlock, inner.when, inner.importTime, null, true),
                    Binding.Kind.TARGET);
            expr(in + 1, b, first ? ctx : inner);
            first = false;
        }
        expr(s, forAt, inner);
    }

    /** An 'if' inside a comprehension clause that is part of a conditional expression (x if c else y). */
    private boolean isTernaryIf(int from, int ifAt) {
        int d = 0;
        for (int i = ifAt + 1; i < t.size; i++) {
            int c0 = code[i];
            if (Tokens.isOneCharOp(c0)) {
                if (Tokens.opens(c0)) {
                    d++;
                } else if (Tokens.closes(c0)) {
                    if (--d < 0) {
                        return false;
                    }
                }
            } else if (d == 0 && (t.is(i, Tokens.FOR) || t.is(i, Tokens.IF))) {
                return false;
            } else if (d == 0 && t.is(i, Tokens.ELSE)) {
                return true;
            } else if (t.kind[i] == Tokens.NEWLINE) {
                return false;
            }
        }
        return false;
    }

    /** lambda params: body — returns the index after the body (a ',' or closing bracket at this depth, or e). */
    private int lambda(int at, int e, Ctx ctx) {
        int colon = -1;
        int d = 0;
        for (int i = at + 1; i < e; i++) {
            int c0 = code[i];
            if (Tokens.isOneCharOp(c0)) {
                if (Tokens.opens(c0)) {
                    d++;
                } else if (Tokens.closes(c0)) {
                    d--;
                } else if (c0 == ':' && d == 0) {
                    colon = i;
                    break;
                }
            }
        }
        if (colon < 0) {
            return e;
        }
        int end = e;
        d = 0;
        for (int i = colon + 1; i < e; i++) {
            int c0 = code[i];
            if (Tokens.isOneCharOp(c0)) {
                if (Tokens.opens(c0)) {
                    d++;
                } else if (Tokens.closes(c0)) {
                    if (--d < 0) {
                        end = i;
                        break;
                    }
                } else if (d == 0 && (c0 == ',' || c0 == ':')) {
                    end = i;
                    break;
                }
            } else if (d == 0 && t.is(i, Tokens.FOR)) {
                end = i; // (lambda: x for ...) - the comprehension clause is not the body
                break;
            }
        }
        int line = line(at);
        Scope fn = scope(Scope.Kind.FUNCTION, ctx.scope.qualifiedName(), ctx.scope, List.of(), List.of());
        for (int[] item : split(at + 1, colon, ',')) {
            int a = item[0];
            while (a < item[1] && (t.isOp(a, '*') || t.is(a, Tokens.POWER) || t.isOp(a, '/'))) {
                a++;
            }
            if (t.isName(a)) {
                fn.bind(new Binding(name(a), Binding.Kind.PARAMETER, ctx.typingBlock, false, line, null));
                if (t.isOp(a + 1, '=')) {
                    expr(a + 2, item[1], ctx);
                }
            }
        }
        expr(colon + 1, end, new Ctx(fn, ctx.use == NameUse.Use.RUNTIME ? NameUse.Use.RUNTIME : ctx.use, ctx.typingBlock,
                When.lambdaCalled(line), false, null, false));
        return end;
    }

    /** f-string fields are runtime reads; a plain string inside an annotation is a quoted (typing-only) annotation. */
    private void string(int i, Ctx ctx) {
        int s = t.start[i];
        int e = t.end[i];
        char[] c = t.source.chars;
        int q = s;
        boolean f = false;
        boolean bytes = false;
        boolean raw = false;
        while (q < e && c[q] != '\'' && c[q] != '"') {
            char ch = Character.toLowerCase(c[q]);
            f |= ch == 'f' || ch == 't';
            raw |= ch == 'r';
            bytes |= ch == 'b';
            q++;
        }
        int os = overrideStart >= 0 ? overrideStart : s;
        int oe = overrideStart >= 0 ? overrideEnd : e;
        if (f) {
            for (String field : FStringFields.of(c, q, e, raw)) {
                sub(field, os, oe, ctx);
            }
        } else if (!bytes && (ctx.use == NameUse.Use.ANNOTATION || (ctx.use == NameUse.Use.TYPING && ctx.owner != null))) {
            String v = plainStringValue(i);
            if (v != null) {
                sub(v, os, oe, new Ctx(ctx.scope, NameUse.Use.TYPING, ctx.typingBlock, ctx.when, ctx.importTime,
                        ctx.owner, ctx.conditional));
            }
        }
    }

    private void sub(String code, int os, int oe, Ctx ctx) {
        if (depth > MAX_DEPTH / 2 || code.isBlank()) {
            return;
        }
        Tokenizer tk = Tokenizer.run(SourceText.of(code.strip()));
        state.overrideLine = lineOfOffset(os);
        NameWalker w = new NameWalker(tk.tokens, state, os, oe);
        w.depth = depth;
        int end = 0;
        while (end < tk.tokens.size && tk.tokens.kind[end] != Tokens.END) {
            end++;
        }
        // the tokenizer adds NEWLINE/INDENT around the fragment; they carry no names
        w.expr(0, end, ctx);
    }

    /** The value of a non-f, non-bytes string literal without escapes worth decoding; null otherwise. */
    private String plainStringValue(int i) {
        int s = t.start[i];
        int e = t.end[i];
        char[] c = t.source.chars;
        int q = s;
        while (q < e && c[q] != '\'' && c[q] != '"') {
            char ch = Character.toLowerCase(c[q]);
            if (ch == 'f' || ch == 'b' || ch == 't') {
                return null;
            }
            q++;
        }
        if (q >= e) {
            return null;
        }
        char quote = c[q];
        int n = (q + 2 < e && c[q + 1] == quote && c[q + 2] == quote && e - q >= 6) ? 3 : 1;
        int a = q + n;
        int b = e - n;
        if (b < a) {
            return null;
        }
        return new String(c, a, b - a);
    }

    // ---- token utilities ----

    /** A NAME token's text, one String per spelling in the file (see {@link InternedNames}). */
    private String name(int i) {
        int k = code[i];
        return k >= 256 ? Tokens.word(k) : state.names.of(src.chars, t.start[i], t.end[i]);
    }

    private void appendText(StringBuilder sb, int i) {
        int k = code[i];
        if (k >= 256) {
            sb.append(Tokens.word(k));
        } else {
            sb.append(src.chars, t.start[i], t.end[i] - t.start[i]);
        }
    }

    /** For a NAME token: spelled as a (hard) keyword. */
    private boolean isKeyword(int i) {
        return Tokens.isKeyword(code[i]);
    }

    private int line(int i) {
        return overrideStart >= 0 ? state.overrideLine : lineOfOffset(t.start[i]);
    }

    private static String qualify(Scope scope, String name) {
        Scope s = scope;
        while (s.kind() == Scope.Kind.COMPREHENSION || s.kind() == Scope.Kind.TYPE_PARAMETERS) {
            s = s.parent();
        }
        return s.qualifiedName().isEmpty() ? name : s.qualifiedName() + "." + name;
    }

    /** The dotted name at the start of [s, e) ("a.b.c"), "" when it does not start with a name. */
    private String dotted(int s, int e) {
        StringBuilder sb = new StringBuilder();
        int i = s;
        while (i < e && t.isName(i)) {
            sb.append(name(i));
            if (i + 2 < e + 1 && t.isOp(i + 1, '.') && t.isName(i + 2) && i + 2 < e) {
                sb.append('.');
                i += 2;
            } else {
                break;
            }
        }
        return sb.toString();
    }

    /** Index of the bracket closing the one at {@code open}, or e - 1 when it is not closed before e. */
    private int closing(int open, int e) {
        int m = open < t.size ? closer[open] - 1 : -1;
        return m >= 0 && m < e ? m : Math.max(open, e - 1);
    }

    /**
     * First top-level token coded {@code op} (a keyword or an operator, not a bracket), where a lambda's own colon
     * does not count as the ':' sought; -1 when absent.
     */
    private int find(int s, int e, int op) {
        short[] code = this.code;
        int d = 0;
        boolean lambda = false;
        for (int i = s; i < e; i++) {
            int k = code[i];
            if (k == 0) {
                continue;
            }
            if (Tokens.opens(k)) {
                d++;
            } else if (Tokens.closes(k)) {
                d--;
            } else if (d == 0 && k == op) {
                if (lambda && op == ':') {
                    lambda = false;
                    continue;
                }
                return i;
            } else if (d == 0 && k == Tokens.LAMBDA) {
                lambda = true;
            }
        }
        return -1;
    }

    /** [start, end) pairs of the parts of [s, e) between top-level {@code sep} operators. */
    private List<int[]> split(int s, int e, char sep) {
        short[] code = this.code;
        List<int[]> parts = new ArrayList<>(2);
        int d = 0;
        int from = s;
        for (int i = s; i < e; i++) {
            int k = code[i];
            if (k == 0) {
                continue;
            }
            if (Tokens.opens(k)) {
                d++;
            } else if (Tokens.closes(k)) {
                d--;
            } else if (d == 0 && k == sep) {
                parts.add(new int[] {from, i});
                from = i + 1;
            } else if (d == 0 && k == Tokens.LAMBDA) {
                if (sep == '=') {
                    break; // a lambda's defaults are not assignments
                }
                // "f(key=lambda a, b: a)": the lambda's parameter commas do not separate items
                while (i + 1 < e && !(code[i + 1] == ':' && d == 0)) {
                    i++;
                    int b = code[i];
                    if (Tokens.opens(b)) {
                        d++;
                    } else if (Tokens.closes(b)) {
                        d--;
                    }
                }
            }
        }
        parts.add(new int[] {from, e});
        return parts;
    }
}
