package dev.lintgate.environment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Lock files, by their package tables only: what each resolved distribution is and which version it is. The extras,
 * markers and dependency lists of a package (poetry.lock's {@code [package.extras] test = ["pytest-asyncio"]})
 * install nothing of themselves and are never read.
 *
 * <p>{@code uv.lock}, {@code poetry.lock}, {@code pdm.lock} and {@code pylock.toml} are TOML that their tools write
 * one way: a {@code [[package]]} (pylock: {@code [[packages]]}) header at the start of a line, then the table's
 * keys, {@code name = "..."} and {@code version = "..."} among them, at the start of their lines, and nested values
 * (dependency lists, wheels) indented or in tables of their own. They are read line by line on those terms, since
 * they run to a megabyte and only two keys of each table matter; {@code Pipfile.lock} is JSON ({@code default} and
 * {@code develop} map names to {@code {"version": "==1.0"}}).
 */
final class LockReader {
    private LockReader() {
    }

    static void toml(String text, FileDeclarations out) {
        String name = null;
        String version = null;
        int nameLine = 0;
        boolean inPackage = false;
        int lineNumber = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            lineNumber++;
            String line = text.substring(start, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            start = end + 1;
            if (line.startsWith("[")) {
                if (inPackage) emit(name, version, nameLine, out);
                String header = line.strip();
                inPackage = header.equals("[[package]]") || header.equals("[[packages]]");
                name = null;
                version = null;
                continue;
            }
            if (!inPackage) continue;
            if (line.startsWith("name")) {
                String v = value(line, "name");
                if (v != null) {
                    name = v;
                    nameLine = lineNumber;
                }
            } else if (line.startsWith("version")) {
                String v = value(line, "version");
                if (v != null) version = v;
            }
        }
        if (inPackage) emit(name, version, nameLine, out);
    }

    // 'key = "value"' or "key = 'value'" at the start of a line; null for anything else
    private static String value(String line, String key) {
        String rest = line.substring(key.length()).stripLeading();
        if (!rest.startsWith("=")) return null;
        rest = rest.substring(1).strip();
        if (rest.length() < 2) return null;
        char q = rest.charAt(0);
        if (q != '"' && q != '\'') return null;
        int close = rest.indexOf(q, 1);
        return close < 0 ? null : rest.substring(1, close);
    }

    private static void emit(String name, String version, int line, FileDeclarations out) {
        if (name == null || !Requirement.isName(name)) return;
        // a package without a version is the project itself or a path/VCS source: installed, at no known version
        VersionSpec spec = version == null ? VersionSpec.ANY
                : VersionSpec.pep440("==" + version).orElse(VersionSpec.ANY);
        String text = name + (version == null ? "" : " " + version);
        out.declarations.add(new Declaration(Requirement.normalise(name), spec, text, out.path, line, Declaration.Kind.LOCKED));
    }

    static void pipfileLock(String text, FileDeclarations out) {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.getCurrentName();
                p.nextToken();
                if (!section.equals("default") && !section.equals("develop")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    int line = p.getTokenLocation().getLineNr();
                    p.nextToken();
                    String version = null;
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.getCurrentName();
                            p.nextToken();
                            if (key.equals("version") && p.currentToken() == JsonToken.VALUE_STRING) version = p.getText();
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    emit(name, version == null ? null : version.replaceFirst("^==", ""), line, out);
                }
            }
        } catch (IOException e) {
            out.unreadable(0, "Pipfile.lock is not valid JSON: " + e.getMessage());
        }
    }
}
