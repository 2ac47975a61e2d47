package dev.lintgate.python;

import java.util.List;
import java.util.Map;

/**
 * Everything lintgate knows about one Python source file. Statement-level facts (imports, definitions, comments,
 * syntax problems) come from a pure-Java scanner that follows Python's lexical rules; rules never see which tier
 * answered.
 */
public interface PythonFile {

    /** Path relative to the project root, with {@code /}. */
    String path();

    /** Dotted module name ("pkg.sub.mod"; "pkg.sub" for {@code pkg/sub/__init__.py}), or null when not importable. */
    String moduleName();

    /** True for {@code __init__.py} / {@code __init__.pyi}: relative imports resolve against the module itself. */
    boolean isPackage();

    /** True for {@code .pyi} stubs, where every import is typing-only. */
    boolean isStub();

    List<ImportBinding> imports();

    List<Definition> definitions();

    List<SyntaxProblem> syntaxProblems();

    /** Where warnings are caught or expected ({@code with pytest.warns(...):} and the like), in no particular order. */
    List<WarningBlock> warningBlocks();

    /** Scopes, bindings and name reads with when Python evaluates them; built on first call from the tokens. */
    Names names();

    /**
     * The same model without name reads: only scopes and bindings (what other modules can import from this one),
     * several times cheaper to build.
     */
    Names bindings();

    /**
     * The names this file spells in code and in strings that may hold one (see {@link SpelledNames}), from its tokens:
     * cheap while the file is retained and its tokens built, a tokenizing otherwise. Not kept by the file.
     */
    SpelledNames spelledNames();

    /** Comment text per 1-based line (without the leading {@code #}); only real comments, never text inside strings. */
    Map<Integer, String> comments();

    /** The text of a 1-based line without its line terminator; "" past the end. */
    String line(int line);

    /** The number of lines (a trailing line terminator opens none). */
    int lineCount();

    /**
     * Keeps what is built for this file (decoded text, tokens, name model) until {@link #release}: the engine calls
     * it before running the rules of the file, which share all of it. Without it, those are held weakly.
     */
    void retain();

    /**
     * Lets go of what was built for the rules of this file (decoded text, tokens, name model), keeping the small
     * statement facts. Called when the rules of a file are done; anything asked for later is rebuilt.
     */
    void release();
}
