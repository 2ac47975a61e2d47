package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the walker records for LG106 must equal what a walk over every scope's bindings finds. */
class NamesShortcutsTest {

    private static final String SOURCE = """
            import os
            if os.name == "nt":
                import ntpath as path
            try:
                from . import fast
            except ImportError:
                fast = None
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                import typing_only
            def f():
                global late, bound
                bound = 1
                for _ in ():
                    import inner
                with open("x"):
                    from a.b import (c,
                                     d)
            def g():
                early = 1
                global early
            class K:
                global nothing_bound
            """;

    @Test
    void conditionalImportsAndGlobalsOfASample() {
        Names names = names(SOURCE);
        assertEquals(Set.of(3, 5, 15, 17, 18), conditionalLines(names, 40));
        assertEquals(walkedConditionalLines(names), conditionalLines(names, 40));
        assertEquals(Set.of("early"), new HashSet<>(names.globalDeclarations()));
        assertEquals(walkedGlobals(names), new HashSet<>(names.globalDeclarations()));
    }

    @Test
    void theTestdataFilesAgreeWithTheWalk() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("testdata"))) {
            files = walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        for (Path p : files) {
            String source = Files.readString(p, StandardCharsets.UTF_8);
            Names names = names(source);
            int lines = (int) source.lines().count() + 2;
            assertEquals(walkedConditionalLines(names), conditionalLines(names, lines), p.toString());
            assertEquals(walkedGlobals(names), new HashSet<>(names.globalDeclarations()), p.toString());
        }
    }

    private static Names names(String source) {
        return PythonFiles.parse("pkg/m.py", "pkg.m", false, source.getBytes(StandardCharsets.UTF_8)).names();
    }

    private static Set<Integer> conditionalLines(Names names, int lines) {
        Set<Integer> out = new TreeSet<>();
        for (int line = 0; line <= lines; line++) {
            if (names.isConditionalRuntimeImport(line)) out.add(line);
        }
        return out;
    }

    private static Set<Integer> walkedConditionalLines(Names names) {
        Set<Integer> out = new TreeSet<>();
        for (Scope s : names.scopes()) {
            for (String n : s.boundNames()) {
                for (Binding b : s.bindings(n)) {
                    if (b.kind() == Binding.Kind.IMPORT && b.conditional() && !b.typingOnly()) out.add(b.line());
                }
            }
        }
        return out;
    }

    private static Set<String> walkedGlobals(Names names) {
        Set<String> out = new HashSet<>();
        for (Scope s : names.scopes()) {
            for (String n : s.boundNames()) {
                if (s.declaresGlobal(n)) out.add(n);
            }
        }
        return out;
    }
}
