package dev.lintgate.environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version, normalised as {@code packaging.version.Version} normalises it ({@code 1.0-RC1} is
 * {@code 1.0rc1}, {@code v2} is {@code 2}, {@code 1.0-1} is {@code 1.0.post1}) and ordered as it orders them:
 * release numbers with trailing zeros ignored, then pre-release, post-release, development release and local label.
 */
public record Version(int epoch, List<Integer> release, String preKind, int pre, int post, int dev, String local)
        implements Comparable<Version> {

    /** packaging's VERSION_PATTERN, for one version string (never a whole file). */
    private static final Pattern FORM = Pattern.compile(
            "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?:[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?"
                    + "(?:-(?<postn1>[0-9]+)|[-_.]?(?<postl>post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?"
                    + "(?:[-_.]?(?<devl>dev)[-_.]?(?<devn>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
            Pattern.CASE_INSENSITIVE);

    public Version {
        release = List.copyOf(release);
    }

    /** The version, or empty when the text is not a PEP 440 version (a legacy version or a typo). */
    public static Optional<Version> parse(String text) {
        if (text == null) return Optional.empty();
        Optional<Version> plain = plainRelease(text);
        if (plain != null) return plain;
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) return Optional.empty();
        List<Integer> release = new ArrayList<>();
        try {
            for (String part : m.group("release").split("\\.")) release.add(Integer.parseInt(part));
            int epoch = m.group("epoch") == null ? 0 : Integer.parseInt(m.group("epoch"));
            String preKind = null;
            int pre = -1;
            if (m.group("prel") != null) {
                preKind = switch (m.group("prel").toLowerCase(Locale.ROOT)) {
                    case "alpha", "a" -> "a";
                    case "beta", "b" -> "b";
                    default -> "rc";
                };
                pre = m.group("pren") == null ? 0 : Integer.parseInt(m.group("pren"));
            }
            int post = -1;
            if (m.group("postn1") != null) {
                post = Integer.parseInt(m.group("postn1"));
            } else if (m.group("postl") != null) {
                post = m.group("postn2") == null ? 0 : Integer.parseInt(m.group("postn2"));
            }
            int dev = -1;
            if (m.group("devl") != null) {
                dev = m.group("devn") == null ? 0 : Integer.parseInt(m.group("devn"));
            }
            String local = m.group("local") == null ? null : m.group("local").toLowerCase(Locale.ROOT).replaceAll("[-_]", ".");
            return Optional.of(new Version(epoch, release, preKind, pre, post, dev, local));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // "9.1.1": nearly every version a lock or pin holds is release numbers only, read without the regex (a pip-compile
    // file holds hundreds); null when the text is anything else
    private static Optional<Version> plainRelease(String text) {
        List<Integer> release = new ArrayList<>(4);
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && digits < 9) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0) {
                release.add(value);
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (digits == 0) return null;
        release.add(value);
        return Optional.of(new Version(0, release, null, -1, -1, -1, null));
    }

    /** A version lintgate writes itself: fails loudly on a typo in a constant. */
    public static Version of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a PEP 440 version: " + text));
    }

    public boolean isPrerelease() {
        return preKind != null || dev >= 0;
    }

    /** The version without its local label ({@code 1.0+ubuntu1} is {@code 1.0}). */
    public Version withoutLocal() {
        return local == null ? this : new Version(epoch, release, preKind, pre, post, dev, null);
    }

    /** The release number at a position, 0 past the end (PEP 440 pads with zeros). */
    public int part(int i) {
        return i < release.size() ? release.get(i) : 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(epoch, o.epoch);
        if (c != 0) return c;
        int n = Math.max(release.size(), o.release.size());
        for (int i = 0; i < n; i++) {
            c = Integer.compare(part(i), o.part(i));
            if (c != 0) return c;
        }
        c = Long.compare(preKey(), o.preKey());
        if (c != 0) return c;
        c = Integer.compare(post, o.post);
        if (c != 0) return c;
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, o.dev < 0 ? Long.MAX_VALUE : o.dev);
        if (c != 0) return c;
        return compareLocal(local, o.local);
    }

    // packaging: a dev release without pre or post sorts before every pre-release; no pre-release sorts after all
    private long preKey() {
        if (preKind == null && post < 0 && dev >= 0) return Long.MIN_VALUE;
        if (preKind == null) return Long.MAX_VALUE;
        int kind = switch (preKind) {
            case "a" -> 0;
            case "b" -> 1;
            default -> 2;
        };
        return (long) kind << 32 | pre;
    }

    // a version without a local label sorts first; numeric segments sort after alphanumeric ones and by value
    private static int compareLocal(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        List<String> x = Arrays.asList(a.split("\\."));
        List<String> y = Arrays.asList(b.split("\\."));
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            boolean xn = x.get(i).chars().allMatch(Character::isDigit);
            boolean yn = y.get(i).chars().allMatch(Character::isDigit);
            int c = xn && yn ? new java.math.BigInteger(x.get(i)).compareTo(new java.math.BigInteger(y.get(i)))
                    : xn != yn ? (xn ? 1 : -1) : x.get(i).compareTo(y.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(x.size(), y.size());
    }

    /** Equal under PEP 440 ({@code 1.0} and {@code 1.0.0} are the same version). */
    public boolean sameAs(Version o) {
        return compareTo(o) == 0;
    }

    /** The release line: "8.4" for 8.4.2. */
    public String line() {
        return part(0) + "." + part(1);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (epoch != 0) b.append(epoch).append('!');
        for (int i = 0; i < release.size(); i++) b.append(i == 0 ? "" : ".").append(release.get(i));
        if (preKind != null) b.append(preKind).append(pre);
        if (post >= 0) b.append(".post").append(post);
        if (dev >= 0) b.append(".dev").append(dev);
        if (local != null) b.append('+').append(local);
        return b.toString();
    }
}
