package dev.lintgate.cli;

import dev.lintgate.config.ConfigException;
import dev.lintgate.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code check --stdin-filename PATH -}: an editor's buffer, read from standard input, checked as the file PATH. The
 * project model still comes from the project root on disk, so cross-file facts (re-exports, pytest configs) are the
 * project's; only PATH's content is the buffer's. PATH must be a Python file of the project that exists on disk
 * (pytest configs are read from disk by pytest's own rules of discovery).
 */
record StdinSource(Path path, byte[] content) {

    static StdinSource of(List<String> paths, Path stdinFilename, CommandLine cl) {
        boolean dash = paths.contains("-");
        if (!dash && stdinFilename == null) return null;
        if (!dash) throw new CommandLine.ParameterException(cl, "--stdin-filename needs the path '-' (the source comes from standard input)");
        if (stdinFilename == null) throw new CommandLine.ParameterException(cl, "the path '-' needs --stdin-filename PATH: the file the source stands for");
        if (paths.size() > 1) throw new CommandLine.ParameterException(cl, "the path '-' checks standard input alone: name no other path");
        String name = stdinFilename.getFileName() == null ? "" : stdinFilename.getFileName().toString();
        if (!name.endsWith(".py") && !name.endsWith(".pyi")) {
            throw new CommandLine.ParameterException(cl, "--stdin-filename must name a Python file (.py or .pyi), not " + stdinFilename);
        }
        try {
            return new StdinSource(stdinFilename, System.in.readAllBytes());
        } catch (IOException e) {
            throw new ConfigException("standard input: cannot read it (" + e.getMessage() + ")");
        }
    }

    void applyTo(Project project, Path workingDirectory) {
        Path abs = workingDirectory.resolve(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) throw new ConfigException(path + ": --stdin-filename names no file of the project on disk");
        project.replaceContent(project.root().relativize(abs).toString().replace('\\', '/'), content);
    }
}
