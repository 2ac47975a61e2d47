package dev.lintgate.environment;

import dev.lintgate.config.IniDocument;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code deps} of every {@code [testenv]} and {@code [testenv:NAME]} section of a {@code tox.ini}. Each line is
 * a requirements-file line (so {@code -r}, {@code -c} and {@code -e} work, relative to tox.ini's directory) after
 * what tox does first: a factor condition ({@code py311,mysql: name}) is dropped, since some environment installs
 * it; {@code {[section]key}} is replaced by that value; {@code {toxinidir}} is the directory; a {@code #} after
 * whitespace starts a comment and {@code \#} is a literal {@code #}; a {@code [testenv:NAME]} without the key
 * referred to inherits it from {@code [testenv]}. Any other substitution ({@code {env:X}},
 * {@code {posargs}}) makes the line unreadable.
 */
final class ToxReader {
    private ToxReader() {
    }

    private static final Pattern FACTORS = Pattern.compile("^!?[\\w{},.!-]+:\\s+");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\[([^\\]]+)\\]([^}]+)\\}");

    static void read(IniDocument doc, FileDeclarations out) {
        for (IniDocument.Section s : doc.sections()) {
            if (!s.name().equals("testenv") && !s.name().startsWith("testenv:")) continue;
            s.entry("deps").ifPresent(e -> deps(doc, e.value(), e.line(), out, new HashSet<>()));
        }
    }

    private static void deps(IniDocument doc, String value, int line, FileDeclarations out, Set<String> seen) {
        StringBuilder lines = new StringBuilder();
        for (String raw : value.split("\n")) {
            String t = withoutComment(raw).strip();
            Matcher ref = REFERENCE.matcher(t);
            if (ref.matches()) {
                Optional<IniDocument.Entry> target = doc.section(ref.group(1)).flatMap(x -> x.entry(ref.group(2)));
                // an environment's section without the key inherits it from [testenv], as tox 4 resolves it
                if (target.isEmpty() && ref.group(1).startsWith("testenv:")) {
                    target = doc.section("testenv").flatMap(x -> x.entry(ref.group(2)));
                }
                if (target.isEmpty()) out.unreadable(line, "`" + t + "` refers to no value of tox.ini");
                else if (seen.add(ref.group(1) + "\u0000" + ref.group(2))) deps(doc, target.get().value(), line, out, seen);
                continue;
            }
            t = FACTORS.matcher(t).replaceFirst("").replace("{toxinidir}/", "").replace("{toxinidir}", ".");
            if (t.contains("{") || t.contains("}")) {
                out.unreadable(line, "the tox substitution in `" + t + "`");
                continue;
            }
            lines.append(t.replace("\\#", "#")).append('\n');
        }
        RequirementsFile read = RequirementsFile.parse(out.path, lines.toString());
        for (RequirementsFile.Line r : read.requirements()) out.requirement(r.requirement(), line);
        for (RequirementsFile.Include i : read.includes()) out.includes.add(new RequirementsFile.Include(i.target(), i.constraint(), line));
        for (Unreadable u : read.unreadable()) out.unreadable(line, u.why());
    }

    // tox: '#' after whitespace starts a comment, '\#' is a literal '#'
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }
}
