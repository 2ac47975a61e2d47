package dev.lintgate.pytest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ini keys (with the type pytest's {@code getini} coerces them to) and markers that pytest itself and the
 * common plugins register. Core keys were dumped from {@code Parser._inidict} of pytest 8.4.2 and 9.1.1; plugin
 * keys were read from each plugin's {@code pytest_addoption} (versions in {@code docs/pytest-config.md}).
 */
public final class PluginCatalog {
    private PluginCatalog() {
    }

    /** A plugin: its distribution name, the name {@code -p no:NAME} blocks, its ini keys and markers. */
    public record Plugin(String distribution, String pluginName, Map<String, String> iniKeys, List<String> markers) {
    }

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
            new Plugin("pytest-asyncio", "asyncio", types("asyncio_mode asyncio_default_fixture_loop_scope "
                    + "asyncio_default_test_loop_scope asyncio_debug=bool"), List.of("asyncio")),
            new Plugin("pytest-timeout", "timeout", types("timeout=float timeout_method timeout_func_only=bool "
                    + "timeout_disable_debugger_detection=bool session_timeout=float"), List.of("timeout")),
            new Plugin("pytest-xdist", "xdist.plugin", types("rsyncdirs=paths rsyncignore=paths looponfailroots=paths"),
                    List.of("xdist_group")),
            new Plugin("pytest-cov", "pytest_cov", Map.of(), List.of("no_cover")),
            new Plugin("pytest-django", "django", types("DJANGO_SETTINGS_MODULE DJANGO_CONFIGURATION "
                    + "django_find_project=bool django_debug_mode FAIL_INVALID_TEMPLATE_VARS=bool"),
                    List.of("django_db", "urls", "ignore_template_errors", "django_isolate_apps")),
            new Plugin("pytest-mock", "pytest_mock", types("mock_traceback_monkeypatch=bool mock_use_standalone_module=bool"),
                    List.of()),
            new Plugin("pytest-env", "env", types("env=linelist env_files=linelist env_files_skip_if_set=bool"), List.of()),
            new Plugin("pytest-rerunfailures", "rerunfailures", types("reruns reruns_delay reruns_delay_backoff_factor"),
                    List.of("flaky")),
            new Plugin("pytest-benchmark", "benchmark", Map.of(), List.of("benchmark")),
            new Plugin("anyio", "anyio", types("anyio_mode"), List.of("anyio")));

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

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return java.util.Collections.unmodifiableMap(m);
    }
}
