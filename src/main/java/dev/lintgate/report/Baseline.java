package dev.lintgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lintgate.config.ConfigException;
import dev.lintgate.config.IoReason;
import dev.lintgate.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The findings a repository had when it adopted lintgate, which a run then reports as baselined instead of failing
 * on them. One entry per {@link Fingerprint#key} (rule, file, the symbol the finding is about; no line), with the
 * number of equal findings in the file, so that an entry survives lines moving and unrelated edits. Written sorted
 * by path, code and fingerprint, one field per line, so that a change to it reads well in a diff.
 */
public final class Baseline {
    public static final int VERSION = 1;
    public static final String DEFAULT_FILE = "lintgate-baseline.json";

    /** {@code message} is for the reader of the file (and the "fixed" line); only the fingerprint matches. */
    public record Entry(String fingerprint, String code, String path, String message, int count) {
        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::code)
                .thenComparing(Entry::fingerprint);

        Entry withCount(int n) {
            return new Entry(fingerprint, code, path, message, n);
        }
    }

    /**
     * One run's findings against a baseline: {@code fresh} fail the run as before, {@code baselined} were recorded,
     * {@code fixed} are the recorded findings the run looked for and did not find (with how many are gone).
     */
    public record Matched(List<Finding> fresh, List<Finding> baselined, List<Entry> fixed) {
        public Matched {
            fresh = List.copyOf(fresh);
            baselined = List.copyOf(baselined);
            fixed = List.copyOf(fixed);
        }
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Entry.ORDER);
        this.entries = List.copyOf(sorted);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every finding of a run, equal ones counted. */
    public static Baseline of(List<Finding> findings) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Finding f : findings) {
            String key = Fingerprint.key(f);
            byKey.merge(key, new Entry(key, f.code(), f.location().path(), f.message(), 1), (a, b) -> new Entry(key,
                    a.code(), a.path(), a.message().compareTo(b.message()) <= 0 ? a.message() : b.message(), a.count() + b.count()));
        }
        return new Baseline(new ArrayList<>(byKey.values()));
    }

    /**
     * Which findings the baseline holds. Equal findings are taken in report order up to the entry's count; a
     * recorded finding the run did not see is fixed only where the run looked ({@code looked}: its file was checked
     * and its rule ran), since a run over three files says nothing about the rest.
     */
    public Matched match(List<Finding> findings, Predicate<Entry> looked) {
        Map<String, Integer> left = new HashMap<>();
        for (Entry e : entries) left.put(e.fingerprint(), e.count());
        List<Finding> fresh = new ArrayList<>();
        List<Finding> baselined = new ArrayList<>();
        for (Finding f : findings) {
            String key = Fingerprint.key(f);
            Integer n = left.get(key);
            if (n != null && n > 0) {
                left.put(key, n - 1);
                baselined.add(f);
            } else {
                fresh.add(f);
            }
        }
        List<Entry> fixed = new ArrayList<>();
        for (Entry e : entries) {
            int gone = left.get(e.fingerprint());
            if (gone > 0 && looked.test(e)) fixed.add(e.withCount(gone));
        }
        return new Matched(fresh, baselined, fixed);
    }

    /** This baseline less what {@code matched} found fixed: it only ever shrinks. */
    public Baseline withoutFixed(Matched matched) {
        Map<String, Integer> gone = new HashMap<>();
        for (Entry e : matched.fixed()) gone.put(e.fingerprint(), e.count());
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            int n = e.count() - gone.getOrDefault(e.fingerprint(), 0);
            if (n > 0) out.add(e.withCount(n));
        }
        return new Baseline(out);
    }

    /**
     * A new baseline of {@code findings}, keeping the entries of this one that the run did not look at (files not
     * checked, rules that did not run): {@code lintgate baseline src/} records src/ and leaves the rest as it was.
     */
    public Baseline replacing(List<Finding> findings, Predicate<Entry> looked) {
        List<Entry> out = new ArrayList<>(of(findings).entries);
        Map<String, Entry> taken = new HashMap<>();
        for (Entry e : out) taken.put(e.fingerprint(), e);
        for (Entry e : entries) {
            if (!looked.test(e) && !taken.containsKey(e.fingerprint())) out.add(e);
        }
        return new Baseline(out);
    }

    public int findingCount() {
        return entries.stream().mapToInt(Entry::count).sum();
    }

    public void write(Writer out) throws IOException {
        JsonGenerator gen = JsonWriting.open(out);
        gen.writeStartObject();
        gen.writeNumberField("version", VERSION);
        gen.writeStringField("tool", "lintgate");
        gen.writeArrayFieldStart("findings");
        for (Entry e : entries) write(gen, e);
        gen.writeEndArray();
        gen.writeEndObject();
        JsonWriting.close(gen, out);
    }

    /** One entry as the baseline file holds it, and as JSON output lists a fixed one. */
    static void write(JsonGenerator gen, Entry e) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("fingerprint", e.fingerprint());
        gen.writeStringField("code", e.code());
        gen.writeStringField("path", e.path());
        gen.writeStringField("message", e.message());
        gen.writeNumberField("count", e.count());
        gen.writeEndObject();
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /** @param shown the file as the error messages name it */
    public static Baseline read(Path file, String shown) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(shown, "no such baseline file (write it with 'lintgate baseline')");
        } catch (IOException e) {
            throw new ConfigException(shown, "cannot read the baseline (" + IoReason.of(e) + ")");
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return new Reader(p, shown).document();
        } catch (JsonProcessingException e) {
            throw new ConfigException(shown + ":" + e.getLocation().getLineNr(), "not a lintgate baseline: " + jsonProblem(e));
        } catch (IOException e) {
            throw new ConfigException(shown, "cannot read the baseline (" + IoReason.of(e) + ")");
        }
    }

    /** Jackson's words for what is wrong, without its note of where it started reading (the line is given already). */
    private static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int detail = message.indexOf(" (start marker at");
        return detail < 0 ? message : message.substring(0, detail);
    }

    /** The streaming read of the file, with the line of whatever is wrong. */
    private record Reader(JsonParser p, String shown) {
        Baseline document() throws IOException {
            expect(p.nextToken() == JsonToken.START_OBJECT, "expected a JSON object");
            List<Entry> entries = null;
            Integer version = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> {
                        expect(value == JsonToken.VALUE_NUMBER_INT, "'version' must be a number");
                        version = p.getIntValue();
                        expect(version == VERSION, "version " + version + " is not one this lintgate reads (" + VERSION + ")");
                    }
                    case "findings" -> {
                        expect(value == JsonToken.START_ARRAY, "'findings' must be an array");
                        entries = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_OBJECT) entries.add(entry());
                        expect(p.currentToken() == JsonToken.END_ARRAY, "'findings' must hold objects");
                    }
                    default -> p.skipChildren();
                }
            }
            expect(version != null && entries != null, "'version' and 'findings' are required");
            // an entry written twice (by hand, or by a merge of two branches' baselines) counts both times
            Map<String, Entry> merged = new LinkedHashMap<>();
            for (Entry e : entries) merged.merge(e.fingerprint(), e, (a, b) -> a.withCount(a.count() + b.count()));
            return new Baseline(new ArrayList<>(merged.values()));
        }

        private Entry entry() throws IOException {
            int line = p.currentLocation().getLineNr();
            Map<String, Object> fields = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) fields.put(field, p.getText());
                else if (value == JsonToken.VALUE_NUMBER_INT) fields.put(field, p.getIntValue());
                else p.skipChildren();
            }
            for (String key : List.of("fingerprint", "code", "path", "message")) {
                if (!(fields.get(key) instanceof String)) throw new ConfigException(shown + ":" + line, "a finding needs '" + key + "' (a string)");
            }
            if (!(fields.get("count") instanceof Integer n) || n < 1) {
                throw new ConfigException(shown + ":" + line, "a finding needs 'count', a number of 1 or more");
            }
            return new Entry((String) fields.get("fingerprint"), (String) fields.get("code"), (String) fields.get("path"),
                    (String) fields.get("message"), n);
        }

        private void expect(boolean ok, String problem) {
            if (!ok) throw new ConfigException(shown + ":" + p.currentLocation().getLineNr(), problem);
        }
    }
}
