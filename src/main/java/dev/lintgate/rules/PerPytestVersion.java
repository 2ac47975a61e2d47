package dev.lintgate.rules;

import dev.lintgate.finding.Fix;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.finding.Severity;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.pytest.PytestConfigModel;
import dev.lintgate.pytest.PytestVersion;
import dev.lintgate.pytest.PytestVersions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs an LG2 rule's check once for each pytest release the project models ({@link PytestVersions}) and reports
 * each finding once. A finding that holds for every release modelled where it is reported says so plainly (and names
 * the release when there is just one: "pytest 8.4.1 ignores..."); one that holds for some of them names those and why
 * they are modelled: "pytest 8.4 (admitted by pytest>=8.4.1 in requirements.txt) ignores...", or, when the message
 * names no release, "...; with pytest 8.4 (admitted by ...)". Rules write "pytest " + the model's version where they
 * name the release; that text is what this class rewrites.
 */
public final class PerPytestVersion {
    private PerPytestVersion() {
    }

    /** A rule's check against the model of one release. */
    public interface Check {
        void run(PytestConfigModel model, FindingSink sink);
    }

    private static final String TOKEN = "pytest \u0000";

    private record Key(Location location, String message, String hint, String anchor, List<Related> related, Severity severity) {
    }

    public static void check(ProjectModel project, FindingSink sink, Check check) {
        PytestVersions versions = project.fact(PytestVersions.FACT);
        List<PytestVersion> all = versions.all();
        if (all.size() == 1) {
            // one release everywhere: every finding holds for all that is modelled, worded as the rule wrote it
            check.run(versions.model(all.get(0)), sink);
            return;
        }
        Map<Key, Set<PytestVersion>> found = new LinkedHashMap<>();
        Map<Key, Optional<Fix>> fixes = new java.util.HashMap<>();
        for (PytestVersion v : all) {
            String named = "pytest " + v;
            check.run(versions.model(v), (location, message, hint, anchor, related, severity, fix) -> {
                List<Related> neutral = related.stream().map(r -> new Related(r.location(), neutral(r.message(), named))).toList();
                Key key = new Key(location, neutral(message, named), neutral(hint, named), anchor, neutral, severity);
                synchronized (found) {
                    found.computeIfAbsent(key, k -> new TreeSet<>()).add(v);
                    // a fix that differs between releases is no fix lintgate is certain of
                    if (!fixes.containsKey(key)) fixes.put(key, Optional.ofNullable(fix));
                    else if (!fixes.get(key).equals(Optional.ofNullable(fix))) fixes.put(key, Optional.empty());
                }
            });
        }
        for (Map.Entry<Key, Set<PytestVersion>> e : found.entrySet()) {
            Key k = e.getKey();
            List<PytestVersions.Modelled> here = versions.forFile(k.location().path());
            Set<PytestVersion> holds = e.getValue();
            boolean everywhere = here.stream().allMatch(m -> holds.contains(m.version()));
            String plain = everywhere && here.size() == 1 && holds.size() == 1 ? "pytest " + holds.iterator().next() : "pytest";
            String message;
            if (everywhere) {
                message = k.message().replace(TOKEN, plain);
            } else {
                String which = describe(holds, here, versions);
                message = k.message().contains(TOKEN)
                        ? k.message().replaceFirst(java.util.regex.Pattern.quote(TOKEN), java.util.regex.Matcher.quoteReplacement("pytest " + which))
                                .replace(TOKEN, "pytest")
                        : k.message() + "; with pytest " + which;
            }
            List<Related> related = k.related().stream().map(r -> new Related(r.location(), r.message().replace(TOKEN, plain))).toList();
            sink.report(k.location(), message, k.hint() == null ? null : k.hint().replace(TOKEN, plain), k.anchor(), related, k.severity(),
                    fixes.get(k).orElse(null));
        }
    }

    private static String neutral(String text, String named) {
        return text == null ? null : text.replace(named, TOKEN);
    }

    // "8.4 (admitted by pytest>=8.4.1 in requirements.txt)", "8.4 and 9.0 (admitted by ...)", "8.4.1 (locked in a/uv.lock)"
    private static String describe(Set<PytestVersion> holds, List<PytestVersions.Modelled> here, PytestVersions versions) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (PytestVersion v : holds) {
            PytestVersions.Modelled m = here.stream().filter(x -> x.version().equals(v)).findFirst().orElseGet(() -> versions.modelled(v));
            byReason.computeIfAbsent(m.because(), r -> new ArrayList<>()).add(m.shown());
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> r : byReason.entrySet()) {
            parts.add(String.join(" and ", r.getValue()) + " (" + r.getKey() + ")");
        }
        return String.join(" and ", parts);
    }
}
