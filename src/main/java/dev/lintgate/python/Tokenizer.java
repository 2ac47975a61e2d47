package dev.lintgate.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPython's tokenizer rules, as far as statement structure needs them: strings of every kind (PEP 701 f-strings
 * included) are single tokens, brackets join lines, {@code \} continues them, indentation yields INDENT/DEDENT with
 * tabs rounded to multiples of 8. Works on the char array without regexes or per-character allocation.
 *
 * <p>Errors are recorded, never thrown. Two recoveries keep later imports visible: an unterminated triple-quoted
 * string and an unclosed bracket both end at the next column-0 line that starts with a statement keyword.
 */
final class Tokenizer {
    /** CPython refuses deeper f-string nesting too; the limit keeps hostile input from exhausting the stack. */
    private static final int MAX_FSTRING_NESTING = 100;
    /*
     * The tables below are indexed by any char, not only ASCII: one load per char and no range test first. Non-ASCII
     * chars are never name chars here (the slow path decides), always plain in strings, and OTHER.
     */
    /** ASCII chars that may start / continue a NAME: one table load per char instead of a chain of range tests. */
    private static final boolean[] NAME_START = new boolean[65536];
    private static final boolean[] NAME_PART = new boolean[65536];

    /**
     * Chars that need no decision inside a string literal (all but quotes, backslash and line breaks), and inside an
     * f- or t-string (braces excluded too): most chars of a string take one table load, not five tests.
     */
    private static final boolean[] PLAIN_IN_STRING = new boolean[65536];
    private static final boolean[] PLAIN_IN_FSTRING = new boolean[65536];

    /**
     * What a char starts, for the dispatch in {@link #scan}: blank, a name, a one-char operator (',' always, '.'
     * when {@link #singleCharOperator}), a bracket, a line break, a comment, a backslash, or anything else
     * ({@link #token}).
     */
    private static final byte[] CLASS = new byte[65536];
    private static final byte OTHER = 0;
    private static final byte NAME = 1;
    private static final byte SINGLE = 2;
    private static final byte SINGLE_UNLESS_FOLLOWED = 3;
    private static final byte OPENING = 4;
    private static final byte CLOSING = 5;
    private static final byte BLANK = 6;
    private static final byte LINE_BREAK = 7;
    private static final byte COMMENT = 8;
    private static final byte BACKSLASH = 9;

    static {
        Arrays.fill(PLAIN_IN_STRING, 128, 65536, true);
        Arrays.fill(PLAIN_IN_FSTRING, 128, 65536, true);
        for (char ch = 0; ch < 128; ch++) {
            CLASS[ch] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ? NAME
                    : ch == ',' || ch == '~' ? SINGLE
                    : ch == '.' || ch == '=' || ch == ':' ? SINGLE_UNLESS_FOLLOWED
                    : ch == '(' || ch == '[' || ch == '{' ? OPENING
                    : ch == ')' || ch == ']' || ch == '}' ? CLOSING
                    : ch == ' ' || ch == '\t' || ch == '\f' ? BLANK
                    : ch == '\n' || ch == '\r' ? LINE_BREAK
                    : ch == '#' ? COMMENT
                    : ch == '\\' ? BACKSLASH
                    : OTHER;
            NAME_START[ch] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
            NAME_PART[ch] = NAME_START[ch] || (ch >= '0' && ch <= '9');
            PLAIN_IN_STRING[ch] = ch != '\'' && ch != '"' && ch != '\\' && ch != '\n' && ch != '\r';
            PLAIN_IN_FSTRING[ch] = PLAIN_IN_STRING[ch] && ch != '{' && ch != '}';
        }
    }

    private final SourceText src;
    private final char[] c;
    private final int n;
    final Tokens tokens;
    final List<SyntaxProblem> problems = new ArrayList<>();
    /** Start/end offsets of comments (the '#' included), in order; exactly commentCount long once run. */
    int[] commentStart;
    int[] commentEnd;
    int commentCount;
    /**
     * The line table of the source, built on the way ({@link SourceText#adoptLineStarts}): line breaks between tokens
     * and after a continuation backslash are met by {@link #scan}; a string is the only token that may hold one.
     */
    private int[] lineStarts;
    private int lineCount = 1;

