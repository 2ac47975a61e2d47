package dev.lintgate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool version, written into the jar by Maven resource filtering. */
public final class Version {
    private Version() {
    }

    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/lintgate/version.properties")) {
            if (in == null) return "0.0.0";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "0.0.0");
            return v.startsWith("${") ? "0.0.0" : v;
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
