package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.List;

/**
 * What one dependency file says: its declarations, what lintgate cannot read in it, the requirements files it
 * points to (tox's {@code -r}, setuptools' {@code file:}), and the members of a uv workspace it defines.
 */
final class FileDeclarations {
    final String path;
    final List<Declaration> declarations = new ArrayList<>();
    final List<Unreadable> unreadable = new ArrayList<>();
    final List<RequirementsFile.Include> includes = new ArrayList<>();
    final List<String> workspaceMembers = new ArrayList<>();
    final List<String> workspaceExcludes = new ArrayList<>();
    /** "pyproject.toml:40" for each pytest11 entry point the project registers: its own pytest plugin. */
    final List<String> pytestEntryPoints = new ArrayList<>();

    FileDeclarations(String path) {
        this.path = path;
    }

    void requirement(Requirement r, int line) {
        declarations.add(new Declaration(r.key(), r.versions(), r.toString(), path, line, Declaration.Kind.REQUIREMENT));
    }

    /** A PEP 508 string; one lintgate cannot read makes the file partly unreadable. */
    void pep508(String text, int line) {
        java.util.Optional<Requirement> r = RequirementsFile.name(text);
        if (r.isPresent()) {
            requirement(r.get(), line);
        } else if (!text.strip().isEmpty()) {
            unreadable.add(new Unreadable(path, line, "`" + text.strip() + "` is not a requirement lintgate can read"));
        }
    }

    void unreadable(int line, String why) {
        unreadable.add(new Unreadable(path, line, why));
    }
}