    private int pos;
    private int[] indents;
    /** The same levels with tabs counted as one column. */
    private int[] altIndents;
    /** Levels pushed to recover from a bad dedent: they emitted no INDENT, so they emit no DEDENT. */
    private boolean[] phantom;
    private int indentTop;
    private char[] brackets;
    private int[] bracketAt;
    private int depth;
    private boolean lineHasTokens;
    /** Set by scanString when a triple-quoted string runs to the end of the file. */
    private boolean runawayTriple;
    /** Set when scanning resumed at a column-0 statement after a runaway string: a new logical line starts there. */
    private boolean resynced;
    /**
     * Set by scanString when an f-string has a replacement field: line breaks inside fields are not recorded on the
     * way, so the string's span is searched for them afterwards.
     */
    private boolean fieldsInString;

    /**
     * The working arrays of a tokenizer, kept per thread from file to file: only the results are allocated, once and
     * at their exact size, instead of every file zeroing guessed capacities and growing them. Buffers that grew past
     * {@link #KEEP} for a huge file are dropped rather than held for the life of the thread.
     */
    static final class Scratch {
        private static final int KEEP = 1 << 18;
        private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

        /** Set while a tokenizer uses the buffers; a nested run (none today) would get buffers of its own. */
        private boolean busy;
        byte[] kind;
        short[] code;
        int[] start;
        int[] end;
        int[] unclosed;
        int[] pairs;
        int[] lineStarts;
        int[] commentStart;
        int[] commentEnd;
        int[] indents;
        int[] altIndents;
        boolean[] phantom;
        char[] brackets;
        int[] bracketAt;

        private Scratch() {
            keepTokens(null, null, null, null, null, null);
            keepTokenizer(null, null, null, null, null, null, null, null);
        }

        static Scratch take() {
            Scratch s = PER_THREAD.get();
            if (s.busy) {
                s = new Scratch();
            }
            s.busy = true;
            return s;
        }

        void keepTokens(byte[] kind, short[] code, int[] start, int[] end, int[] unclosed, int[] pairs) {
            boolean keep = kind != null && kind.length <= KEEP;
            this.kind = keep ? kind : new byte[4096];
            this.code = keep ? code : new short[4096];
            this.start = keep ? start : new int[4096];
            this.end = keep ? end : new int[4096];
            this.unclosed = unclosed != null && unclosed.length <= KEEP ? unclosed : new int[64];
            this.pairs = pairs != null && pairs.length <= KEEP ? pairs : new int[1024];
        }

        private void keepTokenizer(int[] lineStarts, int[] commentStart, int[] commentEnd, int[] indents,
                int[] altIndents, boolean[] phantom, char[] brackets, int[] bracketAt) {
            this.lineStarts = lineStarts != null && lineStarts.length <= KEEP ? lineStarts : new int[1024];
            boolean comments = commentStart != null && commentStart.length <= KEEP;
            this.commentStart = comments ? commentStart : new int[256];
            this.commentEnd = comments ? commentEnd : new int[256];
            boolean levels = indents != null && indents.length <= KEEP;
            this.indents = levels ? indents : new int[64];
            this.altIndents = levels ? altIndents : new int[64];
            this.phantom = levels ? phantom : new boolean[64];
            boolean open = brackets != null && brackets.length <= KEEP;
            this.brackets = open ? brackets : new char[64];
            this.bracketAt = open ? bracketAt : new int[64];
        }
    }

    private Tokenizer(SourceText src, Scratch scratch) {
        this.src = src;
        this.c = src.chars;
        this.n = src.length;
        this.tokens = new Tokens(src, scratch);
        this.lineStarts = scratch.lineStarts;
        this.commentStart = scratch.commentStart;
        this.commentEnd = scratch.commentEnd;
        this.indents = scratch.indents;
        this.altIndents = scratch.altIndents;
        this.phantom = scratch.phantom;
        this.brackets = scratch.brackets;
        this.bracketAt = scratch.bracketAt;
        // the buffers hold the previous file's values: only these are read before they are written
        lineStarts[0] = 0;
        indents[0] = 0;
        altIndents[0] = 0;
        phantom[0] = false;
    }

    static Tokenizer run(SourceText src) {
        Scratch scratch = Scratch.take();
        try {
            Tokenizer t = new Tokenizer(src, scratch);
            t.scan();
            t.finish(scratch);
            return t;
        } finally {
            scratch.busy = false;
        }
    }

