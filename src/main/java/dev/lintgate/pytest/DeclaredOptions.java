package dev.lintgate.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.pytest.PluginCatalog.Arity;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.SyntaxNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command-line options a project's own conftests declare in {@code pytest_addoption}, read from their
 * {@code parser.addoption(...)} and {@code group.addoption(...)} calls as argparse reads them: option names are the
 * string arguments, the arity comes from {@code action} and {@code nargs}. A call whose names or action are computed
 * declares nothing lintgate can use, and its options stay unknown.
 */
final class DeclaredOptions {
    private DeclaredOptions() {
    }

    private static final Triggers ADDOPTION = new Triggers(List.of("addoption"));
    private static final Set<String> FLAG_ACTIONS = Set.of("store_true", "store_false", "store_const",
            "append_const", "count", "help", "version");
    private static final Set<String> VALUE_ACTIONS = Set.of("store", "append", "extend");

    static Map<String, Arity> in(ProjectModel project) {
        Map<String, Arity> out = new LinkedHashMap<>();
        for (String f : project.pythonFiles()) {
            if (!f.equals("conftest.py") && !f.endsWith("/conftest.py")) continue;
            if (!project.bytes(f).map(ADDOPTION::foundIn).orElse(false)) continue;
            Optional<PythonFile> file = project.python(f);
            if (file.isEmpty()) continue;
            Deque<SyntaxNode> todo = new ArrayDeque<>();
            todo.push(file.get().syntaxTree().root());
            while (!todo.isEmpty()) {
                SyntaxNode n = todo.pop();
                if (n.type().equals("call")) read(n, out);
                for (SyntaxNode c : n.namedChildren()) todo.push(c);
            }
        }
        return out;
    }

    private static void read(SyntaxNode call, Map<String, Arity> out) {
        SyntaxNode function = call.child("function");
        SyntaxNode arguments = call.child("arguments");
        if (function == null || arguments == null || !function.type().equals("attribute")) return;
        SyntaxNode attribute = function.child("attribute");
        if (attribute == null || !(attribute.text().equals("addoption") || attribute.text().equals("_addoption"))) return;
        List<String> names = new java.util.ArrayList<>();
        String action = "store";
        Object nargs = null;
        for (SyntaxNode a : arguments.namedChildren()) {
            switch (a.type()) {
                case "keyword_argument" -> {
                    String key = a.child("name") == null ? "" : a.child("name").text();
                    SyntaxNode value = a.child("value");
                    if (key.equals("action")) {
                        action = value == null ? null : value.stringValue();
                    } else if (key.equals("nargs") && value != null) {
                        nargs = value.type().equals("integer") ? (Object) value.text() : value.stringValue();
                        if (nargs == null) return;
                    }
                }
                case "list_splat", "dictionary_splat" -> {
                    return;
                }
                default -> {
                    String v = a.stringValue();
                    if (v == null) return;
                    if (v.startsWith("-")) names.add(v);
                }
            }
        }
        Arity arity = arity(action, nargs);
        if (arity == null) return;
        for (String n : names) out.putIfAbsent(n, arity);
    }

    private static Arity arity(String action, Object nargs) {
        if (action == null) return null;
        if (FLAG_ACTIONS.contains(action)) return Arity.NONE;
        if (!VALUE_ACTIONS.contains(action)) return null;
        if (nargs == null) return Arity.ONE;
        return switch (String.valueOf(nargs)) {
            case "?" -> Arity.OPTIONAL;
            case "+" -> Arity.ONE_OR_MORE;
            case "*" -> Arity.ANY;
            case "0" -> Arity.NONE;
            case "1" -> Arity.ONE;
            default -> Arity.ONE_OR_MORE;
        };
    }
}
