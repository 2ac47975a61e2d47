package dev.lintgate.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PEP 440 against {@code packaging}, the library pip and uv's Python tooling agree with: random versions (epochs,
 * pre-, post- and dev-releases, local labels, odd spellings like {@code 1.0-RC1} and {@code v2}) must normalise,
 * order and match specifiers ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~=},
 * {@code ===}, wildcards) exactly as {@code packaging.version.Version} and {@code SpecifierSet(prereleases=True)} do.
 */
class VersionOracleTest {

    private static final long SEED = 20261207L;

    @Test
    void versionsAndSpecifiersMatchPackaging() throws Exception {
        Random random = new Random(SEED);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 400; i++) versions.add(version(random));
        versions.addAll(List.of("1.0-RC1", "v2", "1.0-1", "1.0.post", "1.0.dev", "1.0a", "2!1.0", "1.0+ubuntu-1", "1.0.0", "1"));
        List<String> specs = new ArrayList<>();
        String[] ops = {"==", "!=", "<", "<=", ">", ">=", "~=", "==="};
        for (int i = 0; i < 150; i++) {
            String op = ops[random.nextInt(ops.length)];
            String v = plain(random, op.equals("~=") ? 2 : 1);
            if ((op.equals("==") || op.equals("!=")) && random.nextInt(3) == 0) v += ".*";
            specs.add(op + v);
        }
        specs.addAll(List.of(">=8.4.1", "<9", ">8", "~=2.2", "==9.*", "!=3.3.0", ">=1.0.dev0", "<1.0rc1", ">1.0.post1"));
        Path script = Files.createTempFile("pep440", ".py");
        Files.writeString(script, """
                import sys, json
                from packaging.version import Version, InvalidVersion
                from packaging.specifiers import SpecifierSet
                data = json.load(sys.stdin)
                out = {"versions": [], "matches": []}
                parsed = []
                for v in data["versions"]:
                    try:
                        p = Version(v); out["versions"].append(str(p)); parsed.append(p)
                    except InvalidVersion:
                        out["versions"].append(None)
                for s in data["specs"]:
                    ss = SpecifierSet(s, prereleases=True)
                    out["matches"].append([ss.contains(p, prereleases=True) for p in parsed])
                order = sorted(range(len(parsed)), key=lambda i: parsed[i])
                out["order"] = [str(parsed[i]) for i in order]
                print(json.dumps(out))
                """);
        String input = "{\"versions\": " + json(versions) + ", \"specs\": " + json(specs) + "}";
        String answer = python(script, input);
        List<String> expectedVersions = strings(answer, "\"versions\": [", "]");
        List<Version> parsed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Optional<Version> v = Version.parse(versions.get(i));
            String expected = expectedVersions.get(i);
            String actual = v.map(Version::toString).orElse("null");
            if (!expected.equals(actual)) failures.add("parse " + versions.get(i) + ": packaging " + expected + ", lintgate " + actual);
            v.ifPresent(parsed::add);
        }
        List<Version> sorted = new ArrayList<>(parsed);
        sorted.sort(null);
        List<String> expectedOrder = strings(answer, "\"order\": [", "]");
        List<String> actualOrder = sorted.stream().map(Version::toString).toList();
        if (!expectedOrder.equals(actualOrder)) failures.add("order differs:\n  packaging " + expectedOrder + "\n  lintgate  " + actualOrder);
        String matches = answer.substring(answer.indexOf("\"matches\": [") + 12);
        for (String spec : specs) {
            int close = matches.indexOf(']');
            String[] expected = matches.substring(matches.indexOf('[') + 1, close).split(",\\s*");
            matches = matches.substring(close + 1);
            VersionSpec set = VersionSpec.pep440(spec).orElseThrow(() -> new AssertionError("lintgate rejects " + spec));
            for (int i = 0; i < parsed.size(); i++) {
                boolean e = expected[i].strip().equals("true");
                if (set.admits(parsed.get(i)) != e) failures.add(spec + " on " + parsed.get(i) + ": packaging " + e);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " disagreements with packaging:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(versions.size(), expectedVersions.size());
    }

    private static String version(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(15) == 0) b.append(r.nextInt(3)).append('!');
        b.append(plain(r, 1));
        int kind = r.nextInt(10);
        String[] pre = {"a", "b", "rc", "alpha", "beta", "c", "-rc", ".pre"};
        if (kind == 0) b.append(pre[r.nextInt(pre.length)]).append(r.nextInt(3));
        if (kind == 1) b.append(r.nextBoolean() ? ".post" : "-").append(r.nextInt(3));
        if (kind == 2) b.append(".dev").append(r.nextInt(3));
        if (kind == 3) b.append("rc1.post2.dev3");
        if (kind == 4) b.append("+local.").append(r.nextInt(10));
        if (kind == 5) b.append("+abc");
        return b.toString();
    }

    private static String plain(Random r, int min) {
        int parts = min + r.nextInt(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) b.append(i == 0 ? "" : ".").append(r.nextInt(4) == 0 ? 0 : r.nextInt(3));
        return b.toString();
    }

    private static String json(List<String> items) {
        return "[" + String.join(", ", items.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }

    // the values of a flat JSON array of strings and nulls that follows the marker
    private static List<String> strings(String json, String marker, String end) {
        int start = json.indexOf(marker) + marker.length();
        String body = json.substring(start, json.indexOf(end, start));
        List<String> out = new ArrayList<>();
        for (String item : body.split(",\\s*")) {
            String t = item.strip();
            out.add(t.equals("null") ? "null" : t.substring(1, t.length() - 1));
        }
        return out;
    }

    private static String python(Path script, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "python3 with packaging failed:\n" + out);
        return out;
    }
}