    /** Hands the results over at their exact sizes and gives the (maybe grown) buffers back to the thread. */
    private void finish(Scratch scratch) {
        tokens.trim(scratch);
        src.adoptLineStarts(lineStarts, lineCount);
        scratch.keepTokenizer(lineStarts, commentStart, commentEnd, indents, altIndents, phantom, brackets, bracketAt);
        commentStart = Arrays.copyOf(commentStart, commentCount);
        commentEnd = Arrays.copyOf(commentEnd, commentCount);
        tokens.commentStart = commentStart;
        tokens.commentEnd = commentEnd;
        lineStarts = null;
    }

    /** Records that a line starts at {@code at}, right after a line break (none at the end of the text). */
    private void lineStartsAt(int at) {
        if (at < n) {
            if (lineCount == lineStarts.length) {
                lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
            }
            lineStarts[lineCount++] = at;
        }
    }

    /** Records the line breaks inside [s, e), the span of a string token, when scanString could not. */
    private void lineStartsIn(int s, int e) {
        char[] c = this.c;
        for (int i = s; i < e; i++) {
            char ch = c[i];
            if (ch <= '\r' && (ch == '\n' || (ch == '\r' && (i + 1 >= n || c[i + 1] != '\n')))) {
                lineStartsAt(i + 1);
            }
        }
    }

    private void scan() {
        // locals, not fields, in the per-char loops: C1 reloads a field on every use
        char[] c = this.c;
        int n = this.n;
        boolean atLineStart = true;
        while (true) {
            if (atLineStart) {
                atLineStart = false;
                if (depth > 0 && startsStatementAtColumnZero(pos)) {
                    problem("'" + brackets[depth - 1] + "' was never closed", bracketAt[depth - 1], bracketAt[depth - 1] + 1);
                    depth = 0;
                    endLogicalLine(pos);
                }
                if (depth == 0) {
                    int col = 0;
                    int altCol = 0;
                    int p = pos;
                    while (p < n) {
                        char ch = c[p];
                        if (ch == ' ') {
                            col++;
                            altCol++;
                        } else if (ch == '\t') {
                            col = (col / 8 + 1) * 8;
                            altCol++;
                        } else if (ch == '\f') {
                            col = 0;
                            altCol = 0;
                        } else {
                            break;
                        }
                        p++;
                    }
                    pos = p;
                    if (p < n && c[p] != '#' && c[p] != '\n' && c[p] != '\r' && !lineHasTokens
                            && (col != indents[indentTop] || altCol != altIndents[indentTop])) {
                        indentTo(col, altCol, p);
                    }
                }
            }
            int p = pos;
            char ch = 0;
            int cls = OTHER;
            while (p < n) {
                ch = c[p];
                cls = CLASS[ch];
                if (cls != BLANK) {
                    break;
                }
                p++;
            }
            pos = p;
            if (p >= n) {
                break;
            }
            // the branches in order of frequency
            if (cls == NAME) {
                lineHasTokens = true;
                // an ASCII name, the commonest token: scanned here rather than through token()
                int e = p + 1;
                while (e < n && NAME_PART[c[e]]) {
                    e++;
                }
                if (e < n && c[e] >= 128) {
                    e = scanIdentifier(e);
                }
                if (e == n || (c[e] != '\'' && c[e] != '"') || !isStringPrefix(p, e)) {
                    pos = e;
                    // Tokens.add written out for the commonest token: a call makes C1 spill every live register
                    Tokens t = tokens;
                    int i = t.size;
                    if (i == t.kind.length) {
                        t.grow();
                    }
                    t.kind[i] = Tokens.NAME;
                    t.code[i] = Tokens.mayBeWord(ch, e - p) ? Tokens.wordCode(c, p, e) : 0;
                    t.start[i] = p;
                    t.end[i] = e;
                    t.size = i + 1;
                    continue;
                }
            } else if (cls == SINGLE || (cls == SINGLE_UNLESS_FOLLOWED && singleCharOperator(ch, p + 1))) {
                lineHasTokens = true;
                pos = p + 1;
                tokens.add(Tokens.OP, ch, p, p + 1);
                continue;
            } else if (cls == OPENING || cls == CLOSING) {
                lineHasTokens = true;
                pos = p + 1;
                boolean opening = cls == OPENING;
                if (opening) {
                    open(ch, p);
                } else {
                    close(ch, p);
                }
                tokens.addBracket(ch, p, opening);
                continue;
            } else if (cls == LINE_BREAK) {
                pos = p + ((ch == '\r' && p + 1 < n && c[p + 1] == '\n') ? 2 : 1);
                lineStartsAt(pos);
                if (depth == 0) {
                    endLogicalLine(p);
                }
                atLineStart = true;
                continue;
            } else if (cls == COMMENT) {
                int s = p;
                while (p < n && c[p] != '\n' && c[p] != '\r') {
                    p++;
                }
                pos = p;
                addComment(s, p);
                continue;
            } else if (cls == BACKSLASH) {
                p = pos + 1;
                if (p < n && (c[p] == '\n' || c[p] == '\r')) {
                    pos = p + ((c[p] == '\r' && p + 1 < n && c[p + 1] == '\n') ? 2 : 1);
                    lineStartsAt(pos);
                    if (pos >= n) {
                        problem("unexpected EOF while scanning (line continuation at end of file)", p - 1, p);
                    }
                } else {
                    problem(p >= n ? "unexpected EOF after line continuation character"
                            : "unexpected character after line continuation character", pos, pos + 1);
                    pos++;
                }
                continue;
            }
            // anything else, and a name that turned out to be a string prefix
            lineHasTokens = true;
            token(ch);
            if (resynced) {
                resynced = false;
                depth = 0;
                endLogicalLine(pos);
                atLineStart = true;
            }
        }
        if (depth > 0) {
            problem("'" + brackets[depth - 1] + "' was never closed", bracketAt[depth - 1], bracketAt[depth - 1] + 1);
            depth = 0;
        }
        endLogicalLine(n);
        while (indentTop > 0) {
            if (!phantom[indentTop]) {
                tokens.add(Tokens.DEDENT, n, n);
            }
            indentTop--;
        }
        tokens.add(Tokens.END, n, n);
    }

