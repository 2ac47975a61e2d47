package dev.lintgate.environment;

/**
 * A declaration lintgate cannot read: a {@code setup.py} that computes its requirements, {@code dynamic}
 * dependencies, a requirements line that is not PEP 508, a URL or path whose distribution has no name. It could
 * declare anything, so what the project installs besides what lintgate reads is unknown.
 */
public record Unreadable(String path, int line, String why) {

    @Override
    public String toString() {
        return path + (line > 0 ? ":" + line : "") + " (" + why + ")";
    }
}
