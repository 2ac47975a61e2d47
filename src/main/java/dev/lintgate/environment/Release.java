package dev.lintgate.environment;

/**
 * A release of a distribution that a catalog knows. A yanked release (PEP 592) is installed only by a requirement
 * that pins it exactly, or by a lock file that resolved it before the yank.
 */
public record Release(Version version, boolean yanked) {

    public static Release of(String version) {
        return new Release(Version.of(version), false);
    }

    public static Release yanked(String version) {
        return new Release(Version.of(version), true);
    }
}
