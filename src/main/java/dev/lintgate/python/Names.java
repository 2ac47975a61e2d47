package dev.lintgate.python;

import dev.lintgate.finding.Region;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The name-resolution model of one file: its scopes with every binding, and every read of a name with when Python
 * evaluates it. Built from the token stream by {@link NameWalker}, without an expression tree.
 */
public final class Names {
    private final SourceText source;
    private final Scope module;
    private final List<Scope> scopes;
    private final List<StringArgument> stringArguments;
    private final List<NameUse> uses;
    private final boolean dynamicGlobals;
    private final boolean futureAnnotations;
    private final Set<Integer> importErrorGuardedLines;
    private final List<String> dunderAll;
    /** Null when there is none. */
    private final BitSet conditionalImportLines;
    private final List<ModuleWrite> moduleWrites;
    private final List<VersionGuard> versionGuards;
    private final java.util.Map<String, Integer> versionMarks;

    /**
     * Chars [start, end) of the file run only on Python 3.{@code minor} or later: the body of
     * {@code if sys.version_info >= (3, 14):}, or of a test skipped below that version by a mark. {@code mark}, when
     * not null, names the imported skip mark whose version the caller resolves (minor is then 0).
     * {@code functionsOnly}: the guard holds for the functions defined in the stretch, not for its own code (a
     * module's or class's {@code pytestmark}, a class's skip decorator: the module and class bodies still run).
     */
    public record VersionGuard(int start, int end, boolean functionsOnly, int minor, String mark) {
    }

    /**
     * A write of {@code name} through {@code receiver} in {@code scope}, where the receiver is a name some import of
     * the file binds (or {@code __builtins__}): a write into a module when that is what it is bound to there.
     */
    record ModuleWrite(Scope scope, String receiver, String name) {
    }

    /** {@code module.name = value} from this file: {@code receiver} is the import binding of the module written to. */
    public record WrittenName(Binding receiver, String name) {
    }

    Names(SourceText source, Scope module, List<Scope> scopes, List<NameUse> uses, boolean dynamicGlobals,
          boolean futureAnnotations, Set<Integer> importErrorGuardedLines, List<String> dunderAll,
          List<StringArgument> stringArguments, BitSet conditionalImportLines, List<ModuleWrite> moduleWrites,
          List<VersionGuard> versionGuards, java.util.Map<String, Integer> versionMarks) {
        this.source = source;
        this.module = module;
        this.scopes = scopes;
        this.stringArguments = stringArguments;
        this.uses = uses;
        this.dynamicGlobals = dynamicGlobals;
        this.futureAnnotations = futureAnnotations;
        this.importErrorGuardedLines = importErrorGuardedLines;
        this.dunderAll = dunderAll;
        this.conditionalImportLines = conditionalImportLines;
        this.moduleWrites = moduleWrites;
        this.versionGuards = versionGuards;
        this.versionMarks = versionMarks;
    }

    /** The walker's array of uses as a read-only list, without a copy. */
    static final class UseList extends AbstractList<NameUse> implements RandomAccess {
        private final NameUse[] uses;
        private final int size;

        UseList(NameUse[] uses, int size) {
            this.uses = uses;
            this.size = size;
        }

