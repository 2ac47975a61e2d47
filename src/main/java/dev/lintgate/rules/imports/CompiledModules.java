package dev.lintgate.rules.imports;

import dev.lintgate.project.ProjectModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules a directory holds only compiled: extensions ({@code .so}, {@code .pyd}) and sourceless bytecode
 * ({@code .pyc}), by module name, each directory listed once per run (a glob per name read the whole directory for
 * every import asked about). A directory that cannot be listed may hold anything.
 */
final class CompiledModules {
    static final ProjectModel.Fact<CompiledModules> FACT =
            new ProjectModel.Fact<>("compiled modules", project -> new CompiledModules());

    private record Listing(Set<String> extensions, Set<String> bytecode) {
    }

    /** Compared by identity. */
    private static final Listing UNREADABLE = new Listing(Set.of(), Set.of());

    /** By the directory's path relative to the project root ("" for the root): every module file asks. */
    private final Map<String, Listing> byDirectory = new ConcurrentHashMap<>();

    /** An extension module named {@code module} in {@code dir}: at runtime it is imported before a .py beside it. */
    boolean extension(ProjectModel project, String dir, String module) {
        Listing l = listing(project, dir);
        return l == UNREADABLE || l.extensions().contains(module);
    }

    /** A module named {@code module} that exists in {@code dir} without source. */
    boolean any(ProjectModel project, String dir, String module) {
        Listing l = listing(project, dir);
        return l == UNREADABLE || l.extensions().contains(module) || l.bytecode().contains(module);
    }

    private Listing listing(ProjectModel project, String dir) {
        Listing l = byDirectory.get(dir);
        return l != null ? l : byDirectory.computeIfAbsent(dir, d -> list(project.absolute(d)));
    }

    private static Listing list(Path dir) {
        Set<String> extensions = new HashSet<>();
        Set<String> bytecode = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String f = p.getFileName().toString();
                // "_sobol.cpython-311-x86_64-linux-gnu.so" and "_sobol.so" both hold module _sobol
                String module = f.substring(0, Math.max(0, f.indexOf('.')));
                if (f.endsWith(".so") || f.endsWith(".pyd")) extensions.add(module);
                else if (f.endsWith(".pyc")) bytecode.add(module);
            }
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
        return new Listing(extensions, bytecode);
    }
}
