package dev.lintgate.pytest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lintgate pytest-config} prints about one {@link PytestRun}. {@link #model} is the single description:
 * the JSON form prints it as is, the text form lays it out for people, and the oracle test compares it with what
 * real pytest reports.
 */
public final class PytestConfigReport {
    private PytestConfigReport() {
    }

    /** A value pytest would fail to read (TypeError) is shown as "!TypeError: ..." in place of the value. */
    public static Map<String, Object> model(PytestRun run, FileTree tree) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pytestVersion", run.version().toString());
        m.put("cwd", tree.display(run.cwd()));
        m.put("args", run.args());
        m.put("searched", run.searched());
        if (run.error().isPresent()) {
            m.put("error", run.error().get());
            m.put("errorLocation", run.errorLocation().map(Object::toString).orElse(null));
            return m;
        }
        m.put("rootdir", tree.display(run.rootdir()));
        m.put("configfile", run.configFile().map(PytestConfigFile::displayPath).orElse(null));
        m.put("how", run.how());
        m.put("shadowed", run.shadowed().stream().map(PytestConfigFile::displayPath).toList());
        m.put("shadowedInHeader", run.shadowedInHeader());
        Map<String, Object> options = new LinkedHashMap<>();
        run.values().forEach((k, v) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("value", v.value());
            o.put("source", v.location() != null ? v.location().path() + ":" + v.location().region().startLine() : v.origin());
            options.put(k, o);
        });
        m.put("options", options);
        m.put("addopts", run.addopts());
        m.put("collects", run.collectionRoots().stream().map(tree::display).toList());
        // only when there is something to say: what the model cannot read in the arguments
        if (!run.fullArgs().unknownOptions().isEmpty()) {
            m.put("unknownOptions", run.fullArgs().unknownOptions());
            m.put("mayAlsoCollect", run.ambiguousRoots().stream().map(tree::display).toList());
        }
        if (run.fullArgs().unbounded() != null) m.put("pathsUnknown", run.fullArgs().unbounded());
        Map<String, Object> asyncio = new LinkedHashMap<>();
        if (run.asyncioDisabled()) {
            asyncio.put("disabled", "-p no:asyncio");
        } else {
            asyncio.put("mode", read(run::asyncioMode));
            asyncio.put("fixtureLoopScope", read(run::fixtureLoopScope));
            asyncio.put("testLoopScope", read(run::testLoopScope));
        }
        m.put("asyncio", asyncio);
        m.put("markers", read(run::markerNames));
        Map<String, Object> strict = new LinkedHashMap<>();
        strict.put("markers", run.strictMarkers());
        strict.put("config", run.strictConfig());
        m.put("strict", strict);
        return m;
    }

    private interface Read {
        Object get() throws PytestRun.TypeMismatch;
    }

    private static Object read(Read r) {
        try {
            return r.get();
        } catch (PytestRun.TypeMismatch e) {
            return "!TypeError: " + e.getMessage();
        }
    }

    public static String json(Object model) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            write(g, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString() + "\n";
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) write(g, o);
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        Object because = m.get("modelledBecause");
        b.append("pytest ").append(m.get("pytestVersion")).append(because == null || String.valueOf(because).isEmpty()
                ? " (as modelled)" : " (as modelled: " + because + ")").append(", run in ").append(m.get("cwd"));
        List<String> args = (List<String>) m.get("args");
        b.append(args.isEmpty() ? " with no arguments" : " with: " + String.join(" ", args)).append('\n');
        if (m.get("alsoModelled") instanceof List<?> others) {
            b.append("also modelled (--all-versions shows each): ").append(String.join(", ", (List<String>) others)).append('\n');
        }
        List<String> searched = (List<String>) m.get("searched");
        if (!searched.isEmpty()) {
            b.append("config files met walking up (nearest first):\n");
            searched.forEach(line -> b.append("  ").append(line).append('\n'));
        }
        if (m.containsKey("error")) {
            b.append("error: pytest stops before collecting: ").append(m.get("error")).append('\n');
            if (m.get("errorLocation") != null) b.append("  at ").append(m.get("errorLocation")).append('\n');
            return b.toString();
        }
        b.append("rootdir: ").append(m.get("rootdir")).append('\n');
        Object cf = m.get("configfile");
        b.append("configfile: ").append(cf == null ? "(none)" : cf).append('\n');
        if (!String.valueOf(m.get("how")).isEmpty()) b.append("  why: ").append(m.get("how")).append('\n');
        for (String s : (List<String>) m.get("shadowed")) {
            b.append("  ignored: ").append(s).append(" (holds pytest config, but ").append(cf)
                    .append(" comes first in the same directory; configs never merge)\n");
        }
        Map<String, Object> options = (Map<String, Object>) m.get("options");
        b.append("options:").append(options.isEmpty() ? " (none set; pytest defaults apply)" : "").append('\n');
        List<String> keys = new ArrayList<>(options.keySet());
        int width = keys.stream().mapToInt(String::length).max().orElse(0);
        for (String k : keys) {
            Map<String, Object> o = (Map<String, Object>) options.get(k);
            String value = String.valueOf(o.get("value")).replace("\n", "\\n");
            b.append("  ").append(k).append(" ".repeat(width - k.length())).append(" = ").append(value)
                    .append("    (").append(o.get("source")).append(")\n");
        }
        b.append("collects from: ").append(String.join(", ", (List<String>) m.get("collects"))).append('\n');
        if (m.containsKey("unknownOptions")) {
            List<String> also = (List<String>) m.get("mayAlsoCollect");
            b.append("  options lintgate does not know: ").append(String.join(", ", (List<String>) m.get("unknownOptions")))
                    .append(also.isEmpty() ? " (no word after them names a path)" : "; if they take no value it also collects from: "
                            + String.join(", ", also)).append('\n');
        }
        if (m.containsKey("pathsUnknown")) b.append("  its paths are not known: ").append(m.get("pathsUnknown")).append('\n');
        Map<String, Object> a = (Map<String, Object>) m.get("asyncio");
        if (a.containsKey("disabled")) {
            b.append("pytest-asyncio: disabled by -p no:asyncio (its asyncio_* options are unknown keys)\n");
        } else b.append("pytest-asyncio: mode ").append(a.get("mode"))
                .append(", fixture loop scope ").append(a.get("fixtureLoopScope") == null
                        ? "unset (each async fixture uses its own caching scope)" : a.get("fixtureLoopScope"))
                .append(", test loop scope ").append(a.get("testLoopScope")).append('\n');
        Object markers = m.get("markers");
        b.append("built-in markers: ").append(String.join(", ", PluginCatalog.CORE_MARKERS)).append('\n');
        b.append("markers from config: ").append(markers instanceof List<?> l ? (l.isEmpty() ? "(none)" : String.join(", ", (List<String>) l)) : markers).append('\n');
        Map<String, Object> s = (Map<String, Object>) m.get("strict");
        b.append("strict markers: ").append((Boolean) s.get("markers") ? "yes" : "no")
                .append(", strict config: ").append((Boolean) s.get("config") ? "yes" : "no").append('\n');
        return b.toString();
    }
}
