package dev.lintgate.rules.pytest;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * LG202: a setting that differs between configs that can govern the same tests, or between a nested config and the
 * root config. pytest picks one config per invocation (by working directory and path arguments) and never merges,
 * so the same test runs with different asyncio mode, loop scopes or strictness depending on where pytest starts.
 */
public final class InconsistentPytestOption implements ProjectRule {

    @Override
    public String code() {
        return "LG202";
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
        List<String> keys = model.consistentOptions();
        if (keys.isEmpty()) return;
        PytestRun root = model.rootRun();
        boolean rootUsable = root.error().isEmpty() && root.configFile().isPresent()
                && model.load(root.configFile().get()).status() == PytestConfigFile.Status.CONFIG;
        // (config path, key) -> the reference run it is compared with; the root run wins when it applies
        Map<String, PytestRun> reference = new LinkedHashMap<>();
        Map<String, PytestRun> runs = new LinkedHashMap<>();
        Map<String, Set<String>> peers = new LinkedHashMap<>();
        if (rootUsable) {
            for (PytestConfigFile f : model.liveConfigs()) {
                PytestRun r = model.runFor(f);
                // only where the root run collects tests the nested config governs too: pydantic's pydantic-core/
                // keeps its own config, and the root's testpaths never reach it
                if (usable(r, f) && !f.path().equals(root.configFile().get().path()) && rootCollectsUnder(model, root, f)) {
                    runs.put(f.path(), r);
                    reference.put(f.path(), root);
                }
            }
        }
        for (String dir : model.testDirs()) {
            List<PytestRun> governing = model.governing(dir).stream().filter(r -> r.configFile().isPresent()
                    && model.load(r.configFile().get()).status() == PytestConfigFile.Status.CONFIG).toList();
            if (governing.size() < 2) continue;
            PytestRun ref = governing.stream().filter(r -> rootUsable && r.configFile().get().path().equals(root.configFile().get().path()))
                    .findFirst().orElse(governing.stream().min((a, b) -> Integer.compare(depth(a), depth(b))).get());
            for (PytestRun r : governing) {
                String p = r.configFile().get().path();
                if (r == ref || p.equals(ref.configFile().get().path())) continue;
                runs.putIfAbsent(p, r);
                reference.putIfAbsent(p, ref);
                for (PytestRun other : governing) {
                    peers.computeIfAbsent(p, x -> new java.util.TreeSet<>()).add(other.configFile().get().path());
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, PytestRun> e : runs.entrySet()) {
            PytestRun run = e.getValue();
            PytestRun ref = reference.get(e.getKey());
            PytestConfigFile file = run.configFile().get();
            PytestConfigFile refFile = ref.configFile().get();
            for (String key : keys) {
                String mine = value(run, key);
                String theirs = value(ref, key);
                if (Objects.equals(mine, theirs) || !done.add(e.getKey() + "\u0000" + key)) continue;
                List<Related> related = new ArrayList<>();
                related.add(new Related(where(ref, refFile, key, model), describe(key) + " is " + theirs + " here"));
                for (String peer : peers.getOrDefault(e.getKey(), Set.of())) {
                    if (peer.equals(file.path()) || peer.equals(refFile.path())) continue;
                    model.discovery().file(peer).ifPresent(pf -> related.add(new Related(model.sectionLocation(pf),
                            "also governs some of the same tests")));
                }
                boolean isRoot = rootUsable && ref == root;
                sink.report(where(run, file, key, model),
                        describe(key) + " is " + mine + " in " + file.displayPath() + " but " + theirs + " in "
                                + refFile.displayPath() + (isRoot ? " (used when pytest runs from the repository root)" : "")
                                + ": the same tests run with either value depending on where pytest is started",
                        "Use one value in every config (pytest never merges config files), or keep a single config.",
                        key, related, null);
            }
        }
    }

    private static boolean rootCollectsUnder(PytestConfigModel model, PytestRun root, PytestConfigFile f) {
        String dir = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
        for (String d : model.testDirs()) {
            if ((d.equals(dir) || d.startsWith(dir + "/")) && model.collects(root, d)) return true;
        }
        return false;
    }

    private static boolean usable(PytestRun r, PytestConfigFile f) {
        return r.error().isEmpty() && r.configFile().map(c -> c.path().equals(f.path())).orElse(false);
    }

    private static int depth(PytestRun r) {
        String p = r.configFile().get().path();
        return (int) p.chars().filter(c -> c == '/').count();
    }

    private static String describe(String key) {
        return key.equals("strictness") ? "strictness" : "`" + key + "`";
    }

    /** The effective value as users would say it; "unset" and defaults spelled out. */
    static String value(PytestRun run, String key) {
        try {
            return switch (key) {
                case "asyncio_mode" -> "'" + run.asyncioMode() + "'";
                case "asyncio_default_fixture_loop_scope" -> {
                    String s = run.fixtureLoopScope();
                    yield s == null ? "unset" : "'" + s + "'";
                }
                case "asyncio_default_test_loop_scope" -> "'" + run.testLoopScope() + "'";
                case "strictness" -> "strict markers " + (run.strictMarkers() ? "on" : "off") + ", strict config "
                        + (run.strictConfig() ? "on" : "off");
                default -> run.value(key).map(v -> "'" + v.value() + "'").orElse("unset");
            };
        } catch (PytestRun.TypeMismatch e) {
            return "unreadable";
        }
    }

    /** The line in the run's own config that sets the key, else its section header. */
    private static Location where(PytestRun run, PytestConfigFile file, String key, PytestConfigModel model) {
        List<String> candidates = switch (key) {
            case "strictness" -> List.of("strict_markers", "strict_config", "strict", "addopts");
            case "asyncio_mode" -> List.of("asyncio_mode", "addopts");
            default -> List.of(key);
        };
        if (key.equals("asyncio_mode") && run.fullArgs() != null && run.fullArgs().asyncioMode() != null) {
            candidates = List.of("addopts", "asyncio_mode");
        }
        for (String k : candidates) {
            if (k.equals("addopts") && !run.value(k).map(v -> String.valueOf(v.value()).contains(key.equals("strictness") ? "--strict" : "--asyncio-mode")).orElse(false)) {
                continue;
            }
            Location l = run.value(k).map(PytestRun.Value::location).orElse(null);
            if (l != null && l.path().equals(file.displayPath())) return l;
        }
        return model.sectionLocation(file);
    }
}
