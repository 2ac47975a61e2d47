package dev.lintgate.rules.names;

import dev.lintgate.project.ProjectModel;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code conf.py} files Sphinx runs, which it runs in a namespace that already holds {@code tags}
 * ({@code sphinx.config.eval_config_file}: {@code namespace['tags'] = tags}). Only where that is certain: the file a
 * Read the Docs config names ({@code sphinx: configuration: docs/conf.py}), or a {@code conf.py} in a Sphinx source
 * directory, one that holds the master document ({@code index.rst}, {@code index.md}, {@code contents.rst}) or the
 * {@code Makefile}/{@code make.bat} that runs {@code sphinx-build} there.
 */
final class SphinxConfigs {
    static final ProjectModel.Fact<Set<String>> FACT = new ProjectModel.Fact<>("sphinx configs", SphinxConfigs::find);

    private static final List<String> MASTER_DOCUMENTS = List.of("index.rst", "index.md", "index.txt", "contents.rst");
    private static final List<String> READ_THE_DOCS = List.of(".readthedocs.yml", ".readthedocs.yaml");

    private SphinxConfigs() {
    }

    private static Set<String> find(ProjectModel project) {
        Set<String> files = new HashSet<>(project.files());
        Set<String> out = new HashSet<>();
        for (String f : project.files()) {
            String name = f.substring(f.lastIndexOf('/') + 1);
            String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/') + 1) : "";
            if (READ_THE_DOCS.contains(name)) {
                String configured = readTheDocsConfiguration(text(project, f));
                if (configured != null) out.add(configured);
            } else if (name.equals("conf.py")) {
                boolean source = MASTER_DOCUMENTS.stream().anyMatch(d -> files.contains(dir + d))
                        || runsSphinxBuild(project, files, dir + "Makefile") || runsSphinxBuild(project, files, dir + "make.bat")
                        // sphinx-quickstart's separate layout: docs/Makefile builds docs/source/
                        || dir.endsWith("source/") && runsSphinxBuild(project, files, dir.substring(0, dir.length() - 7) + "Makefile");
                if (source) out.add(f);
            }
        }
        return Set.copyOf(out);
    }

    private static boolean runsSphinxBuild(ProjectModel project, Set<String> files, String path) {
        return files.contains(path) && text(project, path).contains("sphinx-build");
    }

    private static String text(ProjectModel project, String path) {
        return project.bytes(path).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * The value of {@code configuration} in the top-level {@code sphinx} mapping of a Read the Docs config (block
     * style, as its documentation writes it); null when there is none. Paths are relative to the repository root.
     */
    static String readTheDocsConfiguration(String yaml) {
        boolean inSphinx = false;
        for (String raw : yaml.split("\r?\n", -1)) {
            String line = stripComment(raw);
            if (line.isBlank()) continue;
            boolean topLevel = !Character.isWhitespace(line.charAt(0));
            if (topLevel) {
                inSphinx = line.strip().equals("sphinx:");
                continue;
            }
            String entry = line.strip();
            if (inSphinx && entry.startsWith("configuration:")) {
                String value = entry.substring("configuration:".length()).strip();
                if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    value = value.substring(1, value.length() - 1);
                }
                while (value.startsWith("./")) value = value.substring(2);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** A YAML comment starts at a '#' that begins the line or follows white space. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }
}
