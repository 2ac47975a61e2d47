package dev.lintgate.pytest;

import dev.lintgate.environment.Admitted;
import dev.lintgate.environment.Environment;
import dev.lintgate.environment.Release;
import dev.lintgate.environment.Requirement;
import dev.lintgate.environment.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pytest plugins one environment installs, as its declarations and the {@link PluginCatalog} tell: a catalog
 * plugin is installed when the environment declares it, when a declared catalog plugin depends on it
 * (pytest-aiohttp brings pytest-asyncio), or when the lintgate setting {@code pytest-plugins} names it; it may be
 * installed (unknown) when a declaration cannot be read or nothing is declared at all. A declared {@code pytest-*}
 * distribution outside the catalog, or a {@code pytest11} entry point of the project's own, registers markers and
 * ini keys lintgate does not know.
 */
public final class InstalledPlugins {

    private final Environment environment;
    private final Set<String> declared = new TreeSet<>();
    private final List<String> foreign = new ArrayList<>();

    InstalledPlugins(Environment environment, List<String> setting) {
        this.environment = environment;
        Set<String> names = new LinkedHashSet<>(environment.names());
        for (String s : setting) names.add(Requirement.normalise(s));
        for (String name : names) {
            Optional<PluginCatalog.Plugin> p = PluginCatalog.plugin(name);
            if (p.isPresent()) {
                declared.add(p.get().distribution());
                declared.addAll(p.get().requires());
            } else if (PluginCatalog.looksLikePlugin(name)) {
                foreign.add(name);
            }
        }
        environment.pytestEntryPoints().forEach(at -> foreign.add("a pytest11 entry point in " + at));
    }

    public Environment environment() {
        return environment;
    }

    /** Whether a catalog plugin is installed: declared, absent, or unknown. */
    public Environment.Presence presence(PluginCatalog.Plugin plugin) {
        if (declared.contains(plugin.distribution())) return Environment.Presence.DECLARED;
        return environment.presence(plugin.distribution());
    }

    /** Installed or possibly installed: what rules must not call missing. */
    public boolean mayBeInstalled(PluginCatalog.Plugin plugin) {
        return presence(plugin) != Environment.Presence.ABSENT;
    }

    /** Declared pytest plugins outside the catalog (and the project's own pytest11 entry points). */
    public List<String> foreign() {
        return foreign;
    }

    /**
     * Why plugins lintgate does not know may register markers or keys here, if they may: a foreign plugin, an
     * unreadable declaration, or no declaration at all.
     */
    public Optional<String> unknownBecause() {
        if (!foreign.isEmpty()) {
            String f = foreign.get(0);
            return Optional.of(f.startsWith("a pytest11") ? "the project registers " + f
                    : "the project declares " + f + ", whose markers lintgate does not know");
        }
        return environment.unknownBecause();
    }

    /**
     * The types the releases this environment may install give a plugin's ini key, each with the releases that give
     * it (empty lists when no release changed the key's type, or when nothing pins the plugin's version).
     */
    public Map<String, List<Admitted>> typesOf(PluginCatalog.Plugin plugin, String key) {
        Map<String, List<Admitted>> out = new LinkedHashMap<>();
        List<Release> known = plugin.releases();
        if (known.isEmpty()) {
            out.put(plugin.iniKeys().getOrDefault(key, "string"), List.of());
            return out;
        }
        List<Admitted> admitted = environment.admitted(plugin.distribution(), known);
        if (admitted.isEmpty()) {
            // declared without a version lintgate can read (or through another plugin): the newest release installs
            Version newest = known.stream().filter(r -> !r.yanked()).map(Release::version).reduce((a, b) -> b)
                    .orElse(known.get(known.size() - 1).version());
            out.put(plugin.typeAt(key, newest), List.of());
            return out;
        }
        for (Admitted a : admitted) out.computeIfAbsent(plugin.typeAt(key, a.version()), t -> new ArrayList<>()).add(a);
        return out;
    }
}
