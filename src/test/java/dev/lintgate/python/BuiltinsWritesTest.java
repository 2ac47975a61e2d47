package dev.lintgate.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The names a file puts into builtins or another module, through whatever binds the module, and nothing else. */
class BuiltinsWritesTest {

    private static final String SOURCE = """
            import builtins
            import builtins as b
            import types as not_builtins
            from builtins import dict as builtin_dict

            builtins.a = 1
            b.__dict__['c'] = 3
            b.__dict__.update({'d': 4, **extra, 'e': 5})
            b.__dict__.update(f=6)
            setattr(b, 'g', 7)
            __builtins__.h = 8
            x = b.__dict__['j'] = 10

            not_builtins.__dict__['no_module'] = 0
            builtin_dict.__dict__['no_from_import'] = 0
            b.__dict__[key] = 0
            b.x.no_nested = 0
            setattr(b, name, 0)
            print(b.__dict__['no_read'])

            def shadowed(b):
                b.no_parameter = 0

            def local():
                import builtins as inner
                inner.i = 9
            """;

    @Test
    void writesThroughModuleBindingsOnly() {
        Set<String> expected = Set.of("a", "c", "d", "e", "f", "g", "h", "i", "j");
        assertEquals(expected, parse(SOURCE).names().builtinsWrites());
        // a fresh file: bindings() would otherwise answer from the full model just built
        assertEquals(expected, parse(SOURCE).bindings().builtinsWrites(), "the bindings-only walk reads the same statements");
    }

    @Test
    void noImportOfBuiltinsNoWrites() {
        assertEquals(Set.of(), parse("builtin_mod.__dict__['x'] = 1\nsetattr(builtin_mod, 'y', 2)\n").names().builtinsWrites());
    }

    @Test
    void writesIntoOtherModulesThroughTheirImportBindings() {
        String source = """
                from . import type_api
                import pkg.registry as reg
                import os.path
                from typing import TYPE_CHECKING
                if TYPE_CHECKING:
                    import typing_only

                type_api.NULLTYPE = NULLTYPE
                setattr(reg, 'DEFAULT', 1)
                os.sep_copy = '/'
                typing_only.never = 1
                not_imported.x = 1
                type_api.nested.no = 1
                """;
        Set<String> written = new java.util.TreeSet<>();
        for (Names.WrittenName w : parse(source).names().moduleWrites()) written.add(w.receiver().imported() + " " + w.name());
        assertEquals(Set.of(".type_api NULLTYPE", "pkg.registry DEFAULT", "os.path sep_copy"), written);
    }

    private static PythonFile parse(String source) {
        return PythonFiles.parse("pkg/m.py", "pkg.m", false, source.getBytes(StandardCharsets.UTF_8));
    }
}
