package dev.lintgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which command lines a client sends to the server, in the jar's client and in the wheels' Python launcher alike. */
class ServerClientTest {
    @Test
    void readingCommandLinesAreForwardedAndNoOthers() {
        assertTrue(ServerClient.forwardable(new String[] {"check"}));
        assertTrue(ServerClient.forwardable(new String[] {"check", "a.py", "--select", "-x", "--format=json", "--exit-zero"}));
        assertTrue(ServerClient.forwardable(new String[] {"check", "--", "--fix"}), "a path named --fix");
        assertFalse(ServerClient.forwardable(new String[] {"check", "--", "-"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "-"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--fix"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "-qo", "out.txt"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--output=r.txt"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--sarif-output", "r.sarif"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--diff-base", "main"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--stdin-filename", "a.py", "-"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "@args.txt"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--exit-zero=true"}));
        assertFalse(ServerClient.forwardable(new String[] {"check", "--help"}));
        assertFalse(ServerClient.forwardable(new String[] {"baseline"}));
        assertFalse(ServerClient.forwardable(new String[] {"--version"}));
        assertFalse(ServerClient.forwardable(new String[] {}));
    }

    @Test
    void everyForwardedOptionIsACheckOptionThatOnlyReads() {
        Set<String> names = new HashSet<>();
        new CheckCommand().commandSpec().options().forEach(o -> names.addAll(Set.of(o.names())));
        Set<String> forwarded = new TreeSet<>(ServerClient.WITH_VALUE);
        forwarded.addAll(ServerClient.FLAGS);
        for (String option : forwarded) assertTrue(names.contains(option), option + " is not an option of check");
        for (String writes : Set.of("-o", "--output", "--sarif-output", "--fix", "--diff", "--update-baseline", "--diff-base",
                "--stdin-filename", "--show-settings", "--show-files")) {
            assertFalse(forwarded.contains(writes), writes);
        }
    }

    @Test
    void thePythonLauncherForwardsTheSameOptions() throws Exception {
        String launcher = Files.readString(Path.of("src/main/python/lintgate/_launcher.py"));
        assertEquals(new TreeSet<>(ServerClient.WITH_VALUE), pythonSet(launcher, "SERVER_VALUE_OPTIONS"));
        assertEquals(new TreeSet<>(ServerClient.FLAGS), pythonSet(launcher, "SERVER_FLAGS"));
    }

    private static Set<String> pythonSet(String source, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " = \\{([^}]*)\\}").matcher(source);
        assertTrue(m.find(), name + " in _launcher.py");
        Set<String> out = new TreeSet<>();
        Matcher item = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
        while (item.find()) out.add(item.group(1));
        return out;
    }
}
