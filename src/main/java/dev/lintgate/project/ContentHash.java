package dev.lintgate.project;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A 64-bit digest of a file's bytes, telling whether a file whose stamp changed still holds what an earlier run read
 * (a touched file; a write in the same clock tick). Two CRCs of different polynomials side by side: both are
 * intrinsics, so hashing what a run reads costs next to nothing, and an accidental change escapes both with a
 * chance of about 2^-64. Not a defence against files crafted to collide, which a cache of one's own checkout need
 * not be.
 */
public final class ContentHash {
    private ContentHash() {
    }

    public static long of(byte[] content) {
        CRC32 a = new CRC32();
        a.update(content);
        CRC32C b = new CRC32C();
        b.update(content);
        return a.getValue() << 32 | b.getValue();
    }
}
