package dev.lintgate.pytest;

import dev.lintgate.environment.Release;
import dev.lintgate.environment.Requirement;
import dev.lintgate.environment.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ini keys (with the type pytest's {@code getini} coerces them to) and markers that pytest itself and the
 * common plugins register. Core keys were dumped from {@code Parser._inidict} of pytest 8.4.2 and 9.1.1. A plugin is
 * a distribution that registers a {@code pytest11} entry point, whatever it is called (anyio, hypothesis,
 * time-machine, flaky, syrupy...); each entry below was read from the plugin's own source, at the version and file
 * its comment names (those installed in the oracle venvs were also dumped from a running pytest: entry point names
 * from {@code importlib.metadata}, keys from {@code Parser._inidict}, markers from {@code getini("markers")}).
 * Where a release changed the type of a key, the entry lists the type each release gives it. Command-line options
 * come with how many words argparse gives each: pytest's own were dumped from the argparse parser of 8.4.2 and 9.1.1,
 * the plugins' from their argparse actions in real venvs (pytest-asyncio, -timeout, -xdist, -cov, -mock, -benchmark,
 * anyio, hypothesis) or read from their {@code pytest_addoption} (pytest-django, pytest-rerunfailures).
 */
public final class PluginCatalog {
    private PluginCatalog() {
    }

    /**
     * A plugin: its distribution name, the entry point name {@code -p no:NAME} blocks, its ini keys, markers and
     * command-line options, the catalog plugins it installs as dependencies, and the releases that gave a key another
     * type.
     */
    public record Plugin(String distribution, String pluginName, Map<String, String> iniKeys, List<String> markers,
                         Map<String, Arity> options, List<String> requires, List<TypesAt> typeHistory) {

        public Plugin(String distribution, String pluginName, Map<String, String> iniKeys, List<String> markers) {
            this(distribution, pluginName, iniKeys, markers, Map.of(), List.of(), List.of());
        }

        /** Its command-line options, as {@link #arities} spells them. */
        public Plugin withOptions(String spec) {
            return new Plugin(distribution, pluginName, iniKeys, markers, arities(spec), requires, typeHistory);
        }

        /** The catalog plugins this one depends on, which are installed with it. */
        public Plugin requiring(String... distributions) {
            return new Plugin(distribution, pluginName, iniKeys, markers, options, List.of(distributions), typeHistory);
        }

        /** From {@code release} on, the keys of {@code spec} have these types (until a later entry says otherwise). */
        public Plugin typedFrom(Release release, String spec) {
            List<TypesAt> history = new ArrayList<>(typeHistory);
            history.add(new TypesAt(release, types(spec)));
            return new Plugin(distribution, pluginName, iniKeys, markers, options, requires, List.copyOf(history));
        }

        /** The releases whose key types the catalog knows, oldest first; empty when no release changed a type. */
        public List<Release> releases() {
            return typeHistory.stream().map(TypesAt::release).toList();
        }

        /**
         * The type a release gives a key: the newest history entry at or below the release that names it (the
         * oldest entry for releases before all of them), else {@link #iniKeys}.
         */
        public String typeAt(String key, Version version) {
            String type = null;
            for (TypesAt t : typeHistory) {
                if (!t.types().containsKey(key)) continue;
                if (type == null || t.release().version().compareTo(version) <= 0) type = t.types().get(key);
            }
            return type != null ? type : iniKeys.getOrDefault(key, "string");
        }
    }

    /** The getini types of some keys from a release on. */
    public record TypesAt(Release release, Map<String, String> types) {
    }

    /**
     * How many of the following words argparse gives an option: none (a flag: store_true, count, store_const...),
     * exactly one (store and append, nargs unset), one if the next word is not an option ({@code nargs="?"}), one
     * or more ({@code "+"}), any number ({@code "*"}).
     */
    public enum Arity { NONE, ONE, OPTIONAL, ONE_OR_MORE, ANY }

