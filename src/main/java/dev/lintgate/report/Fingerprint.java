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
 * SARIF {@code partialFingerprints["lintgate/v1"]}: identifies a finding across commits by what it is about, not
 * where it is, so an alert survives lines moving above it. The occurrence number tells apart equal findings in one
 * file (the same deprecated import twice), counted in report order.
 */
final class Fingerprint {

    static final String KEY = "lintgate/v1";

    private Fingerprint() {
    }

    /** One fingerprint per finding, in the same order. */
    static List<String> of(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> prints = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            // without an anchor the message is the next most stable thing: it names the symbol, not the line
            String anchor = f.anchor() != null ? f.anchor() : f.message();
            String identity = f.code() + '\0' + f.location().path() + '\0' + anchor;
            int occurrence = seen.merge(identity, 1, Integer::sum);
            prints.add(hash(identity + '\0' + occurrence));
        }
        return prints;
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