    private void endLogicalLine(int at) {
        if (lineHasTokens) {
            tokens.add(Tokens.NEWLINE, at, at);
            lineHasTokens = false;
        }
    }

    /**
     * CPython measures indentation twice, with tabs as 8 columns and as 1; when the two orders disagree the meaning
     * depends on the editor's tab width, which is a TabError.
     */
    private void indentTo(int col, int altCol, int p) {
        int top = indents[indentTop];
        if (col > top) {
            if (altCol <= altIndents[indentTop]) {
                tabError(p);
            }
            push(col, altCol, false);
            tokens.add(Tokens.INDENT, p, p);
            return;
        }
        while (col < indents[indentTop]) {
            if (!phantom[indentTop]) {
                tokens.add(Tokens.DEDENT, p, p);
            }
            indentTop--;
        }
        if (col > indents[indentTop]) {
            problem("unindent does not match any outer indentation level", p, p + 1);
            push(col, altCol, true);
        } else if (altCol != altIndents[indentTop]) {
            tabError(p);
        }
    }

    private void tabError(int p) {
        problem("inconsistent use of tabs and spaces in indentation", src.lineStart(src.lineOf(p)), p);
    }

    private void push(int col, int altCol, boolean isPhantom) {
        if (++indentTop == indents.length) {
            indents = Arrays.copyOf(indents, indentTop * 2);
            altIndents = Arrays.copyOf(altIndents, indentTop * 2);
            phantom = Arrays.copyOf(phantom, indentTop * 2);
        }
        indents[indentTop] = col;
        altIndents[indentTop] = altCol;
        phantom[indentTop] = isPhantom;
    }

    /**
     * True at a column-0 line starting with a keyword that cannot continue an expression. Inside an open bracket that
     * means the bracket was never closed (or a string never ended), so scanning restarts there.
     */
    private boolean startsStatementAtColumnZero(int p) {
        if (p >= n || !(p == 0 || c[p - 1] == '\n' || c[p - 1] == '\r')) {
            return false;
        }
        int w = keywordAt(p);
        if (w == Tokens.IMPORT || w == Tokens.DEF || w == Tokens.CLASS || (w == Tokens.FROM && fromClauseFollows(p + 4))) {
            return true;
        }
        // a compound-statement header ("if TYPE_CHECKING:") at column 0 cannot sit inside an expression either
        return (w == Tokens.IF || w == Tokens.ELIF || w == Tokens.ELSE || w == Tokens.TRY || w == Tokens.EXCEPT
                || w == Tokens.FINALLY || w == Tokens.WITH || w == Tokens.FOR || w == Tokens.WHILE || w == Tokens.ASYNC)
                && lineEndsWithColon(p);
    }

