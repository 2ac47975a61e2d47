package dev.lintgate.python;

import java.util.ArrayList;
import java.util.Collections;
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
