package dev.lintgate.rules.names;

import dev.lintgate.project.ProjectModel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a project's {@code conftest.py} files put into builtins ({@code builtins.ip = get_ipython()}, as IPython's
 * test suite does): every test module then reads them without a binding, and they are not undefined.
 */
final class InjectedBuiltins {
    static final ProjectModel.Fact<Set<String>> FACT = new ProjectModel.Fact<>("injected builtins", InjectedBuiltins::scan);
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?m)^\\s*(?:builtins|__builtin__|builtin_mod|__builtins__)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");
    private static final Pattern SETATTR = Pattern.compile(
            "setattr\\(\\s*(?:builtins|__builtin__|builtin_mod)\\s*,\\s*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']");

    private InjectedBuiltins() {
    }

    private static Set<String> scan(ProjectModel project) {
        Set<String> names = new HashSet<>();
        for (String path : project.pythonFiles()) {
            if (!path.equals("conftest.py") && !path.endsWith("/conftest.py")) {
                continue;
            }
            project.bytes(path).ifPresent(bytes -> {
                String text = new String(bytes, StandardCharsets.UTF_8);
                for (Pattern p : new Pattern[] {ASSIGNMENT, SETATTR}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            });
        }
        return Set.copyOf(names);
    }
}
