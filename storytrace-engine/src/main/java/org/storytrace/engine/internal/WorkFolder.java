package org.storytrace.engine.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.storytrace.engine.output.OutputFolder;

/**
 * An engine's folder of work files (texts, terms, fingerprints: about 20 GB at a million articles), locked
 * while its engine lives. A run that is killed, or runs out of memory, cannot delete its folder; the next
 * engine to start under the same parent deletes every folder whose lock no live process holds, so a killed
 * run's gigabytes do not stay in the temporary folder for good. The lock is the operating system's: a dead
 * process holds none, whatever it left behind, and no process id can be mistaken for another's.
 */
public final class WorkFolder implements AutoCloseable {
    /** The prefix of work folders' names. */
    public static final String PREFIX = "storytrace-work";
    static final String LOCK = ".lock";
    /** Folders of versions that wrote no lock are left alone until they are this old. */
    static final Duration UNLOCKED_AGE = Duration.ofDays(1);

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private WorkFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * A new locked work folder under {@code parent} (the temporary folder when null), after deleting the
     * folders there that killed runs left.
     */
    public static WorkFolder create(Path parent) throws IOException {
        Path base = parent == null ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
        Files.createDirectories(base);
        sweep(base);
        Path dir = Files.createTempDirectory(base, PREFIX);
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) throw new IOException("cannot lock the new work folder " + dir);
            return new WorkFolder(dir, ch, l);
        } catch (IOException | RuntimeException e) {
            ch.close();
            OutputFolder.deleteTree(dir);
            throw e;
        }
    }

    public Path dir() { return dir; }

    /**
     * Deletes the work folders under {@code base} that no live engine holds: their lock can be taken (the run
     * that made them is gone), or they have no lock and nothing in them changed for {@link #UNLOCKED_AGE}.
     * Returns how many were deleted. A folder it cannot read or delete is left as it is.
     */
    public static int sweep(Path base) {
        int deleted = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path d : s) {
                if (!Files.isDirectory(d) || !abandoned(d)) continue;
                try {
                    OutputFolder.deleteTree(d);
                    deleted++;
                } catch (IOException ignored) {
                    // another engine sweeping at the same time, or a folder not ours to delete: leave it
                }
            }
        } catch (IOException ignored) {
            // an unreadable temporary folder: nothing to sweep
        }
        return deleted;
    }

    private static boolean abandoned(Path d) {
        Path lockFile = d.resolve(LOCK);
        if (!Files.exists(lockFile)) return onlyWorkFiles(d) && unchangedFor(d, UNLOCKED_AGE);
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return false; // another process's engine
            l.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // an engine of this process
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code d} holds nothing but the files an engine writes (so a folder of someone else's is never taken for one). */
    private static boolean onlyWorkFiles(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.allMatch(p -> WORK_FILE.matcher(p.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern WORK_FILE = Pattern.compile("(?:documents|terms|outlines|fingerprints|profiles-\\d+)\\.bin|index");

    private static boolean unchangedFor(Path d, Duration age) {
        Instant before = Instant.now().minus(age);
        try (Stream<Path> s = Files.walk(d)) {
            return s.allMatch(p -> {
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    return t.toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Releases the lock and deletes the folder. */
    @Override public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
            lockChannel.close();
        } finally {
            OutputFolder.deleteTree(dir);
        }
    }
}
