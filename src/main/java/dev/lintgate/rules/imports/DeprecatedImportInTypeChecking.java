package dev.lintgate.rules.imports;

import dev.lintgate.finding.Location;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.PythonFile;
import dev.lintgate.rules.FindingSink;
import java.util.List;
import java.util.Optional;

/** LG105: a deprecated target imported only for type checking; off by default, for tracking a migration to zero. */
public final class DeprecatedImportInTypeChecking implements DeprecationRule {

    @Override
    public String code() {
        return "LG105";
    }


    @Override
    public void check(PythonFile file, ProjectModel project, FindingSink sink) {
        Deprecations deprecations = project.fact(Deprecations.FACT);
        ExpectedUses expected = new ExpectedUses(project, deprecations);
        for (ImportBinding binding : file.imports()) {
            if (binding.isRuntime()) continue;
            Optional<Deprecation> match = deprecations.match(binding, project);
            if (match.isEmpty()) continue;
            Deprecation d = match.get();
            // with allow-type-checking = false LG101 reports these already
            if (!d.origin().allowTypeChecking() || expected.ofImport(file, binding, d)) continue;
            String replacement = d.origin().replacement();
            sink.report(new Location(file.path(), binding.region()),
                    "Deprecated `" + d.origin().name() + "` is still imported for type checking.",
                    replacement != null ? "Use `" + replacement + "` in the annotations instead." : "Remove the import.",
                    d.origin().name(), List.of(), null);
        }
    }
}
