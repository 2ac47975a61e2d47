package dev.lintgate.rules.pytest;

import dev.lintgate.config.EditDistance;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PluginCatalog;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * LG208: a key in a config pytest uses that neither pytest (for the modelled version) nor a plugin the project
 * declares registers: exactly what {@code --strict-config} rejects. Keys of catalog plugins the project does not
 * declare, or blocks with {@code -p no:NAME}, count as unknown: pytest ignores them and the plugin never sees them.
 * A key no catalog plugin registers is not reported where a plugin lintgate does not know may be installed: the
 * environment declares one, or has a declaration lintgate cannot read, or declares nothing.
 */
public final class UnknownPytestOption implements ProjectRule {

    @Override
    public String code() {
        return "LG208";
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
        for (PytestConfigFile f : model.liveConfigs()) {
            PytestRun run = model.runFor(f);
            if (run.error().isPresent() || !run.configFile().map(c -> c.path().equals(f.path())).orElse(false)) continue;
            Map<String, String> known = model.knownKeys(run);
            Severity severity = run.strictConfig() ? Severity.ERROR : Severity.WARNING;
            for (PytestOption o : model.load(f).options().values()) {
                String key = o.key();
                if (known.containsKey(key)) continue;
                // strict_* keys before pytest 9 are LG209's (ineffective strictness), a misspelt ini_options table LG207's
                if (!model.version().hasNativeToml() && PluginCatalog.STRICT_KEYS_9.contains(key)) continue;
                if (o.value() instanceof Map<?, ?>) continue;
                String message;
                String hint;
                Optional<PluginCatalog.Plugin> plugin = PluginCatalog.pluginForKey(key);
                if (plugin.isPresent() && run.fullArgs() != null && run.fullArgs().blockedPlugins().contains(plugin.get().pluginName())) {
                    message = "`" + key + "` belongs to " + plugin.get().distribution() + ", which this config disables with -p no:"
                            + plugin.get().pluginName() + ": pytest reports \"Unknown config option: " + key + "\"";
                    hint = "Remove the key or stop disabling the plugin.";
                } else if (plugin.isPresent()) {
                    message = "`" + key + "` belongs to " + plugin.get().distribution() + ", which the project does not declare as a dependency: "
                            + "without it pytest reports \"Unknown config option: " + key + "\" and the setting does nothing";
                    hint = "Add " + plugin.get().distribution() + " to the test dependencies (or to the lintgate setting pytest-plugins).";
                } else if (model.plugins(run.cwd()).unknownBecause().isPresent()) {
                    // a plugin lintgate does not know (declared, or behind an unreadable declaration) may register it
                    continue;
                } else {
                    String near = nearest(key, known);
                    message = "`" + key + "` is not an option of pytest " + model.version() + " nor of a declared plugin: pytest reports "
                            + "\"Unknown config option: " + key + "\"" + (severity == Severity.ERROR ? " and stops under strict config" : "")
                            + (near == null ? "" : "; did you mean `" + near + "`?");
                    hint = near != null ? "Rename the key to " + near + "." : "Remove the key, or declare the plugin that defines it (lintgate setting pytest-ini-keys).";
                }
                sink.report(o.keyLocation(), message, hint, key, List.of(), severity);
            }
        }
    }

    private static String nearest(String key, Map<String, String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        return known.keySet().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(lower) || EditDistance.of(k, key) <= 2)
                .min(Comparator.comparingInt((String k) -> k.equalsIgnoreCase(key) ? 0 : EditDistance.of(k, key)).thenComparing(k -> k))
                .orElse(null);
    }
}
