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

    private CommandLineOptions(Map<String, Arity> options) {
        this.options = options;
    }

    public static CommandLineOptions of(PytestVersion version) {
        Map<String, Arity> m = new LinkedHashMap<>(PluginCatalog.coreOptions(version));
        for (PluginCatalog.Plugin p : PluginCatalog.PLUGINS) p.options().forEach(m::putIfAbsent);
        m.putAll(PluginCatalog.PYTESTER_OPTIONS);
        return new CommandLineOptions(m);
    }

    /** These options added to those already known (which win: a conftest cannot redefine a core option). */
    public CommandLineOptions with(Map<String, Arity> declared) {
        if (declared.isEmpty()) return this;
        Map<String, Arity> m = new LinkedHashMap<>(options);
        declared.forEach(m::putIfAbsent);
        return new CommandLineOptions(m);
    }

    public Optional<Arity> arity(String option) {
        return Optional.ofNullable(options.get(option));
    }

    public boolean knows(String option) {
        return options.containsKey(option);
    }
}
