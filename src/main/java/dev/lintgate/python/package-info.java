/**
 * Facts about Python source files, in two tiers.
 *
 * <p><b>Scanner tier</b> (always, pure Java, tens of MB/s per thread): {@link dev.lintgate.python.PythonFiles#parse}
 * gives a {@link dev.lintgate.python.PythonFile} whose imports, definitions, comments and syntax problems come from a
 * tokenizer that follows CPython's lexical rules and a walk over logical lines. It never evaluates or fully parses
 * expressions, so it is lenient: it reports what it can see (bad strings, brackets, indentation, malformed imports)
 * and recovers at the next column-0 statement. {@code ImportOracleTest} checks it against CPython's {@code ast} on
 * the stdlib and site-packages.
 *
 * <p><b>Tree tier</b> (on request, tree-sitter through JNI, a few MB/s): {@link dev.lintgate.python.PythonFile#syntaxTree}
 * for rules that need expressions. Tree-sitter types never leave this package; positions are converted from UTF-8
 * bytes to code-point {@link dev.lintgate.finding.Region}s here.
 *
 * <p>{@link dev.lintgate.python.ModuleNames} maps paths to dotted module names for resolving relative imports.
 */
package dev.lintgate.python;
