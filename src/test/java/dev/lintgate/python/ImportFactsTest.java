package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every import the name walker binds is among the file's import statement facts: LG104 decides from those facts
 * alone whether a released file is worth its name model, so a binding only the walker saw would be a missed finding.
 */
class ImportFactsTest {

    @Test
    void inTheTestdataFiles() throws IOException {
        int checked = check(Path.of("testdata"));
        assertTrue(checked > 200, checked + " import bindings");
    }

    @Test
    void inThePythonStandardLibrary() throws Exception {
        int checked = check(Path.of(ScannerBenchmark.pythonStdlib()));
        assertTrue(checked > 5_000, checked + " import bindings");
    }

    /** The number of import bindings compared. */
    private static int check(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> (p.toString().endsWith(".py") || p.toString().endsWith(".pyi"))
                    && !p.toString().contains("site-packages") && Files.isRegularFile(p)).sorted().toList();
        }
        int checked = 0;
        for (Path p : files) {
            PythonFile file = PythonFiles.parse(p.toString(), "pkg.sub.m", false, Files.readAllBytes(p));
            Set<String> facts = new HashSet<>();
            for (ImportBinding b : file.imports()) facts.add(b.boundName());
            for (Scope scope : file.names().scopes()) {
                for (String name : scope.boundNames()) {
                    for (Binding b : scope.bindings(name)) {
                        if (b.kind() != Binding.Kind.IMPORT) continue;
                        checked++;
                        assertTrue(facts.contains(b.name()), p + ": `" + b.name() + "` (line " + b.line() + ") is bound by an import the statement facts miss");
                    }
                }
            }
        }
        return checked;
    }
}
