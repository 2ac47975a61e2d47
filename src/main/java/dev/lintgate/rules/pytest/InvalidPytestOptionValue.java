package dev.lintgate.rules.pytest;

import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.environment.Admitted;
import dev.lintgate.pytest.InstalledPlugins;
import dev.lintgate.pytest.PluginCatalog;
import dev.lintgate.pytest.PytestArgs;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import dev.lintgate.pytest.PytestRun;
import dev.lintgate.pytest.ShellWords;
import dev.lintgate.rules.FindingSink;
import dev.lintgate.rules.PerPytestVersion;
import dev.lintgate.rules.ProjectRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LG203: a value pytest or pytest-asyncio rejects or misreads: an asyncio mode other than exactly auto/strict, a loop
 * scope that is not a pytest scope, an inline comment that iniconfig keeps in the value, a native TOML value of the
 * wrong type, a bool pytest cannot read.
 */
public final class InvalidPytestOptionValue implements ProjectRule {

    static final List<String> SCOPES = List.of("function", "class", "module", "package", "session");
    private static final Set<String> MODES = Set.of("auto", "strict");
    private static final Set<String> LOOP_SCOPE_KEYS = Set.of("asyncio_default_fixture_loop_scope", "asyncio_default_test_loop_scope");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s[#;]");
    /** A suppression comment (noqa, lintgate: ignore) written at the end of the value, where pytest keeps it. */
    private static final Pattern SUPPRESSION = Pattern.compile("(?i)\\s[#;].*(?:\\bnoqa\\b|lintgate:)");

    @Override
    public String code() {
        return "LG203";
    }

    /**
     * Every finding is at a key or value of a pytest config file. Command lines (a noxfile's session, a workflow)
     * change what the rule concludes about a config, never where it reports.
     */
    @Override
    public boolean reportsIn(String path) {
        return PytestConfigFile.mayBe(path);
    }

    @Override
    public void check(ProjectModel project, FindingSink sink) {
        PerPytestVersion.check(project, sink, (model, s) -> check(project, model, s));
    }

    private void check(ProjectModel project, PytestConfigModel model, FindingSink sink) {
        for (PytestConfigFile f : model.liveConfigs()) {
            PytestConfigFile.Load load = model.load(f);
            PytestRun run = model.runFor(f);
            InstalledPlugins installed = model.plugins(run.cwd());
            List<String> blocked = run.fullArgs() == null ? List.of() : run.fullArgs().blockedPlugins();
            Map<String, String> core = PluginCatalog.coreKeys(model.version());
            boolean iniFile = f.ini().isPresent();
            for (PytestOption o : load.options().values()) {
                String key = o.key();
                // the types the key has for pytest and the plugin releases this environment may install; none when
                // nothing installed registers it (an unknown key is LG208's)
                Map<String, List<Admitted>> types = types(key, core, installed, blocked);
                String type = types.isEmpty() ? "string" : types.keySet().iterator().next();
                if (iniFile && o.value() instanceof String s && INLINE_COMMENT.matcher(s).find()) {
                    // pytest keeps inline comments in ini values (iniconfig), so "auto # x" is not "auto"
                    boolean exact = key.equals("asyncio_mode") || LOOP_SCOPE_KEYS.contains(key) || key.equals("addopts")
                            || types.containsKey("bool");
                    String shown = s.contains("\n") ? s.substring(s.indexOf('\n') + 1).lines().filter(l -> INLINE_COMMENT.matcher(l).find()).findFirst().orElse(s) : s;
                    sink.report(o.valueLocation(), "`" + key + "` keeps the inline comment: pytest reads '" + shown
                                    + "' (ini files only have whole-line comments)" + (key.equals("addopts") ? ", and the comment's words become arguments" : ""),
                            SUPPRESSION.matcher(shown).find()
                                    ? "Move the suppression to a comment line of its own above this line: in ini files lintgate reads suppressions only there, as pytest has whole-line comments only."
                                    : "Move the comment to a line of its own.", key, List.of(), exact ? Severity.ERROR : Severity.WARNING);
                    continue;
                }
                // pytest checks types only when something reads the key, i.e. for keys it or a plugin registers
                if (o.mode() == PytestOption.Mode.TOML && !types.isEmpty()) {
                    if (reportNativeType(o, types, sink)) continue;
                }
                // ini_options keeps TOML arrays as lists; a scalar option then gets a list pytest cannot use
                if (o.mode() == PytestOption.Mode.INI && o.value() instanceof List<?> && !types.isEmpty()
                        && !List.of("args", "linelist", "paths").contains(type)) {
                    sink.report(o.keyLocation(), "`" + key + "` takes a single " + (type.equals("string") ? "string" : type)
                                    + ", but this is a list: pytest passes the list on unchanged",
                            "Write a single value.", key, List.of(), Severity.WARNING);
                    continue;
                }
                if (!(o.value() instanceof String s)) continue;
                if (key.equals("asyncio_mode") && !MODES.contains(s)) {
                    sink.report(o.valueLocation(), "'" + s + "' is not a valid asyncio_mode (pytest-asyncio stops): valid modes are auto and strict, exactly",
                            "Write asyncio_mode = auto or asyncio_mode = strict.", key, List.of(), null);
                } else if (LOOP_SCOPE_KEYS.contains(key) && !SCOPES.contains(s)) {
                    sink.report(o.valueLocation(), "'" + s + "' is not a valid " + key + ": valid scopes are " + String.join(", ", SCOPES),
                            "Use one of the five pytest scopes.", key, List.of(), null);
                } else if (type.equals("bool") && o.mode() == PytestOption.Mode.INI && PytestRun.strToBool(s.strip()) == null) {
                    sink.report(o.valueLocation(), "pytest cannot read '" + s + "' as a bool for `" + key + "` (ValueError)",
                            "Use true or false.", key, List.of(), null);
                } else if (key.equals("addopts") && o.mode() == PytestOption.Mode.INI) {
                    checkAddopts(o, wordsOrEmpty(s), model, sink);
                }
            }
            load.option("addopts").filter(o -> o.value() instanceof List<?>).ifPresent(o ->
                    checkAddopts(o, ((List<?>) o.value()).stream().map(String::valueOf).toList(), model, sink));
        }
    }

    private static List<String> wordsOrEmpty(String s) {
        try {
            return ShellWords.split(s);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static void checkAddopts(PytestOption o, List<String> words, PytestConfigModel model, FindingSink sink) {
        String mode = PytestArgs.parse(words, model.discovery().options()).asyncioMode();
        if (mode != null && !MODES.contains(mode)) {
            sink.report(o.valueLocation(), "'" + mode + "' is not a valid --asyncio-mode (pytest-asyncio stops): valid modes are auto and strict",
                    "Use --asyncio-mode=auto or --asyncio-mode=strict.", "addopts", List.of(), null);
        }
    }

    private static Map<String, List<Admitted>> types(String key, Map<String, String> core, InstalledPlugins installed, List<String> blocked) {
        if (core.containsKey(key)) return Map.of(core.get(key), List.of());
        Optional<PluginCatalog.Plugin> plugin = PluginCatalog.pluginForKey(key);
        if (plugin.isEmpty() || !installed.mayBeInstalled(plugin.get()) || blocked.contains(plugin.get().pluginName())) return Map.of();
        return installed.typesOf(plugin.get(), key);
    }

    /**
     * A native TOML value of a type some installable release rejects; a plugin whose releases disagree about the
     * key's type (pytest-timeout: a string up to 2.4.0, a float in 2.5.0) names the releases it fails with.
     */
    private static boolean reportNativeType(PytestOption o, Map<String, List<Admitted>> types, FindingSink sink) {
        boolean reported = false;
        for (Map.Entry<String, List<Admitted>> t : types.entrySet()) {
            String problem = nativeTypeProblem(o, t.getKey());
            if (problem == null) continue;
            String releases = t.getValue().isEmpty() ? "" : " (" + String.join("; ", t.getValue().stream()
                    .map(a -> a.because().name() + " " + a.version() + ", " + a.reason()).toList()) + ")";
            sink.report(o.keyLocation(), "pytest raises TypeError: config option '" + o.key() + "' " + problem + releases,
                    "Write the value with the TOML type pytest expects.", o.key(), List.of(), null);
            reported = true;
        }
        return reported;
    }

    /** pytest 9's _getini_toml: no coercion, the TOML type must match the option's declared type. */
    private static String nativeTypeProblem(PytestOption o, String type) {
        Object v = o.value();
        return switch (type) {
            case "args", "linelist", "paths" -> v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)
                    ? null : "expects a list of strings, got " + o.pythonType();
            case "bool" -> v instanceof Boolean ? null : "expects a bool, got " + o.pythonType();
            case "int" -> v instanceof Long ? null : "expects an int, got " + o.pythonType();
            case "float" -> v instanceof Long || v instanceof Double ? null : "expects a float, got " + o.pythonType();
            default -> v instanceof String ? null : "expects a string, got " + o.pythonType();
        };
    }
}
