package dev.lintgate.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The text lines of a project file, by its project-relative {@code /} path; an empty list when unknown. */
@FunctionalInterface
public interface SourceLines {

    SourceLines NONE = path -> List.of();

    /** Lines without their terminators; line {@code n} (1-based) is {@code get(n - 1)}. */
    List<String> lines(String relativePath);

    /** Reads files below {@code root} on first use and keeps them, since several reporters may frame one file. */
    static SourceLines under(Path root) {
        Path base = root.toAbsolutePath().normalize();
        // concurrent so that an engine may render frames from several threads
        Map<String, List<String>> cache = new ConcurrentHashMap<>();
        return relativePath -> cache.computeIfAbsent(relativePath, p -> read(base, p));
    }

    /** Splits like Python's tokenizer: {@code \r\n}, {@code \r} and {@code \n} end a line, nothing else does. */
    static List<String> split(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }

    private static List<String> read(Path base, String relativePath) {
        Path file = base.resolve(relativePath).normalize();
        if (!file.startsWith(base)) return List.of();
        try {
            // a frame is only a display aid: a file that is not valid UTF-8 still gets one, with U+FFFD
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return split(text);
        } catch (IOException e) {
            return List.of();
        }
    }
}
