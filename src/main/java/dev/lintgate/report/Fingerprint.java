package dev.lintgate.report;

import dev.lintgate.finding.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Identifies a finding across commits by what it is about, not where it is, so that it survives lines moving above
 * it and unrelated edits in its file. {@link #key} hashes the rule code, the file's path and the finding's anchor
 * (the symbol it is about: a dotted name, a marker, a config key; the message when the rule gives none), never a
 * line or column: the baseline's key and JSON's {@code fingerprint}, shared by equal findings in one file (the same
 * deprecated import twice), which a baseline counts. SARIF's {@code partialFingerprints["lintgate/v1"]} adds the
 * occurrence number, counted in report order, since each of its results needs a fingerprint of its own.
 */
public final class Fingerprint {

    static final String KEY = "lintgate/v1";

    private Fingerprint() {
    }

    /** One SARIF fingerprint per finding, in the same order. */
    static List<String> of(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> prints = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String identity = identity(f);
            int occurrence = seen.merge(identity, 1, Integer::sum);
            prints.add(hash(identity + '\0' + occurrence));
        }
        return prints;
    }

    /** The finding's key in a baseline: the same for equal findings of one file, wherever they are in it. */
    public static String key(Finding f) {
        return hash(identity(f));
    }

    private static String identity(Finding f) {
        // without an anchor the message is the next most stable thing: it names the symbol, not the line
        String anchor = f.anchor() != null ? f.anchor() : f.message();
        return f.code() + '\0' + f.location().path() + '\0' + anchor;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
