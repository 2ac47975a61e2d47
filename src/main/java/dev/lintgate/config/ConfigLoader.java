package dev.lintgate.config;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/**
 * Reads lintgate's settings. Unknown keys and wrong types are errors that name the file and line, like ruff:
 * a typo in a merge gate's config must not silently turn a check off.
 */
public final class ConfigLoader {
    /** Looked for in this order in each directory, as ruff does with its own names. */
    public static final List<String> CONFIG_NAMES = List.of(".lintgate.toml", "lintgate.toml", "pyproject.toml");

    private static final Pattern REQUIRES_PYTHON = Pattern.compile(">=?\\s*3\\.(\\d+)");
    private static final Pattern TARGET = Pattern.compile("py3\\d{1,2}");
    private static final Pattern PYTEST_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

    /** A pyproject.toml that TOML cannot read but that spells a lintgate table or key ([tool.lintgate], tool.lintgate.x). */
    private static final Pattern SPELLS_SETTINGS = Pattern.compile("tool\\s*\\.\\s*[\"']?lintgate\\b|(?m)^\\s*[\"']?lintgate[\"']?\\s*[.=]");

    private final Path displayBase;
    private final Predicate<String> knownCode;

    /** @param displayBase error messages show config paths relative to this directory (the working directory) */
    public ConfigLoader(Path displayBase) {
        this(displayBase, code -> true);
    }

    /**
     * @param knownCode whether a code or prefix in {@code select} and {@code ignore} names rules: a typo there would
     *                  silently turn a check off, so it stops the run with the file and line
     */
    public ConfigLoader(Path displayBase, Predicate<String> knownCode) {
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.knownCode = knownCode;
    }

