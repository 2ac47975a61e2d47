package dev.lintgate.rules.markers;

import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.MarkerEntries;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LG211: one config's {@code markers} registers the same name twice ({@code db: x} and {@code db(name): y} both
 * register {@code db}). pytest does not mind, but {@code pytest --markers} shows both and one description is stale.
 */
public final class DuplicateMarker implements ProjectRule {

    @Override
    public String code() {
        return "LG211";
    }

    /** Every finding is in the {@code markers} option of a pytest config file. */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    /**
     * Deletes the later entry's line, when the entry is all its line holds: an INI continuation line, or one string
     * of a TOML array written one per line. An entry sharing its line with the key or another entry keeps its line.
     */
    private static Fix fix(ProjectModel project, PytestConfigFile f, MarkerEntries.Entry e, MarkerEntries.Entry first) {
        int line = e.location().region().startLine();
        if (line == first.location().region().startLine()) return null;
        String[] lines = project.bytes(f.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("").split("\n", -1);
        if (line > lines.length) return null;
        String text = lines[line - 1].strip();
        boolean alone = f.path().endsWith(".toml") ? tomlElementLine(text, e.line())
                : text.equals(e.line()) && !lines[line - 1].isEmpty() && Character.isWhitespace(lines[line - 1].charAt(0));
        if (!alone) return null;
        return Fix.safe(f.path(), "Delete the second entry for `" + e.name() + "`", List.of(Edit.deleteLines(line, line)));
    }

    /** {@code "db: x",} or {@code 'db: x'} (a trailing comma and comment allowed): one array element on its own line. */
    private static boolean tomlElementLine(String text, String entry) {
        if (entry.indexOf('"') >= 0 || entry.indexOf('\\') >= 0 || entry.indexOf('\'') >= 0) return false;
        for (String q : new String[] {"\"", "'"}) {
            String quoted = q + entry + q;
            if (!text.startsWith(quoted)) continue;
            String rest = text.substring(quoted.length()).strip();
            if (rest.startsWith(",")) rest = rest.substring(1).strip();
            return rest.isEmpty() || rest.startsWith("#");
        }
        return false;
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        for (PytestConfigFile f : model.liveConfigs()) {
            Map<String, MarkerEntries.Entry> seen = new HashMap<>();
            for (MarkerEntries.Entry e : MarkerEntries.of(model, f)) {
                if (e.name().isEmpty()) continue;
                MarkerEntries.Entry first = seen.putIfAbsent(e.name(), e);
                if (first == null) continue;
                sink.report(e.location(), "marker `" + e.name() + "` is registered twice in " + model.describe(f)
                                + " (first on line " + first.location().region().startLine() + ")",
                        "Keep one entry for `" + e.name() + "`.", e.name(),
                        List.of(new Related(first.location(), "first registration of `" + e.name() + "`")), null,
                        fix(project, f, e, first));
            }
        }
    }
}
