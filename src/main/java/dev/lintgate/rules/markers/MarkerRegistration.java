package dev.lintgate.rules.markers;

import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Region;
import dev.lintgate.pytest.MarkerEntries;
import dev.lintgate.pytest.PluginCatalog;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import dev.lintgate.pytest.PytestRun;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LG210's fix: registers a marker, with an empty description, in the {@code markers} option of the config file a
 * failing run reads. An INI file gets a continuation line after the last entry (or a {@code markers =} option under
 * the section header); a TOML file gets a string at the head of the array (or a {@code markers = [...]} line under
 * the table header). No fix where the run's markers do not come from that file's own option (a {@code -o markers=}
 * on the command line), or where the file is not written the plain way these edits expect.
 */
final class MarkerRegistration {
    private static final Pattern TOML_KEY = Pattern.compile("\\s*(markers|\"markers\"|'markers')\\s*=\\s*\\[");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MarkerRegistration() {
    }

    static Fix of(PytestConfigModel model, PytestRun run, String name) {
        if (!IDENTIFIER.matcher(name).matches()) return null;
        // a known plugin's marker (django_db) wants the plugin installed, not a registration that silences it
        if (PluginCatalog.PLUGINS.stream().anyMatch(p -> p.markers().contains(name))) return null;
        Optional<PytestConfigFile> config = run.configFile();
        if (config.isEmpty()) return null;
        PytestConfigFile file = config.get();
        if (file.syntaxError().isPresent()) return null;
        PytestConfigFile.Load load = model.load(file);
        Optional<PytestOption> option = load.option("markers");
        Optional<PytestRun.Value> used = run.value("markers");
        if (used.isPresent() && (option.isEmpty() || used.get().location() == null
                || !used.get().location().path().equals(file.path()))) {
            return null;
        }
        String[] lines = model.project().bytes(file.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("").split("\n", -1);
        boolean toml = file.fileName().endsWith(".toml");
        Edit edit = option.isPresent()
                ? (toml ? intoArray(option.get(), lines, name) : intoIni(model, file, option.get(), lines, name))
                : newOption(load.section(), lines, name, toml);
        if (edit == null) return null;
        return Fix.safe(file.path(), "Register `" + name + "` in " + model.describe(file), List.of(edit));
    }

    /** A continuation line after the value's last line, indented as the entries are. */
    private static Edit intoIni(PytestConfigModel model, PytestConfigFile file, PytestOption option, String[] lines, String name) {
        int last = option.keyLocation().region().startLine();
        for (MarkerEntries.Entry e : MarkerEntries.of(model, file)) last = Math.max(last, e.location().region().startLine());
        if (last > lines.length) return null;
        String text = lines[last - 1];
        String indent = last == option.keyLocation().region().startLine() ? "    " : text.substring(0, text.length() - text.stripLeading().length());
        if (indent.isEmpty()) return null;
        return Edit.insertAt(last + 1, indent + name + ":\n");
    }

    /** A string at the head of the array: on a line of its own when the array opens a multi-line list. */
    private static Edit intoArray(PytestOption option, String[] lines, String name) {
        if (!(option.value() instanceof List<?>)) return null;
        int keyLine = option.keyLocation().region().startLine();
        if (keyLine > lines.length) return null;
        String line = lines[keyLine - 1].replace("\r", "");
        Matcher m = TOML_KEY.matcher(line);
        if (!m.lookingAt()) return null;
        String rest = line.substring(m.end()).strip();
        if (rest.isEmpty() || rest.startsWith("#")) {
            String next = keyLine < lines.length ? lines[keyLine] : "";
            String indent = next.substring(0, next.length() - next.stripLeading().length()).replace("\r", "");
            return Edit.insertAt(keyLine + 1, (indent.isEmpty() ? "    " : indent) + "\"" + name + ":\",\n");
        }
        int column = line.codePointCount(0, m.end()) + 1;
        return new Edit(Region.of(keyLine, column, column), "\"" + name + ":\", ");
    }

    /** The option itself, under the section header, when the file has none. */
    private static Edit newOption(Region section, String[] lines, String name, boolean toml) {
        int header = section.startLine();
        if (header > lines.length || !lines[header - 1].strip().startsWith("[")) return null;
        return Edit.insertAt(header + 1, toml ? "markers = [\"" + name + ":\"]\n" : "markers =\n    " + name + ":\n");
    }
}
