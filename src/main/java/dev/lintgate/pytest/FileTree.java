package dev.lintgate.pytest;

import dev.lintgate.project.ProjectModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files discovery looks at, addressed by {@code /}-separated paths. For a lint run it is the walked project
 * with "" as its root and nothing above it; for {@code lintgate pytest-config} it is the real file system up to
 * {@code /}, as pytest itself walks.
 */
public interface FileTree {

    boolean isFile(String path);

    boolean isDir(String path);

    Optional<byte[]> read(String path);

    /** Names of the files and directories directly in a directory, sorted. */
    List<String> children(String dir);

    /** The parent directory, or null at the top of the tree. */
    String parent(String path);

    /** How a path is shown in output and findings. */
    String display(String path);

    default String join(String dir, String name) {
        if (dir.isEmpty()) return name;
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The directory and its ancestors, nearest first, up to the top of the tree. */
    default List<String> selfAndAncestors(String dir) {
        List<String> out = new ArrayList<>();
        for (String d = dir; d != null; d = parent(d)) {
            out.add(d);
        }
        return out;
    }

    /** Lexical normalisation as os.path.abspath does it: "." and ".." resolved, no symlinks followed. */
    String resolve(String cwd, String arg);

    static FileTree of(ProjectModel project) {
        return new ProjectTree(project.files(), project);
    }

    static FileTree filesystem() {
        return new DiskTree();
    }

    /** Paths relative to the project root; "" is the root. */
    final class ProjectTree implements FileTree {
        private final Set<String> files;
        private final Set<String> dirs = new HashSet<>();
        private final ProjectModel project;

        ProjectTree(List<String> files, ProjectModel project) {
            this.files = new HashSet<>(files);
            this.project = project;
            dirs.add("");
            for (String f : files) {
                for (String d = parentOf(f); d != null && dirs.add(d); d = parentOf(d)) {
                    // every ancestor of a walked file is a directory
                }
            }
        }

        private static String parentOf(String p) {
            if (p.isEmpty()) return null;
            int i = p.lastIndexOf('/');
            return i < 0 ? "" : p.substring(0, i);
        }

        @Override
        public boolean isFile(String path) {
            return files.contains(path);
        }

        @Override
        public boolean isDir(String path) {
            return dirs.contains(path);
        }

        @Override
        public Optional<byte[]> read(String path) {
            return project.bytes(path);
        }

        @Override
        public List<String> children(String dir) {
            java.util.TreeSet<String> out = new java.util.TreeSet<>();
            String prefix = dir.isEmpty() ? "" : dir + "/";
            for (Set<String> set : List.of(files, dirs)) {
                for (String p : set) {
                    if (!p.isEmpty() && p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0) {
                        out.add(p.substring(prefix.length()));
                    }
                }
            }
            return List.copyOf(out);
        }

        @Override
        public String parent(String path) {
            return parentOf(path);
        }

        @Override
        public String display(String path) {
            return path.isEmpty() ? "." : path;
        }

        @Override
        public String resolve(String cwd, String arg) {
            String joined = arg.startsWith("/") ? arg.substring(1) : join(cwd, arg);
            return normalize(joined);
        }
    }

    /** Absolute paths on disk; "/" is the top. */
    final class DiskTree implements FileTree {
        @Override
        public boolean isFile(String path) {
            return Files.isRegularFile(Path.of(path));
        }

        @Override
        public boolean isDir(String path) {
            return Files.isDirectory(Path.of(path));
        }

        @Override
        public Optional<byte[]> read(String path) {
            try {
                return Optional.of(Files.readAllBytes(Path.of(path)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public List<String> children(String dir) {
            try (var s = Files.list(Path.of(dir))) {
                return s.map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public String parent(String path) {
            if (path.equals("/")) return null;
            int i = path.lastIndexOf('/');
            return i <= 0 ? "/" : path.substring(0, i);
        }

        @Override
        public String display(String path) {
            return path;
        }

        @Override
        public String resolve(String cwd, String arg) {
            String joined = arg.startsWith("/") ? arg : join(cwd, arg);
            return "/" + normalize(joined);
        }
    }

    /** Drops empty and "." segments and applies ".." lexically, as pytest's path handling does; no leading "/". */
    private static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }
}
