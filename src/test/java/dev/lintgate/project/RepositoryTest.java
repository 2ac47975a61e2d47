package dev.lintgate.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.cli.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link Repository} reads from a checkout agrees with what the real git says about it. */
class RepositoryTest {
    @TempDir
    Path temp;

    private Path committed() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(repo.resolve("svc"));
        Files.writeString(repo.resolve("svc/a.py"), "x = 1\n");
        Git.run(repo, "init", "-q", "-b", "main");
        Git.run(repo, "add", "-A");
        Git.run(repo, "commit", "-q", "-m", "first");
        return repo;
    }

    @Test
    void branchCommitAndTopLevelOfAPlainCheckout() throws Exception {
        Path repo = committed();
        Git.run(repo, "remote", "add", "upstream", "git@github.com:acme/shop.git");
        Repository r = Repository.containing(repo.resolve("svc")).orElseThrow();
        assertEquals(repo.toRealPath(), r.topLevel());
        assertEquals("svc", r.relative(repo.resolve("svc")));
        assertEquals(Optional.of("main"), r.branch());
        assertEquals(Optional.of(Git.run(repo, "rev-parse", "HEAD").strip()), r.commit());
        // no origin: the first remote, scp-like syntax as the ssh URI it stands for
        assertEquals(Optional.of("ssh://git@github.com/acme/shop.git"), r.remoteUrl());
    }

    @Test
    void packedRefsDetachedHeadAndWorktrees() throws Exception {
        Path repo = committed();
        String head = Git.run(repo, "rev-parse", "HEAD").strip();
        Git.run(repo, "pack-refs", "--all");
        assertTrue(!Files.exists(repo.resolve(".git/refs/heads/main")), "the branch is only in packed-refs now");
        assertEquals(Optional.of(head), Repository.containing(repo).orElseThrow().commit());

        Git.run(repo, "worktree", "add", "-q", "-b", "feature", temp.resolve("wt").toString());
        Repository wt = Repository.containing(temp.resolve("wt/svc")).orElseThrow();
        assertEquals(temp.resolve("wt").toRealPath(), wt.topLevel());
        assertEquals(Optional.of("feature"), wt.branch());
        assertEquals(Optional.of(head), wt.commit());

        Git.run(repo, "checkout", "-q", "--detach");
        Repository detached = Repository.containing(repo).orElseThrow();
        assertEquals(Optional.empty(), detached.branch());
        assertEquals(Optional.of(head), detached.commit());
    }

    @Test
    void credentialsInARemoteAreCut() {
        assertEquals(Optional.of("https://github.com/acme/shop"), Repository.asUri("https://user:token@github.com/acme/shop"));
        assertEquals(Optional.of("file:///srv/git/shop.git"), Repository.asUri("/srv/git/shop.git"));
        assertEquals(Optional.empty(), Repository.asUri("../shop"));
    }

    @Test
    void outsideAnyCheckoutThereIsNone() {
        assertTrue(Repository.containing(temp).isEmpty() || !Repository.containing(temp).get().topLevel().startsWith(temp));
    }
}
