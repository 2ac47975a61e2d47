package dev.lintgate.rules;

import dev.lintgate.project.ProjectModel;
import dev.lintgate.project.Survey;
import dev.lintgate.python.PythonFile;
import java.util.Optional;
import java.util.Set;

/** A rule that looks at one Python file at a time, with the project model for cross-file facts. */
public non-sealed interface FileRule extends Rule {

    /**
     * Words at least one of which must occur in a file's bytes for this rule to find anything there; the engine
     * skips files that contain none without scanning them. An empty set means every file must be scanned.
     */
    Set<String> triggers(ProjectModel project);

    /**
     * A project-wide fact this rule needs before it checks any file, gathered from every file's contents (the
     * deprecation index: a shim anywhere may re-export a deprecated name). The engine feeds it while it reads the
     * files for the other rules, and runs this rule after that pass. Rules that return the same survey share it.
     */
    default Optional<Survey> survey(ProjectModel project) {
        return Optional.empty();
    }

    /**
     * The files that can hold a finding, when a project-wide fact already knows them (the deprecation index found
     * the files that hold its words); then the engine reads no other file for this rule. Empty means: decide by
     * {@link #triggers}.
     */
    default Optional<Set<String>> candidates(ProjectModel project) {
        return Optional.empty();
    }

    /**
     * True when {@link #check} costs little on a file without any of the {@link #triggers} once the file's model
     * (statements and names) is built: then, on a file another rule builds the model of anyway, the engine runs this
     * rule without searching the bytes for its words. By the contract of triggers such a file yields nothing.
     */
    default boolean cheapOnBuiltModel() {
        return false;
    }

    /**
     * True for a rule that reports a file's syntax problems as findings; while one runs, the engine does not
     * repeat them as notifications.
     */
    default boolean reportsSyntaxProblems() {
        return false;
    }

    /**
     * True for a rule that reports the targets lintgate could not read ({@link #unreadable}). While one runs, the
     * engine also tries every target it reads that no other rule opened, so that "checked" is true of each; without
     * one, it says what it could not read in notifications.
     */
    default boolean reportsUnreadableFiles() {
        return false;
    }

    /** Called after the run, for a rule that {@link #reportsUnreadableFiles}, with each target it could not read. */
    default void unreadable(String path, String why, FindingSink sink) {
    }

    /**
     * False for a rule about what happens when the code runs: a stub ({@code .pyi}) never runs, so the engine
     * neither scans one for such a rule nor calls {@link #check} with it.
     */
    default boolean checksStubs() {
        return true;
    }

    void check(PythonFile file, ProjectModel project, FindingSink sink);

    /**
     * Called once after every file was checked, for a rule whose findings need what all files told (LG106
     * resolves imports against the exports each module recorded; LG102 and LG107 drop findings about names some
     * file puts into builtins). Most rules report everything in {@link #check}.
     */
    default void finish(ProjectModel project, FindingSink sink) {
    }
}