    private boolean lineEndsWithColon(int p) {
        int last = -1;
        boolean inString = false;
        char quote = 0;
        for (int q = p; q < n && c[q] != '\n' && c[q] != '\r'; q++) {
            char ch = c[q];
            if (inString) {
                if (ch == '\\') {
                    q++;
                } else if (ch == quote) {
                    inString = false;
                }
            } else if (ch == '\'' || ch == '"') {
                inString = true;
                quote = ch;
            } else if (ch == '#') {
                break;
            } else if (ch != ' ' && ch != '\t' && ch != '\f') {
                last = ch;
            }
        }
        return last == ':';
    }

    private boolean fromClauseFollows(int p) {
        int q = p;
        while (q < n && (c[q] == ' ' || c[q] == '\t')) {
            q++;
        }
        if (q == p || q >= n) {
            return false;
        }
        int s = q;
        while (q < n && (Character.isLetterOrDigit(c[q]) || c[q] == '_' || c[q] == '.')) {
            q++;
        }
        if (q == s) {
            return false;
        }
        while (q < n && (c[q] == ' ' || c[q] == '\t')) {
            q++;
        }
        return keywordAt(q) == Tokens.IMPORT;
    }

    /** The token code of the word starting at p (a keyword's, say), 0 when it is no word of {@link Tokens}. */
    private int keywordAt(int p) {
        int q = p;
        // statement keywords are short: a longer run of identifier chars is no keyword
        while (q < n && q - p <= 8 && isIdentifierChar(c[q])) {
            q++;
        }
        return q > p && q - p <= 8 ? Tokens.wordCode(c, p, q) : 0;
    }

    /** A decimal integer written with a leading zero and some other digit ({@code 0777}, Python 2's octal); {@code 00} is fine. */
    private boolean leadingZeros(int s, int e) {
        boolean nonZero = false;
        for (int p = s + 1; p < e; p++) {
            char d = c[p];
            if (d >= '1' && d <= '9') nonZero = true;
            else if (d != '0' && d != '_') return false;
        }
        return nonZero;
    }

