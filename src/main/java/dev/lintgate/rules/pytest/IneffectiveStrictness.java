package dev.lintgate.rules.pytest;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PluginCatalog;
import dev.lintgate.pytest.PytestArgs;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import dev.lintgate.pytest.PytestVersion;
import dev.lintgate.pytest.ShellWords;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;

/**
 * LG209: strictness the modelled pytest ignores. Before 9.0 the {@code strict*} ini keys are unknown keys that
 * enforce nothing; in 9.0.x strict flags in ini {@code addopts} are dropped (pytest#14442, fixed in 9.1.0); before
 * 9.1 {@code -o} in ini {@code addopts} never applies.
 */
public final class IneffectiveStrictness implements ProjectRule {

    @Override
    public String code() {
        return "LG209";
    }

    /**
     * Every finding is at a key or value of a pytest config file. Command lines (a noxfile's session, a workflow)
     * change what the rule concludes about a config, never where it reports.
     */
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
        for (PytestConfigFile f : model.liveConfigs()) {
            PytestConfigFile.Load load = model.load(f);
            if (!v.hasNativeToml()) {
                for (PytestOption o : load.options().values()) {
                    if (PluginCatalog.STRICT_KEYS_9.contains(o.key())) {
                        String flag = o.key().equals("strict_config") ? "--strict-config" : "--strict-markers";
                        sink.report(o.keyLocation(), "pytest " + v + " does not know `" + o.key()
                                        + "` (added in pytest 9.0): it is an unknown key and enforces nothing",
                                "Put " + flag + " in addopts, or require pytest>=9.1.", o.key(), List.of(), null);
                    }
                }
            }
            load.option("addopts").ifPresent(o -> {
                List<String> words;
                if (o.value() instanceof String s) {
                    try {
                        words = ShellWords.split(s);
                    } catch (IllegalArgumentException e) {
                        return;
                    }
                } else if (o.value() instanceof List<?> l) {
                    words = l.stream().map(String::valueOf).toList();
                } else {
                    return;
                }
                PytestArgs a = PytestArgs.parse(words, model.discovery().options());
                if (v.hasNativeToml() && !v.addoptsStrictFlagsWork() && (a.strictMarkers() || a.strictConfig() || a.strict())) {
                    sink.report(o.keyLocation(), "pytest " + v + " ignores strict flags in ini addopts (pytest#14442, fixed in 9.1.0): "
                                    + "unknown markers and keys are not errors here",
                            "Set strict_markers = true / strict_config = true (or strict = true) instead.", "addopts", List.of(), null);
                }
                if (!v.addoptsOverridesWork() && !a.overrides().isEmpty()) {
                    sink.report(o.keyLocation(), "pytest " + v + " ignores -o/--override-ini in ini addopts ("
                                    + String.join(", ", a.overrides()) + " never applies; honoured from pytest 9.1)",
                            "Set the keys directly in the config.", "addopts", List.of(), null);
                }
            });
        }
    }
}