    // argparse's actions as pytest 8.4.2 builds them, dumped option by option; -h and --help print and exit
    private static final Map<String, Arity> CORE_OPTIONS_8 = arities(
            "-k=1 -m=1 --markers -x --exitfirst --maxfail=1 --strict-config --strict-markers --strict -W=1 "
            + "--pythonwarnings=1 --collectonly --collect-only --co --pyargs --ignore=1 --ignore-glob=1 --deselect=1 "
            + "--confcutdir=1 --noconftest --keepduplicates --keep-duplicates --collect-in-virtualenv "
            + "--continue-on-collection-errors --import-mode=1 -c=1 --config-file=1 --rootdir=1 --basetemp=1 "
            + "--durations=1 --durations-min=1 --fixtures --funcargs --fixtures-per-test -V --version -h --help -p=1 "
            + "--disable-plugin-autoload --traceconfig --trace-config --debug=? -o=1 --override-ini=1 -v --verbose "
            + "--no-header --no-summary --no-fold-skipped --force-short-summary -q --quiet --verbosity=1 -r=1 "
            + "--disable-warnings --disable-pytest-warnings -l --showlocals --no-showlocals --tb=1 --xfail-tb "
            + "--show-capture=1 --fulltrace --full-trace --color=1 --code-highlight=1 --pdb --pdbcls=1 --trace "
            + "--capture=1 -s --runxfail --pastebin=1 --assert=1 --junitxml=1 --junit-xml=1 --junitprefix=1 "
            + "--junit-prefix=1 --doctest-modules --doctest-report=1 --doctest-glob=1 --doctest-ignore-import-errors "
            + "--doctest-continue-on-failure --lf --last-failed --ff --failed-first --nf --new-first --cache-show=? "
            + "--cache-clear --lfnf=1 --last-failed-no-failures=1 --setuponly --setup-only --setupshow --setup-show "
            + "--setupplan --setup-plan --sw --stepwise --sw-skip --stepwise-skip --sw-reset --stepwise-reset "
            + "--log-level=1 --log-format=1 --log-date-format=1 --log-cli-level=1 --log-cli-format=1 "
            + "--log-cli-date-format=1 --log-file=1 --log-file-mode=1 --log-file-level=1 --log-file-format=1 "
            + "--log-file-date-format=1 --log-auto-indent=1 --log-disable=1");

    private static final Map<String, Arity> CORE_OPTIONS_9 = merge(CORE_OPTIONS_8, arities("--max-warnings=1 --report-chars=1"));

    /** Options only pytester defines, when {@code -p pytester} loads it. */
    public static final Map<String, Arity> PYTESTER_OPTIONS = arities("--runpytest=1");

    private static final Map<String, String> CORE_8 = types(
            "addopts=args cache_dir collect_imported_tests=bool consider_namespace_packages=bool console_output_style "
            + "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=bool doctest_encoding "
            + "doctest_optionflags=args empty_parameter_set_mark enable_assertion_pass_hook=bool faulthandler_timeout "
            + "filterwarnings=linelist junit_duration_report junit_family junit_log_passing_tests=bool junit_logging "
            + "junit_suite_name log_auto_indent log_cli=bool log_cli_date_format log_cli_format log_cli_level "
            + "log_date_format log_file log_file_date_format log_file_format log_file_level log_file_mode log_format "
            + "log_level markers=linelist minversion norecursedirs=args python_classes=args python_files=args "
            + "python_functions=args pythonpath=paths required_plugins=args testpaths=args tmp_path_retention_count "
            + "tmp_path_retention_policy truncation_limit_chars truncation_limit_lines usefixtures=args "
            + "verbosity_assertions verbosity_test_cases xfail_strict=bool");

    private static final Map<String, String> CORE_9 = merge(CORE_8, types(
            "assertion_text_diff_style faulthandler_exit_on_timeout=bool max_warnings strict=bool strict_config=bool "
            + "strict_markers=bool strict_parametrization_ids=bool strict_xfail=bool verbosity_subtests"));

