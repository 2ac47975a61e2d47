package dev.lintgate.project;

import java.io.IOException;

/**
 * Where a run's walk of the project comes from: the disk, now ({@link #FRESH}), or, in a resident server, the last
 * walk of the same tree when the tree has not changed since ({@link WatchedWalks}).
 */
public interface Walks {
    Walks FRESH = FileWalker::walkAll;

    FileWalker.Walk walk(FileWalker walker) throws IOException;
}
