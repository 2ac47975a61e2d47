package dev.lintgate.pytest;

import dev.lintgate.finding.Location;
import dev.lintgate.finding.Region;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The entries of a config file's {@code markers} option, each with the line it is written on. */
public final class MarkerEntries {
    private MarkerEntries() {
    }

    public record Entry(String line, String name, Location location) {
    }

    public static List<Entry> of(PytestConfigModel model, PytestConfigFile file) {
        Optional<PytestOption> option = model.load(file).option("markers");
        if (option.isEmpty()) return List.of();
        PytestRun run = model.runFor(file);
        if (!run.configFile().map(f -> f.path().equals(file.path())).orElse(false)) return List.of();
        List<String> lines;
        try {
            lines = run.markerLines();
        } catch (PytestRun.TypeMismatch e) {
            return List.of();
        }
        String[] text = model.project().bytes(file.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("").split("\n", -1);
        Location key = option.get().keyLocation();
        int cursor = key.region().startLine() - 1;
        List<Entry> out = new ArrayList<>();
        for (String entry : lines) {
            Location at = key;
            for (int i = cursor; i < text.length; i++) {
                int col = text[i].indexOf(entry);
                if (col >= 0) {
                    at = new Location(key.path(), Region.of(i + 1, col + 1, col + 1 + entry.length()));
                    cursor = i + 1;
                    break;
                }
            }
            out.add(new Entry(entry, MarkerLine.name(entry), at));
        }
        return out;
    }
}