    /** The keys that only mean something from pytest 9.0 on; earlier they are unknown keys that enforce nothing. */
    public static final Set<String> STRICT_KEYS_9 =
            Set.of("strict", "strict_config", "strict_markers", "strict_xfail", "strict_parametrization_ids");

    /** Markers pytest registers itself. */
    public static final List<String> CORE_MARKERS =
            List.of("skip", "skipif", "xfail", "parametrize", "usefixtures", "filterwarnings", "tryfirst", "trylast");

    public static final List<Plugin> PLUGINS = List.of(
            // pytest-asyncio 1.4.0, pytest_asyncio/plugin.py: pytest_addoption, pytest_configure
            new Plugin("pytest-asyncio", "asyncio", types("asyncio_mode asyncio_default_fixture_loop_scope "
                    + "asyncio_default_test_loop_scope asyncio_debug=bool"), List.of("asyncio"))
                    .withOptions("--asyncio-mode=1 --asyncio-debug"),
            // pytest-timeout 2.4.0, pytest_timeout.py: pytest_addoption registers timeout and session_timeout without
            // a type (string); 2.5.0 registered both as float (pytest-timeout#200) and was yanked (#203), so only a
            // pin to ==2.5.0 or a lock from before the yank installs it
            new Plugin("pytest-timeout", "timeout", types("timeout timeout_method timeout_func_only=bool "
                    + "timeout_disable_debugger_detection=bool session_timeout"), List.of("timeout"))
                    .typedFrom(Release.of("2.4.0"), "timeout session_timeout")
                    .typedFrom(Release.yanked("2.5.0"), "timeout=float session_timeout=float")
                    .withOptions("--timeout=1 --timeout_method=1 --timeout-method=1 --timeout-disable-debugger-detection "
                            + "--session-timeout=1"),
            // pytest-xdist 3.8.0, xdist/plugin.py (entry point "xdist"; "xdist.looponfail" is its second one)
            new Plugin("pytest-xdist", "xdist", types("rsyncdirs=paths rsyncignore=paths looponfailroots=paths"),
                    List.of("xdist_group"))
                    .withOptions("-n=1 --numprocesses=1 --maxprocesses=1 --max-worker-restart=1 --dist=1 "
                            + "--loadscope-reorder --no-loadscope-reorder --tx=1 --px=1 -d --rsyncdir=1 --rsyncignore=1 "
                            + "--testrunuid=1 --maxschedchunk=1 -f --looponfail"),
            // pytest-cov 7.1.0, pytest_cov/plugin.py
            new Plugin("pytest-cov", "pytest_cov", Map.of(), List.of("no_cover"))
                    .withOptions("--cov=? --cov-reset --cov-report=1 --cov-config=1 --no-cov-on-fail --no-cov "
                            + "--cov-fail-under=1 --cov-append --cov-branch --cov-precision=1 --cov-context=1"),
            // pytest-django 4.14.0, pytest_django/plugin.py
            new Plugin("pytest-django", "django", types("DJANGO_SETTINGS_MODULE DJANGO_CONFIGURATION "
                    + "django_find_project=bool django_debug_mode FAIL_INVALID_TEMPLATE_VARS=bool"),
                    List.of("django_db", "urls", "ignore_template_errors", "django_isolate_apps"))
                    .withOptions("--reuse-db --create-db --ds=1 --dc=1 --nomigrations --no-migrations --migrations "
                            + "--liveserver=1 --fail-on-template-vars"),
            // pytest-mock 3.16.0, pytest_mock/plugin.py: both keys have a bool default but no type, so a string
            new Plugin("pytest-mock", "pytest_mock", types("mock_traceback_monkeypatch mock_use_standalone_module"),
                    List.of()),
            // pytest-env 1.7.0, pytest_env/plugin.py
            new Plugin("pytest-env", "env", types("env=linelist env_files=linelist env_files_skip_if_set=bool"), List.of()),
            // pytest-rerunfailures 16.6, pytest_rerunfailures.py
            new Plugin("pytest-rerunfailures", "rerunfailures", types("reruns reruns_delay reruns_delay_backoff_factor"),
                    List.of("flaky"))
                    .withOptions("--force-reruns=1 --only-rerun=1 --reruns=1 --reruns-delay=1 "
                            + "--reruns-delay-backoff-factor=1 --rerun-except=1 --reruns-mode=1 --fail-on-flaky "
                            + "--rerun-show-tracebacks --max-suite-reruns=1"),
            // pytest-benchmark 5.3.0, pytest_benchmark/plugin.py: options only, the marker from pytest_configure
            new Plugin("pytest-benchmark", "benchmark", Map.of(), List.of("benchmark"))
                    .withOptions("--benchmark-min-time=1 --benchmark-max-time=1 --benchmark-min-rounds=1 "
                            + "--benchmark-precision=1 --benchmark-confidence=1 --benchmark-timer=1 "
                            + "--benchmark-calibration-precision=1 --benchmark-warmup=? --benchmark-warmup-iterations=1 "
                            + "--benchmark-disable-gc --benchmark-skip --benchmark-disable --benchmark-enable "
                            + "--benchmark-only --benchmark-save=1 --benchmark-autosave --benchmark-save-data "
                            + "--benchmark-json=1 --benchmark-compare=? --benchmark-compare-fail=+ --benchmark-cprofile=1 "
                            + "--benchmark-cprofile-loops=1 --benchmark-cprofile-top=1 --benchmark-cprofile-dump=? "
                            + "--benchmark-storage=1 --benchmark-netrc=? --benchmark-verbose --benchmark-quiet "
                            + "--benchmark-sort=1 --benchmark-group-by=1 --benchmark-columns=1 --benchmark-name=1 "
                            + "--benchmark-time-unit=1 --benchmark-histogram=?"),
            // anyio 4.15.1, anyio/pytest_plugin.py (auto-loaded wherever anyio is installed)
            new Plugin("anyio", "anyio", types("anyio_mode"), List.of("anyio"))
                    .withOptions("--anyio-mode=1"),
            // hypothesis 6.168.3, _hypothesis_pytestplugin.py
            new Plugin("hypothesis", "hypothesispytest", Map.of(), List.of("hypothesis"))
                    .withOptions("--hypothesis-profile=1 --hypothesis-verbosity=1 --hypothesis-show-statistics "
                            + "--hypothesis-seed=1 --hypothesis-explain"),
            // time-machine 3.5.1, time_machine/__init__.py: pytest_configure
            new Plugin("time-machine", "time_machine", Map.of(), List.of("time_machine")),
            // pytest-aiohttp 1.1.x, pytest_aiohttp/plugin.py and setup.cfg (install_requires pytest-asyncio)
            new Plugin("pytest-aiohttp", "aiohttp", Map.of(), List.of()).requiring("pytest-asyncio"),
            // pytest-codspeed 4.x, src/pytest_codspeed/plugin.py: options only; both markers from pytest_configure
            new Plugin("pytest-codspeed", "codspeed", Map.of(), List.of("codspeed_benchmark", "benchmark")),
            // pytest-examples 0.0.x, pytest_examples/__init__.py: options only
            new Plugin("pytest-examples", "examples", Map.of(), List.of()),
            // pytest-pretty 1.x, pytest_pretty/__init__.py: replaces the terminal reporter, registers nothing
            new Plugin("pytest-pretty", "pretty", Map.of(), List.of()),
            // pytest-run-parallel 0.7.x, src/pytest_run_parallel/plugin.py
            new Plugin("pytest-run-parallel", "run-parallel", types("thread_unsafe_fixtures=linelist "
                    + "thread_unsafe_functions=linelist"), List.of("parallel_threads", "iterations", "thread_unsafe")),
            // pytest-memray 1.x, src/pytest_memray/plugin.py and marks.py (the markers of its newest marks.py)
            new Plugin("pytest-memray", "memray", types("memray=bool hide_memray_summary=bool stacks native=bool "
                    + "most_allocations"), List.of("limit_memory", "limit_leaks", "track_leaked_objects", "get_leaked_objects")),
            // flaky 3.8, flaky/flaky_pytest_plugin.py: options only; @pytest.mark.flaky is read, listed here too
            new Plugin("flaky", "flaky", Map.of(), List.of("flaky")),
            // syrupy 4.x, src/syrupy/__init__.py: options only
            new Plugin("syrupy", "syrupy", Map.of(), List.of()),
            // pytest-randomly 3.x/4.x, src/pytest_randomly/__init__.py: options only
            new Plugin("pytest-randomly", "randomly", Map.of(), List.of()),
            // pytest-sugar 1.x, pytest_sugar.py: options only
            new Plugin("pytest-sugar", "sugar", Map.of(), List.of()),
            // pytest-github-actions-annotate-failures 0.x, plugin.py: one option
            new Plugin("pytest-github-actions-annotate-failures", "pytest_github_actions_annotate_failures", Map.of(), List.of()),
            // inline-snapshot 0.x, src/inline_snapshot/pytest_plugin.py: options; settings live in [tool.inline-snapshot]
            new Plugin("inline-snapshot", "inline_snapshot", Map.of(), List.of()));

