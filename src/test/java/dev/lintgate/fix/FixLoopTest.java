package dev.lintgate.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix passes on files of every kind a fix may name. */
class FixLoopTest {
    @TempDir
    Path dir;

    private static Finding deletingLine2(String path) {
        Fix fix = Fix.safe(path, "Delete line 2", List.of(Edit.deleteLines(2, 2)));
        return new Finding("LG211", Severity.WARNING, "m", new Location(path, Region.line(2)), List.of(), null, null, fix);
    }

    @Test
    void aSymbolicLinkOrTextThatIsNotUtf8IsNotFixed() throws IOException {
        Path outside = dir.resolve("outside.ini");
        Files.writeString(outside, "[pytest]\nmarkers = a\n");
        Files.createDirectory(dir.resolve("p"));
        Files.createSymbolicLink(dir.resolve("p/pytest.ini"), outside);
        byte[] latin1 = "[pytest]\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("p/tox.ini"), latin1);
        List<Finding> findings = List.of(deletingLine2("pytest.ini"), deletingLine2("tox.ini"));
        FixLoop.Outcome<List<Finding>> o = FixLoop.run(dir.resolve("p"), edited -> findings, f -> f, false);
        assertEquals(Map.of("pytest.ini", "a symbolic link", "tox.ini", "not UTF-8 text"), o.refused());
        assertTrue(o.after().isEmpty());
        assertEquals("[pytest]\nmarkers = a\n", Files.readString(outside));
        assertArrayEquals(latin1, Files.readAllBytes(dir.resolve("p/tox.ini")));
    }

    @Test
    void fixesThatNeverSettleStopAtTheBound() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "x\n");
        // a fix that always finds something to insert: the passes stop at MAX_PASSES, not forever
        Fix grow = Fix.safe("a.txt", "grow", List.of(Edit.insertAt(1, "x\n")));
        Finding f = new Finding("LG211", Severity.WARNING, "m", new Location("a.txt", Region.line(1)), List.of(), null, null, grow);
        int[] passes = {0};
        FixLoop.Outcome<List<Finding>> o = FixLoop.run(dir, edited -> {
            passes[0]++;
            return List.of(f);
        }, x -> x, false);
        assertEquals(false, o.settled());
        assertEquals(FixLoop.MAX_PASSES + 1, passes[0]);
        assertEquals(FixLoop.MAX_PASSES, o.fixedCount());
        assertEquals("x\n", Files.readString(dir.resolve("a.txt")), "nothing is written by the passes");
    }

    @Test
    void aFileOutsideTheProjectRootIsNotFixed() throws IOException {
        Files.writeString(dir.resolve("pytest.ini"), "[pytest]\nmarkers = a\n");
        Files.createDirectory(dir.resolve("project"));
        FixLoop.Outcome<List<Finding>> o = FixLoop.run(dir.resolve("project"), edited -> List.of(deletingLine2("../pytest.ini")), f -> f, false);
        assertEquals(Map.of("../pytest.ini", "outside the project root"), o.refused());
        assertEquals("[pytest]\nmarkers = a\n", Files.readString(dir.resolve("pytest.ini")));
    }

    @Test
    void aFixOfTwoFilesIsAppliedToBothOrToNeither() throws IOException {
        Files.writeString(dir.resolve("pytest.ini"), "[pytest]\naddopts = -q\n");
        Files.writeString(dir.resolve("setup.cfg"), "[tool:pytest]\nxfail_strict = true\n");
        byte[] latin1 = "[tool:pytest]\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("tox.ini"), latin1);
        Fix move = new Fix(Applicability.UNSAFE, "move", List.of(
                new Fix.Change("setup.cfg", List.of(Edit.deleteLines(1, 2))),
                new Fix.Change("pytest.ini", List.of(Edit.insertAt(3, "xfail_strict = true\n")))), null);
        // the second file is not UTF-8 text: the first is not edited either
        Fix blocked = new Fix(Applicability.UNSAFE, "move", List.of(
                new Fix.Change("setup.cfg", List.of(Edit.deleteLines(1, 2))),
                new Fix.Change("tox.ini", List.of(Edit.insertAt(1, "x = 1\n")))), null);
        Finding moving = new Finding("LG201", Severity.ERROR, "m", new Location("setup.cfg", Region.line(1)), List.of(), null, null, move);
        Finding stuck = new Finding("LG201", Severity.ERROR, "m", new Location("setup.cfg", Region.line(1)), List.of(), null, null, blocked);

        FixLoop.Outcome<List<Finding>> none = FixLoop.run(dir, edited -> edited.isEmpty() ? List.of(stuck) : List.of(), f -> f, true);
        assertEquals(Map.of("tox.ini", "not UTF-8 text"), none.refused());
        assertTrue(none.after().isEmpty());

        FixLoop.Outcome<List<Finding>> safeOnly = FixLoop.run(dir, edited -> edited.isEmpty() ? List.of(moving) : List.of(), f -> f, false);
        assertTrue(safeOnly.after().isEmpty(), "an unsafe fix waits for --unsafe-fixes");

        FixLoop.Outcome<List<Finding>> both = FixLoop.run(dir, edited -> edited.isEmpty() ? List.of(moving) : List.of(), f -> f, true);
        assertEquals(1, both.fixedCount());
        assertEquals("", new String(both.after().get("setup.cfg"), StandardCharsets.UTF_8));
        assertEquals("[pytest]\naddopts = -q\nxfail_strict = true\n", new String(both.after().get("pytest.ini"), StandardCharsets.UTF_8));
        assertEquals(Map.of("pytest.ini", java.util.Set.of("setup.cfg"), "setup.cfg", java.util.Set.of("pytest.ini")), both.together());
    }
}
