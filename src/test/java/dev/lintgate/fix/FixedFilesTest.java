package dev.lintgate.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.project.AtomicReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing fixed files on a real file system: whole or not at all, never through a link, mode kept. */
class FixedFilesTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "[pytest]\r\nmarkers =\r\n    slow: one\r\n    slow: two\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "[pytest]\r\nmarkers =\r\n    slow: one\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsTheModeAndLeavesNoTemporaryFile() throws IOException {
        Path ini = dir.resolve("pytest.ini");
        Files.write(ini, OLD);
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rwxr-x---"));
        assertEquals(List.of(), FixedFiles.write(dir, Map.of("pytest.ini", OLD), Map.of("pytest.ini", NEW)));
        assertArrayEquals(NEW, Files.readAllBytes(ini));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(ini)));
        assertEquals(List.of(ini), list());
    }

    @Test
    void aFileChangedSinceItWasReadIsLeftAlone() throws IOException {
        Path ini = dir.resolve("pytest.ini");
        byte[] edited = "[pytest]\n# someone saved the file meanwhile\n".getBytes(StandardCharsets.UTF_8);
        Files.write(ini, edited);
        List<String> failures = FixedFiles.write(dir, Map.of("pytest.ini", OLD), Map.of("pytest.ini", NEW));
        assertEquals(List.of("pytest.ini: not fixed: it changed while lintgate was fixing it"), failures);
        assertArrayEquals(edited, Files.readAllBytes(ini));
    }

    @Test
    void aSymbolicLinkOrAHardLinkedFileIsLeftAlone() throws IOException {
        Path target = dir.resolve("real.ini");
        Files.write(target, OLD);
        Files.createSymbolicLink(dir.resolve("pytest.ini"), target);
        Files.createLink(dir.resolve("tox.ini"), target);
        List<String> failures = FixedFiles.write(dir, Map.of("pytest.ini", OLD, "tox.ini", OLD),
                Map.of("pytest.ini", NEW, "tox.ini", NEW));
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("pytest.ini: not fixed: it is no longer a regular file")), failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.startsWith("tox.ini: not fixed: it has 2 hard links")), failures.toString());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertTrue(Files.isSymbolicLink(dir.resolve("pytest.ini")));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldBytesAndNoTemporaryFile() throws IOException {
        Path ini = dir.resolve("pytest.ini");
        Files.write(ini, OLD);
        IOException e = assertThrows(IOException.class, () -> AtomicReplace.replace(ini, true, out -> {
            out.write(NEW, 0, 10);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(ini));
        assertEquals(List.of(ini), list());
    }

    @Test
    void theFilesOfOneFixAreWrittenAllOrNone() throws IOException {
        Path ini = dir.resolve("pytest.ini");
        Path cfg = dir.resolve("setup.cfg");
        Files.write(ini, OLD);
        byte[] edited = "[tool:pytest]\n# someone saved the file meanwhile\n".getBytes(StandardCharsets.UTF_8);
        Files.write(cfg, edited);
        List<String> failures = FixedFiles.write(dir, Map.of("pytest.ini", OLD, "setup.cfg", OLD),
                Map.of("pytest.ini", NEW, "setup.cfg", NEW),
                Map.of("pytest.ini", java.util.Set.of("setup.cfg"), "setup.cfg", java.util.Set.of("pytest.ini")));
        assertEquals(List.of("pytest.ini: not fixed: its fix also changes setup.cfg, which cannot be written",
                "setup.cfg: not fixed: it changed while lintgate was fixing it"), failures);
        assertArrayEquals(OLD, Files.readAllBytes(ini));
        assertArrayEquals(edited, Files.readAllBytes(cfg));

        Files.write(cfg, OLD);
        assertEquals(List.of(), FixedFiles.write(dir, Map.of("pytest.ini", OLD, "setup.cfg", OLD),
                Map.of("pytest.ini", NEW, "setup.cfg", NEW),
                Map.of("pytest.ini", java.util.Set.of("setup.cfg"), "setup.cfg", java.util.Set.of("pytest.ini"))));
        assertArrayEquals(NEW, Files.readAllBytes(ini));
        assertArrayEquals(NEW, Files.readAllBytes(cfg));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
