package dev.lintgate.pytest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
        return version.hasNativeToml() ? ALL : WITHOUT_NATIVE_TOML;
    }

    private static final List<ConfigKind> ALL = List.of(values());
    private static final List<ConfigKind> WITHOUT_NATIVE_TOML = ALL.stream().filter(k -> !k.isNativeTomlFile()).toList();
    // asked for every file of the repository
    private static final Map<String, ConfigKind> BY_NAME = ALL.stream().collect(Collectors.toMap(ConfigKind::fileName, k -> k));

    public boolean isNativeTomlFile() {
        return this == PYTEST_TOML || this == DOT_PYTEST_TOML;
    }

    public static Optional<ConfigKind> ofFileName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
