package dev.lintgate.project;

import dev.lintgate.python.PythonFile;
import java.util.function.Supplier;

/**
 * Gathers a project-wide fact from the Python files' contents while the engine reads every file for its rules, so
 * that a fact needing all files (the deprecation index: a shim anywhere may re-export a deprecated name) costs no
 * read and no scan of its own. The fact completes after the engine's pass, reading only the files the engine did
 * not (pre-commit names a few files, but the fact is about the whole project).
 */
public interface Survey {

    /**
     * One file's bytes as the engine read them; {@code scanned} gives the file's model, built at most once and shared
     * with the engine's rules, and {@code scannedAnyway} says that the rules build it whatever the survey does (so it
     * costs the survey nothing). Called from several threads, once per file, before the fact is asked for.
     */
    void take(String path, byte[] bytes, Supplier<PythonFile> scanned, boolean scannedAnyway);
}
