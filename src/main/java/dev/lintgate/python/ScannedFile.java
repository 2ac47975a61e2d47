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
 * use; the tree-sitter tree only when a rule asks for {@link #syntaxTree()}.
 */
final class ScannedFile implements PythonFile {
    private final String path;
    private final String moduleName;
    private final boolean isPackage;
    private final boolean stub;
    private byte[] content;

    private SourceText source;
    private Scan scan;
    private SyntaxTree tree;
    /**
     * Weak: the project keeps every parsed file (for suppressions), and the models of all files would fill the heap
     * (soft references made the collector keep them until it ran out). The rules of one file run back to back; a
     * model collected in between is rebuilt.
     */
    private java.lang.ref.WeakReference<Names> names = new java.lang.ref.WeakReference<>(null);
    /** The scan's tokens, kept weakly for the name model, which usually comes right after. */
    private java.lang.ref.WeakReference<Tokens> scanTokens = new java.lang.ref.WeakReference<>(null);

    private record Scan(List<ImportBinding> imports, List<Definition> definitions, List<SyntaxProblem> problems,
                        Map<Integer, String> comments) {
    }

    ScannedFile(String path, String moduleName, boolean isPackage, byte[] content) {
        this.path = path;
        this.moduleName = moduleName;
        this.isPackage = isPackage;
        this.stub = path.endsWith(".pyi");
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
    public synchronized Names names() {
        Names model = names.get();
        if (model == null) {
            Set<String> aliases = typeCheckingAliases();
            Tokens tokens = scanTokens.get();
            scanTokens.clear();
            model = NameWalker.run(tokens != null ? tokens : Tokenizer.run(source()).tokens, stub, aliases);
            names = new java.lang.ref.WeakReference<>(model);
        }
        return model;
    }

    @Override
    public Names bindings() {
        Names model = names.get();
        if (model != null) {
            return model;
        }
        return NameWalker.run(Tokenizer.run(source()).tokens, stub, typeCheckingAliases(), true);
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

    @Override
    public Map<Integer, String> comments() {
        return scan().comments;
    }

    @Override
    public String line(int line) {
        return source().line(line);
    }

    @Override
    public synchronized SyntaxTree syntaxTree() {
        if (tree == null) {
            tree = SyntaxTree.parse(source());
        }
        return tree;
    }

    /**
     * The decoded text is kept only while something holds on to it through {@link #line} or the tree: the project
     * caches every scanned file, and the raw bytes cost half of the decoded chars.
     */
    private synchronized SourceText source() {
        if (source == null) {
            source = SourceText.decode(content);
        }
        return source;
    }

    private synchronized Scan scan() {
        if (scan == null) {
            SourceText text = source();
            Tokenizer tokenizer = Tokenizer.run(text);
            StatementScanner statements = StatementScanner.run(tokenizer.tokens, moduleName, isPackage, stub);
            scanTokens = new java.lang.ref.WeakReference<>(tokenizer.tokens);
            List<SyntaxProblem> problems = new ArrayList<>();
            if (text.decodingProblem != null) {
                problems.add(new SyntaxProblem(text.decodingProblem, dev.lintgate.finding.Region.line(1)));
            }
            problems.addAll(tokenizer.problems);
            problems.addAll(statements.problems);
            problems.sort((a, b) -> a.region().startLine() != b.region().startLine()
                    ? Integer.compare(a.region().startLine(), b.region().startLine())
                    : Integer.compare(a.region().startColumn(), b.region().startColumn()));
            Map<Integer, String> comments = new TreeMap<>();
            for (int i = 0; i < tokenizer.commentCount; i++) {
                int s = tokenizer.commentStart[i];
                comments.putIfAbsent(text.lineOf(s), text.text(s + 1, tokenizer.commentEnd[i]));
            }
            scan = new Scan(List.copyOf(statements.imports), List.copyOf(statements.definitions),
                    List.copyOf(problems), Collections.unmodifiableMap(comments));
            if (tree == null) source = null;
        }
        return scan;
    }
}
