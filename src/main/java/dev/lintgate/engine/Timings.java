package dev.lintgate.engine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a run's time went, for {@code LINTGATE_TIMING=1} (eslint's {@code TIMING=1}): wall time of the phases
 * and project facts ({@link #startWall}), and the CPU time, summed over threads, of reading, scanning and each rule
 * ({@link #start}). CPU time, because wall time per task also counts the waits for a core. Off by default, and
 * then every method is a single branch.
 */
public final class Timings {
    public static final Timings OFF = new Timings(false);
    public static final String AFTER_ALL_FILES = " (after all files)";

    private final boolean on;
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    private Timings(boolean on) {
        this.on = on;
    }

    public static Timings fromEnvironment(Map<String, String> env) {
        String v = env.get("LINTGATE_TIMING");
        return v != null && !v.isEmpty() && !v.equals("0") ? new Timings(true) : OFF;
    }

    public boolean enabled() {
        return on;
    }

    /** Starts a CPU-time measurement of the calling thread. */
    public long start() {
        return on ? Cpu.BEAN.getCurrentThreadCpuTime() : 0;
    }

    public void stop(String what, long start) {
        if (on) add(what, Cpu.BEAN.getCurrentThreadCpuTime() - start);
    }

    public long startWall() {
        return on ? System.nanoTime() : 0;
    }

    public void stopWall(String what, long start) {
        if (on) add(what, System.nanoTime() - start);
    }

    /** A holder, so that runs without timings never load the management classes (tens of ms at start-up). */
    private static final class Cpu {
        static final java.lang.management.ThreadMXBean BEAN = java.lang.management.ManagementFactory.getThreadMXBean();
    }

    private void add(String what, long elapsed) {
        nanos.computeIfAbsent(what, k -> {
            synchronized (order) {
                order.add(k);
            }
            return new LongAdder();
        }).add(elapsed);
    }

    /** The table, in first-seen order: phases first, then the per-file work as it happened. */
    public void print(PrintWriter err) {
        if (!on) return;
        List<String> keys;
        synchronized (order) {
            keys = new ArrayList<>(order);
        }
        int width = keys.stream().mapToInt(String::length).max().orElse(10);
        err.printf("%-" + width + "s  %10s%n", "lintgate timing", "ms");
        for (String k : keys) {
            if (k.endsWith(AFTER_ALL_FILES) && nanos.get(k).sum() < 1_000_000) continue;   // most rules have no such step
            err.printf("%-" + width + "s  %10.1f%n", k, nanos.get(k).sum() / 1e6);
        }
        err.flush();
    }
}
