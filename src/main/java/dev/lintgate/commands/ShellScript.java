package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simple commands of a POSIX shell script ({@code run:} blocks of GitHub workflows, Makefile recipe lines,
 * {@code *.sh} files), with the directory each runs in and the variables it sees. Quoting, escapes, comments,
 * {@code ;}, {@code &&}, {@code ||}, pipes, subshells, compound commands ({@code if}, {@code for}, {@code while},
 * {@code case}), here-documents and {@code cd} are followed; every expansion lintgate cannot do ({@code $X} of a
 * variable it does not know, {@code $(...)}, globs, {@code $@}) becomes an {@link Words#unknown unknown word}, and a
 * {@code cd} to an unknown place makes the later commands' directory unknown.
 */
public final class ShellScript {

    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "while",
            "until", "!", "{", "}", "function", "time");

    private final String file;
    private final String text;
    private final int firstLine;
    private final Map<String, String> variables;
    /** The variables in the environment of the commands (those given, and those exported). */
    private final Set<String> exported = new java.util.HashSet<>();
    private final List<CommandLine> out = new ArrayList<>();
    private int pos;
    private int line;
    private String cwd;
    private boolean cwdKnown = true;
    /** Here-document delimiters waiting for the end of the current line: [delimiter, strip tabs]. */
    private final List<String[]> pendingHeredocs = new ArrayList<>();

    private ShellScript(String file, String text, int firstLine, String cwd, Map<String, String> environment,
                        Map<String, String> shellVariables) {
        this.file = file;
        this.text = text;
        this.firstLine = firstLine;
        this.line = firstLine;
        this.cwd = cwd;
        this.variables = new LinkedHashMap<>(shellVariables);
        this.variables.putAll(environment);
        this.exported.addAll(environment.keySet());
    }

    /**
     * The commands of {@code text}, whose first line is line {@code firstLine} of {@code file}; {@code cwd} is where
     * it starts ("" the repository root), {@code environment} the variables it is given (others are unknown).
     */
    public static List<CommandLine> commands(String file, String text, int firstLine, String cwd, Map<String, String> environment) {
        return commands(file, text, firstLine, cwd, environment, Map.of());
    }

    /** As above, with variables the script sees that are not in its commands' environment. */
    public static List<CommandLine> commands(String file, String text, int firstLine, String cwd, Map<String, String> environment,
                                             Map<String, String> shellVariables) {
        ShellScript s = new ShellScript(file, text, firstLine, cwd, environment, shellVariables);
        s.list(false);
        return s.out;
    }

    /** One word as the shell builds it, and whether expansions left its text unknown. */
    private static final class Word {
        final StringBuilder text = new StringBuilder();
        final StringBuilder spelling = new StringBuilder();
        boolean unknown;
        boolean several;
        boolean quotedAny;

        String value() {
            if (several) return Words.unknownWords(spelling.toString());
            if (unknown) return Words.unknown(spelling.toString());
            return text.toString();
        }
    }

    /** Commands until the end of the text, or (in a subshell) the closing parenthesis. */
    private void list(boolean subshell) {
        String savedCwd = cwd;
        boolean savedKnown = cwdKnown;
        boolean inCase = false;
        while (pos < text.length()) {
            skipBlanks();
            if (pos >= text.length()) break;
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
                continue;
            }
            if (c == '\n') {
                newline();
                continue;
            }
            if (c == ';' || c == '&' || c == '|') {
                pos++;
                continue;
            }
            if (c == ')') {
                pos++;
                if (subshell) break;
                continue;
            }
            if (c == '(') {
                pos++;
                if (pos < text.length() && text.charAt(pos) == '(') {
                    skipArithmetic();
                    continue;
                }
                list(true);
                continue;
            }
            int startLine = line;
            List<String> words = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            while (pos < text.length()) {
                skipBlanks();
                if (pos >= text.length()) break;
                char d = text.charAt(pos);
                if (d == '\n' || d == ';' || d == '&' || d == '|' || d == ')' || d == '(') break;
                if (d == '#') break;
                if (d == '<' || d == '>' || (Character.isDigit(d) && redirectionAhead())) {
                    redirection();
                    continue;
                }
                Word w = word();
                words.add(w.value());
                quoted.add(w.quotedAny);
            }
            if (words.isEmpty()) {
                if (pos < text.length() && text.charAt(pos) == '(' ) {
                    // "name()" of a function definition: the body follows as commands of their own
                    pos++;
                    skipBlanks();
                    if (pos < text.length() && text.charAt(pos) == ')') pos++;
                }
                continue;
            }
            if (inCase) {
                // case patterns "test_*.py)" up to the parenthesis, clauses end at ";;"
                if (words.get(0).equals("esac")) {
                    inCase = false;
                    words = words.subList(1, words.size());
                } else if (pos < text.length() && text.charAt(pos) == ')') {
                    pos++;
                    continue;
                }
            }
            while (!words.isEmpty() && KEYWORDS.contains(words.get(0)) && !quoted.get(0)) {
                words = words.subList(1, words.size());
                quoted = quoted.subList(1, quoted.size());
            }
            if (words.isEmpty()) continue;
            String first = words.get(0);
            if (first.equals("for") || first.equals("select")) {
                // "for x in a b": x takes values lintgate does not follow
                if (words.size() > 1) variables.put(words.get(1), Words.unknown("$" + words.get(1)));
                continue;
            }
            if (first.equals("case")) {
                inCase = true;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '(' && words.size() == 1) {
                // a function definition "name() {": its body is read as commands
                pos++;
                skipBlanks();
                if (pos < text.length() && text.charAt(pos) == ')') pos++;
                continue;
            }
            command(words, startLine);
        }
        if (subshell) {
            cwd = savedCwd;
            cwdKnown = savedKnown;
        }
    }

    private void command(List<String> words, int startLine) {
        String first = words.get(0);
        if (first.equals("cd") || first.equals("pushd")) {
            List<String> args = words.subList(1, words.size()).stream().filter(a -> !a.startsWith("-")).toList();
            if (args.isEmpty()) {
                cwdKnown = false;
            } else if (Words.isUnknown(args.get(0))) {
                String spelled = Words.spelling(args.get(0));
                if (spelled.equals("$GITHUB_WORKSPACE") || spelled.equals("${GITHUB_WORKSPACE}")) {
                    cwd = "";
                    cwdKnown = true;
                } else {
                    cwdKnown = false;
                }
            } else {
                cwd = Paths.resolve(cwd, args.get(0));
                cwdKnown = cwd != null;
            }
            return;
        }
        if (first.equals("popd")) {
            cwdKnown = false;
            return;
        }
        if ((first.equals("export") || first.equals("readonly") || first.equals("local") || first.equals("declare"))) {
            for (String w : words.subList(1, words.size())) {
                assign(w);
                if (first.equals("export")) {
                    String name = Words.spelling(w);
                    exported.add(name.contains("=") ? name.substring(0, name.indexOf('=')) : name);
                }
            }
            return;
        }
        boolean allAssignments = words.stream().allMatch(ShellScript::isAssignment);
        if (allAssignments) {
            words.forEach(this::assign);
            return;
        }
        String source = file + ":" + startLine;
        if (!cwdKnown) {
            if (Program.of(words).kind() != Program.Kind.OTHER) {
                out.add(CommandLine.notUnderstood(source, "`" + Words.show(words) + "` runs in a directory lintgate cannot tell"));
            }
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : exported) {
            String v = variables.get(name);
            if (v != null) env.put(name, v);
        }
        out.add(new CommandLine(source, cwd, words, env, null));
    }

    private void assign(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0 || Words.isUnknown(w)) {
            // "X=$(cmd)" and the like: the variable's value is not known from here on
            String name = Words.spelling(w);
            int e = name.indexOf('=');
            if (e > 0) variables.put(name.substring(0, e), Words.unknown("$" + name.substring(0, e)));
            return;
        }
        variables.put(w.substring(0, eq), w.substring(eq + 1));
    }

    private static boolean isAssignment(String w) {
        String s = Words.spelling(w);
        int eq = s.indexOf('=');
        if (eq <= 0) return false;
        for (int k = 0; k < eq; k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_') || (k == 0 && Character.isDigit(c))) return false;
        }
        return true;
    }

    private void newline() {
        pos++;
        line++;
        if (!pendingHeredocs.isEmpty()) {
            for (String[] h : pendingHeredocs) skipHeredoc(h[0], h[1] != null);
            pendingHeredocs.clear();
        }
    }

    /** The body of a here-document; lintgate does not read what it feeds, so one that runs pytest is not understood. */
    private void skipHeredoc(String delimiter, boolean stripTabs) {
        int bodyLine = line;
        StringBuilder body = new StringBuilder();
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String l = text.substring(pos, end);
            pos = Math.min(end + 1, text.length());
            line++;
            if ((stripTabs ? l.replaceFirst("^\t+", "") : l).equals(delimiter)) break;
            body.append(l).append('\n');
        }
        if (body.toString().contains("pytest")) {
            out.add(CommandLine.notUnderstood(file + ":" + bodyLine, "a here-document that mentions pytest"));
        }
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else {
                break;
            }
        }
    }

    private boolean redirectionAhead() {
        int p = pos;
        while (p < text.length() && Character.isDigit(text.charAt(p))) p++;
        return p < text.length() && (text.charAt(p) == '<' || text.charAt(p) == '>');
    }

    /** A redirection and its target word: neither is an argument. */
    private void redirection() {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        boolean heredoc = text.startsWith("<<", pos) && !text.startsWith("<<<", pos);
        boolean stripTabs = text.startsWith("<<-", pos);
        while (pos < text.length() && "<>&|-".indexOf(text.charAt(pos)) >= 0) {
            // "2>&1": the digit after & is the target
            pos++;
        }
        skipBlanks();
        if (pos < text.length() && "\n;&|()".indexOf(text.charAt(pos)) < 0) {
            Word target = word();
            if (heredoc) pendingHeredocs.add(new String[] {target.text.toString(), stripTabs ? "" : null});
        }
    }

    private void skipArithmetic() {
        int depth = 1;
        while (pos < text.length() && depth > 0) {
            char c = text.charAt(pos++);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == '\n') line++;
        }
    }

    private Word word() {
        Word w = new Word();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<'
                    || c == '>' || c == '(' || c == ')') {
                break;
            }
            if (c == '\\') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                    continue;
                }
                if (pos + 1 < text.length()) {
                    w.text.append(text.charAt(pos + 1));
                    w.spelling.append(text, pos, pos + 2);
                }
                pos += 2;
                w.quotedAny = true;
                continue;
            }
            if (c == '\'') {
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) end = text.length();
                String s = text.substring(pos + 1, end);
                w.text.append(s);
                w.spelling.append(text, pos, Math.min(end + 1, text.length()));
                line += count(s, '\n');
                pos = end + 1;
                w.quotedAny = true;
                continue;
            }
            if (c == '"') {
                w.quotedAny = true;
                w.spelling.append('"');
                pos++;
                while (pos < text.length() && text.charAt(pos) != '"') {
                    char d = text.charAt(pos);
                    int start = pos;
                    if (d == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
                        if (text.charAt(pos + 1) == '\n') line++;
                        else w.text.append(text.charAt(pos + 1));
                        pos += 2;
                        w.spelling.append(text, start, pos);
                    } else if (d == '$' || d == '`') {
                        String shown = expansion(w, true);
                        w.spelling.append(shown != null ? shown : text.substring(start, pos));
                    } else {
                        if (d == '\n') line++;
                        w.text.append(d);
                        w.spelling.append(d);
                        pos++;
                    }
                }
                pos++;
                w.spelling.append('"');
                continue;
            }
            if (c == '$' || c == '`') {
                int start = pos;
                String shown = expansion(w, false);
                w.spelling.append(shown != null ? shown : text.substring(start, pos));
                continue;
            }
            if ((c == '*' || c == '?' || c == '[' || c == '{' || c == '~') && !(c == '{' && w.text.length() == 0 && peekWordEnd())) {
                // pathname, brace and tilde expansion: the words are those of the file system
                w.several |= c != '{' || braceExpansion();
                w.unknown |= w.several;
            }
            w.text.append(c);
            w.spelling.append(c);
            pos++;
        }
        return w;
    }

    private boolean peekWordEnd() {
        return pos + 1 >= text.length() || " \t\n;".indexOf(text.charAt(pos + 1)) >= 0;
    }

    private boolean braceExpansion() {
        int close = text.indexOf('}', pos);
        int comma = text.indexOf(',', pos);
        int dots = text.indexOf("..", pos);
        return close > 0 && ((comma > 0 && comma < close) || (dots > 0 && dots < close));
    }

    /** {@code $NAME}, {@code ${...}}, {@code $(...)}, {@code $((...))}, a backquoted command. */
    private String expansion(Word w, boolean quoted) {
        char c = text.charAt(pos);
        String spelled;
        String value = null;
        boolean positional = false;
        if (c == '`') {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) end = text.length() - 1;
            spelled = text.substring(pos, end + 1);
            pos = end + 1;
        } else if (pos + 1 < text.length() && text.charAt(pos + 1) == '(') {
            int start = pos;
            pos += 2;
            int depth = 1;
            while (pos < text.length() && depth > 0) {
                char d = text.charAt(pos++);
                if (d == '(') depth++;
                if (d == ')') depth--;
                if (d == '\n') line++;
            }
            spelled = text.substring(start, pos);
        } else if (pos + 1 < text.length() && text.charAt(pos + 1) == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0) end = text.length() - 1;
            spelled = text.substring(pos, end + 1);
            String inner = text.substring(pos + 2, end);
            pos = end + 1;
            String name = inner.split("[:#%/\\-=+?]", 2)[0];
            value = inner.equals(name) ? variables.get(name) : null;
            positional = name.equals("@") || name.equals("*");
        } else {
            int start = pos;
            pos++;
            if (pos < text.length() && "@*#?$!-0123456789".indexOf(text.charAt(pos)) >= 0) {
                positional = true;
                pos++;
            } else {
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            }
            spelled = text.substring(start, pos);
            if (spelled.equals("$")) {
                w.text.append('$');
                return null;
            }
            value = positional ? null : variables.get(spelled.substring(1));
        }
        if (value != null && !Words.isUnknown(value)) {
            w.text.append(value);
            // an unquoted expansion is split into fields: a value with blanks is several words
            if (!quoted && value.chars().anyMatch(Character::isWhitespace)) {
                w.several = true;
                w.unknown = true;
            }
            return null;
        }
        // a value known to be unknown (a make variable, a step's expression) is shown as it was written there
        w.text.append(value != null ? Words.spelling(value) : spelled);
        w.unknown = true;
        if (!quoted || positional) w.several = true;
        return value != null ? Words.spelling(value) : null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) n++;
        }
        return n;
    }
}