    /**
     * True when the file holds lintgate settings: any lintgate.toml, or a pyproject.toml with [tool.lintgate]. A
     * pyproject.toml that cannot be read, decoded or parsed holds them when its bytes spell a lintgate table or key:
     * its settings must then stop the run with the reason, not be dropped (the gate would pass with checks off).
     */
    public static boolean holdsSettings(Path file) {
        if (!Files.isRegularFile(file)) return false;
        if (!file.getFileName().toString().equals("pyproject.toml")) return true;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return true;
        }
        // Latin-1 keeps every byte as one char, so the search works on text that is not UTF-8
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        if (!raw.contains("lintgate")) return false;
        String text = utf8(bytes);
        if (text == null) return SPELLS_SETTINGS.matcher(raw).find();
        TomlParseResult toml = Toml.parse(stripBom(text), TOML_VERSION);
        if (toml.hasErrors()) return SPELLS_SETTINGS.matcher(raw).find();
        return toml.contains("tool.lintgate");
    }

    /** lintgate's own settings are TOML 1.0, as README says; tomlj's default would take TOML 1.1 too. */
    private static final TomlVersion TOML_VERSION = TomlVersion.V1_0_0;

    /** The text, or null when the bytes are not valid UTF-8 (which TOML requires). */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The 1-based line and the value of the first byte that is not part of valid UTF-8. */
    private static String firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
        return line + ": not valid UTF-8 (byte 0x" + String.format("%02x", bytes[Math.min(at, bytes.length - 1)] & 0xFF)
                + "), and TOML files must be UTF-8";
    }

    public LintgateConfig load(Path file, Path projectRoot) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(display(file), "cannot read the file (" + IoReason.of(e) + ")");
        }
        String decoded = utf8(bytes);
        if (decoded == null) throw new ConfigException(display(file) + ":" + firstBadByte(bytes));
        String text = stripBom(decoded);
        TomlParseResult toml = Toml.parse(text, TOML_VERSION);
        if (toml.hasErrors()) {
            TomlParseError err = toml.errors().get(0);
            throw new ConfigException(display(file) + ":" + err.position().line(), "invalid TOML: " + err.getMessage());
        }
        boolean pyproject = file.getFileName().toString().equals("pyproject.toml");
        if (pyproject && toml.contains("tool.lintgate") && !toml.isTable("tool.lintgate")) {
            TomlPosition p = toml.inputPositionOf("tool.lintgate");
            throw new ConfigException(display(file) + ":" + (p == null ? 1 : p.line()), "'tool.lintgate' must be a table: [tool.lintgate]");
        }
        TomlTable table = pyproject ? toml.getTable("tool.lintgate") : toml;
        String prefix = pyproject ? "tool.lintgate." : "";
        if (table == null) return LintgateConfig.defaults();
        String rel = relativeToRoot(file, projectRoot);
        Reader r = new Reader(file, rel, toml, table, prefix);

        List<String> select = r.codes("select");
        List<String> ignore = r.codes("ignore");
        List<String> exclude = r.stringList("exclude");
        List<String> extendExclude = r.stringList("extend-exclude");
        List<String> src = table.contains("src") ? r.stringList("src") : List.of(".", "src");
        String target = r.string("target-version");
        if (target == null) target = targetFromRequiresPython(file, pyproject ? toml : null);
        else if (!TARGET.matcher(target).matches()) {
            throw r.error("target-version", "expected a version like \"py311\", got \"" + target + "\"");
        }
        List<DeprecatedTarget> deprecated = r.deprecated();
        long maxFileSize = LintgateConfig.DEFAULT_MAX_FILE_SIZE;
        if (table.contains(quoteKey("max-file-size"))) {
            if (!(table.get(quoteKey("max-file-size")) instanceof Long size) || size < 1) {
                throw r.error("max-file-size", "'max-file-size' must be a number of bytes, 1 or more (e.g. 50_000_000)");
            }
            maxFileSize = size;
        }
        Map<String, ConfigValue> options = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            if (CORE_KEYS.contains(key)) continue;
            RuleOptions.Kind kind = RuleOptions.KNOWN.get(key);
            if (kind == null) {
                throw r.error(key, "unknown setting '" + key + "'" + RuleOptions.suggestion(key));
            }
            Object value = r.option(key, kind);
            if (key.equals("pytest-version") && !PYTEST_VERSION.matcher((String) value).matches()) {
                throw r.error(key, "'pytest-version' must be a version such as \"9.1.1\" or \"8.4\", got \"" + value + "\"");
            }
            options.put(key, new ConfigValue(value, r.location(key)));
        }
        return new LintgateConfig(file, select, ignore, exclude, table.contains("exclude"), extendExclude, target, src,
                deprecated, options, maxFileSize);
    }

    static final List<String> CORE_KEYS =
            List.of("select", "ignore", "exclude", "extend-exclude", "target-version", "src", "deprecated", "max-file-size");


    /**
     * The line of each key of the settings in {@code file} (a lintgate.toml, or [tool.lintgate] of a pyproject.toml),
     * for {@code --show-settings}; empty when the file cannot be read. Errors in it were told when it was loaded.
     */
    public static Map<String, Integer> keyLines(Path file) {
        Map<String, Integer> out = new LinkedHashMap<>();
        try {
            TomlParseResult toml = Toml.parse(stripBom(Files.readString(file, StandardCharsets.UTF_8)), TOML_VERSION);
            boolean pyproject = file.getFileName().toString().equals("pyproject.toml");
            TomlTable table = pyproject ? toml.getTable("tool.lintgate") : toml;
            if (table == null) return out;
            String prefix = pyproject ? "tool.lintgate." : "";
            for (String key : table.keySet()) {
                TomlPosition p = toml.inputPositionOf(prefix + quoteKey(key));
                out.put(key, p == null ? 1 : p.line());
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** The lower bound of {@code [project] requires-python} ("&gt;=3.10" gives py310), else the default. */
    private String targetFromRequiresPython(Path file, TomlParseResult pyproject) {
        TomlParseResult toml = pyproject;
        if (toml == null) {
            Path sibling = file.resolveSibling("pyproject.toml");
            if (!Files.isRegularFile(sibling)) return LintgateConfig.DEFAULT_TARGET_VERSION;
            try {
                toml = Toml.parse(stripBom(Files.readString(sibling, StandardCharsets.UTF_8)), TOML_VERSION);
            } catch (IOException e) {
                return LintgateConfig.DEFAULT_TARGET_VERSION;
            }
        }
        String requires = toml.getString("project.requires-python", () -> null);
        if (requires == null) return LintgateConfig.DEFAULT_TARGET_VERSION;
        Matcher m = REQUIRES_PYTHON.matcher(requires);
        return m.find() ? "py3" + m.group(1) : LintgateConfig.DEFAULT_TARGET_VERSION;
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(displayBase) ? displayBase.relativize(abs).toString() : abs.toString();
    }

    private static String relativeToRoot(Path file, Path root) {
        Path abs = file.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return (abs.startsWith(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Typed access to one settings table, with errors that point at the offending key. */
    private final class Reader {
        private final Path file;
        private final String relPath;
        private final TomlParseResult doc;
        private final TomlTable table;
        private final String prefix;

        Reader(Path file, String relPath, TomlParseResult doc, TomlTable table, String prefix) {
            this.file = file;
            this.relPath = relPath;
            this.doc = doc;
            this.table = table;
            this.prefix = prefix;
        }

        int line(String key) {
            TomlPosition p = doc.inputPositionOf(prefix + quoteKey(key));
            return p == null ? 1 : p.line();
        }

        Location location(String key) {
            return new Location(relPath, Region.line(line(key)));
        }

        ConfigException error(String key, String problem) {
            return new ConfigException(display(file) + ":" + line(key), problem);
        }

        String string(String key) {
            if (!table.contains(quoteKey(key))) return null;
            Object v = table.get(quoteKey(key));
            if (!(v instanceof String s)) throw error(key, "'" + key + "' must be a string");
            return s;
        }

        List<String> stringList(String key) {
            if (!table.contains(quoteKey(key))) return List.of();
            Object v = table.get(quoteKey(key));
            // a plain string is refused, not taken as a list of one: select = "LG101,LG2" would be one unknown code
            if (!(v instanceof TomlArray array)) throw error(key, "'" + key + "' must be an array of strings");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof String s)) throw error(key, "'" + key + "' must be an array of strings");
                out.add(s);
            }
            return out;
        }

        /** Rule codes or prefixes, each one checked. */
        List<String> codes(String key) {
            List<String> codes = stringList(key);
            for (String code : codes) {
                if (!knownCode.test(code)) {
                    throw error(key, "unknown rule code or prefix '" + code + "' in '" + key + "' (see 'lintgate rules')");
                }
            }
            return codes;
        }

        Object option(String key, RuleOptions.Kind kind) {
            Object v = table.get(quoteKey(key));
            return switch (kind) {
                case STRING -> {
                    if (!(v instanceof String)) throw error(key, "'" + key + "' must be a string");
                    yield v;
                }
                case BOOLEAN -> {
                    if (!(v instanceof Boolean)) throw error(key, "'" + key + "' must be true or false");
                    yield v;
                }
                case STRING_LIST -> stringList(key);
                case TABLE -> {
                    if (!(v instanceof TomlTable t)) throw error(key, "'" + key + "' must be a table");
                    yield plain(t);
                }
            };
        }

        List<DeprecatedTarget> deprecated() {
            if (!table.contains("deprecated")) return List.of();
            Object v = table.get("deprecated");
            if (!(v instanceof TomlArray array) || (!array.isEmpty() && !array.isTable(0))) {
                throw error("deprecated", "'deprecated' must be an array of tables: [[deprecated]]");
            }
            List<DeprecatedTarget> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                TomlTable entry = array.getTable(i);
                int entryLine = array.inputPositionOf(i) == null ? line("deprecated") : array.inputPositionOf(i).line();
                String where = display(file) + ":" + entryLine;
                for (String k : entry.keySet()) {
                    if (!List.of("name", "replacement", "message", "allow-type-checking", "drop-in").contains(k)) {
                        throw new ConfigException(where, "unknown key '" + k + "' in [[deprecated]] (expected name, replacement, message, allow-type-checking, drop-in)");
                    }
                }
                Object name = entry.get("name");
                if (!(name instanceof String n) || !isDottedName(n)) {
                    throw new ConfigException(where, "[[deprecated]] needs name = \"package.module\" or \"package.module.Attribute\"");
                }
                Object replacement = entry.get("replacement");
                Object message = entry.get("message");
                Object allow = entry.get("allow-type-checking");
                if (replacement != null && !(replacement instanceof String)) throw new ConfigException(where, "'replacement' must be a string");
                if (message != null && !(message instanceof String)) throw new ConfigException(where, "'message' must be a string");
                if (allow != null && !(allow instanceof Boolean)) throw new ConfigException(where, "'allow-type-checking' must be true or false");
                Object dropIn = entry.get("drop-in");
                if (dropIn != null && !(dropIn instanceof Boolean)) throw new ConfigException(where, "'drop-in' must be true or false");
                if (Boolean.TRUE.equals(dropIn) && replacement == null) throw new ConfigException(where, "'drop-in' needs a 'replacement'");
                out.add(new DeprecatedTarget(n, (String) replacement, (String) message, allow == null || (Boolean) allow,
                        new Location(relPath, Region.line(entryLine)), Boolean.TRUE.equals(dropIn)));
            }
            return out;
        }
    }

    /** A table as maps and lists, so that the rules reading it need not know TOML's types. */
    private static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : table.entrySet()) out.put(e.getKey(), plainValue(e.getValue()));
        return out;
    }

    private static Object plainValue(Object value) {
        if (value instanceof TomlTable t) return plain(t);
        if (value instanceof TomlArray a) return a.toList().stream().map(ConfigLoader::plainValue).toList();
        return value;
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }

    static boolean isDottedName(String s) {
        if (s.isEmpty()) return false;
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) return false;
            if (!part.codePoints().allMatch(Character::isJavaIdentifierPart) || part.contains("$")) return false;
        }
        return true;
    }
}
