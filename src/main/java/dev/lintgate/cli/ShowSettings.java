package dev.lintgate.cli;

import dev.lintgate.config.ConfigLoader;
import dev.lintgate.config.ConfigValue;
import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.config.LintgateConfig;
import dev.lintgate.finding.Notification;
import dev.lintgate.project.Project;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code --show-settings}: which settings files the project root holds, which one the run reads (one file, the first
 * of {@link ConfigLoader#CONFIG_NAMES} that holds settings, or {@code --config}; settings files never merge), and
 * each resolved setting with the file and line it came from, or where its value comes from when it is not set.
 */
final class ShowSettings {
    private ShowSettings() {
    }

    static void print(Project project, Path explicit, Path workingDirectory, PrintWriter out) {
        LintgateConfig config = project.config();
        Path used = config.source();
        out.println("Project root: " + project.root());
        out.println("Settings files at the project root, in the order lintgate looks for them:");
        for (String name : ConfigLoader.CONFIG_NAMES) {
            Path candidate = project.root().resolve(name);
            String state;
            if (!Files.isRegularFile(candidate)) state = "not present";
            else if (!ConfigLoader.holdsSettings(candidate)) state = "present, holds no lintgate settings ([tool.lintgate])";
            else if (used != null && candidate.toAbsolutePath().normalize().equals(used.toAbsolutePath().normalize())) state = "used";
            else state = "holds settings, NOT used: " + (used == null ? "" : shown(used, workingDirectory) + " is read instead, and settings files never merge");
            out.printf("  %-16s %s%n", name, state);
        }
        if (explicit != null) out.println("  --config         " + shown(used, workingDirectory) + " (used: named on the command line)");
        for (Notification n : project.notifications()) {
            if (n.message().startsWith("these lintgate settings are not used")) out.println("  " + n.location().path() + ": not used (below the project root)");
        }
        out.println();
        out.println("Resolved settings" + (used == null ? " (all defaults: no settings file)" : " (" + shown(used, workingDirectory) + ")") + ":");
        Map<String, Integer> lines = used == null ? Map.of() : ConfigLoader.keyLines(used);
        String file = used == null ? "" : shown(used, workingDirectory);
        Map<String, String> values = new TreeMap<>();
        values.put("select", list(config.select()));
        values.put("ignore", list(config.ignore()));
        values.put("exclude", config.excludeReplacesDefaults() ? list(config.exclude()) : "(the default excludes)");
        values.put("extend-exclude", list(config.extendExclude()));
        values.put("target-version", "\"" + config.targetVersion() + "\"");
        values.put("src", list(config.src()));
        values.put("max-file-size", Long.toString(config.maxFileSize()));
        values.put("deprecated", list(config.deprecated().stream().map(DeprecatedTarget::name).toList()));
        for (Map.Entry<String, ConfigValue> e : config.ruleOptions().entrySet()) values.put(e.getKey(), render(e.getValue().value()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            Integer line = lines.get(e.getKey());
            String origin;
            if (line != null) origin = file + ":" + line;
            else if (e.getKey().equals("target-version") && !config.targetVersion().equals(LintgateConfig.DEFAULT_TARGET_VERSION)) origin = "from [project] requires-python";
            else origin = "default";
            out.println("  " + e.getKey() + " = " + e.getValue() + "    # " + origin);
        }
        out.flush();
    }

    private static String shown(Path p, Path workingDirectory) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs) : abs).toString();
    }

    private static String list(List<String> items) {
        return items.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String render(Object value) {
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof List<?> l) return list(l.stream().map(String::valueOf).toList());
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) parts.add("\"" + e.getKey() + "\" = " + render(e.getValue()));
            return "{ " + String.join(", ", parts) + " }";
        }
        return String.valueOf(value);
    }
}
