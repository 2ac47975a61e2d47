package dev.lintgate.environment;

import dev.lintgate.config.ConfigSyntaxException;
import dev.lintgate.config.TomlDocument;
import java.util.Map;

/** A Pipfile: {@code [packages]} and {@code [dev-packages]} map names to {@code "*"}, a specifier, or a table. */
final class PipfileReader {
    private PipfileReader() {
    }

    static void read(String text, FileDeclarations out) {
        TomlDocument doc;
        try {
            doc = TomlDocument.parse(text);
        } catch (ConfigSyntaxException e) {
            out.unreadable(e.line(), "Pipfile is not valid TOML: " + e.getMessage());
            return;
        }
        for (String table : new String[] {"packages", "dev-packages"}) {
            doc.table(table).ifPresent(t -> {
                for (Map.Entry<String, TomlDocument.Node> e : t.entries().entrySet()) {
                    Object v = e.getValue().value();
                    String spec = v instanceof String s ? s
                            : v instanceof TomlDocument.Table tt ? tt.get("version").map(x -> String.valueOf(x.value())).orElse("*") : "*";
                    VersionSpec versions = spec.strip().equals("*") ? VersionSpec.ANY : VersionSpec.pep440(spec).orElse(VersionSpec.ANY);
                    int line = e.getValue().region().startLine();
                    if (!Requirement.isName(e.getKey())) {
                        out.unreadable(line, "`" + e.getKey() + "` is not a distribution name");
                        continue;
                    }
                    out.declarations.add(new Declaration(Requirement.normalise(e.getKey()), versions,
                            e.getKey() + (versions.isAny() ? "" : spec), out.path, line, Declaration.Kind.REQUIREMENT));
                }
            });
        }
    }
}
