package dev.lintgate.pytest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ini keys (with the type pytest's {@code getini} coerces them to), command-line options (with how many words
 * argparse gives each) and markers that pytest itself and the common plugins register. Core keys and options were
 * dumped from pytest 8.4.2 and 9.1.1 ({@code Parser._inidict} and the argparse parser); plugin keys and options were
 * read from each plugin's {@code pytest_addoption} (versions in {@code docs/pytest-config.md}).
 */
public final class PluginCatalog {
    private PluginCatalog() {
    }

    /**
     * A plugin: its distribution name, the name {@code -p no:NAME} blocks, its ini keys, markers and command-line
     * options.
     */
    public record Plugin(String distribution, String pluginName, Map<String, String> iniKeys, List<String> markers,
                         Map<String, Arity> options) {
        public Plugin(String distribution, String pluginName, Map<String, String> iniKeys, List<String> markers) {
            this(distribution, pluginName, iniKeys, markers, Map.of());
        }

        public Plugin withOptions(String spec) {
            return new Plugin(distribution, pluginName, iniKeys, markers, arities(spec));
        }
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

    // options: pytest-asyncio 1.4.0, pytest-timeout 2.4.0, pytest-xdist 3.8.0, pytest-cov 7.1.0, pytest-mock 3.16.0,
    // pytest-benchmark 5.3.0, anyio 4.15.1, hypothesis 6.168.3 dumped from their argparse actions in real venvs;
    // pytest-django 4.x and pytest-rerunfailures 16 read from their pytest_addoption
    public static final List<Plugin> PLUGINS = List.of(
            new Plugin("pytest-asyncio", "asyncio", types("asyncio_mode asyncio_default_fixture_loop_scope "
                    + "asyncio_default_test_loop_scope asyncio_debug=bool"), List.of("asyncio"))
                    .withOptions("--asyncio-mode=1 --asyncio-debug"),
            new Plugin("pytest-timeout", "timeout", types("timeout=float timeout_method timeout_func_only=bool "
                    + "timeout_disable_debugger_detection=bool session_timeout=float"), List.of("timeout"))
                    .withOptions("--timeout=1 --timeout_method=1 --timeout-method=1 --timeout-disable-debugger-detection "
                            + "--session-timeout=1"),
            new Plugin("pytest-xdist", "xdist", types("rsyncdirs=paths rsyncignore=paths looponfailroots=paths"),
                    List.of("xdist_group"))
                    .withOptions("-n=1 --numprocesses=1 --maxprocesses=1 --max-worker-restart=1 --dist=1 "
                            + "--loadscope-reorder --no-loadscope-reorder --tx=1 --px=1 -d --rsyncdir=1 --rsyncignore=1 "
                            + "--testrunuid=1 --maxschedchunk=1 -f --looponfail"),
            new Plugin("pytest-cov", "pytest_cov", Map.of(), List.of("no_cover"))
                    .withOptions("--cov=? --cov-reset --cov-report=1 --cov-config=1 --no-cov-on-fail --no-cov "
                            + "--cov-fail-under=1 --cov-append --cov-branch --cov-precision=1 --cov-context=1"),
            new Plugin("pytest-django", "django", types("DJANGO_SETTINGS_MODULE DJANGO_CONFIGURATION "
                    + "django_find_project=bool django_debug_mode FAIL_INVALID_TEMPLATE_VARS=bool"),
                    List.of("django_db", "urls", "ignore_template_errors", "django_isolate_apps"))
                    .withOptions("--reuse-db --create-db --ds=1 --dc=1 --nomigrations --no-migrations --migrations "
                            + "--liveserver=1 --fail-on-template-vars"),
            new Plugin("pytest-mock", "pytest_mock", types("mock_traceback_monkeypatch=bool mock_use_standalone_module=bool"),
                    List.of()),
            new Plugin("pytest-env", "env", types("env=linelist env_files=linelist env_files_skip_if_set=bool"), List.of()),
            new Plugin("pytest-rerunfailures", "rerunfailures", types("reruns reruns_delay reruns_delay_backoff_factor"),
                    List.of("flaky"))
                    .withOptions("--force-reruns=1 --only-rerun=1 --reruns=1 --reruns-delay=1 "
                            + "--reruns-delay-backoff-factor=1 --rerun-except=1 --reruns-mode=1 --fail-on-flaky "
                            + "--rerun-show-tracebacks --max-suite-reruns=1"),
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
            new Plugin("anyio", "anyio", types("anyio_mode"), List.of("anyio")).withOptions("--anyio-mode=1"),
            new Plugin("hypothesis", "hypothesispytest", Map.of(), List.of("hypothesis"))
                    .withOptions("--hypothesis-profile=1 --hypothesis-verbosity=1 --hypothesis-show-statistics "
                            + "--hypothesis-seed=1 --hypothesis-explain"));

    /** pytest's own command-line options and their arities for a version. */
    public static Map<String, Arity> coreOptions(PytestVersion version) {
        return version.hasNativeToml() ? CORE_OPTIONS_9 : CORE_OPTIONS_8;
    }

    /** pytest's own ini keys and their getini types for a version. */
    public static Map<String, String> coreKeys(PytestVersion version) {
        return version.hasNativeToml() ? CORE_9 : CORE_8;
    }

    public static Optional<Plugin> plugin(String distribution) {
        String d = normalise(distribution);
        return PLUGINS.stream().filter(p -> normalise(p.distribution()).equals(d)).findFirst();
    }

    /** The catalog plugin that registers an ini key, if any. */
    public static Optional<Plugin> pluginForKey(String key) {
        return PLUGINS.stream().filter(p -> p.iniKeys().containsKey(key)).findFirst();
    }

    /** PEP 503 name normalisation: pytest_asyncio, Pytest.Asyncio and pytest-asyncio are one distribution. */
    public static String normalise(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
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
