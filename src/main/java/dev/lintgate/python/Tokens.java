package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * The token stream of one file as parallel arrays (kind, code, start, end offsets into {@link SourceText#chars}): one
 * object per file instead of one per token keeps the scanner at tens of MB/s.
 */
final class Tokens {
    static final byte NAME = 1;
    static final byte NUMBER = 2;
    /** Any string literal, f- and t-strings included, as one token with its prefix. */
    static final byte STRING = 3;
    static final byte OP = 4;
    /** End of a logical line. Blank and comment-only lines produce nothing. */
    static final byte NEWLINE = 5;
    static final byte INDENT = 6;
    static final byte DEDENT = 7;
    static final byte END = 8;

    /**
     * The spellings that get a code of their own (256 + their index): the walkers compare token codes instead of
     * chars, which in C1-compiled code costs a call and two checks per char. Keywords come first and stay together.
     */
    private static final String[] WORDS = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        // soft keywords
        "match", "case", "type", "lazy",
        // names the walkers look for
        "TYPE_CHECKING", "__name__", "__all__", "Literal", "NameError", "UnboundLocalError", "annotations",
        "globals", "global_enum", "vars", "locals", "exec", "execfile", "__builtins__", "builtins", "__dict__",
        "_convert_", "install", "modules", "meta_path", "path_hooks",
        "import_module", "__import__", "resolve_name", "patch", "object", "find_spec", "import_string",
        // operators longer than one char (a one-char operator's code is the char itself)
        "...", ":=", "->", "**", "//", "<<", ">>", "==", "!=", "<=", ">=",
        // augmented assignments, together
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "**=", "//=", "<<=", ">>=",
    };
    private static final char[][] WORD_CHARS = new char[WORDS.length][];
    /** Open addressing over {@link #hash} (which masks to its size): the code of a word, 0 for a free slot. */
    private static final short[] WORD_TABLE = new short[512];

    /** Per ASCII first char: bit n set when some word of length n starts with it. */
    private static final int[] WORD_LENGTHS = new int[128];

    static {
        for (int k = 0; k < WORDS.length; k++) {
            char[] w = WORDS[k].toCharArray();
            WORD_CHARS[k] = w;
            WORD_LENGTHS[w[0]] |= 1 << w.length;
            int h = hash(w[0], w.length > 1 ? w[1] : 0, w[w.length - 1], w.length);
            while (WORD_TABLE[h] != 0) {
                h = (h + 1) & (WORD_TABLE.length - 1);
            }
            WORD_TABLE[h] = (short) (256 + k);
        }
    }

    /** The last of the constants False, None, True, which come first. */
    static final int TRUE = code("True");
    static final int EXEC = code("exec");
    static final int AND = code("and");
    static final int AS = code("as");
    static final int ASYNC = code("async");
    static final int CLASS = code("class");
    static final int DEF = code("def");
    static final int ELIF = code("elif");
    static final int ELSE = code("else");
    static final int EXCEPT = code("except");
    static final int FINALLY = code("finally");
    static final int FOR = code("for");
    static final int FROM = code("from");
    static final int GLOBAL = code("global");
    static final int IF = code("if");
    static final int IMPORT = code("import");
    static final int IN = code("in");
    static final int LAMBDA = code("lambda");
    static final int NOT = code("not");
    static final int OR = code("or");
    static final int TRY = code("try");
    static final int WHILE = code("while");
    static final int WITH = code("with");
    /** The last keyword of {@link #WORDS}. */
    static final int YIELD = code("yield");
    static final int MATCH = code("match");
    static final int CASE = code("case");
    static final int LAZY = code("lazy");
    static final int ELLIPSIS = code("...");
    static final int WALRUS = code(":=");
    static final int ARROW = code("->");
    static final int POWER = code("**");
    static final int EQUALS = code("==");
    private static final int FIRST_AUGMENTED = code("+=");
    private static final int LAST_AUGMENTED = code(">>=");

    final SourceText source;
    private final char[] c;
    byte[] kind;
    /** Per token: the code of its spelling for NAME and OP tokens that have one (see {@link #code(String)}), else 0. */
    short[] code;
    int[] start;
    int[] end;
    int size;
    /** How many ';' tokens there are: most files have none, and then no line needs splitting. */
    int semicolons;
    /**
     * Start/end offsets of the comments (the '#' included), in order, set by the tokenizer. They live here rather
     * than in the statement facts because only files with findings ask for comments, and the facts of every file
     * stay reachable to the end of a run.
     */
    int[] commentStart;
    int[] commentEnd;
    /**
     * Per opening bracket: 1 + the index of the bracket that closes it, whatever its kind (0 when none does, and for
     * every other token), as {@link #closingBracket} would find it. Null while tokenizing: the brackets met are
     * recorded as pairs and spread into an array of the final size by {@link #trim}.
     */
    int[] closer;
    /** Opening brackets not closed yet, innermost last. */
    private int[] unclosed;
    private int unclosedCount;
    /** (opening bracket, 1 + closing bracket) for each bracket closed so far: what {@link #closer} will hold. */
    private int[] pairs;
    private int pairCount;

    /**
     * Tokens written into the tokenizer's per-thread buffers ({@link Tokenizer.Scratch}), which {@link #trim}
     * replaces by arrays of the exact size: a guessed capacity zeroed more memory than most files use, and files denser
     * than the guess paid for doublings.
     */
    Tokens(SourceText source, Tokenizer.Scratch scratch) {
        this.source = source;
        this.c = source.chars;
        kind = scratch.kind;
        code = scratch.code;
        start = scratch.start;
        end = scratch.end;
        unclosed = scratch.unclosed;
        pairs = scratch.pairs;
    }

    /** Swaps the working buffers for exact copies, and hands the buffers (grown, maybe) back for the next file. */
    void trim(Tokenizer.Scratch scratch) {
        int n = size;
        scratch.keepTokens(kind, code, start, end, unclosed, pairs);
        kind = Arrays.copyOf(kind, n);
        code = Arrays.copyOf(code, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        int[] closers = new int[n];
        int[] p = pairs;
        for (int i = 0; i < pairCount; i += 2) {
            closers[p[i]] = p[i + 1];
        }
        closer = closers;
        unclosed = null;
        pairs = null;
    }

    /**
     * The code of a keyword, soft keyword, watched name or operator: 256 and up for the spellings in {@link #WORDS},
     * the char itself for a one-char operator. Fails for anything else, so a typo cannot compare false silently.
     */
    static int code(String spelling) {
        char[] w = spelling.toCharArray();
        int k = w.length == 1 && w[0] < 128 ? w[0] : wordCode(w, 0, w.length);
        if (k == 0) {
            throw new IllegalArgumentException("no token code for " + spelling);
        }
        return k;
    }

    /**
     * False when no word of {@link #WORDS} starts with {@code first} and has length {@code len}, which rules out
     * most names ({@code self}, {@code x}, {@code name}) before the call to {@link #wordCode}.
     */
    static boolean mayBeWord(char first, int len) {
        return first < 128 && len < 32 && (WORD_LENGTHS[first] & (1 << len)) != 0;
    }

    /** The code of the word spelled c[s, e), 0 when it is not in {@link #WORDS}. */
    static short wordCode(char[] c, int s, int e) {
        int len = e - s;
        if (len < 1 || len > 17) {
            return 0;
        }
        short[] table = WORD_TABLE;
        int h = hash(c[s], len > 1 ? c[s + 1] : 0, c[e - 1], len);
        short w;
        while ((w = table[h]) != 0) {
            char[] word = WORD_CHARS[w - 256];
            if (word.length == len && word[0] == c[s]) {
                int j = 1;
                while (j < len && word[j] == c[s + j]) {
                    j++;
                }
                if (j == len) {
                    return w;
                }
            }
            h = (h + 1) & (table.length - 1);
        }
        return 0;
    }

    /** From the first two and the last char and the length: cheap, spreads the words well, small enough to inline. */
    private static int hash(int first, int second, int last, int len) {
        return (first * 31 + second * 7 + last * 3 + len) & 511;
    }

    /** The spelling of a coded word such as a keyword; "" for a one-char operator and for 0. */
    static String word(int code) {
        return code >= 256 ? WORDS[code - 256] : "";
    }

    static boolean isOneCharOp(int code) {
        return code > 0 && code < 128;
    }

    static boolean isKeyword(int code) {
        return code >= 256 && code <= YIELD;
    }

    /** {@code +=}, {@code **=} and the other augmented assignments (not {@code ==}, {@code <=}, {@code :=}, ...). */
    static boolean isAugmentedAssignment(int code) {
        return code >= FIRST_AUGMENTED && code <= LAST_AUGMENTED;
    }

    /** An opening bracket, as a one-character token code or a char. */
    static boolean opens(int c) {
        return c == '(' || c == '[' || c == '{';
    }

    static boolean closes(int c) {
        return c == ')' || c == ']' || c == '}';
    }

    void add(byte k, int tokenCode, int s, int e) {
        int i = size;
        if (i == kind.length) {
            grow();
        }
        kind[i] = k;
        code[i] = (short) tokenCode;
        start[i] = s;
        end[i] = e;
        size = i + 1;
    }

    void grow() {
        int n = size * 2;
        kind = Arrays.copyOf(kind, n);
        code = Arrays.copyOf(code, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
    }

    void add(byte k, int s, int e) {
        add(k, 0, s, e);
    }

    /** Stores a bracket token and pairs it with its opening bracket, or keeps it open. */
    void addBracket(char bracket, int s, boolean opening) {
        int i = size;
        add(OP, bracket, s, s + 1);
        if (opening) {
            if (unclosedCount == unclosed.length) {
                unclosed = Arrays.copyOf(unclosed, unclosedCount * 2);
            }
            unclosed[unclosedCount++] = i;
        } else if (unclosedCount > 0) {
            if (pairCount == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairCount * 2);
            }
            pairs[pairCount] = unclosed[--unclosedCount];
            pairs[pairCount + 1] = size;
            pairCount += 2;
        }
    }

    int length(int i) {
        return end[i] - start[i];
    }

    /** True when token i is a NAME or OP spelled exactly {@code text}; {@link #is(int, int)} is the fast form. */
    boolean is(int i, String text) {
        if (i >= size) {
            return false;
        }
        byte k = kind[i];
        if (k != NAME && k != OP) {
            return false;
        }
        int s = start[i];
        int n = end[i] - s;
        if (n != text.length()) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if (c[s + j] != text.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** True when token i has the code {@code k} (see {@link #code(String)}); a one-char operator is its char. */
    boolean is(int i, int k) {
        return i < size && code[i] == k;
    }

    boolean isOp(int i, char op) {
        return i < size && code[i] == op;
    }

    boolean isName(int i) {
        return i < size && kind[i] == NAME;
    }

    /** The token as written; a keyword's (or other coded word's) String is shared, not made again. */
    String text(int i) {
        int k = code[i];
        if (k >= 256) {
            return WORDS[k - 256];
        }
        return new String(c, start[i], end[i] - start[i]);
    }

    /** A NAME as Python binds it: non-ASCII identifiers are NFKC-normalized (PEP 3131), so {@code 𝔘} is {@code U}. */
    String name(int i) {
        for (int k = start[i]; k < end[i]; k++) {
            if (c[k] >= 0x80) {
                return Normalizer.normalize(text(i), Normalizer.Form.NFKC);
            }
        }
        return text(i);
    }

    /** End of NAME ('.' NAME)* starting at i, within [i, e); i itself when there is no name. */
    int dottedNameEnd(int i, int e) {
        if (i >= e || !isName(i)) {
            return i;
        }
        int last = i + 1;
        while (last + 1 < e && isOp(last, '.') && isName(last + 1)) {
            last += 2;
        }
        return last;
    }

    /** A dotted name on tokens [s, e) without the whitespace between them: {@code a . b} reads "a.b". */
    String joined(int s, int e) {
        if (e - s == 1) {
            return name(s);
        }
        StringBuilder b = new StringBuilder();
        for (int i = s; i < e; i++) {
            b.append(kind[i] == NAME ? name(i) : text(i));
        }
        return b.toString();
    }

    /** The first token in [s, e) with this code outside any bracket opened in the range, -1 when none. */
    int topLevel(int s, int e, int code) {
        int depth = 0;
        for (int i = s; i < e; i++) {
            int k = this.code[i];
            if (opens(k)) {
                depth++;
            } else if (closes(k)) {
                depth--;
            } else if (k == code && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the bracket that closes the one at {@code open}, searching before e; -1 when none does. */
    int closingBracket(int open, int e) {
        // a bounded walk: the statement scanner asks about a few short ranges, not worth matching the whole file
        short[] codes = code;
        int depth = 0;
        for (int i = open; i < e; i++) {
            int k = codes[i];
            if (opens(k)) {
                depth++;
            } else if (closes(k) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The source region from token fromToken up to (excluding) toToken; empty at fromToken when they are equal. */
    Region region(int fromToken, int toToken) {
        int s = start[fromToken];
        return source.region(s, toToken > fromToken ? end[toToken - 1] : s);
    }
}
