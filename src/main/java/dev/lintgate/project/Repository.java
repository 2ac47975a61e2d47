package dev.lintgate.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The git checkout a project lives in, read from its files rather than by running git (a process start would cost
 * more than a small pre-commit run): the top level, against which GitHub resolves annotation and SARIF paths, and,
 * when git knows them, the remote URL, the commit and the branch. Worktrees ({@code .git} as a file) and packed refs
 * are followed; anything else git might do (a ref in a reftable, an alternate object store) leaves a field empty.
 */
public record Repository(Path topLevel, Optional<String> remoteUrl, Optional<String> commit, Optional<String> branch) {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern REMOTE_SECTION = Pattern.compile("^\\s*\\[\\s*remote\\s+\"([^\"]*)\"\\s*]\\s*$");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[.*$");
    private static final Pattern URL = Pattern.compile("^\\s*url\\s*=\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    /** user[:password]@ in a URL with a scheme: a token there must never reach a SARIF file. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");
    private static final Pattern WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** git's scp-like syntax, {@code git@github.com:owner/repo.git}: the same as {@code ssh://git@github.com/owner/repo.git}. */
    private static final Pattern SCP_LIKE = Pattern.compile("^([A-Za-z0-9._-]+@)?([A-Za-z0-9.-]+):(?!//)(.+)$");

    /** The checkout that holds {@code directory}, or empty when it is in none. */
    public static Optional<Repository> containing(Path directory) {
        Path dir = realPath(directory);
        for (Path d = dir; d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            if (Files.isDirectory(dotGit)) return Optional.of(read(d, dotGit));
            if (Files.isRegularFile(dotGit)) {
                Optional<Path> gitDir = linkedGitDir(dotGit);
                if (gitDir.isPresent()) return Optional.of(read(d, gitDir.get()));
            }
        }
        return Optional.empty();
    }

    /** {@code path} (absolute) relative to the top level with {@code /}, "" for the top level itself. */
    public String relative(Path path) {
        return topLevel.relativize(realPath(path)).toString().replace('\\', '/');
    }

    static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs;
        }
    }

    /** A worktree's or submodule's {@code .git} file: {@code gitdir: PATH}. */
    private static Optional<Path> linkedGitDir(Path dotGitFile) {
        String text = readText(dotGitFile).strip();
        if (!text.startsWith("gitdir:")) return Optional.empty();
        Path target = dotGitFile.getParent().resolve(text.substring("gitdir:".length()).strip()).normalize();
        return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
    }

    private static Repository read(Path top, Path gitDir) {
        // a worktree keeps HEAD in its own directory and refs and config in the common one
        Path common = gitDir;
        String commondir = readText(gitDir.resolve("commondir")).strip();
        if (!commondir.isEmpty()) common = gitDir.resolve(commondir).normalize();
        String head = readText(gitDir.resolve("HEAD")).strip();
        Optional<String> branch = Optional.empty();
        Optional<String> commit = Optional.empty();
        if (head.startsWith("ref:")) {
            String ref = head.substring(4).strip();
            if (ref.startsWith("refs/heads/")) branch = Optional.of(ref.substring("refs/heads/".length()));
            commit = resolveRef(gitDir, common, ref);
        } else if (SHA.matcher(head).matches()) {
            commit = Optional.of(head);
        }
        return new Repository(top, remoteUrl(common.resolve("config")), commit, branch);
    }

    private static Optional<String> resolveRef(Path gitDir, Path common, String ref) {
        for (Path dir : List.of(gitDir, common)) {
            String value = readText(dir.resolve(ref)).strip();
            if (SHA.matcher(value).matches()) return Optional.of(value);
        }
        for (String line : readText(common.resolve("packed-refs")).split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) return Optional.of(parts[0]);
        }
        return Optional.empty();
    }

    /** The URL of {@code origin}, else of the first remote; credentials in it are cut. */
    private static Optional<String> remoteUrl(Path config) {
        String first = null;
        String current = null;
        for (String line : readText(config).split("\n")) {
            Matcher section = REMOTE_SECTION.matcher(line);
            if (section.matches()) {
                current = section.group(1);
                continue;
            }
            if (SECTION.matcher(line).matches()) {
                current = null;
                continue;
            }
            Matcher url = URL.matcher(line);
            if (current != null && url.matches() && !url.group(1).isEmpty()) {
                Optional<String> value = asUri(url.group(1));
                if (value.isEmpty()) continue;
                if (current.equals("origin")) return value;
                if (first == null) first = value.get();
            }
        }
        return Optional.ofNullable(first);
    }

    /** A remote as an absolute URI, as SARIF's {@code repositoryUri} must be; a relative local path has none. */
    static Optional<String> asUri(String remote) {
        if (WITH_SCHEME.matcher(remote).matches()) return Optional.of(USER_INFO.matcher(remote).replaceFirst("$1"));
        if (remote.startsWith("/")) return Optional.of(Path.of(remote).toUri().toString());
        Matcher scp = SCP_LIKE.matcher(remote);
        if (scp.matches()) {
            String user = scp.group(1) == null ? "" : scp.group(1);
            String path = scp.group(3).startsWith("/") ? scp.group(3) : "/" + scp.group(3);
            return Optional.of("ssh://" + user + scp.group(2) + path);
        }
        return Optional.empty();
    }

    private static String readText(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
