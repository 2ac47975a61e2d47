package dev.lintgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLinesTest {

    @Test
    void readsProjectFilesLikePythonDoes(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("my dir"));
        Files.write(root.resolve("my dir/é.py"), "\uFEFFa = 1\r\nb\rc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(root.resolve("bad.py"), new byte[] {'x', (byte) 0xff, '\n'});
        SourceLines lines = SourceLines.under(root);
        assertEquals(List.of("a = 1", "b", "c", ""), lines.lines("my dir/é.py"));
        assertEquals(List.of("x\uFFFD", ""), lines.lines("bad.py"));
        assertEquals(List.of(), lines.lines("missing.py"));
        assertEquals(List.of(), lines.lines("../outside.py"));
    }
}
