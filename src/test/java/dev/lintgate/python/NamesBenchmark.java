package dev.lintgate.python;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of the name-resolution model (decode + tokenize + scan + names) on a corpus, one thread, and the
 * slowest files. Not a test: {@code java -cp target/classes:target/test-classes dev.lintgate.python.NamesBenchmark [dir]}.
 * Any exception out of the model is counted and printed: the model must never throw. Prints the thread's CPU time
 * beside wall time: the machine may be shared, and CPU time is what another process cannot inflate much.
 */
public final class NamesBenchmark {
    private NamesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ScannerBenchmark.pythonStdlib());
        List<Path> paths = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))::iterator) {
                byte[] b = Files.readAllBytes(p);
                paths.add(p);
                files.add(b);
                bytes += b.length;
            }
        }
        System.out.printf("corpus: %d files, %.1f MB%n", files.size(), bytes / 1e6);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long scan = 0;
            long names = 0;
            long scanCpu = 0;
            long namesCpu = 0;
            long uses = 0;
            int errors = 0;
            long worst = 0;
            Path worstPath = null;
            for (int i = 0; i < files.size(); i++) {
                long ca = cpu.getCurrentThreadCpuTime();
                long a = System.nanoTime();
                PythonFile f = PythonFiles.parse("m.py", "pkg.m", false, files.get(i));
                f.imports();
                long b = System.nanoTime();
                long cb = cpu.getCurrentThreadCpuTime();
                try {
                    uses += f.names().uses().size();
                } catch (RuntimeException | StackOverflowError e) {
                    errors++;
                    System.out.println("internal error in " + paths.get(i) + ": " + e);
                }
                long c = System.nanoTime();
                long cc = cpu.getCurrentThreadCpuTime();
                scan += b - a;
                names += c - b;
                scanCpu += cb - ca;
                namesCpu += cc - cb;
                if (c - b > worst) {
                    worst = c - b;
                    worstPath = paths.get(i);
                }
            }
            System.out.printf("round %d: scan %.2f s, names %.2f s (CPU: scan %.2f s, names %.2f s) (%d uses, %d internal"
                    + " errors); slowest %s %.0f ms%n", round, scan / 1e9, names / 1e9, scanCpu / 1e9, namesCpu / 1e9,
                    uses, errors, worstPath, worst / 1e6);
        }
    }
}
