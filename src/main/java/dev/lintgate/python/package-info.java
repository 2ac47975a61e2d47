/**
 * Facts about Python source files. {@link dev.lintgate.python.PythonFiles#parse}
 * gives a {@link dev.lintgate.python.PythonFile} whose imports, definitions, comments and syntax problems come from a
 * tokenizer that follows CPython's lexical rules and a walk over logical lines. It never evaluates or fully parses
 * expressions, so it is lenient: it reports what it can see (bad strings, brackets, indentation, malformed imports)
 * and recovers at the next column-0 statement. {@code ImportOracleTest} checks it against CPython's {@code ast} on
 * the stdlib and site-packages.
 *
 * <p>{@link dev.lintgate.python.ModuleNames} maps paths to dotted module names for resolving relative imports.
 */
package dev.lintgate.python;
