package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReporterTest {

    @Test
    void oneFindingObjectPerLineMatchingTheJsonFormat() {
        String out = Render.of(new JsonLinesReporter(), Samples.report());
        assertEquals('\n', out.charAt(out.length() - 1));
        String[] lines = out.split("\n");
        assertEquals(7, lines.length);
        List<Object> findings = JsonTree.array(JsonTree.at(JsonTree.parse(Render.of(new JsonReporter(), Samples.report())), "findings"));
        for (int i = 0; i < lines.length; i++) assertEquals(findings.get(i), JsonTree.parse(lines[i]), "line " + (i + 1));
        assertEquals("{\"code\":\"LG101\",\"name\":\"deprecated-runtime-import\",\"severity\":\"error\",\"message\":\"`legacy` is deprecated and imported at import time\","
                + "\"path\":\"vendor/gone.py\",\"line\":1,\"column\":1,\"endLine\":1,\"endColumn\":7,\"fix\":null,\"autofix\":null,\"related\":[],"
                + "\"url\":\"https://github.com/lintgate/lintgate/blob/main/rules/LG101-deprecated-runtime-import.md\","
                + "\"fingerprint\":\"" + Fingerprint.key(Samples.report().findings().get(6)) + "\",\"baselineState\":null}", lines[6]);
    }

    @Test
    void nothingForNoFindings() {
        assertEquals("", Render.of(new JsonLinesReporter(), Samples.empty()));
    }
}
