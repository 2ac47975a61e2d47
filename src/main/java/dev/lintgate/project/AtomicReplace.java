package dev.lintgate.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a regular file whole or not at all: into a temporary file beside it, renamed over it at the end, with the
 * mode the file had (or the umask's, for a new one). A failure leaves the old file as it was and no temporary file.
 * Used for every file lintgate writes: reports ({@code -o}) and fixed sources ({@code check --fix}).
 */
public final class AtomicReplace {
    private AtomicReplace() {
    }

    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** {@code exists}: the file is there now and its mode is kept. */
    public static void replace(Path path, boolean exists, Body body) throws IOException {
        Path dir = path.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = path.resolveSibling("." + path.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                // no permissions given: the file gets 0666 less the umask, as a shell redirection would
                Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                tmp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) throw e;
            }
        }
        try {
            if (exists) keepMode(path, tmp);
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void keepMode(Path existing, Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(existing);
            Files.setPosixFilePermissions(tmp, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
    }
}
