package dev.lintgate.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in a few words and without the path (messages name the file themselves): Java's
 * exceptions carry "/abs/path: Permission denied", or only the path, or a temporary file's path.
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(IOException e) {
        String why = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (why == null) {
            why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "file exists"
                    : e.getClass().getSimpleName();
        }
        if (e instanceof FileSystemException f && f.getFile() != null && why.startsWith(f.getFile())) {
            why = why.substring(f.getFile().length()).replaceFirst("^:\\s*", "");
        }
        if (why.isEmpty()) why = e.getClass().getSimpleName();
        return Character.toLowerCase(why.charAt(0)) + why.substring(1);
    }
}
