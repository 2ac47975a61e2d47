package dev.lintgate.cli;

import dev.lintgate.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the real command line in-process and keeps its exit code and both streams. The JVM's working directory is
 * this repository, so an argument {@code @x} stands for {@code dir/x}, absolute.
 */
record Runs(int code, String out, String err) {
    static Runs in(Path dir, String... args) {
        String[] all = args.clone();
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith("@")) all[i] = dir.resolve(all[i].substring(1)).normalize().toString();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Runs(code, out.toString(), err.toString());
    }

    /** The concise findings' "path:line: CODE" heads, without the summary. */
    java.util.List<String> heads() {
        return out.lines().filter(l -> l.matches("[^ ]+:\\d+:\\d+: LG\\d{3} .*"))
                .map(l -> l.replaceFirst("^([^ ]+:\\d+):\\d+: (LG\\d{3}) .*", "$1: $2")).toList();
    }
}
