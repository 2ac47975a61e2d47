package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPython as the oracle for {@link VersionCondition}: each condition is evaluated by python3 with
 * {@code sys.version_info} set to every 3.x release (micro 0 and a late micro, release level "final"), and the lowest
 * minor version on which it is true (and false) must be what lintgate reads from the tokens. A condition lintgate does
 * not understand must give 0, which only keeps it from deferring annotations.
 */
class VersionConditionOracleTest {
    private static final List<String> CONDITIONS = List.of(
            "sys.version_info >= (3, 14)",
            "sys.version_info < (3, 14)",
            "sys.version_info > (3, 13)",
            "sys.version_info[:2] > (3, 13)",
            "sys.version_info[0:2] >= (3, 14)",
            "sys.version_info <= (3, 13)",
            "sys.version_info[:2] <= (3, 13)",
            "sys.version_info >= (3, 14, 1)",
            "sys.version_info == (3, 14)",
            "sys.version_info[:2] == (3, 14)",
            "sys.version_info != (3, 14)",
            "sys.version_info >= (3,)",
            "sys.version_info >= (4, 0)",
            "(3, 14) <= sys.version_info",
            "not sys.version_info < (3, 14)",
            "sys.version_info >= (3, 12) and sys.version_info < (3, 14)",
            "sys.version_info < (3, 10) or sys.version_info >= (3, 14)",
            "(sys.version_info >= (3, 14))",
            "sys.version_info >= (3, 14) and sys.platform != 'win32'",
            "sys.version_info >= (3, 14) or sys.platform != 'win32'",
            "version_info >= (3, 14)");

    @Test
    void lowestVersionsAgreeWithCpython() throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("""
                import sys, types
                def lowest(cond, value):
                    for minor in range(100):
                        for micro in (0, 1000):
                            v = (3, minor, micro, 'final', 0)
                            ns = {'sys': types.SimpleNamespace(version_info=v, platform='linux'), 'version_info': v}
                            if bool(eval(cond, ns)) == value:
                                return minor
                    return 0
                for cond in sys.stdin.read().splitlines():
                    print(lowest(cond, True), lowest(cond, False))
                """);
        String python = System.getenv().getOrDefault("LINTGATE_PYTHON", "python3");
        Process p;
        try {
            p = new ProcessBuilder(python, "-c", script.toString()).start();
        } catch (IOException e) {
            fail("the oracle needs CPython: set LINTGATE_PYTHON or put python3 on PATH (" + e.getMessage() + ")");
            return;
        }
        p.getOutputStream().write(String.join("\n", CONDITIONS).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> cpython = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.size(); i++) {
            String cond = CONDITIONS.get(i);
            Tokens t = Tokenizer.run(SourceText.of(cond)).tokens;
            int end = 0;
            while (t.kind[end] != Tokens.NEWLINE && t.kind[end] != Tokens.END) end++;
            VersionCondition v = new VersionCondition(t);
            String lintgate = v.whenTrue(0, end) + " " + v.whenFalse(0, end);
            String expected = cpython.get(i);
            // lintgate may not understand a condition (0: no version known), but what it says must be CPython's answer
            String[] e = expected.split(" ");
            String[] l = lintgate.split(" ");
            for (int k = 0; k < 2; k++) {
                if (!l[k].equals("0") && !l[k].equals(e[k])) {
                    mismatches.add(cond + (k == 0 ? " (true)" : " (false)") + ": lintgate " + l[k] + ", CPython " + e[k]);
                }
            }
            if (!cond.contains("platform") && !lintgate.equals(expected)) {
                mismatches.add(cond + ": lintgate " + lintgate + ", CPython " + expected);
            }
        }
        System.out.printf("version conditions oracle: %d conditions, %d mismatches%n", CONDITIONS.size(), mismatches.size());
        if (!mismatches.isEmpty()) fail(String.join("\n", mismatches));
    }
}