    /** pytest's own command-line options and their arities for a version. */
    public static Map<String, Arity> coreOptions(PytestVersion version) {
        return version.hasNativeToml() ? CORE_OPTIONS_9 : CORE_OPTIONS_8;
    }

    /** pytest's own ini keys and their getini types for a version. */
    public static Map<String, String> coreKeys(PytestVersion version) {
        return version.hasNativeToml() ? CORE_9 : CORE_8;
    }

    /** The catalog plugin of a distribution, by its PEP 503 name. */
    public static Optional<Plugin> plugin(String distribution) {
        String d = Requirement.normalise(distribution);
        return PLUGINS.stream().filter(p -> p.distribution().equals(d)).findFirst();
    }

    /** The catalog plugin that registers an ini key, if any. */
    public static Optional<Plugin> pluginForKey(String key) {
        return PLUGINS.stream().filter(p -> p.iniKeys().containsKey(key)).findFirst();
    }

    /** Whether a distribution name looks like a pytest plugin's ({@code pytest-foo}, {@code pytest_foo}). */
    public static boolean looksLikePlugin(String distribution) {
        String d = Requirement.normalise(distribution);
        return d.startsWith("pytest-") && !d.equals("pytest-runner");
    }

    private static Map<String, String> types(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : spec.trim().split("\\s+")) {
            int eq = item.indexOf('=');
            m.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? "string" : item.substring(eq + 1));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** "--cov=? -n=1 --no-cov": a bare name is a flag, else the arity after "=" (1, ?, +, *). */
    private static Map<String, Arity> arities(String spec) {
        Map<String, Arity> m = new LinkedHashMap<>();
        for (String item : spec.trim().split("\\s+")) {
            int eq = item.indexOf('=');
            m.put(eq < 0 ? item : item.substring(0, eq), eq < 0 ? Arity.NONE : switch (item.substring(eq + 1)) {
                case "1" -> Arity.ONE;
                case "?" -> Arity.OPTIONAL;
                case "+" -> Arity.ONE_OR_MORE;
                case "*" -> Arity.ANY;
                default -> throw new IllegalArgumentException("arity of " + item);
            });
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static <V> Map<String, V> merge(Map<String, V> a, Map<String, V> b) {
        Map<String, V> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return java.util.Collections.unmodifiableMap(m);
    }
}
