package dev.lintgate.project;

import dev.lintgate.config.ConfigException;
import dev.lintgate.config.ConfigLoader;
import dev.lintgate.config.LintgateConfig;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the project model for the paths of one run. The model always covers the whole project from its root, so
 * cross-file facts (re-exports, pytest configs) are complete even when pre-commit passes three files; findings are
 * then limited to the targets.
 */
public final class ProjectLoader {
    private final Path workingDirectory;
    private final Path explicitRoot;

    public ProjectLoader(Path workingDirectory) {
        this(workingDirectory, null);
    }

    /** @param explicitRoot the project root to use instead of discovering one (null to discover) */
    public ProjectLoader(Path workingDirectory, Path explicitRoot) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.explicitRoot = explicitRoot == null ? null : this.workingDirectory.resolve(explicitRoot).normalize();
    }

    /**
     * @param paths        files or directories to check (relative to the working directory); empty means "."
     * @param configFile   an explicit settings file, or null to use the one found at the root
     * @param forceExclude apply excludes to explicitly named files too (pre-commit passes every staged file)
     */
    public Project load(List<String> paths, Path configFile, boolean forceExclude) {
        List<Path> absolute = new ArrayList<>();
        for (String p : paths.isEmpty() ? List.of(".") : paths) {
            Path abs = workingDirectory.resolve(p).normalize();
            if (!Files.exists(abs)) throw new ConfigException(p + ": no such file or directory");
            absolute.add(abs);
        }
        ProjectRoot found = explicitRoot != null ? ProjectRoot.at(explicitRoot) : ProjectRoot.discover(absolute.get(0));
        Path root = found.directory();
        ConfigLoader loader = new ConfigLoader(workingDirectory);
        LintgateConfig config;
        Path settings = null;
        if (configFile != null) {
            settings = workingDirectory.resolve(configFile).normalize();
            if (!Files.isRegularFile(settings)) throw new ConfigException(configFile + ": no such settings file");
            config = loader.load(settings, root);
        } else if (found.settingsFile() != null) {
            settings = found.settingsFile();
            config = loader.load(settings, root);
        } else {
            config = LintgateConfig.defaults();
        }
        List<String> excludes = new ArrayList<>(config.exclude());
        excludes.addAll(config.extendExclude());
        FileWalker walker = new FileWalker(root, excludes, !config.excludeReplacesDefaults());
        List<String> files;
        try {
            files = walker.walk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = files;
        Set<String> named = new HashSet<>();
        Set<String> walked = null;
        boolean wholeTree = false;
        for (Path abs : absolute) {
            if (!abs.startsWith(root)) throw new ConfigException(abs + ": outside the project root " + root);
            String rel = root.relativize(abs).toString().replace('\\', '/');
            if (rel.isEmpty()) {
                wholeTree = true;
            } else if (Files.isDirectory(abs)) {
                String prefix = rel + "/";
                for (String f : files) if (f.startsWith(prefix)) named.add(f);
            } else if (!forceExclude || !walker.isExcluded(rel)) {
                // an explicitly named file is always checked, even when ignored, as ruff does without --force-exclude
                named.add(rel);
                if (walked == null) {
                    walked = new HashSet<>(files);
                    all = new ArrayList<>(files);
                }
                if (walked.add(rel)) all.add(rel);
            }
        }
        if (all != files) all.sort(null);
        List<String> sorted = List.copyOf(all);
        // the root as a path means every file, whatever else is named
        Set<String> targets = Collections.unmodifiableSet(wholeTree ? new HashSet<>(sorted) : named);
        String settingsFile = settings != null && settings.startsWith(root) ? relative(root, settings) : null;
        return new Project(root, config, sorted, targets, settingsFile, unreadSettings(root, sorted, settingsFile));
    }

    /**
     * Settings files below the root, which this run does not read (one settings file per run, the root's): said
     * rather than dropped in silence, since a run from the repository root over a project in {@code svc/} would
     * otherwise check it with defaults.
     */
    private static List<Notification> unreadSettings(Path root, List<String> files, String used) {
        List<Notification> out = new ArrayList<>();
        for (String f : files) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            if (!f.contains("/") || f.equals(used) || !ConfigLoader.CONFIG_NAMES.contains(name)) continue;
            if (!ConfigLoader.holdsSettings(root.resolve(f))) continue;
            String dir = f.substring(0, f.lastIndexOf('/'));
            out.add(new Notification(Severity.WARNING, "these lintgate settings are not used: a run reads only the settings"
                    + " at its project root (" + (used == null ? "there are none at " + root.getFileName() + "/" : used)
                    + "); check " + dir + "/ on its own, or pass --project-root " + dir, new Location(f, Region.line(1))));
        }
        return out;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
