package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.finding.Location;
import dev.lintgate.finding.Related;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Optional;

/** LG101: a deprecated module or class imported where the import runs. */
public final class DeprecatedRuntimeImport implements DeprecationRule {

    @Override
    public String code() {
        return "LG101";
    }


    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        Deprecations deprecations = project.fact(Deprecations.FACT);
        ExpectedUses expected = new ExpectedUses(project, deprecations);
        for (ImportBinding binding : file.imports()) {
            Optional<Deprecation> match = deprecations.match(binding, project);
            if (match.isEmpty()) continue;
            Deprecation d = match.get();
            DeprecatedTarget origin = d.origin();
            if (!binding.isRuntime() && origin.allowTypeChecking()) continue;
            Location at = new Location(file.path(), binding.region());
            // the shim's own import is the original offence; it is reported there, not as a re-export of itself
            if (d.isReexport() && d.via().equals(at)) continue;
            if (expected.ofImport(file, binding, d)) continue;
            sink.report(at, message(binding, d), fixHint(origin), origin.name(), related(d), null,
                    ReplacementFix.of(file, binding, d, deprecations, project));
        }
    }

    static String message(ImportBinding binding, Deprecation d) {
        DeprecatedTarget origin = d.origin();
        StringBuilder m = new StringBuilder();
        String name = "deprecated `" + origin.name() + "`";
        String via = d.isReexport() ? " through the re-export `" + d.name() + "`" : "";
        if (!binding.isRuntime()) {
            m.append("Deprecated `").append(origin.name()).append("` is imported").append(via)
                    .append(" under TYPE_CHECKING, which this entry does not allow (`allow-type-checking = false`).");
        } else if (binding.isStar()) {
            m.append("Star import brings in ").append(name).append(via).append(' ').append(binding.when()).append('.');
        } else {
            // "runs", not "is imported at import time": the statement is what runs then
            m.append("Import of ").append(name).append(via).append(" runs ").append(binding.when()).append('.');
        }
        return d.explained(m.toString());
    }

    private static String fixHint(DeprecatedTarget origin) {
        if (origin.replacement() != null) {
            return "Import `" + origin.replacement() + "` instead, or move the import under `if TYPE_CHECKING:` if it is only used in annotations.";
        }
        return "Remove the import, or move it under `if TYPE_CHECKING:` if it is only used in annotations.";
    }

    private static List<Related> related(Deprecation d) {
        if (d.isReexport()) return List.of(new Related(d.via(), "`" + d.name() + "` re-exports `" + d.origin().name() + "` here"));
        // a PEP 702 decorator is worth pointing at; a [[deprecated]] entry in the settings is not news to the reader
        if (d.isDecorated()) return List.of(new Related(d.origin().location(), "`" + d.origin().name() + "` is decorated with @deprecated here"));
        return List.of();
    }
}