    private static boolean isIdentifierChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch >= 0x80;
    }

    private boolean startsStatementLine(int p) {
        int w = keywordAt(p);
        return startsStatementAtColumnZero(p) || w == Tokens.IF || w == Tokens.TRY || w == Tokens.FOR
                || w == Tokens.WHILE || w == Tokens.WITH || w == Tokens.ASYNC
                || (p + 1 < n && c[p] == '@' && Character.isLetter(c[p + 1]));
    }

    private void token(char ch) {
        int s = pos;
        if (ch < 128 ? NAME_START[ch] : isIdentifierStart(pos)) {
            int e = scanIdentifier(pos);
            if (e < n && (c[e] == '\'' || c[e] == '"') && isStringPrefix(s, e)) {
                string(s, e);
            } else {
                pos = e;
                tokens.add(Tokens.NAME, Tokens.mayBeWord(ch, e - s) ? Tokens.wordCode(c, s, e) : 0, s, e);
            }
        } else if ((ch >= '0' && ch <= '9') || (ch == '.' && pos + 1 < n && c[pos + 1] >= '0' && c[pos + 1] <= '9')) {
            pos = scanNumber(pos);
            tokens.add(Tokens.NUMBER, s, pos);
            if (ch == '0' && pos - s > 1 && leadingZeros(s, pos)) {
                problem("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        s, pos);
            }
        } else if (ch == '\'' || ch == '"') {
            string(s, s);
        } else {
            operator(ch);
        }
    }

    /** False when the '.', '=' or ':' is not alone: "...", ".5", "==", ":=" (a superset: token() sorts them out). */
    private boolean singleCharOperator(char ch, int next) {
        char d = next < n ? c[next] : ' ';
        return d != '=' && (ch != '.' || (d != '.' && (d < '0' || d > '9')));
    }

    private void string(int s, int quote) {
        runawayTriple = false;
        fieldsInString = false;
        int lineMark = lineCount;
        int e = scanString(s, quote, 0);
        if (runawayTriple) {
            // resync at the next column-0 statement after the opening line so later imports are still seen
            int p = quote;
            while (p < n && c[p] != '\n' && c[p] != '\r') {
                p++;
            }
            int resync = n;
            while (p < n) {
                if (c[p] == '\r' && p + 1 < n && c[p + 1] == '\n') {
                    p++;
                }
                if (c[p] == '\n' || c[p] == '\r') {
                    if (startsStatementLine(p + 1)) {
                        resync = p + 1;
                        break;
                    }
                }
                p++;
            }
            e = resync;
            resynced = resync < n;
        }
        if (runawayTriple || fieldsInString) {
            // scanString recorded breaks past the resync point, or missed those inside fields: search the span
            lineCount = lineMark;
            lineStartsIn(s, e);
        }
        pos = e;
        tokens.add(Tokens.STRING, s, e);
    }

    private boolean isIdentifierStart(int p) {
        int cp = Character.codePointAt(c, p, n);
        return Character.isUnicodeIdentifierStart(cp) || cp == '_';
    }

    private int scanIdentifier(int p) {
        char[] c = this.c;
        int n = this.n;
        while (p < n) {
            char ch = c[p];
            if (ch < 128) {
                if (!NAME_PART[ch]) {
                    break;
                }
                p++;
            } else {
                int cp = Character.codePointAt(c, p, n);
                if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                    break;
                }
                p += Character.charCount(cp);
            }
        }
        return p;
    }

    /** r, u, b, f, t and the two-letter mixes CPython accepts (br, rb, fr, rf, tr, rt), any case. */
    private boolean isStringPrefix(int s, int e) {
        int len = e - s;
        if (len == 1) {
            char a = Character.toLowerCase(c[s]);
            return a == 'r' || a == 'u' || a == 'b' || a == 'f' || a == 't';
        }
        if (len == 2) {
            char a = Character.toLowerCase(c[s]);
            char b = Character.toLowerCase(c[s + 1]);
            if (a == 'r') {
                char x = a;
                a = b;
                b = x;
            }
            return b == 'r' && (a == 'b' || a == 'f' || a == 't');
        }
        return false;
    }

    private int scanNumber(int p) {
        if (c[p] == '0' && p + 1 < n && "xXoObB".indexOf(c[p + 1]) >= 0) {
            p += 2;
            while (p < n && (Character.isLetterOrDigit(c[p]) || c[p] == '_')) {
                p++;
            }
            return p;
        }
        p = digits(p);
        if (p < n && c[p] == '.') {
            p = digits(p + 1);
        }
        if (p < n && (c[p] == 'e' || c[p] == 'E')) {
            int q = p + 1;
            if (q < n && (c[q] == '+' || c[q] == '-')) {
                q++;
            }
            if (q < n && c[q] >= '0' && c[q] <= '9') {
                p = digits(q);
            }
        }
        if (p < n && (c[p] == 'j' || c[p] == 'J')) {
            p++;
        }
        return p;
    }

    private int digits(int p) {
        char[] c = this.c;
        int n = this.n;
        while (p < n && ((c[p] >= '0' && c[p] <= '9') || c[p] == '_')) {
            p++;
        }
        return p;
    }

    /**
     * Scans a string literal whose prefix starts at {@code s} and opening quote is at {@code q}; returns the end
     * offset. An unterminated single-quoted string ends before the line break, as in CPython's message.
     */
    private int scanString(int s, int q, int nesting) {
        char[] c = this.c;
        int n = this.n;
        boolean raw = false;
        boolean fmt = false;
        for (int i = s; i < q; i++) {
            char p = Character.toLowerCase(c[i]);
            raw |= p == 'r';
            fmt |= p == 'f' || p == 't';
        }
        char quote = c[q];
        boolean triple = q + 2 < n && c[q + 1] == quote && c[q + 2] == quote;
        int p = q + (triple ? 3 : 1);
        boolean[] plain = fmt ? PLAIN_IN_FSTRING : PLAIN_IN_STRING;
        while (p < n) {
            char ch = c[p];
            if (plain[ch]) {
                // the run of plain chars, in a loop of its own: one load and test per char
                p++;
                while (p < n && plain[c[p]]) {
                    p++;
                }
            } else if (ch == '\\') {
                if (p + 1 >= n) {
                    p++;
                    break;
                }
                char next = c[p + 1];
                if (fmt && (next == '{' || next == '}')) {
                    p++;
                } else if (fmt && !raw && next == 'N' && p + 2 < n && c[p + 2] == '{') {
                    p += 3;
                    while (p < n && c[p] != '}' && c[p] != quote && c[p] != '\n' && c[p] != '\r') {
                        p++;
                    }
                    if (p < n && c[p] == '}') {
                        p++;
                    }
                } else if (next == '\r' && p + 2 < n && c[p + 2] == '\n') {
                    p += 3;
                    lineStartsAt(p);
                } else {
                    p += 2;
                    if (next == '\n' || next == '\r') {
                        lineStartsAt(p);
                    }
                }
            } else if (ch == quote) {
                if (!triple) {
                    return p + 1;
                }
                if (p + 2 < n && c[p + 1] == quote && c[p + 2] == quote) {
                    return p + 3;
                }
                p++;
            } else if (ch == '\n' || ch == '\r') {
                if (!triple) {
                    problem("unterminated string literal (detected at line " + src.lineOf(p) + ")", s, p);
                    return p;
                }
                p++;
                if (ch == '\n' || p >= n || c[p] != '\n') {
                    lineStartsAt(p);
                }
            } else if (fmt && ch == '{') {
                if (p + 1 < n && c[p + 1] == '{') {
                    p += 2;
                } else if (nesting >= MAX_FSTRING_NESTING) {
                    problem("too many nested f-strings", p, p + 1);
                    return n;
                } else {
                    fieldsInString = true;
                    int e = replacementField(p + 1, quote, triple, nesting + 1);
                    if (e < 0) {
                        problem("unterminated f-string literal (detected at line " + src.lineOf(-e - 1) + ")", s, -e - 1);
                        return -e - 1;
                    }
                    p = e;
                }
            } else if (fmt && ch == '}') {
                if (p + 1 < n && c[p + 1] == '}') {
                    p += 2;
                } else {
                    problem("f-string: single '}' is not allowed", p, p + 1);
                    p++;
                }
            } else {
                p++;
            }
        }
        if (triple) {
            problem("unterminated triple-quoted string literal (detected at line " + src.lineOf(Math.max(0, n - 1)) + ")",
                    s, Math.min(n, q + 3));
            if (nesting == 0) {
                runawayTriple = true;
            }
        } else {
            problem("unterminated string literal (detected at line " + src.lineOf(Math.max(0, n - 1)) + ")", s, n);
        }
        return n;
    }

    /**
     * Scans the expression part of an f-string replacement field starting after '{'. Returns the offset after its
     * closing '}', or {@code -(p + 1)} when the enclosing single-quoted string breaks at a line end p first.
     */
    private int replacementField(int p, char quote, boolean triple, int nesting) {
        int d = 0;
        while (p < n) {
            char ch = c[p];
            switch (ch) {
                case '\n', '\r' -> {
                    // PEP 701 lets a field span lines even in a single-quoted f-string; a column-0 statement
                    // after the break means the string was never closed
                    int next = p + ((ch == '\r' && p + 1 < n && c[p + 1] == '\n') ? 2 : 1);
                    if (!triple && startsStatementAtColumnZero(next)) {
                        return -(p + 1);
                    }
                    p = next;
                }
                case '#' -> {
                    int s = p;
                    while (p < n && c[p] != '\n' && c[p] != '\r') {
                        p++;
                    }
                    addComment(s, p);
                }
                case '\\' -> p += 2;
                case '\'', '"' -> p = scanString(p, p, nesting);
                case '(', '[', '{' -> {
                    d++;
                    p++;
                }
                case ')', ']' -> {
                    if (d > 0) {
                        d--;
                    }
                    p++;
                }
                case '}' -> {
                    if (d == 0) {
                        return p + 1;
                    }
                    d--;
                    p++;
                }
                case '!' -> {
                    if (d == 0 && p + 1 < n && c[p + 1] != '=') {
                        p++;
                    } else {
                        p += 2;
                    }
                }
                case ':' -> {
                    if (d == 0) {
                        return formatSpec(p + 1, quote, triple, nesting);
                    }
                    p++;
                }
                default -> {
                    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80) {
                        int s = p;
                        p = Math.max(p + 1, scanIdentifier(p));
                        if (p < n && (c[p] == '\'' || c[p] == '"') && isStringPrefix(s, p)) {
                            p = scanString(s, p, nesting);
                        }
                    } else {
                        p++;
                    }
                }
            }
        }
        return n;
    }

    private int formatSpec(int p, char quote, boolean triple, int nesting) {
        while (p < n) {
            char ch = c[p];
            if (ch == '}') {
                return p + 1;
            } else if (ch == '{') {
                if (nesting >= MAX_FSTRING_NESTING) {
                    return n;
                }
                int e = replacementField(p + 1, quote, triple, nesting + 1);
                if (e < 0) {
                    return e;
                }
                p = e;
            } else if (ch == quote && (!triple || (p + 2 < n && c[p + 1] == quote && c[p + 2] == quote))) {
                problem("f-string: expecting '}'", p, p + 1);
                return p;
            } else if ((ch == '\n' || ch == '\r') && !triple) {
                return -(p + 1);
            } else if (ch == '\\' && p + 1 < n && c[p + 1] != '{' && c[p + 1] != '}') {
                p += 2;
            } else {
                p++;
            }
        }
        return n;
    }

    private void operator(char ch) {
        int s = pos;
        char c1 = pos + 1 < n ? c[pos + 1] : 0;
        char c2 = pos + 2 < n ? c[pos + 2] : 0;
        int len;
        switch (ch) {
            case '(', '[', '{' -> {
                open(ch, s);
                pos++;
                tokens.addBracket(ch, s, true);
                return;
            }
            case ')', ']', '}' -> {
                close(ch, s);
                pos++;
                tokens.addBracket(ch, s, false);
                return;
            }
            case ',', '~' -> len = 1;
            case ';' -> {
                tokens.semicolons++;
                len = 1;
            }
            case '.' -> len = (c1 == '.' && c2 == '.') ? 3 : 1;
            case ':' -> len = c1 == '=' ? 2 : 1;
            case '-' -> len = (c1 == '=' || c1 == '>') ? 2 : 1;
            case '*', '/', '<', '>' -> {
                if (c1 == ch) {
                    len = c2 == '=' ? 3 : 2;
                } else {
                    len = c1 == '=' ? 2 : 1;
                }
            }
            case '+', '%', '&', '|', '^', '@', '=' -> len = c1 == '=' ? 2 : 1;
            case '!' -> {
                if (c1 == '=') {
                    len = 2;
                } else {
                    problem("invalid syntax ('!' outside an f-string)", s, s + 1);
                    len = 1;
                }
            }
            default -> {
                int cp = Character.codePointAt(c, pos, n);
                len = Character.charCount(cp);
                problem(String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp), s, s + len);
                pos += len;
                return;
            }
        }
        pos += len;
        tokens.add(Tokens.OP, len == 1 ? ch : Tokens.wordCode(c, s, pos), s, pos);
    }

    private void open(char ch, int at) {
        if (depth == brackets.length) {
            brackets = Arrays.copyOf(brackets, depth * 2);
            bracketAt = Arrays.copyOf(bracketAt, depth * 2);
        }
        brackets[depth] = ch;
        bracketAt[depth] = at;
        depth++;
    }

    private void close(char ch, int at) {
        char want = ch == ')' ? '(' : ch == ']' ? '[' : '{';
        if (depth == 0) {
            problem("unmatched '" + ch + "'", at, at + 1);
            return;
        }
        if (brackets[depth - 1] == want) {
            depth--;
            return;
        }
        problem("closing parenthesis '" + ch + "' does not match opening parenthesis '" + brackets[depth - 1] + "'",
                at, at + 1);
        // pop to the matching opener when there is one, so one typo does not swallow the rest of the file
        for (int d = depth - 1; d >= 0; d--) {
            if (brackets[d] == want) {
                depth = d;
                return;
            }
        }
    }

    private void addComment(int s, int e) {
        if (commentCount == commentStart.length) {
            commentStart = Arrays.copyOf(commentStart, commentCount * 2);
            commentEnd = Arrays.copyOf(commentEnd, commentCount * 2);
        }
        commentStart[commentCount] = s;
        commentEnd[commentCount] = e;
        commentCount++;
    }

    private void problem(String message, int s, int e) {
        problems.add(new SyntaxProblem(message, src.region(s, Math.max(s, e))));
    }
}
