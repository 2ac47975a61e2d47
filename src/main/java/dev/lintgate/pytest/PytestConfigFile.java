package dev.lintgate.pytest;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file pytest may read as its config, parsed once; {@link #load} then answers what pytest's
 * {@code load_config_dict_from_file} would return for a given version: not a config, a config with these options,
 * or an abort.
 */
public final class PytestConfigFile {

    public enum Status {
        /** pytest passes over the file (no pytest section) and keeps walking up. */
        NOT_CONFIG,
        /** The file is a pytest config (possibly empty). */
        CONFIG,
        /** Reading the file makes pytest stop with an error. */
        ERROR
    }

    /**
     * What pytest gets from the file. {@code section} is where a finding about the whole file goes (the section
     * header, else line 1). {@code error} is pytest's message when it aborts.
     */
    public record Load(Status status, PytestOption.Mode mode, Map<String, PytestOption> options, Region section,
                       String error, Region errorRegion) {
        public Load {
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        static Load notConfig() {
            return new Load(Status.NOT_CONFIG, PytestOption.Mode.INI, Map.of(), Region.line(1), null, null);
        }

        static Load error(String message, Region where) {
            return new Load(Status.ERROR, PytestOption.Mode.INI, Map.of(), where, message, where);
        }

        public Optional<PytestOption> option(String key) {
            return Optional.ofNullable(options.get(key));
        }
    }

    private final String path;
    private final String displayPath;
    private final String fileName;
    private final ConfigSyntaxException syntaxError;
    private final IniDocument ini;
    private final TomlDocument toml;
    private final Map<PytestVersion, Load> loads = new java.util.concurrent.ConcurrentHashMap<>();

    private PytestConfigFile(String path, String displayPath, ConfigSyntaxException syntaxError, IniDocument ini,
                             TomlDocument toml) {
        this.path = path;
        this.displayPath = displayPath;
        this.fileName = path.substring(path.lastIndexOf('/') + 1);
        this.syntaxError = syntaxError;
        this.ini = ini;
        this.toml = toml;
    }

    /** Like {@link #parse(String, String, byte[], TomlDocument.Spec)} for a Python whose tomllib reads TOML 1.0. */
    /**
     * Whether pytest may read its config from the file at this path: any file but Python source. pytest reads ini,
     * TOML and setup.cfg files, and {@code -c} may name a file of any other name, but never a module it imports.
     */
    public static boolean mayBe(String path) {
        return !path.endsWith(".py") && !path.endsWith(".pyi");
    }

    public static PytestConfigFile parse(String path, String displayPath, byte[] bytes) {
        return parse(path, displayPath, bytes, TomlDocument.Spec.TOML_1_0);
    }

    /**
     * Which TOML pytest reads on a Python 3 minor version: tomllib's, which is TOML 1.1 from Python 3.15 and 1.0
     * before (pytest uses tomli below 3.11, which reads 1.1 only from tomli 2.4; 1.0 is what every tomli reads).
     */
    public static TomlDocument.Spec tomlReadOnPython(int minor) {
        return minor >= 15 ? TomlDocument.Spec.TOML_1_1 : TomlDocument.Spec.TOML_1_0;
    }

    /**
     * Parses a file's bytes the way pytest reads them: UTF-8, strictly (a bad byte stops pytest too), the BOM kept
     * (iniconfig before 2.3.1 rejects it), TOML as {@code toml} says. {@code displayPath} is what messages and
     * locations show.
     */
    public static PytestConfigFile parse(String path, String displayPath, byte[] bytes, TomlDocument.Spec toml) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new PytestConfigFile(path, displayPath,
                    new ConfigSyntaxException(1, 1, "'utf-8' codec can't decode the file"), null, null);
        }
        String suffix = suffix(path);
        try {
            if (suffix.equals(".toml")) {
                return new PytestConfigFile(path, displayPath, null, null, TomlDocument.parse(text, toml));
            }
            if (suffix.equals(".ini") || suffix.equals(".cfg")) {
                return new PytestConfigFile(path, displayPath, null, IniDocument.parse(text), null);
            }
            return new PytestConfigFile(path, displayPath, null, null, null);
        } catch (ConfigSyntaxException e) {
            return new PytestConfigFile(path, displayPath, e, null, null);
        } catch (RuntimeException e) {
            // a reader bug must not become a stack trace for the user: treat the file as unreadable
            return new PytestConfigFile(path, displayPath, new ConfigSyntaxException(1, 1, String.valueOf(e.getMessage())), null, null);
        }
    }

    static String suffix(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        // pathlib: a name that is only ".ext" has no suffix
        return dot > 0 ? name.substring(dot) : "";
    }

    public String path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String fileName() {
        return fileName;
    }

    public Optional<ConfigSyntaxException> syntaxError() {
        return Optional.ofNullable(syntaxError);
    }

    public Optional<IniDocument> ini() {
        return Optional.ofNullable(ini);
    }

    public Optional<TomlDocument> toml() {
        return Optional.ofNullable(toml);
    }

    public Location at(Region region) {
        return new Location(displayPath, region);
    }

    /**
     * What pytest {@code version} makes of this file (findpaths.load_config_dict_from_file). Remembered per version:
     * every run whose walk passes the file asks again.
     */
    public Load load(PytestVersion version) {
        return loads.computeIfAbsent(version, this::interpret);
    }

    private Load interpret(PytestVersion version) {
        String suffix = suffix(path);
        if (syntaxError != null && (suffix.equals(".ini") || suffix.equals(".cfg") || suffix.equals(".toml"))) {
            Region r = Region.of(syntaxError.line(), syntaxError.column(), syntaxError.column());
            String msg = suffix.equals(".toml")
                    ? displayPath + ": " + syntaxError.getMessage() + " (at line " + syntaxError.line() + ", column " + syntaxError.column() + ")"
                    : displayPath + ":" + syntaxError.line() + ": " + syntaxError.getMessage();
            return Load.error(msg, r);
        }
        switch (suffix) {
            case ".ini": {
                Optional<IniDocument.Section> s = ini.section("pytest");
                if (s.isPresent()) {
                    return iniLoad(s.get());
                }
                if (fileName.equals("pytest.ini") || (fileName.equals(".pytest.ini") && version.hasNativeToml())) {
                    return new Load(Status.CONFIG, PytestOption.Mode.INI, Map.of(), Region.line(1), null, null);
                }
                return Load.notConfig();
            }
            case ".cfg": {
                Optional<IniDocument.Section> s = ini.section("tool:pytest");
                if (s.isPresent()) {
                    return iniLoad(s.get());
                }
                Optional<IniDocument.Section> bad = ini.section("pytest");
                if (bad.isPresent()) {
                    return Load.error("[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.",
                            bad.get().header());
                }
                return Load.notConfig();
            }
            case ".toml":
                return tomlLoad(version);
            default:
                return Load.notConfig();
        }
    }

    private Load iniLoad(IniDocument.Section section) {
        Map<String, PytestOption> options = new LinkedHashMap<>();
        section.entries().forEach((k, e) -> options.put(k, new PytestOption(k, e.value(), PytestOption.Mode.INI, "str",
                at(e.keyRegion()), at(e.valueRegion()))));
        return new Load(Status.CONFIG, PytestOption.Mode.INI, options, section.header(), null, null);
    }

    private Load tomlLoad(PytestVersion version) {
        boolean nativeFile = fileName.equals("pytest.toml") || fileName.equals(".pytest.toml");
        if (version.hasNativeToml() && nativeFile) {
            Optional<TomlDocument.Table> t = toml.table("pytest");
            if (t.isPresent() && !t.get().entries().isEmpty()) {
                return nativeLoad(t.get());
            }
            return new Load(Status.CONFIG, PytestOption.Mode.TOML, Map.of(), t.map(TomlDocument.Table::region).orElse(Region.line(1)), null, null);
        }
        Optional<TomlDocument.Table> toolPytest = toml.table("tool", "pytest");
        Optional<TomlDocument.Table> iniOptions = toolPytest.flatMap(t -> t.table("ini_options"));
        if (version.hasNativeToml() && toolPytest.isPresent()) {
            boolean hasNative = toolPytest.get().entries().keySet().stream().anyMatch(k -> !k.equals("ini_options"));
            boolean hasIni = iniOptions.isPresent() && !iniOptions.get().entries().isEmpty();
            if (hasNative && hasIni) {
                return Load.error(displayPath + ": Cannot use both [tool.pytest] (native TOML types) and "
                        + "[tool.pytest.ini_options] (string-based INI format) simultaneously.", iniOptions.get().region());
            }
            if (hasNative) {
                return nativeLoad(toolPytest.get());
            }
        }
        if (iniOptions.isPresent()) {
            Map<String, PytestOption> options = new LinkedHashMap<>();
            iniOptions.get().entries().forEach((k, n) -> {
                // pytest's make_scalar: lists stay lists, every scalar becomes str(v) (true -> "True")
                Object v;
                if (n.value() instanceof List<?> l) {
                    List<String> items = new ArrayList<>();
                    for (Object o : l) {
                        TomlDocument.Node item = (TomlDocument.Node) o;
                        items.add(item.value() instanceof String s ? s : item.pythonStr());
                    }
                    v = List.copyOf(items);
                } else {
                    v = n.value() instanceof String s ? s : n.pythonStr();
                }
                options.put(k, new PytestOption(k, v, PytestOption.Mode.INI, n.pythonType(), at(n.region()), at(n.region())));
            });
            return new Load(Status.CONFIG, PytestOption.Mode.INI, options, iniOptions.get().region(), null, null);
        }
        return Load.notConfig();
    }

    private Load nativeLoad(TomlDocument.Table table) {
        Map<String, PytestOption> options = new LinkedHashMap<>();
        table.entries().forEach((k, n) -> {
            if (!k.equals("ini_options")) {
                options.put(k, new PytestOption(k, plain(n.value()), PytestOption.Mode.TOML, n.pythonType(),
                        at(n.region()), at(n.region())));
            }
        });
        return new Load(Status.CONFIG, PytestOption.Mode.TOML, options, table.region(), null, null);
    }

    private static Object plain(Object v) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(plain(((TomlDocument.Node) o).value()));
            }
            return java.util.Collections.unmodifiableList(out);
        }
        if (v instanceof TomlDocument.Table t) {
            Map<String, Object> out = new LinkedHashMap<>();
            t.entries().forEach((k, n) -> out.put(k, plain(n.value())));
            return java.util.Collections.unmodifiableMap(out);
        }
        return v;
    }
}
