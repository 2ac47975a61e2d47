package dev.lintgate.project;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A resident server's walks: the last walk of a tree, handed out again while the tree has not changed since, as
 * the kernel tells (inotify, through a {@link WatchService} on every directory of the walk). A walk is reused only
 * when nothing can have changed it unseen:
 * <ul>
 * <li>every directory it listed was watched before it was listed (so a first walk of a tree is never reused: the
 * next one, made under watch, is);</li>
 * <li>no event came for any of them since (an entry created, deleted, renamed, written, or its time or mode changed);
 * the events are complete up to the moment of asking, because a file created in the server's own watched directory
 * (a cookie, as watchman does it) comes through the same queue after every event before it;</li>
 * <li>the tree holds no symbolic link (a link's part of a listing depends on its target, elsewhere) and nothing it
 * could not read, the root is the same directory (not another one moved to its path), and it lies on a local file
 * system whose changes the kernel reports (not NFS, FUSE or a mounted share).</li>
 * </ul>
 * Anything else, an overflow of the kernel's queue included, and the tree is walked again. What a run reads besides
 * the walk (file contents, settings, git's state) is read from disk as always.
 */
public final class WatchedWalks implements Walks {
    /** File systems whose changes inotify reports: local ones. */
    private static final Set<String> LOCAL = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs",
            "f2fs", "jfs", "reiserfs", "nilfs2", "bcachefs");
    /** Trees kept at once; the least recently used is dropped (its directories stay watched until the server stops). */
    private static final int KEPT = 16;

    private final WatchService service;
    private final Path cookies;
    private final WatchKey cookieKey;
    /** Each watched directory's key and the directory it watches (a watch follows the directory, not its path). */
    private final Map<Path, Watch> watched = new HashMap<>();
    private final Map<WatchKey, List<Kept>> byKey = new HashMap<>();
    private final Map<List<Object>, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long cookie;
    private int reused;
    /** Set when a cookie did not come: events are not delivered here, and every run walks, without waiting for one. */
    private boolean deaf;

    private record Watch(WatchKey key, Object directory) {
    }

    private static final class Kept {
        FileWalker.Walk walk;
        Object rootKey;
        boolean trusted;
        boolean changed;
    }

    private WatchedWalks(WatchService service, Path cookies, WatchKey cookieKey) {
        this.service = service;
        this.cookies = cookies;
        this.cookieKey = cookieKey;
    }

    /** Watched walks with their cookies in {@code directory} (the server's own); walks from disk when it cannot watch. */
    public static Walks in(Path directory) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE);
            return new WatchedWalks(service, directory, key);
        } catch (IOException | RuntimeException e) {
            return FRESH;
        }
    }

    /** Walks reused so far (the server's status says it). */
    public synchronized int reused() {
        return reused;
    }

    @Override
    public synchronized FileWalker.Walk walk(FileWalker walker) throws IOException {
        if (deaf) return walker.walkAll();
        boolean complete = catchUp();
        if (!complete) {
            deaf = true;
            return walker.walkAll();
        }
        Kept k = kept.get(walker.identity());
        Object rootKey = fileKey(walker.root());
        if (k != null && k.trusted && !k.changed && rootKey != null && rootKey.equals(k.rootKey)) {
            reused++;
            return k.walk;
        }
        if (k == null) {
            k = new Kept();
            kept.put(walker.identity(), k);
            if (kept.size() > KEPT) forget(kept.keySet().iterator().next());
        }
        k.changed = false;
        k.trusted = false;
        FileWalker.Walk walk = walker.walkAll();
        k.walk = new FileWalker.Walk(Collections.unmodifiableList(walk.files()), walk.unreadable(), walk.located(),
                Collections.unmodifiableMap(walk.stamps()), Collections.unmodifiableMap(walk.listings()), walk.links());
        k.rootKey = rootKey;
        k.trusted = rootKey != null && !walk.links() && walk.unreadable().isEmpty() && local(walker.root())
                && watchedBefore(k, walker.root(), walk);
        return k.walk;
    }

    /**
     * Watches every directory of the walk; true when all were watched already (the walk was made under watch and can
     * be reused), false when some had to be added now or could not be (the kernel's limit of watches). A path whose
     * directory is not the one its watch follows (renamed away, another made or moved in its place) is watched anew.
     */
    private boolean watchedBefore(Kept k, Path root, FileWalker.Walk walk) {
        boolean all = true;
        for (String rel : walk.listings().keySet()) {
            Path dir = rel.isEmpty() ? root : root.resolve(rel);
            Object directory = fileKey(dir);
            if (directory == null) return false;
            Watch watch = watched.get(dir);
            if (watch == null || !watch.key().isValid() || !watch.directory().equals(directory)) {
                all = false;
                try {
                    WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                    watch = new Watch(key, directory);
                    watched.put(dir, watch);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            }
            List<Kept> users = byKey.computeIfAbsent(watch.key(), x -> new ArrayList<>());
            if (!users.contains(k)) users.add(k);
        }
        return all;
    }

    /**
     * Takes every event the kernel queued up to now: creates a cookie in the server's directory and reads events until
     * its own arrives, marking the trees they touch as changed. False when the cookie did not come in a second (a file
     * system that does not report its changes): the server then stops watching and walks every time.
     */
    private boolean catchUp() {
        Path mine = cookies.resolve("cookie-" + ProcessHandle.current().pid() + "-" + (++cookie));
        try {
            Files.createFile(mine);
        } catch (IOException e) {
            return false;
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            boolean seen = false;
            while (!seen) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) return false;
                seen = take(key, mine.getFileName());
            }
            WatchKey key;
            while ((key = service.poll()) != null) take(key, mine.getFileName());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ClosedWatchServiceException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(mine);
            } catch (IOException e) {
                // a cookie left over is a file in the server's own directory
            }
        }
    }

    /** Marks what the key's events touched; true when one of them was the cookie {@code name}. */
    private boolean take(WatchKey key, Path name) {
        boolean cookieSeen = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                for (Kept k : kept.values()) k.changed = true;
            } else if (key == cookieKey) {
                cookieSeen |= event.kind() == StandardWatchEventKinds.ENTRY_CREATE && name.equals(event.context());
            } else {
                for (Kept k : byKey.getOrDefault(key, List.of())) k.changed = true;
            }
        }
        if (!key.reset() && key != cookieKey) {
            // the directory went away: the trees that held it changed (their parent's event says so too)
            for (Kept k : byKey.getOrDefault(key, List.of())) k.changed = true;
        }
        return cookieSeen;
    }

    private void forget(List<Object> identity) {
        Kept gone = kept.remove(identity);
        for (List<Kept> users : byKey.values()) users.remove(gone);
    }

    private static boolean local(Path root) {
        try {
            return LOCAL.contains(Files.getFileStore(root).type());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Object fileKey(Path dir) {
        try {
            return Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
