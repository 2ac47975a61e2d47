package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.ecosystem.EcosystemCheck;
import dev.lintgate.project.CacheDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache changes no output: on copies of three ecosystem trees and a synthetic monorepo, every run with the cache
 * (cold, warm, and warm again after each of a seeded series of edits) prints byte for byte what a --no-cache run of
 * the same tree prints. The cache acts where the engine does not scan a file itself, so besides whole-tree runs the
 * comparison runs on five named files, with the edits made elsewhere in the tree.
 */
class IncrementalIndexTest {
    private static final List<String> TREES = List.of("aiohttp", "pydantic", "poetry");
    private static final String IMPORTER = "lintgate_importer.py";

    @TempDir
    Path tmp;

    @Test
    void cachedRunsEqualUncachedRunsOnTheCorpusThroughEdits() throws IOException {
        Optional<Path> corpus = EcosystemCheck.corpus(Path.of(""));
        if (corpus.isEmpty()) {
            System.err.println("IncrementalIndexTest: DID NOT RUN on the ecosystem: no corpus at ../shared/ecosystem (or $LINTGATE_ECOSYSTEM)");
            return;
        }
        for (String name : TREES) {
            Path root = tmp.resolve(name);
            copy(corpus.get().resolve(name), root);
            differential(root, new Random(name.hashCode()));
        }
    }

    @Test
    void cachedRunsEqualUncachedRunsOnASyntheticMonorepoThroughEdits() throws IOException {
        Path root = tmp.resolve("mono");
        dev.lintgate.pytest.SyntheticMonorepo.main(new String[] {root.toString(), "1500"});
        differential(root, new Random(19));
    }

