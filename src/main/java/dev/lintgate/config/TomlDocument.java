package dev.lintgate.config;

import dev.lintgate.finding.Region;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

/**
 * A TOML file as plain Java values that keep their positions: tables become {@link Table}, arrays {@code List<Node>},
 * strings, {@code Long}, {@code Double}, {@code Boolean}, and date-times stay {@code java.time} objects. Only this
 * class (and the rest of the config package) sees tomlj.
 */
public final class TomlDocument {

    /** A value with the position of its key (for array items: of the item). */
    public record Node(Object value, Region region) {
        public Optional<Table> asTable() {
            return value instanceof Table t ? Optional.of(t) : Optional.empty();
        }

        /** The Python type name tomllib would produce, for messages that match pytest's. */
        public String pythonType() {
            if (value instanceof String) return "str";
            if (value instanceof Boolean) return "bool";
            if (value instanceof Long) return "int";
            if (value instanceof Double) return "float";
            if (value instanceof List) return "list";
            if (value instanceof Table) return "dict";
            if (value instanceof java.time.LocalDate) return "date";
            if (value instanceof java.time.LocalTime) return "time";
            return "datetime";
        }

        /** The value as Python's str() would show it, used where pytest does str(v) (ini_options). */
        public String pythonStr() {
            if (value instanceof Boolean b) return b ? "True" : "False";
            if (value instanceof Double d) return pyFloat(d);
            if (value instanceof List<?> l) {
                List<String> parts = new ArrayList<>();
                for (Object o : l) {
                    Node n = (Node) o;
                    parts.add(n.value() instanceof String s ? IniDocument.pyRepr(s) : n.pythonStr());
                }
                return "[" + String.join(", ", parts) + "]";
            }
            if (value instanceof Table t) {
                List<String> parts = new ArrayList<>();
                t.entries().forEach((k, n) -> parts.add(IniDocument.pyRepr(k) + ": "
                        + (n.value() instanceof String s ? IniDocument.pyRepr(s) : n.pythonStr())));
                return "{" + String.join(", ", parts) + "}";
            }
            return String.valueOf(value);
        }

        private static String pyFloat(double d) {
            if (Double.isNaN(d)) return "nan";
            if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e16) return String.valueOf((long) d) + ".0";
            return String.valueOf(d);
        }
    }

    /** A table's entries in file order. {@code region} is its header (or first key for implicit tables). */
    public record Table(Map<String, Node> entries, Region region) {
        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<Table> table(String key) {
            return get(key).flatMap(Node::asTable);
        }
    }

    private final Table root;

    private TomlDocument(Table root) {
        this.root = root;
    }

    public Table root() {
        return root;
    }

    /** The table at a dotted path of keys, if every step is a table. */
    public Optional<Table> table(String... path) {
        Table t = root;
        for (String k : path) {
            Optional<Table> next = t.table(k);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            t = next.get();
        }
        return Optional.of(t);
    }

    /** Which TOML a reader accepts. Python's tomllib reads 1.0 up to Python 3.14 and 1.1 from 3.15. */
    public enum Spec {
        TOML_1_0(TomlVersion.V1_0_0), TOML_1_1(TomlVersion.V1_1_0);

        private final TomlVersion version;

        Spec(TomlVersion version) {
            this.version = version;
        }
    }

    /** TOML 1.0, what tomllib reads on Python 3.11 to 3.14 and what most tools read. */
    public static TomlDocument parse(String text) throws ConfigSyntaxException {
        return parse(text, Spec.TOML_1_0);
    }

    public static TomlDocument parse(String text, Spec spec) throws ConfigSyntaxException {
        TomlParseResult result = parseResult(text, spec);
        if (result.hasErrors()) {
            TomlParseError first = first(result);
            String message = first.getMessage();
            // tomlj reads TOML 1.1 by default; say when that is all the file needs, so nobody hunts for a typo
            if (spec == Spec.TOML_1_0 && !parseResult(text, Spec.TOML_1_1).hasErrors()) {
                message += "; the file is valid TOML 1.1, but tomllib reads TOML 1.0 up to Python 3.14";
            }
            throw new ConfigSyntaxException(first.position().line(), first.position().column(), message);
        }
        return new TomlDocument(convert(result, new ArrayList<>(), region(result.inputPositionOf(List.of()))));
    }

    private static TomlParseResult parseResult(String text, Spec spec) throws ConfigSyntaxException {
        try {
            return Toml.parse(text, spec.version);
        } catch (RuntimeException e) {
            throw new ConfigSyntaxException(1, 1, "cannot parse TOML: " + e.getMessage());
        }
    }

    private static TomlParseError first(TomlParseResult result) {
        return result.errors().stream()
                .min(Comparator.comparing((TomlParseError e) -> e.position().line()).thenComparing(e -> e.position().column()))
                .orElseThrow();
    }

    private static Table convert(TomlTable table, List<String> path, Region region) {
        List<Map.Entry<String, Node>> items = new ArrayList<>();
        for (String key : table.keySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(key);
            Region r = region(table.inputPositionOf(List.of(key)));
            items.add(Map.entry(key, new Node(value(table.get(List.of(key)), sub, r), r)));
        }
        items.sort(Comparator.comparing((Map.Entry<String, Node> e) -> e.getValue().region().startLine())
                .thenComparing(e -> e.getValue().region().startColumn()));
        Map<String, Node> map = new LinkedHashMap<>();
        items.forEach(e -> map.put(e.getKey(), e.getValue()));
        return new Table(Collections.unmodifiableMap(map), region);
    }

    private static Object value(Object v, List<String> path, Region r) {
        if (v instanceof TomlTable t) {
            return convert(t, path, r);
        }
        if (v instanceof TomlArray a) {
            List<Node> list = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                Region ir = region(a.inputPositionOf(i));
                list.add(new Node(value(a.get(i), path, ir), ir));
            }
            return Collections.unmodifiableList(list);
        }
        return v;
    }

    private static Region region(TomlPosition p) {
        if (p == null) {
            return Region.line(1);
        }
        return Region.of(Math.max(1, p.line()), Math.max(1, p.column()), Math.max(1, p.column()));
    }
}
