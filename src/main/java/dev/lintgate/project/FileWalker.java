package dev.lintgate.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Lists a project's files the way a developer thinks of them: .gitignore files (nested, with negation) are
 * honoured, tool and environment directories are skipped, and {@code exclude} / {@code extend-exclude} patterns
 * (gitignore syntax, relative to the root) apply on top.
 */
public final class FileWalker {
    public static final Set<String> DEFAULT_EXCLUDES = Set.of(".git", ".hg", ".svn", ".venv", "venv", "env",
            "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache",
            "build", "dist", "site-packages");

    private final Path root;
    private final IgnoreRules configured;
    private final boolean defaultExcludes;

    /**
     * @param excludes        patterns from {@code exclude} and {@code extend-exclude}
     * @param defaultExcludes false when {@code exclude} replaces the defaults (ruff's semantics)
     */
    public FileWalker(Path root, List<String> excludes, boolean defaultExcludes) {
        this.root = root;
        this.configured = IgnoreRules.NONE.with("", excludes);
        this.defaultExcludes = defaultExcludes;
    }

    /** Every file under the root that is not ignored, relative with {@code /}, sorted. */
    public List<String> walk() throws IOException {
        List<String> out = new ArrayList<>();
        Deque<IgnoreRules> stack = new ArrayDeque<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(dir);
                if (!rel.isEmpty() && excludedDirectory(rel, dir.getFileName().toString(), stack.peek())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                IgnoreRules rules = stack.isEmpty() ? IgnoreRules.NONE : stack.peek();
                Path gitignore = dir.resolve(".gitignore");
                if (Files.isRegularFile(gitignore)) {
                    rules = rules.with(rel.isEmpty() ? "" : rel + "/", readLines(gitignore));
                }
                stack.push(rules);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                String rel = relative(file);
                IgnoreRules rules = stack.peek();
                if (!(rules != null && rules.isIgnored(rel, false)) && !configured.isIgnored(rel, false)) out.add(rel);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;   // unreadable entries are not ours to report; skip them
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                stack.pop();
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** True when a root-relative path would be skipped by the excludes (used for {@code --force-exclude}). */
    public boolean isExcluded(String relativePath) {
        String[] parts = relativePath.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            if (defaultExcludes && DEFAULT_EXCLUDES.contains(parts[i])) return true;
            if (configured.isIgnored(prefix.toString(), true)) return true;
        }
        return configured.isIgnored(relativePath, false);
    }

    private boolean excludedDirectory(String rel, String name, IgnoreRules rules) {
        if (defaultExcludes && DEFAULT_EXCLUDES.contains(name)) return true;
        if (rules != null && rules.isIgnored(rel, true)) return true;
        return configured.isIgnored(rel, true);
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }
}
