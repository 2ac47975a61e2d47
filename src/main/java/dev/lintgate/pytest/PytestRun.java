package dev.lintgate.pytest;

import dev.lintgate.finding.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one pytest invocation ends up with: rootdir, the one config file, the siblings it shadows, every effective
 * ini value with where it came from, and the values pytest-asyncio and the marker machinery read. When pytest
 * would stop before running anything, {@link #error()} says why and the rest is empty.
 */
public final class PytestRun {

    /**
     * One effective ini value. {@code origin} is "file" (then {@code location} is set), or the argument that set it:
     * "-o" or a strict flag.
     */
    public record Value(String key, Object value, PytestOption.Mode mode, String pythonType, Location location,
                        String origin) {
    }

    /** A value pytest cannot coerce to the type its option declares; pytest raises TypeError. */
    public static final class TypeMismatch extends Exception {
        public TypeMismatch(String message) {
            super(message);
        }
    }

    final PytestVersion version;
    final String cwd;
    final List<String> args;
    String envAddopts;
    String rootdir;
    PytestConfigFile configFile;
    final List<PytestConfigFile> shadowed = new ArrayList<>();
    boolean shadowedInHeader;
    String how;
    List<String> collectionRoots = List.of();
    List<String> ambiguousRoots = List.of();
    final List<String> searched = new ArrayList<>();
    final List<PytestConfigFile> read = new ArrayList<>();
    String error;
    Location errorLocation;
    final Map<String, Value> values = new LinkedHashMap<>();
    List<String> addopts = List.of();
    PytestArgs fullArgs;
    private final Map<String, List<String>> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    PytestRun(PytestVersion version, String cwd, List<String> args) {
        this.version = version;
        this.cwd = cwd;
        this.args = List.copyOf(args);
    }

    public PytestVersion version() {
        return version;
    }

    public String cwd() {
        return cwd;
    }

    public List<String> args() {
        return args;
    }

    /** {@code PYTEST_ADDOPTS} as the run was given it; null when unset. */
    public String envAddopts() {
        return envAddopts;
    }

    public String rootdir() {
        return rootdir;
    }

    public Optional<PytestConfigFile> configFile() {
        return Optional.ofNullable(configFile);
    }

    /**
     * Siblings of the config file that hold pytest config but lose to it. pytest 9 reads them (and names them in
     * its header); pytest 8 never opens them.
     */
    public List<PytestConfigFile> shadowed() {
        return List.copyOf(shadowed);
    }

    /**
     * Whether pytest names the shadowed siblings in its session header: pytest 9, and only when the config came
     * from the first walk (the fallback walk from each argument drops the list).
     */
    public boolean shadowedInHeader() {
        return shadowedInHeader;
    }

    /** The paths pytest starts collecting from (its {@code config.args}), as tree paths. */
    public List<String> collectionRoots() {
        return collectionRoots;
    }

    /**
     * Existing paths named by words an unknown option may take as its values ({@code --snapshot-update tests}):
     * pytest collects from them too if the option takes no value.
     */
    public List<String> ambiguousRoots() {
        return ambiguousRoots;
    }

    /** The directories on pytest's walk that hold files with config names, and what each file is to pytest. */
    public List<String> searched() {
        return List.copyOf(searched);
    }

    /**
     * The files pytest parses while it locates its config, in order: every file with a config name on its walk up
     * to the one it stops at (pytest 9: and that one's lower-precedence siblings), and a {@code -c} file.
     */
    public List<PytestConfigFile> read() {
        return List.copyOf(read);
    }

    /** How pytest arrived at the config file and rootdir, in words. */
    public String how() {
        return how == null ? "" : how;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<Location> errorLocation() {
        return Optional.ofNullable(errorLocation);
    }

    public Map<String, Value> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Optional<Value> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** ini {@code addopts} as pytest split it. */
    public List<String> addopts() {
        return addopts;
    }

    /** addopts followed by the command line, as pytest's argument parser sees them. */
    public PytestArgs fullArgs() {
        return fullArgs;
    }

    /** pytest's getini for a declared type ("string", "bool", "args", "linelist"), default when unset. */
    public Object getini(String key, String type, Object defaultValue) throws TypeMismatch {
        Value v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        Object raw = v.value();
        if (v.mode() == PytestOption.Mode.TOML) {
            switch (type) {
                case "args", "linelist", "paths" -> {
                    if (!(raw instanceof List<?> l) || !l.stream().allMatch(o -> o instanceof String)) {
                        throw new TypeMismatch("config option '" + key + "' expects a list of strings, got " + v.pythonType());
                    }
                    return raw;
                }
                case "bool" -> {
                    if (!(raw instanceof Boolean)) {
                        throw new TypeMismatch("config option '" + key + "' expects a bool, got " + v.pythonType());
                    }
                    return raw;
                }
                case "int" -> {
                    if (!(raw instanceof Long)) {
                        throw new TypeMismatch("config option '" + key + "' expects an int, got " + v.pythonType());
                    }
                    return raw;
                }
                case "float" -> {
                    if (!(raw instanceof Long || raw instanceof Double)) {
                        throw new TypeMismatch("config option '" + key + "' expects a float, got " + v.pythonType());
                    }
                    return raw;
                }
                default -> {
                    if (!(raw instanceof String)) {
                        throw new TypeMismatch("config option '" + key + "' expects a string, got " + v.pythonType());
                    }
                    return raw;
                }
            }
        }
        switch (type) {
            case "args", "paths" -> {
                if (raw instanceof String s) {
                    try {
                        return ShellWords.split(s);
                    } catch (IllegalArgumentException e) {
                        throw new TypeMismatch("config option '" + key + "': " + e.getMessage());
                    }
                }
                return raw;
            }
            case "linelist" -> {
                if (raw instanceof String s) {
                    List<String> out = new ArrayList<>();
                    for (String line : s.split("\n", -1)) {
                        String t = line.strip();
                        if (!t.isEmpty()) out.add(t);
                    }
                    return out;
                }
                return raw;
            }
            case "bool" -> {
                Boolean b = strToBool(String.valueOf(raw).strip());
                if (b == null) {
                    throw new TypeMismatch("invalid truth value " + String.valueOf(raw).strip());
                }
                return b;
            }
            default -> {
                return raw;
            }
        }
    }

    /**
     * A list-of-globs option ({@code python_files}, {@code norecursedirs}...) as getini "args" reads it, the defaults
     * when it is unset or unreadable. Collection asks for the same few per file and directory, so each is split
     * once; Discovery never asks, so the values are final when this is first called.
     */
    @SuppressWarnings("unchecked")
    public List<String> patterns(String key, List<String> defaults) {
        return patterns.computeIfAbsent(key, k -> {
            try {
                return (List<String>) getini(k, "args", defaults);
            } catch (TypeMismatch e) {
                return defaults;
            }
        });
    }

    /** pytest's _strtobool; null when the text is none of its words. */
    public static Boolean strToBool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "y", "yes", "t", "true", "on", "1" -> true;
            case "n", "no", "f", "false", "off", "0" -> false;
            default -> null;
        };
    }

    /** Whether {@code -p no:asyncio} keeps pytest-asyncio from loading (its options then do not exist). */
    public boolean asyncioDisabled() {
        return fullArgs != null && fullArgs.blockedPlugins().contains("asyncio");
    }

    /** The asyncio_mode pytest-asyncio uses: {@code --asyncio-mode}, else the ini value, else "strict". */
    public String asyncioMode() throws TypeMismatch {
        if (fullArgs != null && fullArgs.asyncioMode() != null) {
            return fullArgs.asyncioMode();
        }
        return String.valueOf(getini("asyncio_mode", "string", "strict"));
    }

    /** null when unset: fixtures then run in the loop of their own caching scope. */
    public String fixtureLoopScope() throws TypeMismatch {
        Object v = getini("asyncio_default_fixture_loop_scope", "string", null);
        return v == null ? null : String.valueOf(v);
    }

    public String testLoopScope() throws TypeMismatch {
        return String.valueOf(getini("asyncio_default_test_loop_scope", "string", "function"));
    }

    /** The marker lines of the {@code markers} option. */
    @SuppressWarnings("unchecked")
    public List<String> markerLines() throws TypeMismatch {
        return (List<String>) getini("markers", "linelist", List.of());
    }

    /** Names registered by the {@code markers} option, derived as pytest derives them ("db(x): doc" is "db"). */
    public List<String> markerNames() throws TypeMismatch {
        List<String> out = new ArrayList<>();
        for (String line : markerLines()) {
            String name = line.split(":", -1)[0].split("\\(", -1)[0].strip();
            out.add(name);
        }
        return out;
    }

    /** Whether unknown markers fail collection for this run. */
    public boolean strictMarkers() {
        if (!version.hasNativeToml()) {
            return fullArgs != null && (fullArgs.strictMarkers() || fullArgs.strict());
        }
        return strictKey("strict_markers");
    }

    /** Whether unknown ini keys stop pytest for this run. */
    public boolean strictConfig() {
        if (!version.hasNativeToml()) {
            return fullArgs != null && fullArgs.strictConfig();
        }
        return strictKey("strict_config");
    }

    private boolean strictKey(String key) {
        try {
            Object v = getini(key, "bool", null);
            if (v == null) {
                v = getini("strict", "bool", false);
            }
            return Boolean.TRUE.equals(v);
        } catch (TypeMismatch e) {
            return false;
        }
    }
}
