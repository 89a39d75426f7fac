package org.storytrace.engine.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work folders: locked while their engine lives, deleted by the next engine once their run is gone. */
class WorkFolderTest {
    @TempDir Path base;

    /** Holds the lock of {@code dir} in a process of its own until killed. */
    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]).resolve(WorkFolder.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            ch.lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aKilledRunsFolderIsDeletedByTheNextEngineAndALiveRunsIsNot() throws Exception {
        // a run in another process: its folder is kept while it lives, deleted once it is killed
        Path other = Files.createDirectory(base.resolve(WorkFolder.PREFIX + "123"));
        Files.write(other.resolve("documents.bin"), new byte[1000]);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), WorkFolderTest.class.getName(), other.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(p.getInputStream().readNBytes(6)));
            try (WorkFolder mine = WorkFolder.create(base)) {
                assertTrue(Files.isDirectory(other), "a live run's folder stays");
                assertTrue(Files.isDirectory(mine.dir()));
                assertEquals(0, WorkFolder.sweep(base), "nor is this process's own live folder taken");
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(1, WorkFolder.sweep(base), "the killed run's folder goes");
                assertFalse(Files.exists(other));
                assertTrue(Files.isDirectory(mine.dir()));
                Path dir = mine.dir();
                mine.close();
                assertFalse(Files.exists(dir), "a closed engine's folder goes with it");
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aFolderWithoutALockGoesOnlyWhenItHoldsWorkFilesAloneAndIsOld() throws Exception {
        Instant old = Instant.now().minus(WorkFolder.UNLOCKED_AGE).minusSeconds(3600);
        Path legacy = Files.createDirectory(base.resolve(WorkFolder.PREFIX + "1"));
        Path recent = Files.createDirectory(base.resolve(WorkFolder.PREFIX + "2"));
        Path foreign = Files.createDirectory(base.resolve(WorkFolder.PREFIX + "-notes"));
        for (Path d : List.of(legacy, recent)) Files.write(d.resolve("terms.bin"), new byte[10]);
        Files.writeString(foreign.resolve("notes.txt"), "someone else's");
        for (Path d : List.of(legacy, foreign)) {
            try (var s = Files.walk(d)) {
                for (Path f : s.toList()) Files.setLastModifiedTime(f, FileTime.from(old));
            }
        }
        assertEquals(1, WorkFolder.sweep(base));
        assertFalse(Files.exists(legacy), "an old folder of work files from a version without locks");
        assertTrue(Files.exists(recent), "maybe a run of an older version still going");
        assertTrue(Files.exists(foreign.resolve("notes.txt")), "a folder with other files is never taken for a work folder");
    }
}