    /** Runs the tree with and without the cache, edits it, and compares after every step. */
    private void differential(Path root, Random random) throws IOException {
        Path cache = tmp.resolve("cache-" + root.getFileName());
        List<String> python = pythonFiles(root);
        List<String> named = new ArrayList<>();
        while (named.size() < 4) {
            String f = python.get(random.nextInt(python.size()));
            // (a named conftest.py widens the run to the files it governs, which the engine then scans itself)
            if (!named.contains(f) && !f.endsWith("conftest.py")) named.add(f);
        }
        // a module at the root that imports from the edited files: what the survey finds there is reported here
        Files.writeString(root.resolve(IMPORTER), "import os\n");
        named.add(IMPORTER);
        // a shim of a module that a later setting deprecates: cached as holding no word before that setting
        Files.writeString(root.resolve("lintgate_shim.py"), "from json import loads as lintgate_loads\n");
        // cold, then warm, on the whole tree and on the named files
        same(root, cache, List.of(), "whole tree, cold");
        same(root, cache, List.of(), "whole tree, warm");
        deleteTree(cache);
        same(root, cache, named, "five files, cold");
        same(root, cache, named, "five files, warm");
        assertTrue(Files.isRegularFile(cacheFile(cache)), "the cache was written");
        assertTrue(Files.readString(cache.resolve(".gitignore")).contains("*"));
        assertTrue(Files.readString(cache.resolve("CACHEDIR.TAG")).startsWith("Signature: 8a477f597d28d172789f06886806bc55"));

        // a file's content changes (padding to rewrite later in the same clock tick); every edit on a file of its own
        List<String> used = new ArrayList<>(named);
        String padded = otherModule(root, python, used, random);
        String pad = "# " + "x".repeat(300) + "\n";
        append(root.resolve(padded), pad);
        same(root, cache, named, "modified " + padded);

        // a PEP 702 deprecation appears in a file the run does not name, imported by one it names
        String declaring = otherModule(root, python, used, random);
        append(root.resolve(declaring), "\n\nfrom typing_extensions import deprecated\n\n\n@deprecated(\"use new_api\")\n"
                + "def lintgate_old_api():\n    pass\n");
        append(root.resolve(IMPORTER), "from " + moduleName(root, declaring) + " import lintgate_old_api\n");
        String out = same(root, cache, named, "deprecation added in " + declaring);
        assertTrue(out.contains("lintgate_old_api"), "the added deprecated import is reported:\n" + out);

        // the padded file rewritten with the same size and modification time (a file system with coarse timestamps):
        // only the content hash tells the change
        Path p = root.resolve(padded);
        FileTime before = Files.getLastModifiedTime(p);
        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
        String decl = "from typing_extensions import deprecated\n@deprecated(\"x\")\ndef lintgate_tick_api(): pass\n";
        String replacement = decl + "#" + "y".repeat(pad.length() - decl.length() - 2) + "\n";
        assertEquals(pad.length(), replacement.length());
        Files.writeString(p, text.substring(0, text.length() - pad.length()) + replacement, StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(p, before);
        append(root.resolve(IMPORTER), "from " + moduleName(root, padded) + " import lintgate_tick_api\n");
        out = same(root, cache, named, "rewritten in the same clock tick: " + padded);
        assertTrue(out.contains("lintgate_tick_api"), "the deprecation written in the same clock tick is reported:\n" + out);

        // the declaring file renamed: its importers now import from a module that is gone
        Path renamed = root.resolve(declaring.replaceFirst("\\.py$", "_renamed.py"));
        Files.move(root.resolve(declaring), renamed);
        same(root, cache, named, "renamed " + declaring);
        Files.move(renamed, root.resolve(declaring));
        same(root, cache, named, "renamed back " + declaring);

        // a file deleted
        String deleted = other(python, used, random);
        Files.delete(root.resolve(deleted));
        same(root, cache, named, "deleted " + deleted);

        // touched without a change
        String touched = other(python, used, random);
        Files.setLastModifiedTime(root.resolve(touched), FileTime.fromMillis(System.currentTimeMillis()));
        same(root, cache, named, "touched " + touched);

        // a setting that changes what the survey looks for: a module deprecated by name
        Files.writeString(root.resolve("lintgate.toml"), "[[deprecated]]\nname = \"json\"\nmessage = \"use orjson\"\n");
        append(root.resolve(IMPORTER), "from lintgate_shim import lintgate_loads\n");
        out = same(root, cache, named, "lintgate.toml deprecates json");
        assertTrue(out.contains("lintgate_shim.lintgate_loads"), "the shim's re-export is reported:\n" + out);
        same(root, cache, List.of(), "whole tree after the edits");
    }

    /** Runs with --no-cache and with the cache; asserts equal JSON and returns it. */
    private static String same(Path root, Path cache, List<String> named, String step) {
        Runs plain = check(root, named, "--no-cache");
        Runs cached = check(root, named, "--cache-dir", cache.toString());
        assertEquals(plain.code(), cached.code(), step + ": " + cached.err());
        assertEquals(plain.out(), cached.out(), step);
        return plain.out();
    }

    private static Runs check(Path root, List<String> named, String... cacheOptions) {
        List<String> args = new ArrayList<>(List.of("check", "--project-root", root.toString(), "--format", "json", "--exit-zero"));
        args.addAll(List.of(cacheOptions));
        if (named.isEmpty()) args.add(root.toString());
        for (String f : named) args.add(root.resolve(f).toString());
        Runs r = Runs.in(root, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void aDamagedOrForeignCacheIsRebuiltNotTrusted() throws IOException {
        Path root = tmp.resolve("mono");
        dev.lintgate.pytest.SyntheticMonorepo.main(new String[] {root.toString(), "200"});
        Path cache = tmp.resolve("cache");
        Files.writeString(root.resolve(IMPORTER), "import os\n");
        List<String> python = pythonFiles(root);
        List<String> named = List.of(python.get(python.size() / 2), IMPORTER);
        same(root, cache, named, "cold");
        Path file = cacheFile(cache);
        byte[] good = Files.readAllBytes(file);
        // a deprecation added where the cache says no word of the first round is: trusted, the cache would hide it
        append(root.resolve("shared/markers.py"), "\nfrom typing_extensions import deprecated\n@deprecated(\"x\")\ndef lintgate_old(): pass\n");
        append(root.resolve(IMPORTER), "from shared.markers import lintgate_old\n");
        List<byte[]> damaged = List.of(
                java.util.Arrays.copyOf(good, good.length / 2),                    // truncated
                flip(good, good.length / 2),                                       // a bit flipped inside
                flip(good, 9),                                                     // the header's format
                new byte[0],                                                       // empty
                "not a cache".getBytes(StandardCharsets.UTF_8));                  // foreign
        for (byte[] bytes : damaged) {
            Files.write(file, bytes);
            // an edit, so that the run checks the tree instead of replaying its kept result (ResultCache)
            append(root.resolve(IMPORTER), "# another step\n");
            String out = same(root, cache, named, "damaged cache");
            assertTrue(out.contains("lintgate_old"), out);
            // rebuilt: a well-formed file again, which the next run reads
            assertTrue(Files.size(file) > 16);
            same(root, cache, named, "rebuilt cache");
        }
    }

    @Test
    void aProjectRootThatCannotHoldTheCacheFallsBackAndNeverFailsTheRun() throws IOException {
        Path root = tmp.resolve("ro");
        dev.lintgate.pytest.SyntheticMonorepo.main(new String[] {root.toString(), "50"});
        // a file where the cache directory would go: the directory cannot be made there, whatever the user's rights
        Files.writeString(root.resolve(CacheDirectory.DEFAULT_NAME), "in the way\n");
        Path xdg = tmp.resolve("xdg");
        Path fallback = CacheDirectory.resolve(root, root, false, null, java.util.Map.of("XDG_CACHE_HOME", xdg.toString())).orElseThrow();
        assertEquals(xdg.resolve("lintgate/projects"), fallback.getParent());
        // a read-only root (without root's rights, which ignore the mode) falls back the same way
        Path readOnly = tmp.resolve("readonly");
        Files.createDirectories(readOnly);
        readOnly.toFile().setWritable(false, false);
        try {
            Path dir = CacheDirectory.resolve(readOnly, readOnly, false, null, java.util.Map.of("XDG_CACHE_HOME", xdg.toString())).orElseThrow();
            assertEquals(Files.isWritable(readOnly), dir.startsWith(readOnly), dir.toString());
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
        // the run with the default location and with a cache directory that cannot be made: same output, exit 0
        List<String> named = pythonFiles(root).stream().filter(f -> f.contains("/tests/pkg")).limit(3).toList();
        Runs plain = check(root, named, "--no-cache");
        // (the fallback goes to a user cache directory of the test's own)
        Path userCache = tmp.resolve("user-cache");
        Path fallen = CacheDirectory.resolve(root, root, false, null, java.util.Map.of("XDG_CACHE_HOME", userCache.toString())).orElseThrow();
        assertEquals(plain.out(), defaultLocation(root, userCache, named));
        assertTrue(Files.isRegularFile(cacheFile(fallen)), fallen.toString());
        assertEquals(plain.out(), check(root, named, "--cache-dir", root.resolve(CacheDirectory.DEFAULT_NAME).resolve("sub").toString()).out());
        assertEquals("in the way\n", Files.readString(root.resolve(CacheDirectory.DEFAULT_NAME)));
    }

    @Test
    void theDefaultCacheLivesAtTheRootAndIsIgnoredByGitAndTheWalk() throws IOException, InterruptedException {
        Path root = tmp.resolve("mono");
        dev.lintgate.pytest.SyntheticMonorepo.main(new String[] {root.toString(), "50"});
        List<String> named = pythonFiles(root).stream().filter(f -> f.contains("/tests/pkg")).limit(2).toList();
        String first = defaultLocation(root, tmp.resolve("user-cache"), named);
        assertTrue(Files.isRegularFile(cacheFile(root.resolve(".lintgate_cache"))));
        assertTrue(Files.isRegularFile(root.resolve(".lintgate_cache/CACHEDIR.TAG")));
        assertEquals(first, defaultLocation(root, tmp.resolve("user-cache"), named));
        assertEquals(check(root, named, "--no-cache").out(), first);
        Runs files = Runs.in(root, "check", "--project-root", root.toString(), "--show-files", root.toString());
        assertTrue(files.out().lines().noneMatch(l -> l.contains(".lintgate_cache")), files.out());
    }

    /**
     * A check in a JVM of its own without LINTGATE_CACHE_DIR (the build sets it for the tests that run on testdata),
     * so that the cache goes where it goes by default; the user's cache directory is {@code userCache}.
     */
    private static String defaultLocation(Path root, Path userCache, List<String> named) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.lintgate.Main",
                "check", "--project-root", root.toString(), "--format", "json", "--exit-zero"));
        for (String f : named) command.add(root.resolve(f).toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove(CacheDirectory.ENVIRONMENT);
        pb.environment().put("XDG_CACHE_HOME", userCache.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** The deprecation survey's cache file in a cache directory (one per project root). */
    private static Path cacheFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(f -> f.getFileName().toString().matches("deprecation-survey-[0-9a-f]{16}\\.bin")).toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }

    // ---- helpers

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x10;
        return copy;
    }

    /** A file not in {@code used}, which it joins. */
    private static String other(List<String> python, List<String> used, Random random) {
        while (true) {
            String f = python.get(random.nextInt(python.size()));
            if (!used.contains(f)) {
                used.add(f);
                return f;
            }
        }
    }

    /** A module not in {@code used} (which it joins) whose directories are packages up to the root. */
    private static String otherModule(Path root, List<String> python, List<String> used, Random random) {
        while (true) {
            String f = python.get(random.nextInt(python.size()));
            if (!used.contains(f) && moduleName(root, f) != null) {
                used.add(f);
                return f;
            }
        }
    }

    /** The dotted module of a .py file whose directories up to the root are all packages; null for any other. */
    private static String moduleName(Path root, String path) {
        if (!path.endsWith(".py")) return null;
        String[] parts = path.substring(0, path.length() - 3).split("/");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[A-Za-z_][A-Za-z0-9_]*")) return null;
            if (i < parts.length - 1 && !Files.isRegularFile(root.resolve(String.join("/", List.of(parts).subList(0, i + 1))).resolve("__init__.py"))) {
                return null;
            }
        }
        return String.join(".", parts).replaceFirst("\\.__init__$", "");
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static List<String> pythonFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".py") && !f.startsWith(".")).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) continue;
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (Files.isRegularFile(p)) Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
