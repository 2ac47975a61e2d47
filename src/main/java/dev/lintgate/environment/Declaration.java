package dev.lintgate.environment;

/**
 * One place that puts a distribution into an environment, or says which of its versions: a requirement
 * ({@code pytest>=8.4.1} in {@code requirements.txt:3}, a {@code [dependency-groups]} item, a tox {@code deps}
 * line), a constraint ({@code -c} files), or a lock file's package entry. {@code name} is PEP 503 normalised;
 * {@code text} is the declaration as written, for messages.
 */
public record Declaration(String name, VersionSpec versions, String text, String path, int line, Kind kind) {

    public enum Kind {
        /** Installs the distribution (a requirement, a dependency table entry, a tox dep). */
        REQUIREMENT,
        /** Limits its versions without installing it (a {@code -c} file). */
        CONSTRAINT,
        /** What a lock file resolved: exactly this version is installed from it. */
        LOCKED
    }

    /** "pytest>=8.4.1 in requirements.txt", "pytest 9.1.1 in uv.lock". */
    public String describe() {
        return (kind == Kind.LOCKED ? text : text.strip()) + " in " + path;
    }
}
