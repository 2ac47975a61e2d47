package dev.lintgate.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The text lines of a project file, by its project-relative {@code /} path; an empty list when unknown. */
@FunctionalInterface
public interface SourceLines {

    SourceLines NONE = path -> List.of();

    /** Lines without their terminators; line {@code n} (1-based) is {@code get(n - 1)}. */
    List<String> lines(String relativePath);

    /** Reads files below {@code root} on first use and keeps them, since several reporters may frame one file. */
    public static SourceLines under(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return reading(relativePath -> {
            Path file = base.resolve(relativePath).normalize();
            if (!file.startsWith(base)) return Optional.empty();
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Lines of the files {@code read} gives (the project's own reads, which know where a file whose name is not ASCII
     * really is), decoded on first use and kept.
     */
    public static SourceLines reading(Function<String, Optional<byte[]>> read) {
        // concurrent so that an engine may render frames from several threads
        Map<String, List<String>> cache = new ConcurrentHashMap<>();
        return relativePath -> cache.computeIfAbsent(relativePath, p -> read.apply(p).map(SourceLines::decode).orElse(List.of()));
    }

    /** Splits like Python's tokenizer: {@code \r\n}, {@code \r} and {@code \n} end a line, nothing else does. */
    static List<String> split(String text) {
        return List.of(text.split("\r\n|\r|\n", -1));
    }

    private static List<String> decode(byte[] bytes) {
        try {
            // a frame is only a display aid: a file that is not valid UTF-8 still gets one, with U+FFFD
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            return split(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            return List.of();
        }
    }
}
