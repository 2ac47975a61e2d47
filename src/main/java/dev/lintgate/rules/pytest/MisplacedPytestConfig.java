package dev.lintgate.rules.pytest;

import dev.lintgate.config.TomlDocument;
import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestVersion;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LG207: pytest settings in a section or file that pytest does not read (or refuses): a misspelt
 * {@code [tool.pytest.ini-options]}, {@code [pytest]} in setup.cfg, {@code [tool:pytest]} in tox.ini or pytest.ini,
 * native {@code [tool.pytest]} or pytest.toml for pytest before 9, both pyproject forms at once.
 */
public final class MisplacedPytestConfig implements ProjectRule {

    @Override
    public String code() {
        return "LG207";
    }

    /** Every finding is in a pytest config file (a section, a key, a syntax error there). */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        PytestVersion v = model.version();
        for (PytestConfigFile f : model.candidates()) {
            switch (f.fileName()) {
                case "pyproject.toml" -> f.toml().ifPresent(t -> pyproject(f, t, model, sink));
                case "setup.cfg" -> f.ini().flatMap(i -> i.section("pytest")).ifPresent(s -> {
                    boolean alsoTool = f.ini().flatMap(i -> i.section("tool:pytest")).isPresent();
                    report(sink, f.at(s.header()), alsoTool
                            ? "pytest ignores [pytest] in setup.cfg; it reads only [tool:pytest]"
                            : "pytest refuses [pytest] in setup.cfg and stops: \"[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.\"",
                            "Rename the section to [tool:pytest].", f);
                });
                case "tox.ini", "pytest.ini", ".pytest.ini" -> f.ini().ifPresent(i -> i.section("tool:pytest").ifPresent(s -> {
                    if (i.section("pytest").isEmpty() || f.fileName().equals("tox.ini")) {
                        report(sink, f.at(s.header()), "pytest ignores [tool:pytest] in " + f.fileName()
                                + "; ini files are read from their [pytest] section", "Rename the section to [pytest].", f);
                    }
                }));
                case "pytest.toml", ".pytest.toml" -> f.toml().ifPresent(t -> {
                    if (!v.hasNativeToml()) {
                        report(sink, f.at(t.table("pytest").map(TomlDocument.Table::region).orElse(dev.lintgate.finding.Region.line(1))),
                                "pytest " + v + " never reads " + f.fileName() + " (supported from pytest 9.0)",
                                "Move the settings to pytest.ini or [tool.pytest.ini_options] in pyproject.toml.", f);
                        return;
                    }
                    for (Map.Entry<String, TomlDocument.Node> e : t.root().entries().entrySet()) {
                        if (!e.getKey().equals("pytest")) {
                            report(sink, f.at(e.getValue().region()), "pytest ignores '" + e.getKey() + "' in "
                                    + f.fileName() + ": only the [pytest] table is read", "Move it under [pytest].", f);
                        }
                    }
                });
                default -> { }
            }
        }
    }

    private void pyproject(PytestConfigFile f, TomlDocument t, PytestConfigModel model, FindingSink sink) {
        PytestVersion v = model.version();
        t.table("tools").flatMap(tools -> tools.get("pytest")).ifPresent(n -> report(sink, f.at(n.region()),
                "pytest ignores [tools.pytest]: its table is [tool.pytest.ini_options] (\"tool\", singular)",
                "Rename the table to [tool.pytest.ini_options].", f));
        Optional<TomlDocument.Table> toolPytest = t.table("tool", "pytest");
        if (toolPytest.isEmpty()) return;
        boolean nativeKeys = false;
        for (Map.Entry<String, TomlDocument.Node> e : toolPytest.get().entries().entrySet()) {
            String key = e.getKey();
            if (key.equals("ini_options")) continue;
            String squashed = key.toLowerCase(Locale.ROOT).replaceAll("[-_. ]", "");
            if (squashed.startsWith("inioption") || squashed.equals("ini")) {
                report(sink, f.at(e.getValue().region()), "pytest ignores [tool.pytest." + key
                        + "]: the table is spelled [tool.pytest.ini_options]", "Rename the table to [tool.pytest.ini_options].", f);
                continue;
            }
            nativeKeys = true;
        }
        if (!nativeKeys) return;
        if (!v.hasNativeToml()) {
            report(sink, f.at(toolPytest.get().region()), "pytest " + v
                    + " ignores settings directly in [tool.pytest] (native TOML config arrived in pytest 9.0)",
                    "Use [tool.pytest.ini_options], or require pytest>=9.", f);
        } else {
            PytestConfigFile.Load load = model.load(f);
            if (load.status() == PytestConfigFile.Status.ERROR && load.error() != null && load.error().contains("Cannot use both")) {
                report(sink, f.at(load.errorRegion()), "pytest stops: [tool.pytest] and [tool.pytest.ini_options] cannot be used together",
                        "Keep one of the two tables; [tool.pytest] takes native TOML types.", f);
            }
        }
    }

    private static void report(FindingSink sink, Location at, String message, String hint, PytestConfigFile f) {
        sink.report(at, message, hint, f.path(), List.of(), null);
    }

}
