package dev.lintgate;

import java.lang.management.ManagementFactory;

/**
 * What a piece of work costs, counted rather than timed: the bytes the current thread allocates. A shared CI machine
 * makes wall time too noisy to assert on, but an algorithm that copies its input once per line allocates a multiple
 * of its input that grows with the input, and that shows in one run.
 */
public final class Cost {
    private Cost() {
    }

    public interface Work {
        void run() throws Exception;
    }

    public static long allocatedBytes(Work work) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
