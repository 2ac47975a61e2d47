package dev.lintgate.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link PythonFile} backed by the pure-Java scanner. Decoding, tokenizing and the statement walk happen on first
 * use.
 */
final class ScannedFile implements PythonFile {
    private final String path;
    private final String moduleName;
    private final boolean isPackage;
    private final boolean stub;
    /** The file's bytes; after {@link #release} re-read through {@link #reload} when needed again. */
    private byte[] content;
    private final java.util.function.Supplier<byte[]> reload;

    private SourceText source;
    private Scan scan;
    /**
     * While the engine runs a file's rules ({@link #retain} until {@link #release}), its tokens and name model are
     * held strongly: the rules run back to back and share them, and weak references were cleared by nearly every
     * young collection, so most files were tokenized twice. A file that a fact or another file's rule looks at is
     * held weakly, so that a project-wide lookup never keeps every file's tokens.
     */
    private boolean retained;
    private Tokens tokens;
    private Names names;
    private java.lang.ref.WeakReference<Tokens> weakTokens = new java.lang.ref.WeakReference<>(null);
    private java.lang.ref.WeakReference<Names> weakNames = new java.lang.ref.WeakReference<>(null);

    /**
     * What is kept of a released file: the statement facts only. Comments are not, neither as text nor as offsets
     * (two arrays per file, all of which survived to the end of a run), since only files with findings need them, and
     * {@link #comments} gets them from the tokens again.
     */
    private record Scan(List<ImportBinding> imports, List<Definition> definitions, List<SyntaxProblem> problems,
                        List<WarningBlock> warningBlocks) {
    }

    /** @param reload gives the bytes again after {@link #release}; null keeps them in memory instead */
    ScannedFile(String path, String moduleName, boolean isPackage, byte[] content, java.util.function.Supplier<byte[]> reload) {
        this.reload = reload;
        this.path = path;
        this.moduleName = moduleName;
        this.isPackage = isPackage;
        this.stub = ModuleNames.isStub(path);
        this.content = content;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String moduleName() {
        return moduleName;
    }

    @Override
    public boolean isPackage() {
        return isPackage;
    }

    @Override
    public boolean isStub() {
        return stub;
    }

    @Override
    public List<ImportBinding> imports() {
        return scan().imports;
    }

    @Override
    public List<Definition> definitions() {
        return scan().definitions;
    }

    @Override
    public List<SyntaxProblem> syntaxProblems() {
        return scan().problems;
    }

    @Override
    public List<WarningBlock> warningBlocks() {
        return scan().warningBlocks;
    }

    @Override
    public synchronized Names names() {
        Names model = names != null ? names : weakNames.get();
        if (model == null) {
            model = NameWalker.run(tokens(), stub, typeCheckingAliases(), importedNames(), false);
            if (retained) names = model;
            else weakNames = new java.lang.ref.WeakReference<>(model);
        }
        return model;
    }

    @Override
    public synchronized Names bindings() {
        Names model = names != null ? names : weakNames.get();
        return model != null ? model : NameWalker.run(tokens(), stub, typeCheckingAliases(), importedNames(), true);
    }

    @Override
    public synchronized void retain() {
        retained = true;
    }

    @Override
    public synchronized void release() {
        retained = false;
        tokens = null;
        names = null;
        weakTokens.clear();
        weakNames.clear();
        source = null;
        if (reload != null) content = null;
    }

    private synchronized Tokens tokens() {
        Tokens t = tokens != null ? tokens : weakTokens.get();
        if (t == null) {
            t = Tokenizer.run(source()).tokens;
            keep(t);
        }
        return t;
    }

    private void keep(Tokens t) {
        if (retained) tokens = t;
        else weakTokens = new java.lang.ref.WeakReference<>(t);
    }

    private Set<String> typeCheckingAliases() {
        Set<String> aliases = new HashSet<>();
        for (ImportBinding b : imports()) {
            if (b.level() == 0 && "TYPE_CHECKING".equals(b.name()) && !"TYPE_CHECKING".equals(b.boundName())) {
                aliases.add(b.boundName());
            }
        }
        return aliases;
    }

    /** The names the file's imports bind: writes through them may go into builtins or another module. */
    private Set<String> importedNames() {
        Set<String> names = null;
        for (ImportBinding b : imports()) {
            if (b.isStar()) continue;
            if (names == null) names = new HashSet<>();
            names.add(b.boundName());
        }
        return names == null ? Set.of() : names;
    }

    @Override
    public synchronized SpelledNames spelledNames() {
        return SpelledNames.of(tokens());
    }

    @Override
    public synchronized Map<Integer, String> comments() {
        Tokens t = tokens();
        SourceText text = t.source;
        Map<Integer, String> comments = new TreeMap<>();
        for (int i = 0; i < t.commentStart.length; i++) {
            int s = t.commentStart[i];
            comments.putIfAbsent(text.lineOf(s), text.text(s + 1, t.commentEnd[i]));
        }
        return Collections.unmodifiableMap(comments);
    }

    @Override
    public String line(int line) {
        return source().line(line);
    }

    @Override
    public int lineCount() {
        return source().lineCount();
    }

    /** Decoded on first use; {@link #release} drops it. */
    private synchronized SourceText source() {
        if (source == null) {
            if (content == null) content = reload.get();
            source = SourceText.decode(content);
        }
        return source;
    }

    private synchronized Scan scan() {
        if (scan == null) {
            SourceText text = source();
            Tokenizer tokenizer = Tokenizer.run(text);
            StatementScanner statements = StatementScanner.run(tokenizer.tokens, moduleName, isPackage, stub);
            keep(tokenizer.tokens);
            List<SyntaxProblem> problems = new ArrayList<>();
            if (text.decodingProblem != null) {
                problems.add(new SyntaxProblem(text.decodingProblem, dev.lintgate.finding.Region.line(1)));
            }
            problems.addAll(tokenizer.problems);
            problems.addAll(statements.problems);
            problems.sort((a, b) -> a.region().startLine() != b.region().startLine()
                    ? Integer.compare(a.region().startLine(), b.region().startLine())
                    : Integer.compare(a.region().startColumn(), b.region().startColumn()));
            scan = new Scan(List.copyOf(statements.imports), List.copyOf(statements.definitions),
                    List.copyOf(problems),
                    statements.warningBlocks == null ? List.of() : List.copyOf(statements.warningBlocks));
            if (!retained) {
                source = null;   // the tokens, held weakly, still point to it while they live
                if (reload != null) content = null;
            }
        }
        return scan;
    }
}