        @Override
        public NameUse get(int index) {
            Objects.checkIndex(index, size);
            return uses[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    public Scope module() {
        return module;
    }

    /** Every scope, the module first, in source order. */
    public List<Scope> scopes() {
        return scopes;
    }

    /** String literals passed to calls that take module or attribute paths. */
    public List<StringArgument> stringArguments() {
        return stringArguments;
    }

    /** The dotted text read through a use ("sm.DatabaseSessionManager"), or just its name. */
    public String dotted(NameUse use) {
        if (use.chainEnd() < 0) {
            return use.name();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = use.start(); i < use.chainEnd(); i++) {
            char c = source.chars[i];
            if (c == '#') {
                // a chain split inside brackets may carry a comment between its parts; no string can be there
                while (i + 1 < use.chainEnd() && source.chars[i + 1] != '\n' && source.chars[i + 1] != '\r') i++;
            } else if (!Character.isWhitespace(c) && c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public Region region(int start, int end) {
        return source.region(start, end);
    }

    public List<NameUse> uses() {
        return uses;
    }

    /**
     * True when module globals may be created in ways a reader cannot see: {@code globals()[...] = },
     * {@code globals().update(...)}, {@code exec} at module level, or writes to {@code builtins}/{@code __builtins__}.
     */
    public boolean hasDynamicGlobals() {
        return dynamicGlobals;
    }

    /**
     * The names this file puts into builtins, after which every module reads them unbound: {@code X.name = v},
     * {@code X.__dict__['name'] = v}, {@code X.__dict__.update({'name': v})} or {@code .update(name=v)}, and
     * {@code setattr(X, 'name', v)}, where X is bound by {@code import builtins [as X]} (not {@code from builtins
     * import ...}, which binds a builtin, not the module) or is {@code __builtins__}. Only literal names count.
     */
    public Set<String> builtinsWrites() {
        if (moduleWrites.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        for (ModuleWrite w : moduleWrites) {
            List<Binding> bindings = w.scope().resolve(w.receiver());
            boolean builtins = bindings.isEmpty() ? w.receiver().equals("__builtins__")
                    : bindings.stream().anyMatch(b -> b.kind() == Binding.Kind.IMPORT && "builtins".equals(b.imported()));
            if (builtins) {
                out.add(w.name());
            }
        }
        return out;
    }

    /**
     * The names this file writes into other modules through their import bindings, in the same forms as
     * {@link #builtinsWrites} ({@code type_api.NULLTYPE = NULLTYPE} after {@code from . import type_api}): after that
     * code ran, the module's globals hold the name. The receiver binding says which module; whether it is a module at
     * all (and not a class imported from one) is for the caller to tell.
     */
    public List<WrittenName> moduleWrites() {
        if (moduleWrites.isEmpty()) {
            return List.of();
        }
        List<WrittenName> out = new ArrayList<>();
        for (ModuleWrite w : moduleWrites) {
            for (Binding b : w.scope().resolve(w.receiver())) {
                if (b.kind() == Binding.Kind.IMPORT && !b.typingOnly() && !"builtins".equals(b.imported())) {
                    out.add(new WrittenName(b, w.name()));
                }
            }
        }
        return out;
    }

    /** The stretches of the file that run only on some Python versions; empty in most files. */
    public List<VersionGuard> versionGuards() {
        return versionGuards;
    }

    /**
     * Module-level names bound to a skip mark with a version condition ({@code needs_py314 =
     * pytest.mark.skipif(sys.version_info < (3, 14), ...)}), to the lowest minor version the marked tests run on.
     */
    public java.util.Map<String, Integer> versionMarks() {
        return versionMarks;
    }

    /** {@code from __future__ import annotations}: annotations become strings. */
    public boolean hasFutureAnnotations() {
        return futureAnnotations;
    }

    /** True when an import statement on this line sits in a {@code try} whose handlers catch ImportError. */
    public boolean isImportErrorGuarded(int line) {
        return importErrorGuardedLines.contains(line);
    }

    /**
     * True when a runtime import on this line (of the import binding) sits in an if/try/loop/with/match block: it
     * may be platform or version specific.
     */
    public boolean isConditionalRuntimeImport(int line) {
        return conditionalImportLines != null && conditionalImportLines.get(line);
    }

    /**
     * Names a scope declares {@code global} and binds itself, which only a binding before the declaration does
     * (later ones go to the module). Few scopes declare any: the others are passed over without a look at their
     * bindings.
     */
    public List<String> globalDeclarations() {
        List<String> out = null;
        for (int i = 0; i < scopes.size(); i++) {
            Scope s = scopes.get(i);
            Set<String> declared = s.globals();
            if (declared == null) continue;
            for (String n : declared) {
                if (!s.bindings(n).isEmpty()) {
                    if (out == null) out = new ArrayList<>(2);
                    out.add(n);
                }
            }
        }
        return out == null ? List.of() : out;
    }

    /** The literal strings of {@code __all__} (assigned, extended or appended at module level); empty when none. */
    public List<String> dunderAll() {
        return dunderAll;
    }

    /**
     * Whether any scope binds a name in typing-only context (TYPE_CHECKING, {@code if False}, a stub); most files have
     * none, and then the typing-only rules have nothing to report.
     */
    public boolean hasTypingOnlyBinding() {
        for (Scope s : scopes) {
            if (s.hasTypingOnlyBinding()) {
                return true;
            }
        }
        return false;
    }

    /** True when the module defines {@code __getattr__}: any attribute may exist. */
    public boolean hasModuleGetattr() {
        return !module.bindings("__getattr__").isEmpty();
    }

    public boolean hasStarImport() {
        return !module.bindings("*").isEmpty();
    }

    public Region region(NameUse use) {
        return source.region(use.start(), use.end());
    }
}
