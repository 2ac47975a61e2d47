package dev.lintgate.pytest;

import dev.lintgate.commands.Words;
import dev.lintgate.pytest.PluginCatalog.Arity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pytest argument list read the way pytest reads it: {@code -p} as {@code PytestPluginManager.consider_preparse}
 * scans it, everything else as pytest's argparse parser ({@code allow_abbrev=False}, {@code fromfile_prefix_chars="@"})
 * splits it, with each option's arity from {@link CommandLineOptions}. So {@code -n logical}, {@code --dist loadgroup}
 * and {@code --cov src} are options with their values, never paths.
 *
 * <p>What it cannot know it says. An option no table knows ({@link #unknownOptions}) may or may not take the words
 * after it: they are read as its values, and listed in {@link #ambiguous} because each may instead be a path. A word
 * whose text is unknown ({@link Words#unknown}, such as an unexpanded variable) is harmless where an option's value
 * goes, but where a path or an option may go, or when it may stand for several words, nothing about the run's
 * paths is known: {@link #unbounded} says why.
 */
public record PytestArgs(List<String> args, List<String> positional, String configFile, String rootdir,
                         List<String> overrides, List<String> plugins, String asyncioMode, String markExpression,
                         boolean strictMarkers, boolean strictConfig, boolean strict, List<String> overrideActions,
                         List<String> overrideFlags, boolean pyargs, List<String> unknownOptions, List<String> ambiguous,
                         String unbounded, String usageError) {

    // argparse takes these for positionals when no option looks like a negative number (none in pytest)
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");

    public PytestArgs {
        args = List.copyOf(args);
        positional = List.copyOf(positional);
        overrides = List.copyOf(overrides);
        plugins = List.copyOf(plugins);
        overrideActions = List.copyOf(overrideActions);
        overrideFlags = List.copyOf(overrideFlags);
        unknownOptions = List.copyOf(unknownOptions);
        ambiguous = List.copyOf(ambiguous);
    }

    private static boolean isUnknownWord(String word) {
        return Words.isUnknown(word);
    }

    private static String spelling(String word) {
        return Words.spelling(word);
    }

    /** The arguments read with pytest's own options and every catalog plugin's, for a version. */
    public static PytestArgs parse(List<String> args, PytestVersion version) {
        return parse(args, CommandLineOptions.of(version));
    }

    public static PytestArgs parse(List<String> args, CommandLineOptions options) {
        List<String> plugins = pluginArgs(args);
        Parse p = new Parse(args, options, plugins.stream().filter(x -> x.startsWith("no:")).map(x -> x.substring(3)).toList());
        p.run();
        return new PytestArgs(args, p.positional, p.configFile, p.rootdir, p.overrides, plugins, p.asyncioMode,
                p.markExpr, p.strictMarkers, p.strictConfig, p.strict, p.actions, p.flags, p.pyargs, p.unknownOptions,
                p.ambiguous, p.unbounded, p.usageError);
    }

    /**
     * {@code consider_preparse}: every word that is {@code -p} gives the next word, every other word starting with
     * {@code -p} the rest of itself, stripped ({@code "-p no:asyncio"} as one word blocks asyncio; {@code -p=x}
     * names the plugin "=x").
     */
    private static List<String> pluginArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-p")) {
                if (i + 1 < args.size()) out.add(spelling(args.get(++i)).strip());
            } else if (a.startsWith("-p")) {
                out.add(a.substring(2).strip());
            }
        }
        return out;
    }

    /** One pass of argparse over the words. */
    private static final class Parse {
        final List<String> args;
        final CommandLineOptions options;
        final List<String> blocked;
        final List<String> positional = new ArrayList<>();
        final List<String> overrides = new ArrayList<>();
        // pytest 9 turns the strict flags into -o overrides, in argument order with the real -o's
        final List<String> actions = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
        final List<String> unknownOptions = new ArrayList<>();
        final List<String> ambiguous = new ArrayList<>();
        String configFile;
        String rootdir;
        String asyncioMode;
        String markExpr;
        boolean strictMarkers;
        boolean strictConfig;
        boolean strict;
        boolean pyargs;
        String unbounded;
        String usageError;
        int i;

        Parse(List<String> args, CommandLineOptions options, List<String> blocked) {
            this.args = args;
            this.options = options;
            this.blocked = blocked;
        }

        void run() {
            for (String a : args) {
                // argparse replaces "@file" by the file's lines before it parses anything
                if (a.startsWith("@")) unbound("`" + a + "` reads further arguments from a file");
                if (Words.mayBeSeveral(a)) unbound("`" + spelling(a) + "` may stand for any arguments");
            }
            boolean onlyPositional = false;
            for (i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (isUnknownWord(a)) {
                    unbound("`" + spelling(a) + "` may be a path or an option");
                } else if (onlyPositional || !optionLike(a)) {
                    positional.add(a);
                } else if (a.equals("--")) {
                    // argparse's reading of what follows differs between Python versions (parse_intermixed_args)
                    onlyPositional = true;
                    unbound("lintgate does not follow argparse's reading of `--`");
                } else {
                    option(a);
                }
            }
            if (pyargs && !positional.isEmpty()) unbound("--pyargs makes the arguments module names");
        }

        void unbound(String why) {
            if (unbounded == null) unbounded = why;
        }

        void usage(String why) {
            if (usageError == null) usageError = why;
        }

        /** argparse's {@code _parse_optional}: whether the word is an option (known or not) rather than a positional. */
        boolean optionLike(String a) {
            if (a.length() < 2 || a.charAt(0) != '-') return false;
            if (options.knows(a)) return true;
            int eq = a.indexOf('=');
            if (eq > 0 && options.knows(a.substring(0, eq))) return true;
            if (a.charAt(1) != '-' && options.knows(a.substring(0, 2))) return true;
            if (NEGATIVE_NUMBER.matcher(a).matches()) return false;
            return a.indexOf(' ') < 0;
        }

        void option(String a) {
            String name;
            String explicit = null;
            if (options.knows(a)) {
                name = a;
            } else if (a.indexOf('=') > 0 && options.knows(a.substring(0, a.indexOf('=')))) {
                name = a.substring(0, a.indexOf('='));
                explicit = a.substring(a.indexOf('=') + 1);
            } else if (a.charAt(1) != '-' && options.knows(a.substring(0, 2))) {
                // a short option with its value attached, or the first of a cluster of flags
                name = a.substring(0, 2);
                explicit = a.substring(2);
            } else {
                unknown(a);
                return;
            }
            Optional<PluginCatalog.Plugin> off = options.pluginOf(name).filter(p -> blocked.contains(p.pluginName()));
            if (off.isPresent()) {
                // a blocked plugin never adds its options: argparse does not know them
                usage("unrecognized arguments: " + a + " (" + off.get().distribution() + " is disabled with -p no:"
                        + off.get().pluginName() + ")");
                return;
            }
            while (true) {
                Arity arity = options.arity(name).orElseThrow();
                if (arity == Arity.NONE) {
                    apply(name, null);
                    if (explicit == null) return;
                    // argparse reads "-vx" as -v then -x; "--flag=x" and "-x5" are errors
                    String next = "-" + explicit.charAt(0);
                    if (name.startsWith("--") || !options.knows(next)) {
                        usage("argument " + name + ": ignored explicit argument '" + explicit + "'");
                        return;
                    }
                    name = next;
                    explicit = explicit.length() > 1 ? explicit.substring(1) : null;
                    continue;
                }
                if (explicit != null) {
                    apply(name, explicit);
                    if (arity == Arity.ONE_OR_MORE || arity == Arity.ANY) takeValues();
                    return;
                }
                switch (arity) {
                    case ONE -> {
                        if (nextIsValue()) {
                            apply(name, args.get(++i));
                        } else {
                            usage("argument " + name + ": expected one argument");
                        }
                    }
                    case OPTIONAL -> apply(name, nextIsValue() ? args.get(++i) : null);
                    case ONE_OR_MORE -> {
                        if (!nextIsValue()) usage("argument " + name + ": expected at least one argument");
                        takeValues();
                    }
                    default -> takeValues();
                }
                return;
            }
        }

        /** An option nobody here declares: the plain words after it may be its values or paths. */
        void unknown(String a) {
            unknownOptions.add(a.indexOf('=') > 0 && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a);
            if (a.indexOf('=') > 0 && a.startsWith("--")) return;
            while (nextIsValue()) {
                String w = args.get(++i);
                if (isUnknownWord(w)) {
                    unbound("`" + spelling(w) + "` follows `" + a + "`, which lintgate does not know");
                } else {
                    ambiguous.add(w);
                }
            }
        }

        void takeValues() {
            while (nextIsValue()) i++;
        }

        /** Whether the next word is one argparse hands to an option: it exists and is not option-like. */
        boolean nextIsValue() {
            if (i + 1 >= args.size()) return false;
            String n = args.get(i + 1);
            return isUnknownWord(n) || (!n.equals("--") && !optionLike(n));
        }

        void apply(String name, String value) {
            String v = value == null ? null : spelling(value);
            boolean known = value == null || !isUnknownWord(value);
            switch (name) {
                case "-c", "--config-file" -> {
                    configFile = v;
                    if (!known) unbound("the config file `" + v + "` is not known");
                }
                case "--rootdir" -> {
                    rootdir = v;
                    if (!known) unbound("the rootdir `" + v + "` is not known");
                }
                case "-o", "--override-ini" -> {
                    if (v != null) {
                        overrides.add(v);
                        actions.add(v);
                        flags.add("-o");
                        if (!known) unbound("the override `" + v + "` is not known");
                    }
                }
                case "-m" -> markExpr = v;
                case "--asyncio-mode" -> asyncioMode = v;
                case "--pyargs" -> pyargs = true;
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
    }

    /** Whether every word was understood: no unknown option, no word that may be a path or an option. */
    public boolean understood() {
        return unknownOptions.isEmpty() && unbounded == null;
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
