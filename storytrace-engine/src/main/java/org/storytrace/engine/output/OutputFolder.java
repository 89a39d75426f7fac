package org.storytrace.engine.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

/**
 * The folder a run writes its results to, checked before any input is read, and written file by file
 * through a temporary file renamed into place: no run, interrupted or not, leaves a half-written file.
 */
public final class OutputFolder {
    private final Path dir;

    private OutputFolder(Path dir) { this.dir = dir; }

    /** Thrown when the folder cannot be used, with a one-line message naming it and why. */
    public static final class Unusable extends RuntimeException {
        Unusable(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * Creates the folder if needed and proves it writable by writing and removing a probe file.
     *
     * @throws Unusable naming the folder and the reason
     */
    public static OutputFolder prepare(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) throw new Unusable(dir + " is a file, not a folder", null);
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".storytrace-probe", ".tmp");
            Files.delete(probe);
            return new OutputFolder(dir);
        } catch (Unusable e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new Unusable("cannot write to " + dir + ": permission denied" + (e.getFile() != null && !e.getFile()
                    .equals(dir.toString()) ? " (" + e.getFile() + ")" : ""), e);
        } catch (FileAlreadyExistsException e) {
            throw new Unusable("cannot create " + dir + ": " + e.getFile() + " exists and is not a folder", e);
        } catch (NoSuchFileException e) {
            throw new Unusable("cannot create " + dir + ": " + e.getFile() + " does not exist", e);
        } catch (IOException | SecurityException e) {
            throw new Unusable("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    /** Something that writes one file's content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code name} through a temporary file in the same folder, renamed over the old one when complete. */
    public Path write(String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        // a name of our own rather than createTempFile's, so the file gets the permissions the user's umask gives
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces the sub-folder {@code name} as a whole: {@code fill} writes into a fresh temporary folder,
     * which then takes the old one's place.
     */
    public Path replaceFolder(String name, FolderContent fill) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = Files.createDirectory(dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + ".tmp"));
        try {
            fill.writeInto(tmp);
            Path old = null;
            if (Files.exists(target)) {
                old = dir.resolve("." + name + "." + Long.toHexString(System.nanoTime()) + ".old");
                Files.move(target, old);
            }
            Files.move(tmp, target);
            if (old != null) deleteTree(old);
            return target;
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
    }

    public interface FolderContent {
        void writeInto(Path dir) throws IOException;
    }

    /** Deletes {@code p} and everything under it (nothing when it does not exist). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
