package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every option of {@code check} is in README's options table, by every name it answers to. */
class ReadmeOptionsTest {
    @Test
    void everyCheckOptionIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("`check` options:"), readme.indexOf("Exit codes:"));
        // the option names in the first column of each row
        Set<String> documented = new HashSet<>();
        for (String row : table.lines().filter(l -> l.startsWith("| ")).toList()) {
            Matcher m = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)").matcher(row.split(" \\| ")[0]);
            while (m.find()) documented.add(m.group(1));
        }
        List<String> missing = new CheckCommand().commandSpec().options().stream()
                .flatMap(o -> List.of(o.names()).stream())
                .filter(name -> !documented.contains(name))
                .toList();
        assertEquals(List.of(), missing, "check options missing from README's table");
    }
}
