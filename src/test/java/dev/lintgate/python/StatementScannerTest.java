package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatementScannerTest {

    private static PythonFile py(String source) {
        return PythonFiles.parse("pkg/sub/mod.py", "pkg.sub.mod", false, source.getBytes(StandardCharsets.UTF_8));
    }

    /** "bound:T" or "bound:R" per import, in order. */
    private static String contexts(String source) {
        return py(source).imports().stream()
                .map(b -> b.boundName() + ":" + (b.context() == ImportContext.TYPING_ONLY ? "T" : "R"))
                .collect(Collectors.joining(" "));
    }

    @Test
    void importBindingFields() {
        List<ImportBinding> imports = py("import a.b.c\nimport a.b.c as d\nfrom a.b import C as D\nfrom m import *\n").imports();
        ImportBinding plain = imports.get(0);
        assertEquals(List.of(0, "a.b.c", "a", "a.b.c", 1), List.of(plain.level(), plain.module(), plain.boundName(), plain.target(), plain.statementLine()));
        assertNull(plain.name());
        assertEquals(Region.of(1, 8, 13), plain.region());
        assertEquals("d", imports.get(1).boundName());
        ImportBinding from = imports.get(2);
        assertEquals(List.of("a.b", "C", "D", "a.b.C"), List.of(from.module(), from.name(), from.boundName(), from.target()));
        assertEquals(Region.of(3, 17, 18), from.region());
        assertTrue(imports.get(3).isStar());
        assertEquals("m.*", imports.get(3).target());
    }

    @Test
    void parenthesizedFromImportWithAliasesAndTrailingComma() {
        List<ImportBinding> imports = py("from x import (\n    a,\n    b as c,  # why\n)\nfrom y import d, e as f\n").imports();
        assertEquals(List.of("a", "c", "d", "f"), imports.stream().map(ImportBinding::boundName).toList());
        assertEquals(List.of(1, 1, 5, 5), imports.stream().map(ImportBinding::statementLine).toList());
        assertEquals(3, imports.get(1).region().startLine());
    }

    @Test
    void relativeImportsResolveFromThePackage() {
        List<ImportBinding> imports = py("from . import x\nfrom .y import z\nfrom .. import w\nfrom ...a.b import c\nfrom .... import past\n").imports();
        assertEquals(List.of("pkg.sub.x", "pkg.sub.y.z", "pkg.w"),
                imports.subList(0, 3).stream().map(ImportBinding::target).toList());
        assertNull(imports.get(3).target(), "three dots from pkg.sub go past the top");
        assertEquals(3, imports.get(3).level());
        assertEquals("a.b", imports.get(3).module());
        assertNull(imports.get(4).target());
        assertEquals(4, imports.get(4).level());
        assertEquals("", imports.get(0).module());
    }

    @Test
    void relativeImportsInAPackageInitResolveAgainstThePackageItself() {
        PythonFile init = PythonFiles.parse("pkg/sub/__init__.py", "pkg.sub", true, "from . import a\nfrom ..b import c\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("pkg.sub.a", "pkg.b.c"), init.imports().stream().map(ImportBinding::target).toList());
        PythonFile top = PythonFiles.parse("m.py", "m", false, "from . import a\n".getBytes(StandardCharsets.UTF_8));
        assertNull(top.imports().get(0).target());
        PythonFile unknown = PythonFiles.parse("x-y/m.py", null, false, "from .a import b\nimport c\n".getBytes(StandardCharsets.UTF_8));
        assertNull(unknown.imports().get(0).target());
        assertEquals("c", unknown.imports().get(1).target());
    }

    @Test
    void typeCheckingSpellingsMakeTheBodyTypingOnly() {
        assertEquals("a:T b:R", contexts("if TYPE_CHECKING:\n    import a\nimport b\n"));
        assertEquals("a:T", contexts("if typing.TYPE_CHECKING:\n    import a\n"));
        assertEquals("a:T", contexts("import typing as t\nif t.TYPE_CHECKING:\n    import a\n").replace("t:R ", ""));
        assertEquals("TC:R a:T", contexts("from typing import TYPE_CHECKING as TC\nif TC:\n    import a\n"));
        assertEquals("TC:R a:T", contexts("from typing_extensions import TYPE_CHECKING as TC\nif TC:\n    import a\n"));
        assertEquals("a:T TC:R", contexts("if TC:\n    import a\nfrom typing import TYPE_CHECKING as TC\n"));
        assertEquals("a:T", contexts("if False:\n    import a\n"));
        assertEquals("a:T", contexts("if 0:\n    import a\n"));
        assertEquals("a:T", contexts("if (TYPE_CHECKING):\n    import a\n"));
        assertEquals("a:T", contexts("if TYPE_CHECKING and sys.version_info >= (3, 8):\n    import a\n"));
        assertEquals("a:T", contexts("if (TYPE_CHECKING and x) and y:\n    import a\n"));
    }

    @Test
    void otherConditionsAreRuntime() {
        assertEquals("a:R", contexts("if TYPE_CHECKING or x:\n    import a\n"));
        assertEquals("a:R", contexts("if not TYPE_CHECKING:\n    import a\n"));
        assertEquals("a:R", contexts("if TYPE_CHECKING is True:\n    import a\n"));
        assertEquals("a:R", contexts("if sys.version_info >= (3, 8):\n    import a\n"));
        assertEquals("a:R", contexts("if True:\n    import a\n"));
        assertEquals("a:R", contexts("if 1:\n    import a\n"));
        assertEquals("a:R", contexts("if TYPE_CHECKING_X:\n    import a\n"));
        assertEquals("a:R", contexts("if f().TYPE_CHECKING:\n    import a\n"));
        assertEquals("a:R", contexts("if TC:\n    import a\n"));
        assertEquals("a:R", contexts("if (x := TYPE_CHECKING):\n    import a\n"));
        assertEquals("a:R", contexts("if TYPE_CHECKING and x if y else z:\n    import a\n"));
        assertEquals("a:R", contexts("if not TYPE_CHECKING and x:\n    import a\nelse:\n    import b\n").split(" ")[0]);
        assertEquals("a:R b:R", contexts("if not TYPE_CHECKING and x:\n    import a\nelse:\n    import b\n"));
    }

    @Test
    void elseAndElifChains() {
        assertEquals("a:T b:R", contexts("if TYPE_CHECKING:\n    import a\nelse:\n    import b\n"));
        assertEquals("a:R b:T", contexts("if not TYPE_CHECKING:\n    import a\nelse:\n    import b\n"));
        assertEquals("a:R b:T c:T", contexts("if not TYPE_CHECKING:\n    import a\nelif x:\n    import b\nelse:\n    import c\n"));
        assertEquals("a:R b:T c:R", contexts("if x:\n    import a\nelif TYPE_CHECKING:\n    import b\nelse:\n    import c\n"));
        assertEquals("a:R b:R c:T", contexts("if x:\n    import a\nelif not typing.TYPE_CHECKING:\n    import b\nelse:\n    import c\n"));
        assertEquals("a:T b:R", contexts("if TYPE_CHECKING:\n    import a\nif x:\n    pass\nelse:\n    import b\n"));
    }

    @Test
    void nestingInsideTypingOnlyBlocksIsTypingOnly() {
        String src = """
                if TYPE_CHECKING:
                    try:
                        import a
                    except ImportError:
                        import b
                    else:
                        if x:
                            import c
                    def f():
                        import d
                    class K:
                        import e
                import g
                """;
        assertEquals("a:T b:T c:T d:T e:T g:R", contexts(src));
    }

    @Test
    void runtimeBlocks() {
        String src = """
                try:
                    import a
                except ImportError:
                    import b
                finally:
                    import c
                with x:
                    import d
                for i in y:
                    import e
                while z:
                    import f
                match v:
                    case 1:
                        import g
                    case _:
                        import h
                """;
        assertEquals("a:R b:R c:R d:R e:R f:R g:R h:R", contexts(src));
    }

    @Test
    void oneLineCompoundStatements() {
        assertEquals("x:T y:T", contexts("if TYPE_CHECKING: import x; import y\n"));
        assertEquals("x:R z:T", contexts("if not TYPE_CHECKING: import x\nelse: from m import z\n"));
        List<ImportBinding> imports = py("def f(): import x\nclass C: import y\n").imports();
        assertEquals(List.of("f", "C"), imports.stream().map(ImportBinding::scope).toList());
        assertEquals(List.of(true, false), imports.stream().map(ImportBinding::inFunction).toList());
        assertEquals("a:R b:R", contexts("x = 1; import a; y = (1,\n 2); import b\n"));
    }

    @Test
    void scopesAndInFunction() {
        String src = """
                import top
                class A:
                    import in_class
                    def m(self):
                        import in_method
                        class Local:
                            import in_local
                    async def am(self):
                        import in_async
                if x:
                    def g():
                        import in_g
                """;
        List<ImportBinding> imports = py(src).imports();
        assertEquals(List.of("", "A", "A.m", "A.m.Local", "A.am", "g"), imports.stream().map(ImportBinding::scope).toList());
        assertEquals(List.of(false, false, true, true, true, true), imports.stream().map(ImportBinding::inFunction).toList());
    }

    @Test
    void definitionsAndDecorators() {
        String src = """
                import warnings
                @warnings.deprecated("Use " 'SessionManager')
                @functools.lru_cache(maxsize=1)
                @register
                def old(): pass
                class Outer(Base, metaclass=M):
                    @property
                    def value(self) -> int:
                        return 1
                    @deprecated(f"no {x}")
                    async def fetch(self): ...
                if TYPE_CHECKING:
                    class Hidden: ...
                """;
        List<Definition> defs = py(src).definitions();
        assertEquals(List.of("old", "Outer", "Outer.value", "Outer.fetch", "Hidden"), defs.stream().map(Definition::qualifiedName).toList());
        Definition old = defs.get(0);
        assertEquals(Definition.Kind.FUNCTION, old.kind());
        assertEquals(List.of("warnings.deprecated", "functools.lru_cache", "register"), old.decorators().stream().map(Decorator::dottedName).toList());
        assertEquals("Use SessionManager", old.decorators().get(0).firstStringArgument());
        assertNull(old.decorators().get(1).firstStringArgument());
        assertEquals(Region.of(5, 5, 8), old.nameRegion());
        assertTrue(old.moduleLevel());
        assertEquals(Definition.Kind.CLASS, defs.get(1).kind());
        assertFalse(defs.get(2).moduleLevel());
        assertNull(defs.get(3).decorators().get(0).firstStringArgument(), "f-strings are not plain literals");
        assertEquals(ImportContext.TYPING_ONLY, defs.get(4).context());
        assertEquals(ImportContext.RUNTIME, defs.get(0).context());
    }

    @Test
    void qualifiedNamesFollowTheEnclosingDefinitions() {
        String src = """
                class A:
                    def f(self):
                        class B:
                            if x:
                                def g(): ...
                    def (self): ...
                        def h(): ...
                def k(): ...
                """;
        List<Definition> defs = py(src).definitions();
        assertEquals(List.of("A", "A.f", "A.f.B", "A.f.B.g", "A.h", "k"), defs.stream().map(Definition::qualifiedName).toList());
        assertSame(defs.get(2), defs.get(3).enclosing());
        assertSame(defs.get(0), defs.get(4).enclosing(), "a header without a name encloses nothing");
        assertNull(defs.get(5).enclosing());
        assertEquals(defs.get(3), py(src).definitions().get(3));
    }

    @Test
    void repeatedTextsOfOneFileShareOneString() {
        String src = """
                import os
                class A:
                    @property
                    def __init__(self): import os
                class B:
                    @property
                    def __init__(self): from os import path as os
                """;
        PythonFile f = py(src);
        List<Definition> defs = f.definitions();
        assertSame(defs.get(1).name(), defs.get(3).name());
        assertSame(defs.get(1).decorators().get(0).dottedName(), defs.get(3).decorators().get(0).dottedName());
        List<ImportBinding> imports = f.imports();
        assertSame(imports.get(0).module(), imports.get(1).module());
        assertSame(imports.get(0).module(), imports.get(2).module());
        assertSame(imports.get(0).boundName(), imports.get(2).boundName());
    }

    @Test
    void decoratorStringArgumentIsDecoded() {
        Definition d = py("@deprecated('tab\\there \\u00e9 \\N{BULLET}', category=None)\ndef f(): pass\n").definitions().get(0);
        assertEquals("tab\there \u00e9 \u2022", d.decorators().get(0).firstStringArgument());
        Definition raw = py("@deprecated(r'\\d+')\ndef f(): pass\n").definitions().get(0);
        assertEquals("\\d+", raw.decorators().get(0).firstStringArgument());
        Definition grouped = py("@mark.parametrize(\n    (\"a, b\"),\n    [],\n)\ndef f(): pass\n").definitions().get(0);
        assertEquals("a, b", grouped.decorators().get(0).firstStringArgument());
        Definition bytes = py("@deprecated(b'x')\ndef f(): pass\n").definitions().get(0);
        assertNull(bytes.decorators().get(0).firstStringArgument());
    }

    /** "first-last callee [categories]" per warning block, in line order. */
    private static List<String> warningBlocks(String source) {
        return py(source).warningBlocks().stream()
                .sorted(java.util.Comparator.comparingInt(WarningBlock::firstLine))
                .map(w -> w.firstLine() + "-" + w.lastLine() + " " + w.callee() + " " + w.categories()).toList();
    }

    @Test
    void warningBlocksCoverTheWithBodyAndTheCallFormStatement() {
        String src = """
                with pytest.warns((DeprecationWarning, pkg.Old), match="x"), open(f) as g:
                    a()
                    if b:
                        c(
                        )
                # a comment is not the body
                with warnings.catch_warnings(): import old; old.f()
                async def t(self):
                    async with (self.assertWarns(expected_warning=FutureWarning) as w, x):
                        pass
                    r = pytest.deprecated_call(old.f, 1)
                    pytest.warns(DeprecationWarning, old.f,
                                 2)
                    pytest.warns(DeprecationWarning)
                    pytest.warns(make())
                with (pytest.deprecated_call()):
                    pass""";
        assertEquals(List.of(
                "1-5 pytest.warns [DeprecationWarning, pkg.Old]",
                "7-7 warnings.catch_warnings []",
                "9-10 self.assertWarns [FutureWarning]",
                "11-11 pytest.deprecated_call []",
                "12-13 pytest.warns [DeprecationWarning]",
                "16-17 pytest.deprecated_call []"), warningBlocks(src));
        // a category that is not a dotted name cannot be resolved; a context manager that is not called is not one
        assertEquals(List.of("1-2 pytest.warns [<expr>]"), warningBlocks("with pytest.warns(cats[0]):\n    f()\nwith pytest.warns:\n    g()\n"));
        assertEquals(List.of(), warningBlocks("with warns(X)(y):\n    f()\nwarnings.catch_warnings(True)\n"));
    }

    @Test
    void stubFilesAreTypingOnly() {
        PythonFile stub = PythonFiles.parse("pkg/m.pyi", "pkg.m", false, "import a\ndef f(): ...\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(stub.isStub());
        assertEquals(ImportContext.TYPING_ONLY, stub.imports().get(0).context());
        assertEquals(ImportContext.TYPING_ONLY, stub.definitions().get(0).context());
    }

    @Test
    void softKeywordsAsNames() {
        String src = "match = 1\nmatch[x]: int = 2\ncase(3)\ntype X = int\nimport a\nmatch (x):\n    case [1]:\n        import b\n";
        assertEquals("a:R b:R", contexts(src));
        assertTrue(py(src).syntaxProblems().isEmpty(), py(src).syntaxProblems().toString());
    }

    @Test
    void lazyImportsArePep810Imports() {
        assertEquals("a:R b:T", contexts("lazy import a\nif TYPE_CHECKING:\n    lazy from m import b\n"));
        assertEquals("", contexts("lazy = 1\nlazy.import_x()\n"));
    }

    @Test
    void lambdaColonInHeader() {
        assertEquals("a:T", contexts("if lambda x: x and TYPE_CHECKING: pass\nif TYPE_CHECKING: import a\n"));
    }

    @Test
    void statementErrorsAreReported() {
        assertEquals("expected module name after 'import'", py("import\n").syntaxProblems().get(0).message());
        assertEquals("expected 'import' after 'from x'", py("from x\n").syntaxProblems().get(0).message());
        assertEquals("expected names after 'import'", py("from x import\n").syntaxProblems().get(0).message());
        assertEquals("unexpected indent", py("x = 1\n    import a\n").syntaxProblems().get(0).message());
        assertEquals("expected ':'", py("if x\n    pass\n").syntaxProblems().get(0).message());
        assertTrue(py("if x:\nimport a\n").syntaxProblems().get(0).message().startsWith("expected an indented block"));
        assertEquals(List.of("a"), py("x = 1\n    import a\n").imports().stream().map(ImportBinding::module).toList());
    }

    @Test
    void recoveryAfterUnclosedBracket() {
        String src = "x = foo(1,\n\nimport os\nif TYPE_CHECKING:\n    from a import b\n";
        PythonFile f = py(src);
        assertEquals("os:R b:T", contexts(src));
        assertEquals("'(' was never closed", f.syntaxProblems().get(0).message());
        assertEquals(1, f.syntaxProblems().get(0).region().startLine());
    }

    @Test
    void recoveryAtAHeaderAfterUnclosedBracket() {
        assertEquals("b:T c:R", contexts("x = foo(1,\nif TYPE_CHECKING:\n    from a import b\nimport c\n"));
        assertEquals("c:R", contexts("x = [i\nfor i in y\nif i]\nimport c\n"));
        assertTrue(py("x = [i\nfor i in y\nif i]\nimport c\n").syntaxProblems().isEmpty());
    }

    @Test
    void recoveryAfterRunawayTripleQuote() {
        String src = "def f():\n    '''doc\n    more\n\nimport os\nfrom a import b\n";
        PythonFile f = py(src);
        assertEquals("os:R b:R", contexts(src));
        assertTrue(f.syntaxProblems().get(0).message().startsWith("unterminated triple-quoted"));
        assertEquals("", f.imports().get(0).scope());
    }

    @Test
    void recoveryAfterBadDedentAndGarbage() {
        String src = "if x:\n        a = 1\n    b = 2\nimport os\n$$$ = ]\nfrom m import n\n";
        assertEquals("os:R n:R", contexts(src));
        assertFalse(py(src).syntaxProblems().isEmpty());
    }

    @Test
    void linesAreAvailable() {
        PythonFile f = py("a = 1\r\nb = 'é'\n");
        assertEquals("b = 'é'", f.line(2));
        assertEquals("", f.line(3));
        assertEquals("", f.line(0));
    }

    @Test
    void fuzzedInputNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        byte[] seed = """
                # -*- coding: utf-8 -*-
                from __future__ import annotations
                import os, sys as system
                from .pkg import (a, b as c,)
                if TYPE_CHECKING:
                    from typing import Any
                @dec("s" 'x')
                async def f(x: int = (1, [2, {3}])) -> str:
                    s = f"{x!r:>{w}} {f'{y}'}" + '''tri
                ple''' + r'\\d' + b"\\x00"
                    return s \\
                        + "x"
                class K(metaclass=M):
                    match x:
                        case {"a": 1}: pass
                """.getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (int round = 0; round < 3000; round++) {
            byte[] input;
            switch (round % 3) {
                case 0 -> {
                    input = new byte[random.nextInt(200)];
                    random.nextBytes(input);
                }
                case 1 -> input = java.util.Arrays.copyOf(seed, random.nextInt(seed.length + 1));
                default -> {
                    input = seed.clone();
                    for (int k = 0; k < 1 + random.nextInt(8); k++) {
                        String alphabet = "()[]{}'\"\\\n\t :#f{}";
                        input[random.nextInt(input.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                    }
                }
            }
            try {
                PythonFile f = PythonFiles.parse("m.py", "p.m", false, input);
                f.imports();
                f.definitions();
                f.comments();
                f.syntaxProblems();
                f.line(3);
            } catch (Throwable e) {
                failures.add(round + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void deeplyNestedInputDoesNotOverflow() {
        String deep = "f'{".repeat(5000) + "\n" + "(".repeat(100_000) + "\nimport a\n";
        PythonFile f = py(deep);
        assertFalse(f.syntaxProblems().isEmpty());
        String condition = "if " + "(".repeat(50_000) + "TYPE_CHECKING" + " and x)".repeat(50_000) + ":\n    import a\n";
        assertEquals(1, py(condition).imports().size());
        String inline = "if x: ".repeat(100_000) + "import a\n";
        assertFalse(py(inline).syntaxProblems().isEmpty());
    }
}
