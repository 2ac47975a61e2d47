package dev.lintgate.cli;

import dev.lintgate.config.ConfigValue;
import dev.lintgate.engine.Engine;
import dev.lintgate.project.Project;
import dev.lintgate.report.Baseline;
import dev.lintgate.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One run's baseline: which file (the command line's {@code --baseline}, else the {@code baseline} setting, relative
 * to the settings file's directory), and what it makes of the run's findings. A baselined entry the run did not find
 * is fixed only where the run looked: its file in the run's scope and its rule among those that ran.
 */
final class BaselineRun {
    private final Path workingDirectory;
    private final Path file;
    private final Predicate<Baseline.Entry> looked;

    BaselineRun(Path workingDirectory, Project project, Engine.Result result, List<Rule> rules, Path option) {
        this.workingDirectory = workingDirectory;
        this.file = option != null ? workingDirectory.resolve(option).normalize() : configured(project).orElse(null);
        Set<String> ran = rules.stream().map(Rule::code).collect(Collectors.toSet());
        Set<String> scope = result.scope();
        this.looked = e -> scope.contains(e.path()) && ran.contains(e.code());
    }

    private static Optional<Path> configured(Project project) {
        ConfigValue value = project.config().ruleOptions().get("baseline");
        if (value == null) return Optional.empty();
        Path settingsDir = project.config().source().toAbsolutePath().getParent();
        return Optional.of(settingsDir.resolve((String) value.value()).normalize());
    }

    boolean active() {
        return file != null;
    }

    /** The file the baseline command writes: the one configured or named, else {@link Baseline#DEFAULT_FILE} at the root. */
    Path fileToWrite(Project project) {
        return file != null ? file : project.root().resolve(Baseline.DEFAULT_FILE);
    }

    /** The baseline file as messages name it. */
    String shownFile() {
        return shown(file);
    }

    String shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(workingDirectory) ? workingDirectory.relativize(abs) : abs).toString();
    }

    /** {@code lintgate baseline}: the run's findings recorded, the entries of files and rules it did not look at kept. */
    Baseline record(Project project, Engine.Result result) {
        Path target = fileToWrite(project);
        Baseline before = Files.exists(target) ? Baseline.read(target, shown(target)) : Baseline.of(List.of());
        Baseline after = before.replacing(result.findings(), looked);
        OutputFile.write(target, after::write);
        return after;
    }

    /** {@code check}: the run's findings against the baseline, and with {@code update} the file less what is fixed. */
    Baseline.Matched match(Engine.Result result, boolean update) {
        Baseline baseline = Baseline.read(file, shown(file));
        Baseline.Matched matched = baseline.match(result.findings(), looked);
        if (update && !matched.fixed().isEmpty()) OutputFile.write(file, baseline.withoutFixed(matched)::write);
        return matched;
    }
}
