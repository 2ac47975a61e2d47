package dev.lintgate.python;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Throughput of decode + tokenize + statement scan on a corpus (default: the stdlib and site-packages of
 * {@code python3}), on 1 and 2 threads. Not a test: run with
 * {@code java -cp target/classes:target/test-classes dev.lintgate.python.ScannerBenchmark [dir...]}. Prints the
 * CPU time of the worker threads beside wall time: the machine may be shared, and CPU time is what another process
 * cannot inflate much.
 */
public final class ScannerBenchmark {
    private ScannerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a));
        }
        if (roots.isEmpty()) {
            roots.add(Path.of(pythonStdlib()));
        }
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p))::iterator) {
                    byte[] b = Files.readAllBytes(p);
                    files.add(b);
                    bytes += b.length;
                }
            }
        }
        System.out.printf("corpus: %d files, %.1f MB%n", files.size(), bytes / 1e6);
        for (int threads : new int[] {1, 2}) {
            for (int round = 0; round < 4; round++) {
                long start = System.nanoTime();
                AtomicLong cpuNanos = new AtomicLong();
                long imports = run(files, threads, cpuNanos);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = cpuNanos.get() / 1e9;
                System.out.printf("%d thread(s), round %d: %.2f s, %.1f MB/s, %.0f files/s; CPU %.2f s, %.1f MB/s per"
                        + " CPU second (%d imports + definitions)%n", threads, round, seconds, bytes / 1e6 / seconds,
                        files.size() / seconds, cpuSeconds, bytes / 1e6 / cpuSeconds, imports);
            }
        }
    }

    private static long run(List<byte[]> files, int threads, AtomicLong cpuNanos) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    long count = 0;
                    for (int i = first; i < files.size(); i += threads) {
                        PythonFile f = PythonFiles.parse("m.py", "pkg.m", false, files.get(i));
                        count += f.imports().size() + f.definitions().size();
                    }
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    static String pythonStdlib() throws IOException, InterruptedException {
        String python = System.getenv().getOrDefault("LINTGATE_PYTHON", "python3");
        Process p = new ProcessBuilder(python, "-c", "import sysconfig;print(sysconfig.get_paths()['stdlib'])").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out;
    }
}
