package dev.lintgate.pytest;

import dev.lintgate.pytest.PluginCatalog.Arity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line options argparse knows in a pytest run, with how many words each takes: pytest's own for the
 * version, every catalog plugin's, and those the project's own conftests declare with {@code parser.addoption}.
 * A plugin's options count whether or not the project declares the plugin: they only decide which words are values,
 * and a word after a plugin's option is its value in every run where the option parses at all.
 */
public final class CommandLineOptions {

    private final Map<String, Arity> options;
    /** The catalog plugin that adds each option, for those a plugin adds. */
    private final Map<String, PluginCatalog.Plugin> plugins;

    private CommandLineOptions(Map<String, Arity> options, Map<String, PluginCatalog.Plugin> plugins) {
        this.options = options;
        this.plugins = plugins;
    }

    public static CommandLineOptions of(PytestVersion version) {
        Map<String, Arity> m = new LinkedHashMap<>(PluginCatalog.coreOptions(version));
        Map<String, PluginCatalog.Plugin> from = new LinkedHashMap<>();
        for (PluginCatalog.Plugin p : PluginCatalog.PLUGINS) {
            p.options().forEach((o, a) -> {
                if (m.putIfAbsent(o, a) == null) from.put(o, p);
            });
        }
        m.putAll(PluginCatalog.PYTESTER_OPTIONS);
        return new CommandLineOptions(m, from);
    }

    /** These options added to those already known (which win: a conftest cannot redefine a core option). */
    public CommandLineOptions with(Map<String, Arity> declared) {
        if (declared.isEmpty()) return this;
        Map<String, Arity> m = new LinkedHashMap<>(options);
        declared.forEach(m::putIfAbsent);
        return new CommandLineOptions(m, plugins);
    }

    public Optional<Arity> arity(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** The catalog plugin that adds the option, when a plugin does. */
    public Optional<PluginCatalog.Plugin> pluginOf(String option) {
        return Optional.ofNullable(plugins.get(option));
    }

    public boolean knows(String option) {
        return options.containsKey(option);
    }
}
