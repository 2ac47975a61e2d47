package dev.lintgate.finding;

/**
 * Whether a fix may be applied without a person reading it, as ruff puts it: a safe fix keeps what the code means,
 * an unsafe one may change it (a replacement API that is not a drop-in) and runs only with {@code --unsafe-fixes}.
 */
public enum Applicability {
    SAFE, UNSAFE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
