package dev.lintgate.cli;

import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.rules.AllRules;
import org.tomlj.Toml;

/**
 * Warms up, on a second thread, what every check loads cold before its first file: the TOML parser (its tables are
 * built on first use, some 100-200 ms before any JIT), the rule pages and the rule classes. Started at process
 * entry, this work overlaps the command-line parsing and the walk instead of following them. It only loads
 * classes: the rule instances a run uses are made by the run, since rules keep per-run state.
 */
public final class Preload {
    private Preload() {
    }

    public static void start() {
        Thread t = new Thread(() -> {
            Toml.parse("");
            RuleCatalog.bundled();
            AllRules.create();
        }, "lintgate-preload");
        t.setDaemon(true);
        t.start();
    }
}
