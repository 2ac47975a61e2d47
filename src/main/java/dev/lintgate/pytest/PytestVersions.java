package dev.lintgate.pytest;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.environment.Admitted;
import dev.lintgate.environment.Environment;
import dev.lintgate.environment.Environments;
import dev.lintgate.project.ProjectModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pytest releases lintgate models, per directory: those the environment pytest runs in there admits
 * ({@link Environments#of}), among the releases lintgate knows ({@link PytestVersion#RELEASES}). A lock file narrows
 * them to the version it locked; a requirement admits the newest release of each line it allows
 * ({@code pytest>=8.4.1} admits 8.4.2, 9.0.3 and 9.1.1); a bare {@code pytest} admits what installing it today
 * gives, the newest release; and a project that declares no pytest is modelled with the newest release too. The
 * lintgate setting {@code pytest-version} replaces all of it. One {@link PytestConfigModel} per release modelled
 * anywhere is built when first asked for; each looks only at the configs and runs of the directories that admit it.
 */
public final class PytestVersions {

    public static final ProjectModel.Fact<PytestVersions> FACT = new ProjectModel.Fact<>("pytest-config", PytestVersions::new);

    /** A release modelled for a directory, and why: "locked in uv.lock", "admitted by pytest>=8.4.1 in ...". */
    public record Modelled(PytestVersion version, String because, boolean exact) {
        /** "8.4.2" when a pin or a lock chose it; "8.4" when it stands for a line a range admits. */
        public String shown() {
            return exact ? version.toString() : version.major() + "." + version.minor();
        }
    }

    private final ProjectModel project;
    private final Environments environments;
    private final Modelled setting;
    private final Map<String, List<Modelled>> byEnvironment = new ConcurrentHashMap<>();
    private final Map<PytestVersion, PytestConfigModel> models = new ConcurrentHashMap<>();
    private final Map<String, List<Modelled>> byConfig = new ConcurrentHashMap<>();
    private final List<PytestVersion> all;
    private final Discovery.Files files = new Discovery.Files();

    private PytestVersions(ProjectModel project) {
        this.project = project;
        this.environments = project.fact(Environments.FACT);
        this.setting = fromSetting(project);
        TreeSet<PytestVersion> versions = new TreeSet<>();
        for (String root : project.fact(dev.lintgate.project.PackageRoots.FACT).all()) {
            at(root).forEach(m -> versions.add(m.version()));
        }
        this.all = List.copyOf(versions);
    }

    private static Modelled fromSetting(ProjectModel project) {
        ConfigValue v = project.config().ruleOptions().get(PytestConfigModel.OPTION_VERSION);
        if (v != null && v.value() instanceof String s) {
            try {
                return new Modelled(PytestVersion.parse(s), "the lintgate setting " + PytestConfigModel.OPTION_VERSION, true);
            } catch (IllegalArgumentException e) {
                // the config loader reports bad settings; detection applies
            }
        }
        return null;
    }

    /** Every release some directory models, oldest first. */
    public List<PytestVersion> all() {
        return all;
    }

    /** The model of one release (one of {@link #all}). */
    public PytestConfigModel model(PytestVersion version) {
        return models.computeIfAbsent(version, v -> new PytestConfigModel(project, v, this, files));
    }

    /** The models of every release modelled, oldest first. */
    public List<PytestConfigModel> models() {
        return all.stream().map(this::model).toList();
    }

    /** The environment pytest runs in when started in {@code dir}. */
    public Environment environment(String dir) {
        return environments.of(dir);
    }

    /** The releases modelled for pytest started in {@code dir}, oldest first. */
    public List<Modelled> at(String dir) {
        if (setting != null) return List.of(setting);
        Environment env = environments.of(dir);
        return byEnvironment.computeIfAbsent(env.root(), r -> admitted(env));
    }

    /** How a release is modelled somewhere in the project (the first project root that models it). */
    public Modelled modelled(PytestVersion version) {
        for (String root : project.fact(dev.lintgate.project.PackageRoots.FACT).all()) {
            for (Modelled m : at(root)) if (m.version().equals(version)) return m;
        }
        return new Modelled(version, "", true);
    }

    public boolean admits(String dir, PytestVersion version) {
        for (Modelled m : at(dir)) if (m.version().equals(version)) return true;
        return false;
    }

    private static List<Modelled> admitted(Environment env) {
        List<Admitted> admitted = env.admitted("pytest", PytestVersion.RELEASES);
        if (admitted.isEmpty() && !env.of("pytest").isEmpty()) admitted = newest(env.admitted("pytest", PytestVersion.OLDER));
        List<Modelled> out = new ArrayList<>();
        for (Admitted a : admitted) {
            boolean exact = a.because() != null && (a.because().kind() == dev.lintgate.environment.Declaration.Kind.LOCKED
                    || a.because().versions().pinned().isPresent());
            out.add(new Modelled(PytestVersion.of(a.version()), a.reason(), exact));
        }
        if (out.isEmpty()) {
            String why = env.of("pytest").isEmpty() ? "the project declares no pytest: the newest release"
                    : "no release lintgate knows fits " + env.of("pytest").get(0).describe() + ": the newest release";
            out.add(new Modelled(PytestVersion.DEFAULT, why, false));
        }
        return List.copyOf(out);
    }

    private static List<Admitted> newest(List<Admitted> admitted) {
        return admitted.isEmpty() ? admitted : List.of(admitted.get(admitted.size() - 1));
    }

    /**
     * The releases a finding in this file is judged against: those of its directory, less the releases a pytest
     * config file's {@code minversion} turns away (pytest stops there before doing anything the finding is about).
     */
    public List<Modelled> forFile(String path) {
        String dir = PytestConfigModel.dirOf(path);
        List<Modelled> here = at(dir);
        if (here.size() < 2 || ConfigKind.ofFileName(path.substring(path.lastIndexOf('/') + 1)).isEmpty()) return here;
        return byConfig.computeIfAbsent(path, p -> {
            List<Modelled> kept = new ArrayList<>();
            for (Modelled m : here) {
                Optional<PytestConfigFile> f = model(m.version()).discovery().file(p);
                PytestRun run = model(m.version()).runFrom(dir);
                boolean turnedAway = f.isPresent() && run.error().map(e -> e.startsWith("'minversion' requires")).orElse(false)
                        && run.configFile().map(c -> c.path().equals(p)).orElse(false);
                if (!turnedAway) kept.add(m);
            }
            return kept.isEmpty() ? here : List.copyOf(kept);
        });
    }
}
