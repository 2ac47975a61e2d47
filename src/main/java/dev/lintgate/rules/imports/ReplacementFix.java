package dev.lintgate.rules.imports;

import dev.lintgate.config.DeprecatedTarget;
import dev.lintgate.finding.Applicability;
import dev.lintgate.finding.Edit;
import dev.lintgate.finding.Fix;
import dev.lintgate.project.ProjectModel;
import dev.lintgate.finding.Region;
import dev.lintgate.python.Binding;
import dev.lintgate.python.ImportBinding;
import dev.lintgate.python.ImportEdits;
import dev.lintgate.python.NameUse;
import dev.lintgate.python.Names;
import dev.lintgate.python.PythonFile;
import dev.lintgate.python.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LG101's fix for an entry with a {@code replacement}: the from-import names the replacement, and every read of the
 * name it bound reads the replacement's name. Offered only where the rewrite is certain to mean "the replacement
 * wherever the old name was": a file that parses, a from-import of an attribute, uses that are plain names (not
 * inside a quoted annotation), a replacement name nothing else in the file binds or reads, and a module whose old
 * name nobody imports from it (a re-export shim, an {@code __all__} entry, a package {@code __init__}). Unsafe unless
 * the entry says {@code drop-in = true}: a replacement that is not a drop-in may behave differently.
 */
final class ReplacementFix {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)+");

    private ReplacementFix() {
    }

    static Fix of(PythonFile file, ImportBinding binding, Deprecation d, Deprecations deprecations, ProjectModel project) {
        DeprecatedTarget origin = d.origin();
        String replacement = origin.replacement();
        if (replacement == null || !DOTTED.matcher(replacement).matches()) return null;
        if (binding.name() == null || binding.isStar() || binding.target() == null || !file.syntaxProblems().isEmpty()) return null;
        int dot = replacement.lastIndexOf('.');
        String newModule = replacement.substring(0, dot);
        String newName = replacement.substring(dot + 1);
        String oldName = binding.boundName();
        boolean aliased = !binding.boundName().equals(binding.name());
        String boundAfter = aliased ? oldName : newName;
        Names names = file.names();
        if (!aliased && !oldName.equals(newName) && binding.scope().isEmpty()
                && (names.dunderAll().contains(oldName) || file.isPackage() || names.hasDynamicGlobals()
                    || importedElsewhere(file, oldName, deprecations, project))) {
            return null;
        }
        String module = binding.target().substring(0, binding.target().lastIndexOf('.'));
        List<ImportBinding> statement = file.imports().stream()
                .filter(b -> b.statementLine() == binding.statementLine() && b.scope().equals(binding.scope())).toList();
        List<Edit> edits = new ArrayList<>();
        if (statement.size() == 1) {
            if (!module.equals(newModule)) {
                Optional<Edit> e = ImportEdits.fromModule(file, binding, newModule);
                if (e.isEmpty()) return null;
                edits.add(e.get());
            }
            if (!binding.name().equals(newName)) edits.add(ImportEdits.importedName(file, binding, newName).orElse(null));
        } else if (module.equals(newModule)) {
            // the statement imports from the replacement's module already: rename in place, or drop the name when
            // the statement imports the replacement too
            boolean listed = statement.stream().anyMatch(b -> newName.equals(b.name()) && b.boundName().equals(newName));
            if (listed && !aliased) {
                Optional<List<Edit>> removal = ImportEdits.removal(file, binding, false);
                if (removal.isEmpty()) return null;
                edits.addAll(removal.get());
            } else {
                edits.add(ImportEdits.importedName(file, binding, newName).orElse(null));
            }
        } else {
            return null;
        }
        if (edits.contains(null)) return null;
        if (!boundAfter.equals(oldName)) {
            List<Edit> uses = renamedUses(file, names, binding, oldName, newName, replacement);
            if (uses == null) return null;
            edits.addAll(uses);
        }
        if (edits.isEmpty()) return null;
        String message = "Import `" + replacement + "`" + (boundAfter.equals(oldName) ? "" : " and use `" + newName + "`");
        return new Fix(file.path(), origin.dropIn() ? Applicability.SAFE : Applicability.UNSAFE, message, edits, null);
    }

    private static boolean within(Scope s, Scope ancestor) {
        for (Scope p = s.parent(); p != null; p = p.parent()) {
            if (p == ancestor) return true;
        }
        return false;
    }

    /**
     * Whether another file of the project may read the old name from this module, which the rename would take away:
     * it imports the name, the module itself (and may read the attribute), or all of it. The old name is a
     * re-export of a deprecated name, itself deprecated, so only the files that spell a deprecated name can import
     * it by name, and a module import is one of their imports too; other files are not opened.
     */
    private static boolean importedElsewhere(PythonFile file, String oldName, Deprecations deprecations, ProjectModel project) {
        String module = file.moduleName();
        if (module == null) return false;
        for (String path : deprecations.candidateFiles()) {
            if (path.equals(file.path())) continue;
            Optional<PythonFile> other = project.python(path);
            if (other.isEmpty()) return true;
            for (ImportBinding b : other.get().imports()) {
                String target = b.target();
                if (target == null || target.equals(module) || target.equals(module + "." + oldName) || target.equals(module + ".*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The reads of the import's name turned into reads of {@code newName}; null when one is not certain: the old
     * name is bound twice in the import's scope or in a class body, a read is inside a string, or {@code newName} already means
     * something in the file other than an import of the replacement.
     */
    private static List<Edit> renamedUses(PythonFile file, Names names, ImportBinding binding, String oldName,
                                          String newName, String replacement) {
        Scope home = names.scopes().stream().filter(s -> s.qualifiedName().equals(binding.scope())).findFirst().orElse(null);
        if (home == null) return null;
        List<Binding> own = home.bindings(oldName);
        if (own.size() != 1 || own.get(0).kind() != Binding.Kind.IMPORT) return null;
        for (Scope s : names.scopes()) {
            for (Binding b : s.bindings(newName)) {
                if (b.kind() != Binding.Kind.IMPORT) return null;
            }
            // a class body that binds the old name reads the import until it does (`Old = Old`), which name
            // resolution by scope does not tell; a function's locals are resolved statically and are left alone
            if (s != home && s.kind() == Scope.Kind.CLASS && !s.bindings(oldName).isEmpty() && within(s, home)) return null;
        }
        for (ImportBinding b : file.imports()) {
            if (b.boundName().equals(newName) && !replacement.equals(b.target())) return null;
        }
        List<Edit> edits = new ArrayList<>();
        for (NameUse use : names.uses()) {
            if (use.name().equals(newName) && use.scope().resolve(newName).isEmpty()) return null;
            if (!use.name().equals(oldName)) continue;
            List<Binding> resolved = use.scope().resolve(oldName);
            if (resolved.isEmpty()) return null;
            if (resolved != own) {
                if (resolved.contains(own.get(0))) return null;
                continue;
            }
            Region r = names.region(use);
            if (r.startLine() != r.endLine() || r.endColumn() - r.startColumn() != oldName.codePointCount(0, oldName.length())) {
                return null;
            }
            edits.add(new Edit(r, newName));
        }
        return edits;
    }
}
