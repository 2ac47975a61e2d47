package dev.lintgate.engine;

import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Finding;
import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Notification;
import dev.lintgate.finding.Region;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.CacheFile;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An {@link Engine.Result} as {@link ResultCache} keeps it: every field of every finding, so a replay prints the same. */
final class ResultFormat {
    private ResultFormat() {
    }

    /**
     * Writes the result with each distinct string once, where it first occurs, and as its index after that: a run's
     * findings repeat their paths, configs and fix texts thousands of times, and a replay reads the file before it
     * prints anything.
     */
    static void write(DataOutputStream out, Engine.Result result) throws IOException {
        body(out, result, new Table());
    }

    private static void body(DataOutputStream out, Engine.Result result, Table strings) throws IOException {
        out.writeInt(result.findings().size());
        for (Finding f : result.findings()) {
            strings.put(out, f.code());
            out.writeByte(f.severity().ordinal());
            strings.put(out, f.message());
            location(out, f.location(), strings);
            out.writeInt(f.related().size());
            for (Related r : f.related()) {
                location(out, r.location(), strings);
                strings.put(out, r.message());
            }
            strings.put(out, f.fixHint());
            strings.put(out, f.anchor());
            out.writeBoolean(f.fix() != null);
            if (f.fix() != null) fix(out, f.fix(), strings);
        }
        out.writeInt(result.notifications().size());
        for (Notification n : result.notifications()) {
            out.writeByte(n.level().ordinal());
            strings.put(out, n.message());
            out.writeBoolean(n.location() != null);
            if (n.location() != null) location(out, n.location(), strings);
        }
        out.writeInt(result.filesChecked());
        out.writeBoolean(result.complete());
    }

    static Engine.Result read(DataInputStream in, Set<String> scope) throws IOException {
        List<String> strings = new ArrayList<>();
        int n = CacheFile.readCount(in);
        List<Finding> findings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String code = get(in, strings);
            Severity severity = Severity.values()[in.readUnsignedByte()];
            String message = get(in, strings);
            Location location = location(in, strings);
            int r = CacheFile.readCount(in);
            List<Related> related = new ArrayList<>(r);
            for (int j = 0; j < r; j++) related.add(new Related(location(in, strings), get(in, strings)));
            String hint = get(in, strings);
            String anchor = get(in, strings);
            Fix fix = in.readBoolean() ? fix(in, strings) : null;
            findings.add(new Finding(code, severity, message, location, related, hint, anchor, fix));
        }
        n = CacheFile.readCount(in);
        List<Notification> notifications = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Severity level = Severity.values()[in.readUnsignedByte()];
            String message = get(in, strings);
            notifications.add(new Notification(level, message, in.readBoolean() ? location(in, strings) : null));
        }
        int checked = in.readInt();
        boolean complete = in.readBoolean();
        return new Engine.Result(findings, notifications, checked, complete, scope);
    }

    private static void fix(DataOutputStream out, Fix fix, Table strings) throws IOException {
        out.writeByte(fix.applicability().ordinal());
        strings.put(out, fix.message());
        strings.put(out, fix.isolation());
        out.writeInt(fix.changes().size());
        for (Fix.Change c : fix.changes()) {
            strings.put(out, c.path());
            out.writeInt(c.edits().size());
            for (Edit e : c.edits()) {
                region(out, e.region());
                strings.put(out, e.content());
            }
        }
    }

    private static Fix fix(DataInputStream in, List<String> strings) throws IOException {
        Applicability applicability = Applicability.values()[in.readUnsignedByte()];
        String message = get(in, strings);
        String isolation = get(in, strings);
        int n = CacheFile.readCount(in);
        List<Fix.Change> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = get(in, strings);
            int m = CacheFile.readCount(in);
            List<Edit> edits = new ArrayList<>(m);
            for (int j = 0; j < m; j++) edits.add(new Edit(region(in), get(in, strings)));
            changes.add(new Fix.Change(path, edits));
        }
        return new Fix(applicability, message, changes, isolation);
    }

    private static void location(DataOutputStream out, Location l, Table strings) throws IOException {
        strings.put(out, l.path());
        region(out, l.region());
    }

    private static Location location(DataInputStream in, List<String> strings) throws IOException {
        return new Location(get(in, strings), region(in));
    }

    private static void region(DataOutputStream out, Region r) throws IOException {
        out.writeInt(r.startLine());
        out.writeInt(r.startColumn());
        out.writeInt(r.endLine());
        out.writeInt(r.endColumn());
    }

    private static Region region(DataInputStream in) throws IOException {
        return new Region(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    /**
     * The strings written so far, each with its index. A string is written as its index; the index one past the
     * last, followed by the string, adds it; null is -1.
     */
    private static final class Table {
        final Map<String, Integer> index = new HashMap<>();

        void put(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = index.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            out.writeInt(index.size());
            index.put(s, index.size());
            CacheFile.writeString(out, s);
        }
    }

    private static String get(DataInputStream in, List<String> strings) throws IOException {
        int i = in.readInt();
        if (i == -1) return null;
        if (i == strings.size()) {
            String s = CacheFile.readString(in);
            if (s == null) throw new IOException("damaged");
            strings.add(s);
            return s;
        }
        if (i < 0 || i > strings.size()) throw new IOException("damaged");
        return strings.get(i);
    }

}
