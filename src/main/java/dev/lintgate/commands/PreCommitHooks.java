package dev.lintgate.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands of {@code .pre-commit-config.yaml} hooks that run pytest: a local hook's {@code entry} and
 * {@code args}, run from the repository root with the staged files appended unless {@code pass_filenames: false}.
 * A hook from another repository runs an entry lintgate cannot see; one whose id names pytest is not understood.
 */
final class PreCommitHooks {
    private PreCommitHooks() {
    }

    static List<CommandLine> commands(String path, String text, String dir) {
        if (!text.contains("pytest")) return List.of();
        Yaml.Node root;
        try {
            root = Yaml.parse(text);
        } catch (Yaml.Unsupported e) {
            return List.of(CommandLine.notUnderstood(path + ":" + Math.max(1, e.line()), "lintgate cannot read this file: " + e.getMessage()));
        }
        List<CommandLine> out = new ArrayList<>();
        if (!(root instanceof Yaml.Mapping m) || !(m.get("repos") instanceof Yaml.Sequence repos)) return out;
        for (Yaml.Node r : repos.items()) {
            if (!(r instanceof Yaml.Mapping repo) || !(repo.get("hooks") instanceof Yaml.Sequence hooks)) continue;
            boolean local = "local".equals(repo.text("repo"));
            for (Yaml.Node h : hooks.items()) {
                if (!(h instanceof Yaml.Mapping hook)) continue;
                String id = hook.text("id") == null ? "" : hook.text("id");
                String source = path + ":" + hook.line();
                if (!local) {
                    if (id.contains("pytest")) out.add(CommandLine.notUnderstood(source, "the hook `" + id + "` runs an entry defined in another repository"));
                    continue;
                }
                String entry = hook.text("entry");
                if (entry == null || !entry.contains("pytest")) continue;
                List<String> words = new ArrayList<>();
                try {
                    words.addAll(Shlex.split(entry));
                } catch (IllegalArgumentException e) {
                    out.add(CommandLine.notUnderstood(source, "the hook's entry cannot be split: " + e.getMessage()));
                    continue;
                }
                if (hook.get("args") instanceof Yaml.Sequence args) {
                    for (Yaml.Node a : args.items()) {
                        if (a instanceof Yaml.Scalar s) words.add(s.value());
                    }
                }
                if (!"false".equals(hook.text("pass_filenames"))) words.add(Words.unknownWords("<staged files>"));
                out.add(new CommandLine(source, dir, words, Map.of(), null));
            }
        }
        return out;
    }
}
