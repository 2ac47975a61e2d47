package dev.lintgate.rules.pytest;

import dev.lintgate.config.IniDocument;
import dev.lintgate.config.TomlDocument;
import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Fix;
import dev.lintgate.pytest.PytestConfigFile;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LG201's fix: deletes the shadowed section and adds its settings to the winning INI file's pytest section (a
 * {@code [pytest]} section at its end when the winner is a bare {@code pytest.ini}), so pytest reads what the author
 * wrote. Offered only where the move is certain: the winner is an INI file; every value means in INI what it meant
 * where it was (a TOML string, bool or int; an array of strings for a {@code linelist} key as one line per item, for
 * an {@code args} or {@code paths} key space-joined when no item needs quoting); no key set in both files to
 * different values (a person must choose); no comment in the section (it would be lost). Unsafe: the settings start
 * to take effect, which changes how the tests run.
 */
final class ShadowedSettingsMove {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TOML_KEY_LINE = Pattern.compile("\\s*[A-Za-z0-9_\"'.-]+\\s*=.*");
    private static final Pattern PLAIN_WORD = Pattern.compile("[^\\s'\"\\\\]+");

    private ShadowedSettingsMove() {
    }

    static Fix of(PytestConfigModel model, PytestConfigFile shadowed, PytestConfigFile winner) {
        if (shadowed.syntaxError().isPresent() || winner.syntaxError().isPresent() || winner.ini().isEmpty()) return null;
        // deleting the section of a pytest.ini leaves a file that still counts as a config
        if (shadowed.fileName().endsWith("pytest.ini")) return null;
        PytestConfigFile.Load load = model.load(shadowed);
        if (load.mode() != PytestOption.Mode.INI) return null;
        String[] lines = lines(model, shadowed);
        String[] winnerLines = lines(model, winner);
        if (lines == null || winnerLines == null) return null;
        boolean toml = shadowed.toml().isPresent();
        int header = load.section().startLine();
        if (header > lines.length) return null;
        String headerText = lines[header - 1].strip();
        if (!headerText.equals(toml ? "[tool.pytest.ini_options]" : shadowed.fileName().equals("setup.cfg") ? "[tool:pytest]" : "[pytest]")) {
            return null;
        }
        int last = lastLine(lines, header, toml);
        for (int l = header + 1; l <= last; l++) {
            String s = lines[l - 1].strip();
            if (toml ? s.contains("#") || s.contains("\"\"\"") || s.contains("'''") : s.startsWith("#") || s.startsWith(";")) return null;
        }

        Optional<IniDocument.Section> target = winner.ini().get().section("pytest");
        Map<String, String> types = model.knownKeys(model.runFor(winner));
        Map<String, String> moved = toml ? fromToml(shadowed, lines, header, last, types) : fromIni(shadowed, lines, header, last);
        if (moved == null) return null;
        StringBuilder added = new StringBuilder();
        List<String> addedKeys = new ArrayList<>();
        for (Map.Entry<String, String> e : moved.entrySet()) {
            Optional<IniDocument.Entry> there = target.flatMap(s -> s.entry(e.getKey()));
            if (there.isEmpty()) {
                added.append(e.getValue());
                addedKeys.add(e.getKey());
                continue;
            }
            if (!sameSetting(e.getKey(), e.getValue(), there.get().value(), types)) return null;
        }

        List<Fix.Change> changes = new ArrayList<>();
        changes.add(new Fix.Change(shadowed.path(), List.of(Edit.deleteLines(header, last))));
        if (added.length() > 0) {
            String text = String.join("\n", winnerLines);
            boolean endsOpen = !text.isEmpty() && !text.endsWith("\n");
            Edit insert;
            if (target.isPresent()) {
                int end = lastLine(winnerLines, target.get().header().startLine(), false);
                String prefix = endsOpen && end >= lineCount(winnerLines) ? "\n" : "";
                insert = Edit.insertAt(end + 1, prefix + added);
            } else {
                String prefix = text.isEmpty() ? "" : (endsOpen ? "\n\n" : "\n");
                insert = Edit.insertAt(lineCount(winnerLines) + 1, prefix + "[pytest]\n" + added);
            }
            if (winnerLines.length == 1) {
                // a winner without a line break (an empty pytest.ini) gets the line endings of the file the lines come from
                String newline = newline(model, shadowed);
                insert = new Edit(insert.region(), insert.content().replace("\n", newline));
            }
            changes.add(new Fix.Change(winner.path(), List.of(insert)));
        }
        String what = addedKeys.isEmpty() ? "Delete " + model.describe(shadowed)
                : "Move " + String.join(", ", addedKeys) + " into " + winner.displayPath() + " and delete "
                        + model.describe(shadowed);
        return new Fix(Applicability.UNSAFE, what, changes, null);
    }

