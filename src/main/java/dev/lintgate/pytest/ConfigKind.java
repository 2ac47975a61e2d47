package dev.lintgate.pytest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The file names pytest looks for, in the order it tries them within one directory. */
public enum ConfigKind {
    PYTEST_TOML("pytest.toml"),
    DOT_PYTEST_TOML(".pytest.toml"),
    PYTEST_INI("pytest.ini"),
    DOT_PYTEST_INI(".pytest.ini"),
    PYPROJECT_TOML("pyproject.toml"),
    TOX_INI("tox.ini"),
    SETUP_CFG("setup.cfg");

    private final String fileName;

    ConfigKind(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public boolean isToml() {
        return fileName.endsWith(".toml");
    }

    /** The names a given pytest tries, in its order: pytest.toml and .pytest.toml only from 9.0. */
    public static List<ConfigKind> searchOrder(PytestVersion version) {
        return Arrays.stream(values()).filter(k -> version.hasNativeToml() || !k.isNativeTomlFile()).toList();
    }

    public boolean isNativeTomlFile() {
        return this == PYTEST_TOML || this == DOT_PYTEST_TOML;
    }

    public static Optional<ConfigKind> ofFileName(String name) {
        return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
    }
}
