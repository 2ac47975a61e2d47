package dev.lintgate.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.TimeUnit;

/**
 * What a file looked like to the walk's lstat: its size, modification time in nanoseconds and permission bits. The
 * caches trust an entry while the file keeps its stamp (as ruff keys its cache on modification time and mode); the
 * mode is part of it because a file made unreadable must be reported as such, not answered from an earlier run.
 */
public record Stamp(long size, long modified, int mode) {
    /** Coarser than any file system's timestamps that lintgate meets (FAT: 2 s). */
    private static final long AMBIGUOUS_NANOS = 2_000_000_000L;
    private static volatile boolean posix = true;

    /**
     * True when the file was modified so close to {@code runStartNanos} (since the epoch) that a later write in the
     * same clock tick could leave this stamp as it is: what a run read of it is trusted later only by a content hash.
     */
    public boolean ambiguous(long runStartNanos) {
        return modified >= runStartNanos - AMBIGUOUS_NANOS;
    }

    // written out: a record's generated equals and hashCode are linked through method handles at their first call,
    // which generates classes at every start that no class-data archive holds; these are called for every file
    @Override
    public boolean equals(Object o) {
        return o instanceof Stamp s && s.size == size && s.modified == modified && s.mode == mode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size * 31 + modified) * 31 + mode;
    }

    /** Writes the stamp into a cache file; {@link #read} reads it back. */
    public void write(java.io.DataOutputStream out) throws IOException {
        out.writeLong(size);
        out.writeLong(modified);
        out.writeInt(mode);
    }

    public static Stamp read(java.io.DataInputStream in) throws IOException {
        return new Stamp(in.readLong(), in.readLong(), in.readInt());
    }

    public static Stamp of(BasicFileAttributes attributes) {
        int mode = 0;
        if (attributes instanceof PosixFileAttributes p) {
            for (PosixFilePermission permission : p.permissions()) mode |= 1 << (8 - permission.ordinal());
        }
        return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), mode);
    }

    /**
     * The lstat of a path: POSIX attributes where the file system has them (one system call, like the basic ones),
     * so that {@link #of} sees the mode.
     */
    static BasicFileAttributes lstat(Path path) throws IOException {
        if (posix) {
            try {
                return Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                posix = false;
            }
        }
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }
}
