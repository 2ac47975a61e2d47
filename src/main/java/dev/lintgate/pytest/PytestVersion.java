package dev.lintgate.pytest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pytest release whose behaviour is modelled. Discovery and parsing differ between 8.x and 9.x (TOML files,
 * {@code .pytest.ini} without a section, sibling loading), and strictness differs again within 9.0.x.
 */
public record PytestVersion(int major, int minor, int patch) implements Comparable<PytestVersion> {

    /** Used when neither the project pins pytest nor lintgate's config names a version. */
    public static final PytestVersion DEFAULT = new PytestVersion(9, 1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)(?:\\.(\\d+|x|\\*))?(?:\\.(\\d+|x|\\*))?.*");

    /**
     * "9.1.1" as is; a release line ("8", "8.x", "9.0") stands for its newest release we know, since that is what
     * a fresh install of the line gives.
     */
    public static PytestVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a pytest version: '" + text + "' (expected e.g. 8.4.2 or 9.x)");
        }
        int major = Integer.parseInt(m.group(1));
        boolean minorGiven = m.group(2) != null && Character.isDigit(m.group(2).charAt(0));
        boolean patchGiven = m.group(3) != null && Character.isDigit(m.group(3).charAt(0));
        if (minorGiven && patchGiven) {
            return new PytestVersion(major, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if (minorGiven) {
            int minor = Integer.parseInt(m.group(2));
            return new PytestVersion(major, minor, newestPatch(major, minor));
        }
        return switch (major) {
            case 7 -> new PytestVersion(7, 4, 4);
            case 8 -> new PytestVersion(8, 4, 2);
            case 9 -> DEFAULT;
            default -> new PytestVersion(major, 0, 0);
        };
    }

    private static int newestPatch(int major, int minor) {
        if (major == 9 && minor == 0) return 3;
        if (major == 9 && minor == 1) return 1;
        if (major == 8 && minor == 4) return 2;
        if (major == 8 && minor == 3) return 5;
        if (major == 7 && minor == 4) return 4;
        return 0;
    }

    private static final Pattern PIN = Pattern.compile("(?<![\\w.-])pytest\\s*(?:\\[[^\\]\\n]*\\])?\\s*===?\\s*[\"']?(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern LOCK_PIN = Pattern.compile("name\\s*=\\s*\"pytest\"\\s*\\n\\s*version\\s*=\\s*\"(\\d+(?:\\.\\d+){0,2})\"");

    /** Dependency files that may pin pytest: requirements files, pyproject.toml, setup.cfg, lock files. */
    public static boolean mayPin(String fileName) {
        return fileName.equals("pyproject.toml") || fileName.equals("setup.cfg") || fileName.equals("setup.py")
                || fileName.equals("Pipfile") || fileName.endsWith(".lock")
                || (fileName.contains("requirements") && (fileName.endsWith(".txt") || fileName.endsWith(".in")));
    }

    /** The exact pytest version a dependency file pins ({@code pytest==8.4.2}, or a lock file entry), if any. */
    public static java.util.Optional<PytestVersion> pinnedIn(String fileName, String text) {
        Matcher m = (fileName.endsWith(".lock") ? LOCK_PIN : PIN).matcher(text);
        return m.find() ? java.util.Optional.of(parse(m.group(1))) : java.util.Optional.empty();
    }

    public boolean atLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** pytest.toml, [tool.pytest], sibling loading and the strict ini keys arrived in 9.0. */
    public boolean hasNativeToml() {
        return major >= 9;
    }

    /**
     * Whether strict flags and {@code -o} given in ini {@code addopts} take effect: yes up to 8.x for the flags
     * (never for {@code -o}), no in 9.0.x (pytest #14442), yes for both from 9.1.
     */
    public boolean addoptsStrictFlagsWork() {
        return major < 9 || atLeast(9, 1);
    }

    public boolean addoptsOverridesWork() {
        return atLeast(9, 1);
    }

    @Override
    public int compareTo(PytestVersion o) {
        int c = Integer.compare(major, o.major);
        if (c != 0) return c;
        c = Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
