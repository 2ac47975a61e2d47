package dev.lintgate.pytest;

import dev.lintgate.environment.Release;
import dev.lintgate.environment.Version;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pytest release whose behaviour is modelled. Discovery and parsing differ between 8.x and 9.x (TOML files,
 * {@code .pytest.ini} without a section, sibling loading), and strictness differs again within 9.0.x.
 */
public record PytestVersion(int major, int minor, int patch) implements Comparable<PytestVersion> {

    /** Used when the project declares no pytest and lintgate's config names no version: the newest release. */
    public static final PytestVersion DEFAULT = new PytestVersion(9, 1, 1);

    // equals and hashCode written out, as the generated ones compute them: see ProjectModel.Fact
    @Override
    public boolean equals(Object o) {
        return o instanceof PytestVersion v && major == v.major && minor == v.minor && patch == v.patch;
    }

    @Override
    public int hashCode() {
        return (31 * major + minor) * 31 + patch;
    }

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

    /**
     * The releases lintgate models in full (pytest's own ini keys dumped from 8.4.2 and 9.1.1, discovery checked
     * against both by the oracle tests): every release of the 8.4, 9.0 and 9.1 lines. A requirement admits the
     * newest of each line it allows.
     */
    public static final List<Release> RELEASES = Stream.of("8.4.0", "8.4.1", "8.4.2", "9.0.0", "9.0.1", "9.0.2", "9.0.3",
            "9.1.0", "9.1.1").map(Release::of).toList();

    /**
     * Older releases stand in for a requirement that admits none of {@link #RELEASES} ({@code pytest<8.4}):
     * modelled with 8.4's ini keys, which is all lintgate knows of them.
     */
    public static final List<Release> OLDER = Stream.of("7.4.4", "8.3.5").map(Release::of).toList();

    /** The pytest release of a PEP 440 version (8.4.1rc1 is modelled as 8.4.1). */
    public static PytestVersion of(Version v) {
        return new PytestVersion(v.part(0), v.part(1), v.part(2));
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