    /** Each key's lines as the winner gets them, or null when one cannot be written in INI with the same meaning. */
    private static Map<String, String> fromToml(PytestConfigFile f, String[] lines, int header, int last, Map<String, String> types) {
        Optional<TomlDocument.Table> table = f.toml().get().table("tool", "pytest").flatMap(t -> t.table("ini_options"));
        if (table.isEmpty()) return null;
        // every key on a line of its own in this section: no dotted or inline-table definitions elsewhere
        long keyLines = Arrays.stream(lines, header, last).filter(l -> TOML_KEY_LINE.matcher(l).matches()).count();
        if (keyLines != table.get().entries().size()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, TomlDocument.Node> e : table.get().entries().entrySet()) {
            String key = e.getKey();
            if (!BARE_KEY.matcher(key).matches()) return null;
            Object v = e.getValue().value();
            String ini;
            if (v instanceof String s) {
                if (!singleLine(s) || !s.equals(s.strip())) return null;
                ini = key + " = " + s + "\n";
            } else if (v instanceof Boolean || v instanceof Long) {
                ini = key + " = " + e.getValue().pythonStr() + "\n";
            } else if (v instanceof List<?> list) {
                List<String> items = new ArrayList<>();
                for (Object o : list) {
                    if (!(((TomlDocument.Node) o).value() instanceof String s)) return null;
                    items.add(s);
                }
                String type = types.get(key);
                if ("linelist".equals(type)) {
                    StringBuilder b = new StringBuilder(key + " =\n");
                    for (String s : items) {
                        if (!singleLine(s) || s.isBlank() || !s.equals(s.strip())) return null;
                        b.append("    ").append(s).append('\n');
                    }
                    ini = b.toString();
                } else if ("args".equals(type) || "paths".equals(type)) {
                    if (!items.stream().allMatch(s -> PLAIN_WORD.matcher(s).matches())) return null;
                    ini = key + " = " + String.join(" ", items) + "\n";
                } else {
                    return null;
                }
            } else {
                return null;
            }
            out.put(key, ini);
        }
        return out;
    }

    /** Each key's lines verbatim, continuation lines included. */
    private static Map<String, String> fromIni(PytestConfigFile f, String[] lines, int header, int last) {
        IniDocument.Section section = f.ini().flatMap(d -> d.section(f.fileName().equals("setup.cfg") ? "tool:pytest" : "pytest")).orElse(null);
        if (section == null) return null;
        List<IniDocument.Entry> entries = new ArrayList<>(section.entries().values());
        entries.sort(java.util.Comparator.comparingInt(IniDocument.Entry::line));
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int from = entries.get(i).line();
            int to = i + 1 < entries.size() ? entries.get(i + 1).line() - 1 : last;
            while (to > from && lines[to - 1].isBlank()) to--;
            StringBuilder b = new StringBuilder();
            for (int l = from; l <= to; l++) b.append(lines[l - 1].replace("\r", "")).append('\n');
            out.put(entries.get(i).key(), b.toString());
        }
        return out;
    }

    /** Whether the winner's value means what the moved lines say, so the key need not move. */
    private static boolean sameSetting(String key, String movedLines, String existing, Map<String, String> types) {
        String moved = movedLines.substring(movedLines.indexOf('=') + 1).strip();
        String type = types.getOrDefault(key, "string");
        return switch (type) {
            case "linelist" -> items(moved, "\n").equals(items(existing, "\n"));
            case "args", "paths" -> !existing.matches("(?s).*['\"\\\\].*") && items(moved, "\\s+").equals(items(existing, "\\s+"));
            case "bool" -> moved.equalsIgnoreCase(existing.strip());
            default -> moved.equals(existing.strip());
        };
    }

    private static List<String> items(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean singleLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /** The last non-blank line of the section whose header is on {@code header}. */
    private static int lastLine(String[] lines, int header, boolean toml) {
        int last = header;
        for (int l = header + 1; l <= lineCount(lines); l++) {
            String s = lines[l - 1];
            if (toml ? s.strip().startsWith("[") : s.startsWith("[")) break;
            if (!s.isBlank()) last = l;
        }
        return last;
    }

    /** Lines as the fix numbers them: a trailing line ending opens no line of its own. */
    private static int lineCount(String[] lines) {
        return lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    }

    private static String newline(PytestConfigModel model, PytestConfigFile f) {
        String text = model.project().bytes(f.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        int at = text.indexOf('\n');
        return at > 0 && text.charAt(at - 1) == '\r' ? "\r\n" : "\n";
    }

    private static String[] lines(PytestConfigModel model, PytestConfigFile f) {
        return model.project().bytes(f.path()).map(b -> new String(b, StandardCharsets.UTF_8))
                .map(t -> t.startsWith("\uFEFF") ? t.substring(1) : t).map(t -> t.split("\r?\n|\r", -1)).orElse(null);
    }
}
