package dev.lintgate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lintgate.TestTrees;
import dev.lintgate.catalog.RuleCatalog;
import dev.lintgate.project.Project;
import dev.lintgate.project.ProjectLoader;
import dev.lintgate.rules.AllRules;
import dev.lintgate.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept result is replayed only when nothing it came from changed, and then equals what checking would find. A
 * replay reads no file (a checking run reads every target), which is how each step tells the two apart; after every
 * edit, the cached run's result must equal a run without any cache.
 */
class ResultCacheTest {
    private static final List<Rule> RULES = AllRules.create();
    private static final String TARGET = "netra_backend/app/agents/triage_agent.py";
    private static final String UNTOUCHED = "netra_backend/app/agents/data_agent.py";

    @TempDir
    Path tmp;
    Path root;
    Path cache;

    @BeforeEach
    void copyTheIncident() throws IOException {
        root = tmp.resolve("incident").toAbsolutePath();
        cache = tmp.resolve("cache");
        TestTrees.copyIncident(root);
        // the copy was just written: every stamp would be ambiguous and compared by content
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        }
    }

    @Test
    void anUnchangedProjectIsReplayedAndEqualsAFreshCheck() throws IOException {
        Run first = cached(List.of("."));
        assertFalse(first.replayed(), "nothing kept yet");
        assertTrue(first.result.findings().size() > 10, "the incident has findings: " + first.result.findings());
        Run second = cached(List.of("."));
        assertTrue(second.replayed(), "nothing changed: replayed");
        assertEqualResults(uncached(List.of(".")), second.result);
        // another set of files reported on is another result
        Run named = cached(List.of(TARGET));
        assertFalse(named.replayed());
        assertTrue(cached(List.of(TARGET)).replayed());
        assertEqualResults(uncached(List.of(TARGET)), cached(List.of(TARGET)).result);
    }

    @Test
    void aTouchedFileIsReadAgainAndTheResultStillReplayed() throws IOException {
        cached(List.of("."));
        Files.setLastModifiedTime(root.resolve(TARGET), FileTime.from(Instant.now().minusSeconds(30)));
        Run touched = cached(List.of("."));
        assertTrue(touched.replayed(), "same bytes: replayed");
        assertTrue(touched.project.wasRead(TARGET), "the touched file was read to compare its bytes");
        assertFalse(touched.project.wasRead(UNTOUCHED), "an untouched one was not");
        assertEqualResults(uncached(List.of(".")), touched.result);
    }

    @Test
    void everyKindOfChangeMakesTheRunCheckAgain() throws IOException {
        cached(List.of("."));
        // a file's content
        Path target = root.resolve(TARGET);
        Files.writeString(target, Files.readString(target) + "\nfrom netra_backend.app.database.compat import DatabaseSessionManager as again\n");
        Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(20)));
        checksAgainAndAgrees("content changed");
        // the same size and modification time, other bytes: told by the content hash, as the stamp is ambiguous
        String text = Files.readString(target);
        Files.writeString(target, "# " + text.substring(2).replace("again", "other"));
        FileTime tick = Files.getLastModifiedTime(target);
        cached(List.of("."));
        String before = Files.readString(target);
        Files.writeString(target, before.replace("other", "third"));
        Files.setLastModifiedTime(target, tick);
        checksAgainAndAgrees("rewritten in the same clock tick");
        // a compiled extension beside a module: nothing walked changed, a directory's entries did
        Files.write(root.resolve("netra_backend/app/agents/_speedups.cpython-311-x86_64-linux-gnu.so"), new byte[] {0});
        checksAgainAndAgrees("an extension module appeared");
        // a directory renamed, a file deleted, a mode changed, a setting changed
        Files.move(root.resolve("auth_service/tests"), root.resolve("auth_service/tests_moved"));
        checksAgainAndAgrees("a directory renamed");
        Files.delete(root.resolve("scripts/migrate_sessions.py"));
        checksAgainAndAgrees("a file deleted");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--------"));
        checksAgainAndAgrees("a mode changed");
        Path settings = root.resolve("lintgate.toml");
        Files.writeString(settings, Files.readString(settings) + "\n# a comment changes the settings' bytes\n");
        checksAgainAndAgrees("the settings changed");
        // a symbolic link whose target goes away: the link's own entry did not change
        Path elsewhere = tmp.resolve("elsewhere.py");
        Files.writeString(elsewhere, "x = 1\n");
        Files.createSymbolicLink(root.resolve("netra_backend/app/agents/linked.py"), elsewhere);
        checksAgainAndAgrees("a link appeared");
        Files.delete(elsewhere);
        checksAgainAndAgrees("a link's target vanished");
    }

    @Test
    void aDamagedResultIsCheckedAgainNotTrusted() throws IOException {
        cached(List.of("."));
        try (Stream<Path> files = Files.list(cache)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("results-")).toList()) {
                byte[] b = Files.readAllBytes(f);
                b[b.length / 2] ^= 0x20;
                Files.write(f, b);
            }
        }
        checksAgainAndAgrees("a flipped bit");
    }

    @Test
    void aContentStandingInForAFileNeitherReplaysNorKeeps() throws IOException {
        cached(List.of("."));
        Project project = load(List.of("."));
        project.cacheIn(cache, "test build", now());
        project.replaceContent(TARGET, "import os\n".getBytes(StandardCharsets.UTF_8));
        Engine.Result result = new Engine(RuleCatalog.bundled(), 2).run(project, RULES);
        assertTrue(project.wasRead(TARGET), "checked, not replayed");
        assertTrue(result.findings().stream().noneMatch(f -> f.location().path().equals(TARGET)), result.findings().toString());
        assertTrue(cached(List.of(".")).replayed(), "the buffer's result was not kept over the file's");
    }

    private void checksAgainAndAgrees(String step) throws IOException {
        Run run = cached(List.of("."));
        assertFalse(run.replayed(), step + ": checked again");
        assertEqualResults(uncached(List.of(".")), run.result);
        assertTrue(cached(List.of(".")).replayed(), step + ": the new result was kept");
    }

    private record Run(Engine.Result result, Project project) {
        /** A checking run reads every target; a replay reads none whose stamp held (these two are never edited). */
        boolean replayed() {
            return !project.wasRead(UNTOUCHED) && !project.wasRead("conftest.py");
        }
    }

    private Run cached(List<String> paths) {
        Project project = load(paths);
        project.cacheIn(cache, "test build", now());
        Engine.Result result = new Engine(RuleCatalog.bundled(), 2).run(project, RULES);
        project.finishCacheWrites();
        return new Run(result, project);
    }

    private Engine.Result uncached(List<String> paths) {
        return new Engine(RuleCatalog.bundled(), 2).run(load(paths), RULES);
    }

    private Project load(List<String> paths) {
        return new ProjectLoader(root, root).load(paths, null, false);
    }

    private static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static void assertEqualResults(Engine.Result expected, Engine.Result actual) {
        assertEquals(sorted(expected), sorted(actual));
        assertEquals(expected.notifications().stream().map(Object::toString).sorted().toList(),
                actual.notifications().stream().map(Object::toString).sorted().toList());
        assertEquals(expected.filesChecked(), actual.filesChecked());
        assertEquals(expected.complete(), actual.complete());
        assertEquals(expected.scope(), actual.scope());
    }

    private static List<String> sorted(Engine.Result r) {
        return r.findings().stream().map(Object::toString).sorted().toList();
    }
}
