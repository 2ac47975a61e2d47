package dev.lintgate.environment;

import dev.lintgate.config.IniDocument;

/**
 * setuptools' {@code setup.cfg}: {@code [options] install_requires} and {@code tests_require}, and every key of
 * {@code [options.extras_require]}. As setuptools reads them ({@code setupcfg.py: _parse_requirements_list}): one
 * requirement per line (or separated by {@code ;} on a single line), {@code #} lines skipped, and
 * {@code file: a.txt b.txt} naming requirements files instead.
 */
final class SetupCfgReader {
    private SetupCfgReader() {
    }

    static void read(IniDocument doc, FileDeclarations out) {
        doc.section("options").ifPresent(s -> {
            s.entry("install_requires").ifPresent(e -> list(e, out));
            s.entry("tests_require").ifPresent(e -> list(e, out));
        });
        doc.section("options.extras_require").ifPresent(s -> s.entries().values().forEach(e -> list(e, out)));
        doc.section("options.entry_points").flatMap(s -> s.entry("pytest11"))
                .ifPresent(e -> out.pytestEntryPoints.add(out.path + ":" + e.line()));
    }

    private static void list(IniDocument.Entry entry, FileDeclarations out) {
        String value = entry.value().strip();
        if (value.startsWith("file:")) {
            String dir = out.path.contains("/") ? out.path.substring(0, out.path.lastIndexOf('/')) : "";
            for (String f : value.substring(5).strip().split("[,\\s]+")) {
                if (!f.isEmpty()) out.includes.add(new RequirementsFile.Include(RequirementsFile.resolve(dir, f), false, entry.line()));
            }
            return;
        }
        int line = entry.valueRegion() != null ? entry.valueRegion().startLine() : entry.line();
        // configparser keeps "key =" followed by indented lines as a multi-line value (iniconfig drops the leading
        // newline): one requirement per line then, and ';' starts a marker; only a one-line value splits at ';'
        boolean multiLine = value.contains("\n") || line > entry.line();
        String[] items = multiLine ? value.split("\n") : value.split(";");
        for (String item : items) {
            String t = item.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.pep508(t, line);
        }
    }
}
