package dev.lintgate.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Triggers;
import dev.lintgate.pytest.PluginCatalog.Arity;
import dev.lintgate.python.CallSites;
import java.util.ArrayList;
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

    static final ProjectModel.Fact<Map<String, Arity>> FACT = new ProjectModel.Fact<>("pytest declared options", DeclaredOptions::in);

    static Map<String, Arity> in(ProjectModel project) {
        Map<String, Arity> out = new LinkedHashMap<>();
        for (String f : project.pythonFiles()) {
            if (!f.equals("conftest.py") && !f.endsWith("/conftest.py")) continue;
            Optional<byte[]> bytes = project.bytes(f);
            if (bytes.isEmpty() || !ADDOPTION.foundIn(bytes.get())) continue;
            for (CallSites.Call call : CallSites.of(bytes.get()).methodCalls(METHODS)) read(call, out);
        }
        return out;
    }

    /** argparse's own name too: pytest's {@code Parser.addoption} and {@code OptionGroup._addoption}. */
    private static final Set<String> METHODS = Set.of("addoption", "_addoption");

    private static void read(CallSites.Call call, Map<String, Arity> out) {
        List<String> names = new ArrayList<>();
        String action = "store";
        String nargs = null;
        for (CallSites.Argument a : call.arguments()) {
            if (a.star() != 0) return;
            if (a.keyword() == null) {
                if (a.literal() == null) return;
                if (a.literal().startsWith("-")) names.add(a.literal());
            } else if (a.keyword().equals("action")) {
                action = a.literal();
                if (action == null) return;
            } else if (a.keyword().equals("nargs")) {
                nargs = a.literal() != null ? a.literal() : a.text().matches("\\d+") ? a.text() : null;
                if (nargs == null) return;
            }
        }
        Arity arity = arity(action, nargs);
        if (arity == null) return;
        for (String n : names) out.putIfAbsent(n, arity);
    }

    private static Arity arity(String action, String nargs) {
        if (action == null) return null;
        if (FLAG_ACTIONS.contains(action)) return Arity.NONE;
        if (!VALUE_ACTIONS.contains(action)) return null;
        if (nargs == null) return Arity.ONE;
        return switch (nargs) {
            case "?" -> Arity.OPTIONAL;
            case "+" -> Arity.ONE_OR_MORE;
            case "*" -> Arity.ANY;
            case "0" -> Arity.NONE;
            case "1" -> Arity.ONE;
            default -> Arity.ONE_OR_MORE;
        };
    }
}
