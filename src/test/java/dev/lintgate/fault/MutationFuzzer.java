package dev.lintgate.fault;

import dev.lintgate.ecosystem.EcosystemCheck;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.PythonFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A seeded, bounded mutation fuzzer over real files: Python modules of the standard library and of the ecosystem
 * corpus ({@code ../shared/ecosystem}), and their config files (pyproject.toml, setup.cfg, tox.ini, pytest.ini, TOML
 * and INI files of the standard library's own tests), each mutated by a few byte-level operators aimed at a tokenizer
 * and an INI or TOML reader (unclosed brackets and strings, invalid UTF-8, a BOM, coding cookies, control characters,
 * deep nesting, a line repeated hundreds of times). The mutants are checked in batches through the command line, and
 * every run must keep the invariants ({@link Runs.Run#checked}) and give the same bytes for one thread and two; every
 * Python mutant must cost, per byte, no more than a fixed multiple of what its unmutated file costs (bytes allocated
 * and CPU time of the Python front end, counted on this thread). A failing mutant is written to
 * {@code target/fuzz-failures/} with what was done to it.
 *
 * <p>{@code bench/fuzz.sh [MUTANTS] [SEED]} runs it by hand with any count; the test runs a few hundred per build.
 */
public final class MutationFuzzer {
    /** Allocated bytes per byte may grow by this factor over the unmutated file's, beyond a floor for small files. */
    static final double ALLOCATION_FACTOR = 12;
    /** CPU time per byte, noisier (JIT, caches): a wide factor that still catches anything quadratic. */
    static final double CPU_FACTOR = 40;
    private static final long CPU_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(15);
    private static final long ALLOCATION_FLOOR = 4L << 20;
    /** Seeds larger than this are skipped: a mutant of each is checked twice per batch. */
    private static final int MAX_SEED_BYTES = 48 * 1024;
    private static final int PYTHON_PER_BATCH = 40;

    private final long seed;
    private final int mutants;
    private final Path work;
    private final PrintStream log;
    private final Random random;
    private final List<String> failures = new ArrayList<>();
    private final TreeMap<Integer, Integer> exits = new TreeMap<>();
    private int runs;
    private double worstAllocation;
    private double worstCpu;
    private String worstFile = "";

    public MutationFuzzer(long seed, int mutants, Path work, PrintStream log) {
        this.seed = seed;
        this.mutants = mutants;
        this.work = work;
        this.log = log;
        this.random = new Random(seed);
    }

    /** What the run found: an empty list when every mutant kept every invariant. */
    public List<String> failures() {
        return failures;
    }

    public static void main(String[] args) throws Exception {
        int mutants = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime() % 1_000_000;
        Path work = Files.createTempDirectory("lintgate-fuzz");
        MutationFuzzer fuzzer = new MutationFuzzer(seed, mutants, work, System.out);
        fuzzer.run(Path.of("").toAbsolutePath());
        System.exit(fuzzer.failures().isEmpty() ? 0 : 1);
    }

    /** A file to mutate; its bytes are read when a mutant of it is first made. */
    private static final class Seed {
        private final Path file;
        private final String kind;
        private byte[] bytes;

        Seed(Path file, String kind, byte[] bytes) {
            this.file = file;
            this.kind = kind;
            this.bytes = bytes;
        }

        Path file() {
            return file;
        }

        String kind() {
            return kind;
        }

        byte[] bytes() {
            if (bytes == null) {
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    bytes = new byte[0];
                }
            }
            return bytes;
        }
    }

    private record Mutant(Seed seed, byte[] bytes, String how) {
    }

    public void run(Path projectDir) throws Exception {
        Path stdlib = stdlib();
        Optional<Path> ecosystem = EcosystemCheck.corpus(projectDir);
        if (ecosystem.isEmpty()) {
            log.println("mutation fuzzer: no ecosystem corpus at ../shared/ecosystem (or $LINTGATE_ECOSYSTEM): fuzzing the standard library only");
        }
        List<Seed> python = new ArrayList<>();
        List<Seed> configs = new ArrayList<>();
        collect(stdlib, python, configs);
        int fromStdlib = python.size();
        int configsFromStdlib = configs.size();
        if (ecosystem.isPresent()) collect(ecosystem.get(), python, configs);
        if (python.isEmpty()) throw new IllegalStateException("no Python files under " + stdlib);

        int configMutants = Math.max(1, mutants / 6);
        int pythonMutants = mutants - configMutants;
        List<Mutant> py = new ArrayList<>();
        for (int i = 0; i < pythonMutants; i++) py.add(mutate(python.get(random.nextInt(python.size())), PYTHON_TOKENS));
        List<Mutant> cfg = new ArrayList<>();
        for (int i = 0; i < configMutants; i++) {
            Seed s = configs.isEmpty() ? builtInConfig() : configs.get(random.nextInt(configs.size()));
            cfg.add(mutate(s, s.kind().endsWith(".toml") ? TOML_TOKENS : INI_TOKENS));
        }

        for (Mutant m : py) checkCost(m);
        int batches = 0;
        for (int start = 0; start < Math.max(py.size(), cfg.size()); start += PYTHON_PER_BATCH) {
            int cfgPer = (int) Math.ceil(cfg.size() / Math.ceil(py.size() / (double) PYTHON_PER_BATCH));
            List<Mutant> batchPy = py.subList(Math.min(start, py.size()), Math.min(start + PYTHON_PER_BATCH, py.size()));
            int cfgStart = Math.min(batches * cfgPer, cfg.size());
            List<Mutant> batchCfg = cfg.subList(cfgStart, Math.min(cfgStart + cfgPer, cfg.size()));
            checkBatch(batches++, batchPy, batchCfg);
        }
        // lintgate's own settings decide the run: a few mutants of them, each its own run
        int settingsRuns = Math.max(1, mutants / 30);
        for (int i = 0; i < settingsRuns; i++) checkSettings(i, mutate(settingsSeed(), TOML_TOKENS));


        log.printf(Locale.ROOT, "mutation fuzzer: seed %d; %d Python mutants of %d files (%d from the standard library%s), "
                        + "%d config mutants of %d files (%d from the standard library), %d settings mutants; %d runs in %d batches; "
                        + "exit codes %s; worst cost per byte against the unmutated file: %.1fx allocated, %.1fx CPU (%s); %d failures%n",
                seed, py.size(), python.size(), fromStdlib, ecosystem.isPresent() ? ", " + (python.size() - fromStdlib) + " from the ecosystem corpus" : "",
                cfg.size(), configs.size(), configsFromStdlib, settingsRuns, runs, batches, exits, worstAllocation, worstCpu, worstFile,
                failures.size());
        for (String f : failures) log.println("  " + f);
    }

    private static Path stdlib() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return Path.of(out);
    }

    /** Python files and config files under a root, sorted, so that a seed picks the same files on every machine. */
    private static void collect(Path root, List<Seed> python, List<Seed> configs) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> !p.toString().contains("/site-packages/") && !p.toString().contains("/__pycache__/"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String kind = name.endsWith(".py") ? "py"
                    : name.equals("pyproject.toml") || name.endsWith(".toml") ? "pyproject.toml"
                    : name.equals("tox.ini") || name.equals("pytest.ini") || name.equals("setup.cfg") ? name
                    : name.endsWith(".ini") ? "pytest.ini" : name.endsWith(".cfg") ? "setup.cfg" : null;
            if (kind == null) continue;
            long size = Files.size(f);
            if (size > MAX_SEED_BYTES || size == 0) continue;
            (kind.equals("py") ? python : configs).add(new Seed(f, kind, null));
        }
    }

    private static Seed builtInConfig() {
        return new Seed(Path.of("pytest.ini"), "pytest.ini",
                "[pytest]\naddopts = -ra\nmarkers =\n    slow: slow tests\n    db: needs a database\nasyncio_mode = auto\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Seed settingsSeed() {
        return new Seed(Path.of("lintgate.toml"), "lintgate.toml", ("select = [\"LG1\", \"LG2\"]\nignore = [\"LG105\"]\n"
                + "extend-exclude = [\"build/\", \"[!a]*.tmp\"]\nmax-file-size = 100_000\n[[deprecated]]\nname = \"collections.OrderedDict\"\n"
                + "message = \"use dict\"\n").getBytes(StandardCharsets.UTF_8));
    }

    // ---- mutation

    private static final String[] PYTHON_TOKENS = {"(", ")", "[", "]", "{", "}", "\"", "'", "\"\"\"", "'''", "\\", "\n", "\r", "\r\n",
            "\t", "    ", ":", "#", "# noqa\n", "# type: ignore\n", "# lintgate: noqa\n", "if TYPE_CHECKING:\n    ", "import ", "from . import *\n",
            "from __future__ import annotations\n", "lambda", ":=", "@", "f\"{", "}\"", "f'{x!r:>{w}}'", "\0", "\u00ff", "\u00e9", "\ufeff",
            "\u202e", "\u001b[31m", "\u009b", "\u0085", "\u2028", "# -*- coding: latin-1 -*-\n", "# coding: bogus\n", "\\\n", "async def ",
            "await ", "class X(", "def f(", "**", "*", "__all__ = [", "global x\n", "nonlocal x\n", "del x\n", "yield", "return",
            "try:\n", "except* ", "match x:\n    case ", "type X = ", "print 'x'\n", "0755", "1e", "0x", "...", ";", ",", "=", "->",
            "@pytest.mark.", "pytest.mark.parametrize(", "__getattr__", "sys.modules[__name__]", "builtins.x = 1\n"};
    private static final String[] INI_TOKENS = {"[", "]", "=", ":", "\n", "\r\n", "\t", "    ", "#", ";", "[pytest]\n", "[tool:pytest]\n",
            "markers =\n    a: b\n", "addopts = -p no:asyncio\n", "asyncio_mode = auto\n", "asyncio_default_fixture_loop_scope = module\n",
            "testpaths = tests\n", "python_files = *.py\n", "norecursedirs = *\n", "required_plugins = x\n", "minversion = 99\n",
            "xfail_strict = maybe\n", "\ufeff", "\0", "\u00e9", "\u00ff", "\u001b", "\u0085", "\u2028", "\u000b", "\u000c", "[testenv]\n",
            "%(here)s", "${x}", "-o xfail_strict=true", "--asyncio-mode=strict", "-c other.ini", "--rootdir=..", "-p pytest_asyncio"};
    private static final String[] TOML_TOKENS = {"[", "]", "[[", "]]", "{", "}", "=", ",", "\"", "'", "\"\"\"", "'''", "\\", "\\e", "\\x41",
            "\\u00e9", "\n", "\r\n", "\t", "#", ".", "[tool.pytest.ini_options]\n", "[tool.pytest]\n", "[tool.lintgate]\n",
            "markers = [\"a: b\"]\n", "addopts = \"-p no:asyncio\"\n", "asyncio_mode = \"auto\"\n", "select = [\"LG000\"]\n", "x = {\n}\n",
            "a = 07:32\n", "a = 1979-05-27T07:32Z\n", "inf", "nan", "0x", "1_000", "true", "\ufeff", "\0", "\u00e9", "\u00ff", "\u001b",
            "requires-python = \">=3.15\"\n", "target-version = \"py315\"\n", "max-file-size = 0\n", "exclude = \"x\"\n", "[project]\n"};

    private Mutant mutate(Seed seed, String[] tokens) {
        byte[] b = seed.bytes();
        List<String> how = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int op = random.nextInt(10);
            int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            switch (op) {
                case 0 -> {
                    int len = Math.min(b.length - Math.min(at, b.length), 1 + random.nextInt(64));
                    b = splice(b, at, len, new byte[0]);
                    how.add("delete " + len + "@" + at);
                }
                case 1 -> {
                    int from = b.length == 0 ? 0 : random.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + random.nextInt(256));
                    b = splice(b, at, 0, Arrays.copyOfRange(b, from, from + len));
                    how.add("copy " + len + "@" + from + "->" + at);
                }
                case 2, 3, 4 -> {
                    String t = tokens[random.nextInt(tokens.length)];
                    // most tokens as UTF-8; some chars as a single byte, which is not UTF-8
                    byte[] bytes = t.length() == 1 && t.charAt(0) >= 0x80 && random.nextBoolean()
                            ? new byte[] {(byte) t.charAt(0)} : t.getBytes(StandardCharsets.UTF_8);
                    b = splice(b, at, 0, bytes);
                    how.add("insert " + printable(t) + "@" + at);
                }
                case 5 -> {
                    if (b.length > 0) {
                        int i = random.nextInt(b.length);
                        b = b.clone();
                        b[i] = (byte) random.nextInt(256);
                        how.add("byte@" + i);
                    }
                }
                case 6 -> {
                    int[] line = line(b, at);
                    int times = 2 + random.nextInt(300);
                    byte[] one = Arrays.copyOfRange(b, line[0], line[1]);
                    byte[] many = new byte[one.length * times];
                    for (int k = 0; k < times; k++) System.arraycopy(one, 0, many, k * one.length, one.length);
                    b = splice(b, line[1], 0, many);
                    how.add("repeat line@" + line[0] + " x" + times);
                }
                case 7 -> {
                    int depth = 1 + random.nextInt(120);
                    String open = random.nextBoolean() ? "(" : random.nextBoolean() ? "[" : "{";
                    b = splice(b, at, 0, open.repeat(depth).getBytes(StandardCharsets.UTF_8));
                    how.add("nest " + open + "x" + depth + "@" + at);
                }
                case 8 -> {
                    int[] line = line(b, at);
                    byte[] moved = Arrays.copyOfRange(b, line[0], line[1]);
                    b = splice(b, line[0], line[1] - line[0], new byte[0]);
                    b = splice(b, b.length == 0 ? 0 : random.nextInt(b.length + 1), 0, moved);
                    how.add("move line@" + line[0]);
                }
                default -> {
                    b = Arrays.copyOf(b, Math.min(at, b.length));
                    how.add("truncate@" + at);
                }
            }
        }
        // bounded: a mutant may grow, but not without end
        int max = seed.bytes().length * 4 + 64 * 1024;
        if (b.length > max) {
            b = Arrays.copyOf(b, max);
            how.add("cut@" + max);
        }
        return new Mutant(seed, b, String.join(", ", how));
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        at = Math.min(at, b.length);
        remove = Math.min(remove, b.length - at);
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    /** Start and end (after its '\n') of the line holding offset {@code at}. */
    private static int[] line(byte[] b, int at) {
        int s = Math.min(at, b.length);
        while (s > 0 && b[s - 1] != '\n') s--;
        int e = Math.min(at, b.length);
        while (e < b.length && b[e] != '\n') e++;
        if (e < b.length) e++;
        return new int[] {s, e};
    }

    private static String printable(String t) {
        StringBuilder out = new StringBuilder();
        t.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x2000 ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }

    // ---- checks

    private record Cost(long allocated, long cpu) {
    }

    /** The Python front end's work on one file, counted on this thread: what every file rule builds on. */
    private static Cost frontEnd(byte[] bytes) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long alloc = threads.getThreadAllocatedBytes(id);
        long cpu = threads.getCurrentThreadCpuTime();
        PythonFile f = PythonFiles.parse("pkg/mod.py", "pkg.mod", false, bytes);
        f.syntaxProblems();
        f.imports();
        f.definitions();
        f.comments();
        f.names();
        f.spelledNames();
        return new Cost(threads.getThreadAllocatedBytes(id) - alloc, threads.getCurrentThreadCpuTime() - cpu);
    }

    private void checkCost(Mutant m) throws IOException {
        byte[] original = m.seed().bytes();
        frontEnd(original);                  // warm, so that the first file does not pay for the JIT
        Cost before = cheapest(original);
        Cost after;
        try {
            after = cheapest(m.bytes());
        } catch (RuntimeException | StackOverflowError e) {
            fail(m, "the Python front end threw " + e);
            return;
        }
        double scale = Math.max(1, m.bytes().length) / (double) Math.max(1, original.length);
        double allocation = after.allocated() / Math.max(ALLOCATION_FLOOR / ALLOCATION_FACTOR, before.allocated() * scale);
        double cpu = after.cpu() / Math.max(CPU_FLOOR_NANOS / CPU_FACTOR, before.cpu() * scale);
        if (allocation > worstAllocation || cpu > worstCpu) worstFile = m.seed().file().getFileName() + " [" + m.how() + "]";
        worstAllocation = Math.max(worstAllocation, allocation);
        worstCpu = Math.max(worstCpu, cpu);
        if (allocation > ALLOCATION_FACTOR || cpu > CPU_FACTOR) {
            fail(m, String.format(Locale.ROOT, "costs %.1fx the allocation and %.1fx the CPU time per byte of its unmutated file", allocation, cpu));
        }
    }

    /** The cheaper of two measurements: a collection or a compilation on the way costs time the file did not. */
    private static Cost cheapest(byte[] bytes) {
        Cost a = frontEnd(bytes);
        Cost b = frontEnd(bytes);
        return new Cost(Math.min(a.allocated(), b.allocated()), Math.min(a.cpu(), b.cpu()));
    }

    /** A project of mutants: each Python mutant a module of its own, each config mutant in a directory with a test. */
    private void checkBatch(int batch, List<Mutant> python, List<Mutant> configs) throws IOException {
        Path root = Files.createDirectories(work.resolve("batch" + batch));
        Files.createDirectories(root.resolve(".git"));
        List<Mutant> placed = new ArrayList<>();
        for (int i = 0; i < python.size(); i++) {
            String name = i % 3 == 0 ? "tests/test_m" + i + ".py" : "pkg/m" + i + ".py";
            write(root.resolve(name), python.get(i).bytes());
            placed.add(python.get(i));
        }
        write(root.resolve("pkg/__init__.py"), new byte[0]);
        for (int i = 0; i < configs.size(); i++) {
            Path dir = root.resolve("c" + i);
            write(dir.resolve(configs.get(i).seed().kind()), configs.get(i).bytes());
            write(dir.resolve("test_c.py"), "import pytest\n\n@pytest.mark.slow\nasync def test_c():\n    pass\n".getBytes(StandardCharsets.UTF_8));
            placed.add(configs.get(i));
        }
        String context = "batch " + batch + " (" + root + ")";
        Runs.Run one = run(context, placed, "check", root.toString(), "--format", "json", "--threads", "1", "--extend-select", "LG105,LG214");
        Runs.Run two = run(context, placed, "check", root.toString(), "--format", "json", "--threads", "2", "--extend-select", "LG105,LG214");
        if (one != null && two != null && !one.out().equals(two.out())) {
            failBatch(context, placed, "output differs between 1 and 2 threads");
        }
        run(context, placed, "check", root.toString(), "--format", "text", "--threads", "2");
    }

    private void checkSettings(int i, Mutant m) throws IOException {
        Path root = Files.createDirectories(work.resolve("settings" + i));
        Files.createDirectories(root.resolve(".git"));
        write(root.resolve("lintgate.toml"), m.bytes());
        write(root.resolve("app.py"), "from collections import OrderedDict\nx: OrderedDict = OrderedDict()\n".getBytes(StandardCharsets.UTF_8));
        run("settings " + i + " (" + root + ")", List.of(m), "check", root.toString(), "--format", "concise");
    }

    private Runs.Run run(String context, List<Mutant> placed, String... args) throws IOException {
        runs++;
        Runs.Run r;
        try {
            r = Runs.inProcess(args);
        } catch (AssertionError e) {
            failBatch(context, placed, e.getMessage().lines().findFirst().orElse("") + " — " + String.join(" ", args));
            return null;
        }
        exits.merge(r.exit(), 1, Integer::sum);
        if (r.exit() == 2 && r.err().startsWith("lintgate: internal error")) {
            failBatch(context, placed, r.err().strip());
        }
        return r;
    }

    private void fail(Mutant m, String what) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Path saved = dir.resolve("seed" + seed + "-" + failures.size() + "-" + m.seed().file().getFileName());
        Files.write(saved, m.bytes());
        failures.add(m.seed().file() + " [" + m.how() + "]: " + what + " (mutant saved as " + saved + ")");
    }

    private void failBatch(String context, List<Mutant> placed, String what) throws IOException {
        // every mutant of the batch is kept: the failing one is among them
        for (Mutant m : placed) {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures", "seed" + seed + "-" + failures.size()));
            Files.write(dir.resolve(placed.indexOf(m) + "-" + m.seed().file().getFileName()), m.bytes());
        }
        failures.add(context + ": " + what + " (its mutants saved under target/fuzz-failures/seed" + seed + "-" + failures.size() + ")");
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }
}
