package dev.lintgate.environment;

/** A version an environment may install, and the declaration that lets it in (for messages). */
public record Admitted(Version version, Declaration because) {

    /** "pinned by pytest==9.1.1 in requirements.txt", "admitted by pytest>=8.4.1 in pyproject.toml". */
    public String reason() {
        if (because == null) return "";
        if (because.kind() == Declaration.Kind.LOCKED) return "locked in " + because.path();
        return (because.versions().pinned().isPresent() ? "pinned by " : "admitted by ") + because.describe();
    }
}
