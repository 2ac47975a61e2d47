package dev.lintgate.pytest;

import dev.lintgate.finding.Location;
import java.util.List;

/**
 * One key of a pytest config section, as pytest stores it before {@code getini} coerces it. In {@link Mode#INI}
 * (ini files and {@code [tool.pytest.ini_options]}) the value is a {@code String} or a {@code List<String>}; in
 * {@link Mode#TOML} (native tables, pytest 9+) it is the TOML value itself: String, Boolean, Long, Double or List.
 * {@code pythonType} names the type as pytest's error messages would.
 */
public record PytestOption(String key, Object value, Mode mode, String pythonType, Location keyLocation,
                           Location valueLocation) {

    public enum Mode { INI, TOML }

    /** The value as text, for display and for ini-mode string keys. */
    public String text() {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
        }
        return String.valueOf(value);
    }
}
