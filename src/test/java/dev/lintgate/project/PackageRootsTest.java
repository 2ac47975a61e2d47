package dev.lintgate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package roots of a real tree on disk, shaped like the monorepos of the ecosystem corpus. */
class PackageRootsTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    @Test
    void nestedDistributionsStartRootsButToolSettingsAndBrokenFilesDoNot() throws IOException {
        write("pyproject.toml", "[project]\nname = 'app'\n");
        write("core/pyproject.toml", "[build-system]\nrequires = ['maturin']\n");
        write("core/tests/test_core.py", "");
        // aiohttp's git symlink to ../pyproject.toml, exported as a text file
        write("requirements/pyproject.toml", "../pyproject.toml");
        write("requirements/test.txt", "pytest==9.1.1\n");
        write("tools/pyproject.toml", "[tool.black]\nline-length = 100\n");
        write("legacy/setup.py", "from setuptools import setup\nsetup()\n");
        write("cfgonly/setup.cfg", "[flake8]\nmax-line-length = 100\n");
        write("cfgdist/setup.cfg", "[metadata]\nname = x\n");
        write("apps/web/tests/test_web.py", "");
        Project project = new ProjectLoader(root, root).load(List.of("."), null, false);
        PackageRoots roots = project.fact(PackageRoots.FACT);
        assertEquals(List.of("", "cfgdist", "core", "legacy"), roots.all());
        assertEquals("core", roots.rootOf("core/tests/test_core.py"));
        assertEquals("core", roots.rootOf("core"));
        assertEquals("", roots.rootOf("corelib/x.py"));
        assertEquals("", roots.rootOf("requirements/test.txt"));
        assertEquals("", roots.rootOf("tools/x.py"));
        assertEquals("legacy", roots.rootOf("legacy/pkg/mod.py"));
        assertEquals("", roots.rootOf("apps/web/tests/test_web.py"));
    }
}
