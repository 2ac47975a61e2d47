package dev.lintgate.cli;

import dev.lintgate.config.ConfigException;
import dev.lintgate.config.IoReason;
import dev.lintgate.project.AtomicReplace;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Where a report file goes. A regular file (or a new one) is written whole or not at all, so CI never uploads half a
 * SARIF log: into a temporary file beside it, renamed over it at the end, with the mode the file had (or the umask's,
 * for a new one). A symbolic link is followed and its target replaced, the link kept. A character device or a FIFO
 * ({@code /dev/null}, a named pipe, {@code /dev/stdout}) is written through, never replaced: renaming a file over
 * {@code /dev/null} as root replaces the machine's {@code /dev/null}. Anything else is refused.
 */
final class OutputFile {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFLNK = 0120000;
    /** The kernel's links to a process's open files, whose "target" is no path to write to ("pipe:[123]"). */
    private static final Pattern FD_LINK = Pattern.compile("/proc/[^/]+/fd/\\d+");
    private static final int MAX_LINKS = 40;

    private OutputFile() {
    }

    interface Body {
        void writeTo(Writer w) throws IOException;
    }

    /** Where a report named {@code target} lands, for telling two outputs apart before anything is written. */
    static Path destination(Path target) {
        return resolve(target).path();
    }

    static void write(Path target, Body body) {
        Destination d = resolve(target);
        try {
            switch (d.kind()) {
                case STREAM -> writeThrough(d.path(), body);
                case FILE, MISSING -> replace(d.path(), d.kind() == Kind.FILE, body);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write the report to " + target + ": " + IoReason.of(e));
        }
    }

    private enum Kind { FILE, MISSING, STREAM }

    private record Destination(Path path, Kind kind) {
    }

    /** Follows symbolic links one at a time, stopping at a process's file link, which is written through. */
    private static Destination resolve(Path target) {
        Path p = target.toAbsolutePath().normalize();
        for (int links = 0; ; links++) {
            if (isProcessFileLink(p)) return new Destination(p, Kind.STREAM);
            int mode;
            try {
                mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Destination(p, Kind.MISSING);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (not Linux or macOS): the plain file system answers
                return Files.isRegularFile(p) ? new Destination(p, Kind.FILE)
                        : Files.exists(p) ? fail(target, "not a regular file") : new Destination(p, Kind.MISSING);
            }
            switch (mode & S_IFMT) {
                case S_IFREG:
                    return new Destination(p, Kind.FILE);
                case S_IFCHR:
                case S_IFIFO:
                    return new Destination(p, Kind.STREAM);
                case S_IFDIR:
                    return fail(target, "it is a directory");
                case S_IFLNK:
                    if (links == MAX_LINKS) return fail(target, "too many levels of symbolic links");
                    try {
                        Path parent = p.getParent();
                        Path link = Files.readSymbolicLink(p);
                        p = (parent == null ? link : parent.resolve(link)).toAbsolutePath().normalize();
                    } catch (IOException e) {
                        return fail(target, IoReason.of(e));
                    }
                    continue;
                default:
                    return fail(target, "it is neither a regular file, a character device nor a FIFO");
            }
        }
    }

    /** /proc/self/fd/1, /dev/fd/1 (through the /dev/fd link), /proc/123/fd/4. */
    private static boolean isProcessFileLink(Path p) {
        if (FD_LINK.matcher(p.toString()).matches()) return true;
        Path parent = p.getParent();
        if (parent == null || p.getFileName() == null) return false;
        try {
            return FD_LINK.matcher(parent.toRealPath().resolve(p.getFileName()).toString()).matches();
        } catch (IOException e) {
            return false;
        }
    }

    private static Destination fail(Path target, String why) {
        throw new ConfigException("cannot write the report to " + target + ": " + why);
    }

    private static void writeThrough(Path path, Body body) throws IOException {
        FileDescriptor own = ownDescriptor(path);
        if (own != null) {
            // our own stdout or stderr: written through the descriptor the shell gave us, sharing its file offset;
            // opening the path again would start a second offset, and the two would overwrite each other in a file
            Writer w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(own), StandardCharsets.UTF_8));
            body.writeTo(w);
            w.flush();
            return;
        }
        // appended: a device ignores the offset, and a log the shell opened with >> must not be overwritten
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND), StandardCharsets.UTF_8))) {
            body.writeTo(w);
        }
    }

    /** Standard output or error when the path is this process's descriptor 1 or 2, else null. */
    private static FileDescriptor ownDescriptor(Path path) {
        Path real;
        try {
            real = path.getParent().toRealPath().resolve(path.getFileName());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String self = "/proc/" + ProcessHandle.current().pid() + "/fd/";
        if (real.toString().equals(self + "1")) return FileDescriptor.out;
        if (real.toString().equals(self + "2")) return FileDescriptor.err;
        return null;
    }

    private static void replace(Path path, boolean exists, Body body) throws IOException {
        AtomicReplace.replace(path, exists, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.writeTo(w);
            w.flush();
        });
    }
}
