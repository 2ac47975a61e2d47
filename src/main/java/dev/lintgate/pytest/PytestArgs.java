package dev.lintgate.pytest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pytest argument list understood the way pytest's argparse sees it, for the options that matter to
 * configuration: positional paths, {@code -c}, {@code --rootdir}, {@code -o}, {@code -p}, {@code -m}, the strict
 * flags and pytest-asyncio's {@code --asyncio-mode}. Other core options that take a value are known only so that
 * their values are not taken for paths.
 */
public record PytestArgs(List<String> args, List<String> positional, String configFile, String rootdir,
                         List<String> overrides, List<String> plugins, String asyncioMode, String markExpression,
                         boolean strictMarkers, boolean strictConfig, boolean strict, List<String> overrideActions,
                         List<String> overrideFlags) {

    private static final Set<String> LONG_WITH_VALUE = Set.of("--assert", "--basetemp", "--capture",
            "--code-highlight", "--color", "--confcutdir", "--config-file", "--deselect", "--doctest-glob",
            "--doctest-report", "--durations", "--durations-min", "--ignore", "--ignore-glob", "--import-mode",
            "--junit-prefix", "--junit-xml", "--junitprefix", "--junitxml", "--last-failed-no-failures", "--lfnf",
            "--log-auto-indent", "--log-cli-date-format", "--log-cli-format", "--log-cli-level", "--log-date-format",
            "--log-disable", "--log-file", "--log-file-date-format", "--log-file-format", "--log-file-level",
            "--log-file-mode", "--log-format", "--log-level", "--maxfail", "--override-ini", "--pastebin",
            "--pdbcls", "--pythonwarnings", "--rootdir", "--show-capture", "--tb", "--verbosity",
            "--asyncio-mode");
    private static final String SHORT_WITH_VALUE = "Wckmopr";

    public PytestArgs {
        args = List.copyOf(args);
        positional = List.copyOf(positional);
        overrides = List.copyOf(overrides);
        plugins = List.copyOf(plugins);
        overrideActions = List.copyOf(overrideActions);
        overrideFlags = List.copyOf(overrideFlags);
    }

    public static PytestArgs parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        // pytest 9 turns the strict flags into -o overrides, in argument order with the real -o's
        List<String> actions = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        String configFile = null;
        String rootdir = null;
        String asyncioMode = null;
        String markExpr = null;
        boolean strictMarkers = false;
        boolean strictConfig = false;
        boolean strict = false;
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name;
            String value = null;
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                name = eq < 0 ? a : a.substring(0, eq);
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (LONG_WITH_VALUE.contains(name) && i + 1 < args.size()) {
                    value = args.get(++i);
                }
            } else {
                // a cluster of short flags; the first one that takes a value eats the rest or the next word
                name = null;
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (SHORT_WITH_VALUE.indexOf(c) >= 0) {
                        name = "-" + c;
                        String rest = a.substring(j + 1);
                        if (rest.startsWith("=")) rest = rest.substring(1);
                        if (!rest.isEmpty()) {
                            value = rest;
                        } else if (i + 1 < args.size()) {
                            value = args.get(++i);
                        }
                        break;
                    }
                }
                if (name == null) continue;
            }
            switch (name) {
                case "-c", "--config-file" -> configFile = value;
                case "--rootdir" -> rootdir = value;
                case "-o", "--override-ini" -> {
                    if (value != null) {
                        overrides.add(value);
                        actions.add(value);
                        flags.add("-o");
                    }
                }
                case "-p" -> { if (value != null) plugins.add(value); }
                case "-m" -> markExpr = value;
                case "--asyncio-mode" -> asyncioMode = value;
                case "--strict-markers" -> {
                    strictMarkers = true;
                    actions.add("strict_markers=true");
                    flags.add("--strict-markers");
                }
                case "--strict-config" -> {
                    strictConfig = true;
                    actions.add("strict_config=true");
                    flags.add("--strict-config");
                }
                case "--strict" -> {
                    strict = true;
                    actions.add("strict=true");
                    flags.add("--strict");
                }
                default -> { }
            }
        }
        return new PytestArgs(args, positional, configFile, rootdir, overrides, plugins, asyncioMode, markExpr,
                strictMarkers, strictConfig, strict, actions, flags);
    }

    /** Plugins blocked with {@code -p no:NAME}. */
    public List<String> blockedPlugins() {
        return plugins.stream().filter(p -> p.startsWith("no:")).map(p -> p.substring(3)).toList();
    }

    public Optional<String> override(String key) {
        String found = null;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq >= 0 && o.substring(0, eq).equals(key)) {
                found = o.substring(eq + 1);
            }
        }
        return Optional.ofNullable(found);
    }
}
