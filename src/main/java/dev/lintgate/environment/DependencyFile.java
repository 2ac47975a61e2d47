package dev.lintgate.environment;

import java.util.Locale;
import java.util.Optional;

/** The kinds of file that declare what a Python project installs, told apart by name. */
public enum DependencyFile {
    PYPROJECT, SETUP_CFG, SETUP_PY, TOX_INI, PIPFILE, PIPFILE_LOCK, TOML_LOCK, REQUIREMENTS, CONDA;

    /**
     * The kind of a file by its path: pyproject.toml, setup.cfg, setup.py, tox.ini, Pipfile, the lock files
     * ({@code uv.lock}, {@code poetry.lock}, {@code pdm.lock}, {@code pylock*.toml}, {@code Pipfile.lock}), conda's
     * environment file, and requirements files: {@code .txt}/{@code .in} files whose name holds "requirements"
     * or starts with "constraints", or that sit in a {@code requirements/} directory. Files other files include
     * with {@code -r}/{@code -c} are requirements files whatever their name; those are found by following includes.
     */
    public static Optional<DependencyFile> of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        switch (name) {
            case "pyproject.toml": return Optional.of(PYPROJECT);
            case "setup.cfg": return Optional.of(SETUP_CFG);
            case "setup.py": return Optional.of(SETUP_PY);
            case "tox.ini": return Optional.of(TOX_INI);
            case "Pipfile": return Optional.of(PIPFILE);
            case "Pipfile.lock": return Optional.of(PIPFILE_LOCK);
            case "uv.lock", "poetry.lock", "pdm.lock", "pylock.toml": return Optional.of(TOML_LOCK);
            case "environment.yml", "environment.yaml": return Optional.of(CONDA);
            default: break;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pylock.") && lower.endsWith(".toml")) return Optional.of(TOML_LOCK);
        if (!lower.endsWith(".txt") && !lower.endsWith(".in")) return Optional.empty();
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String parent = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (lower.contains("requirements") || lower.startsWith("constraints") || parent.equals("requirements")) {
            return Optional.of(REQUIREMENTS);
        }
        return Optional.empty();
    }
}
