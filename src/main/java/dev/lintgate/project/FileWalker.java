package dev.lintgate.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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

    /**
     * Every file under the root that is not ignored, relative with {@code /}, sorted. Directories are listed in
     * parallel: a walk is one {@code lstat} per entry, and on a 50,000-file tree a single thread spent most of a
     * second waiting on them before any rule could start. Symbolic links are not followed (as git does not).
     */
    public List<String> walk() throws IOException {
        DirectoryTask top = new DirectoryTask(root, "", IgnoreRules.NONE);
        try {
            ForkJoinPool.commonPool().invoke(top);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> out = new ArrayList<>();
        top.collect(out);
        return out;
    }

    /**
     * Lists one directory; its subdirectories become tasks of their own. The result comes out sorted without
     * sorting the paths: sorting 50,000 full paths, most of them sharing long prefixes, was half of the walk's own
     * Java work. Within a directory the entries are ordered by name, a directory's name taken with its trailing
     * {@code /} (every path inside it continues so), which is the order of the full paths.
     */
    private final class DirectoryTask extends RecursiveAction {
        private final Path dir;
        private final String rel;             // "" for the root, else "a/b"
        private final IgnoreRules inherited;
        /** After {@link #compute}, the directory's entries in path order: a file's path, or a subdirectory's task. */
        private final List<Object> entries = new ArrayList<>();

        DirectoryTask(Path dir, String rel, IgnoreRules inherited) {
            this.dir = dir;
            this.rel = rel;
            this.inherited = inherited;
        }

        @Override
        protected void compute() {
            List<String> files = new ArrayList<>();
            List<Path> dirs = new ArrayList<>();
            boolean hasGitignore = false;
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path entry : stream) {
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        continue;   // vanished or unreadable: not ours to report
                    }
                    if (attrs.isDirectory()) dirs.add(entry);
                    else if (attrs.isRegularFile()) {
                        String name = entry.getFileName().toString();
                        files.add(name);
                        if (name.equals(".gitignore")) hasGitignore = true;
                    }
                }
            } catch (IOException e) {
                if (rel.isEmpty()) throw new UncheckedIOException(e);
                return;             // an unreadable directory below the root is skipped, as before
            }
            String prefix = rel.isEmpty() ? "" : rel + "/";
            IgnoreRules rules = hasGitignore ? inherited.withGitignore(prefix, readAll(dir.resolve(".gitignore"))) : inherited;
            // (key, entry) pairs: a file's name, or a directory's name with '/'
            List<Map.Entry<String, Object>> keyed = new ArrayList<>(files.size() + dirs.size());
            for (String name : files) {
                String path = prefix + name;
                if (rules.isIgnored(path, false) || configured.isIgnored(path, false)) continue;
                keyed.add(Map.entry(name, path));
            }
            List<DirectoryTask> subtasks = new ArrayList<>();
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                String path = prefix + name;
                if (excludedDirectory(path, name, rules)) continue;
                // the listed Path, not one resolved from the name again: a name that is not valid UTF-8 would not
                // survive the round trip
                DirectoryTask sub = new DirectoryTask(d, path, rules);
                subtasks.add(sub);
                keyed.add(Map.entry(name + "/", sub));
            }
            keyed.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, Object> e : keyed) entries.add(e.getValue());
            invokeAll(subtasks);
        }

        /** Appends this directory's files, and its subdirectories' in turn, in path order. */
        void collect(List<String> out) {
            for (Object e : entries) {
                if (e instanceof DirectoryTask sub) sub.collect(out);
                else out.add((String) e);
            }
        }
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

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
