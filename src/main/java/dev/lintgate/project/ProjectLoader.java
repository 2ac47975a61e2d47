package dev.lintgate.project;

import dev.lintgate.config.ConfigException;
import dev.lintgate.config.ConfigLoader;
import dev.lintgate.config.IoReason;
import dev.lintgate.config.LintgateConfig;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the project model for the paths of one run. The model always covers the whole project from its root, so
 * cross-file facts (re-exports, pytest configs) are complete even when pre-commit passes three files; findings are
 * then limited to the targets.
 */
public final class ProjectLoader {
    private final Path workingDirectory;
    private Walks walks = Walks.FRESH;
    private final Path explicitRoot;
    private final Predicate<String> knownCode;

    public ProjectLoader(Path workingDirectory) {
        this(workingDirectory, null);
    }

    /** @param explicitRoot the project root to use instead of discovering one (null to discover) */
    public ProjectLoader(Path workingDirectory, Path explicitRoot) {
        this(workingDirectory, explicitRoot, code -> true);
    }

    /** @param knownCode whether a rule code or prefix in the settings' select and ignore names any rule */
    public ProjectLoader(Path workingDirectory, Path explicitRoot, Predicate<String> knownCode) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.explicitRoot = explicitRoot == null ? null : this.workingDirectory.resolve(explicitRoot).normalize();
        this.knownCode = knownCode;
    }

    /**
     * @param paths        files or directories to check (relative to the working directory); empty means "."
     * @param configFile   an explicit settings file, or null to use the one found at the root
     * @param forceExclude apply excludes to explicitly named files too (pre-commit passes every staged file)
     */
    /** Takes the project's walk from {@code walks} (a resident server's) instead of walking it each time. */
    public ProjectLoader walks(Walks walks) {
        this.walks = walks;
        return this;
    }

    public Project load(List<String> paths, Path configFile, boolean forceExclude) {
        List<Path> absolute = new ArrayList<>();
        for (String p : paths.isEmpty() ? List.of(".") : paths) {
            Path abs = resolve(p);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(abs, BasicFileAttributes.class);
            } catch (IOException e) {
                throw new ConfigException(p + ": " + IoReason.of(e));
            }
            // a FIFO would block the read forever and a device (/dev/zero) never ends: only files and directories
            if (!attrs.isRegularFile() && !attrs.isDirectory()) {
                throw new ConfigException(p + ": not a regular file or directory (" + kind(abs) + ")");
            }
            absolute.add(abs);
        }
        ProjectRoot found = explicitRoot != null ? ProjectRoot.at(explicitRoot) : ProjectRoot.discover(absolute.get(0));
        Path root = found.directory();
        ConfigLoader loader = new ConfigLoader(workingDirectory, knownCode);
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
        FileWalker.Walk walk;
        try {
            walk = walks.walk(walker);
        } catch (IOException e) {
            throw new ConfigException(root + ": cannot list the directory: " + IoReason.of(e));
        }
        List<String> files = walk.files();
        List<String> all = files;
        Set<String> named = new HashSet<>();
        List<String> namedDirectories = new ArrayList<>();
        Set<String> walked = null;
        boolean wholeTree = false;
        for (Path abs : absolute) {
            if (!abs.startsWith(root)) throw new ConfigException(abs + ": outside the project root " + root);
            String rel = root.relativize(abs).toString().replace('\\', '/');
            if (rel.isEmpty()) {
                wholeTree = true;
            } else if (Files.isDirectory(abs)) {
                namedDirectories.add(rel);
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
        Set<String> targets = wholeTree ? new HashSet<>(sorted) : named;
        // a directory or .gitignore the walk could not read belongs to the paths named, as its files would
        for (String unreadable : walk.unreadable().keySet()) {
            if (wholeTree || namedDirectories.stream().anyMatch(d -> unreadable.startsWith(d + "/"))) targets.add(unreadable);
        }
        String settingsFile = settings != null && settings.startsWith(root) ? relative(root, settings) : null;
        return new Project(root, config, sorted, Collections.unmodifiableSet(targets), settingsFile,
                unreadSettings(root, sorted, settingsFile), walk);
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

    /**
     * A path from the command line. Java gets arguments decoded in the locale's charset: under the C locale a name
     * that is not ASCII arrives with its bytes lost, and no file can be found by it.
     */
    private Path resolve(String p) {
        try {
            return workingDirectory.resolve(p).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(p + ": the name cannot be encoded in this locale's charset ("
                    + System.getProperty("sun.jnu.encoding") + "); run lintgate under a UTF-8 locale (LANG=C.UTF-8)");
        }
    }

    /** What kind of file a path is that is neither a regular file nor a directory, for the message. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "of another kind";
            };
        } catch (IOException | RuntimeException e) {
            return "of another kind";
        }
    }
}
