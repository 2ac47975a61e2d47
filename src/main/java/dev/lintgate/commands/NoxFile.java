package dev.lintgate.commands;

import dev.lintgate.python.PythonFile;
import dev.lintgate.python.SyntaxNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of a {@code noxfile.py}: every {@code session.run(...)} and {@code session.run_always(...)} call,
 * wherever it is written (a helper that a session calls runs as much as the session itself). String literals are
 * words, {@code *session.posargs} is what the caller passes (nothing for {@code nox -s NAME}); a command built at run
 * time ({@code session.run(*cmd)}) is not understood. {@code session.chdir("dir")} moves the calls after it.
 */
public final class NoxFile {
    private NoxFile() {
    }

    public static List<CommandLine> commands(PythonFile file, List<String> posargs) {
        String dir = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
        List<CommandLine> out = new ArrayList<>();
        List<SyntaxNode> calls = new ArrayList<>();
        Deque<SyntaxNode> todo = new ArrayDeque<>();
        todo.push(file.syntaxTree().root());
        while (!todo.isEmpty()) {
            SyntaxNode n = todo.pop();
            if (n.type().equals("call")) calls.add(n);
            List<SyntaxNode> children = n.namedChildren();
            for (int k = children.size() - 1; k >= 0; k--) todo.push(children.get(k));
        }
        // source order: a chdir moves the calls after it in the same function
        Map<String, String> cwdOf = new LinkedHashMap<>();
        for (SyntaxNode call : calls) {
            String method = method(call);
            if (method == null) continue;
            String source = file.path() + ":" + call.region().startLine();
            String function = enclosingFunction(call);
            if (method.equals("chdir")) {
                List<SyntaxNode> args = call.child("arguments").namedChildren();
                String to = args.isEmpty() ? null : args.get(0).stringValue();
                String current = cwdOf.getOrDefault(function, dir);
                cwdOf.put(function, to == null || current == null ? null : Paths.resolve(current, to));
                continue;
            }
            if (!method.equals("run") && !method.equals("run_always")) continue;
            List<String> words = new ArrayList<>();
            String unknownBecause = null;
            for (SyntaxNode a : call.child("arguments").namedChildren()) {
                if (a.type().equals("keyword_argument")) continue;
                if (a.type().equals("list_splat")) {
                    String inner = a.namedChildren().isEmpty() ? "" : a.namedChildren().get(0).text();
                    if (inner.endsWith(".posargs")) {
                        if (posargs != null) words.addAll(posargs);
                    } else {
                        unknownBecause = "the command is built at run time (`" + a.text() + "`)";
                    }
                    continue;
                }
                String v = a.stringValue();
                words.add(v != null ? v : Words.unknown(a.text()));
            }
            String cwd = cwdOf.getOrDefault(function, dir);
            if (unknownBecause != null) {
                out.add(CommandLine.notUnderstood(source, unknownBecause));
            } else if (cwd == null) {
                out.add(CommandLine.notUnderstood(source, "`" + Words.show(words) + "` runs after a chdir lintgate cannot follow"));
            } else {
                out.add(new CommandLine(source, cwd, words, Map.of(), null));
            }
        }
        return out;
    }

    /** "run" for {@code session.run(...)}: the method called on a plain name. */
    private static String method(SyntaxNode call) {
        SyntaxNode f = call.child("function");
        if (f == null || !f.type().equals("attribute") || call.child("arguments") == null) return null;
        SyntaxNode object = f.child("object");
        SyntaxNode attribute = f.child("attribute");
        if (object == null || attribute == null || !object.type().equals("identifier")) return null;
        return attribute.text();
    }

    /** The enclosing function, by where it starts (nodes are views: two of one function are not equal). */
    private static String enclosingFunction(SyntaxNode n) {
        for (SyntaxNode p = n.parent(); p != null; p = p.parent()) {
            if (p.type().equals("function_definition")) return p.region().toString();
        }
        return "";
    }
}
