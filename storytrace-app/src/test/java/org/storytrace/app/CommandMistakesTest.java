package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.core.TestCorpora;

/** Every mistake a user can make gets one line naming it and an exit code, never a stack trace or a hang. */
class CommandMistakesTest {
    @TempDir Path tmp;

    private static CommandRun run(String... args) { return CommandRun.of(args); }

    @Test
    void anUnwritableOutputFolderIsRefusedInOneLineBeforeAnyInputIsRead() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CommandRun r = run("analyze", "../examples/corpus", "--no-embeddings", "--out", file.resolve("out").toString());
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains(file.toString()), r.err());
        assertFalse(r.out().contains("read "), "nothing was analysed");
    }

    @Test
    void badOptionValuesAndUnknownOptionsGetOneLineEach() {
        for (String[] args : new String[][] {
                {"analyze", "../examples/corpus", "--threads", "0"},
                {"analyze", "../examples/corpus", "--threads", "many"},
                {"analyze", "../examples/corpus", "--max-bytes", "-5"},
                {"analyze", "../examples/corpus", "--colour"},
                {"watch", "../examples/corpus", "--every", "soon"},
                {"generate", "--articles", "5", "--language", "ENGLISH", "--out", "never-written.jsonl"},
                {"eval", "--only", "tempeval3"},
                {"analyze"}}) {
            CommandRun r = run(args);
            assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", args));
            assertEquals(1, r.errLines().size(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("storytrace " + args[0] + ": "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aMissingInputIsNamedAndTheRestIsAnalysed() throws Exception {
        CommandRun r = run("analyze", "../examples/corpus", tmp.resolve("nowhere").toString(), "--no-embeddings", "--out",
                tmp.resolve("out").toString());
        assertEquals(Main.EXIT_REJECTED, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("nowhere") && r.err().contains("no such file"), r.err());
        assertTrue(r.out().contains("read 5 articles"), r.out());
    }

    @Test
    void storeMistakesGetOneLineNamingTheStore() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path missing = tmp.resolve("no-store");
        for (String[] args : new String[][] {
                {"ingest", "../examples/corpus", "--store", file.toString(), "--fast", "--no-embeddings"},
                {"ingest", "../examples/corpus", "--store", "jdbc:mysql://localhost/x", "--fast"},
                {"ingest", "../examples/corpus", "--store", "jdbc:postgresql://127.0.0.1:1/nothing", "--fast"},
                {"export", "--store", missing.toString(), "--out", tmp.resolve("out").toString()},
                {"ingest", "../examples/corpus"}}) {
            CommandRun r = run(args);
            assertEquals(Main.EXIT_USAGE, r.code(), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.errLines().size(), String.join(" ", args) + " -> " + r.err());
            assertTrue(r.err().startsWith("storytrace " + args[0] + ": "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        assertFalse(Files.exists(missing), "export does not create a store");
        // a store with articles and no analysis yet (a run killed before it saved one) says so
        Path store = tmp.resolve("store");
        CommandRun ok = run("ingest", "../examples/corpus", "--store", store.toString(), "--fast", "--no-embeddings");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("added 5 articles"), ok.out());
        CommandRun again = run("ingest", "../examples/corpus", "--store", store.toString(), "--fast", "--no-embeddings");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("nothing new: 5 articles"), again.out());
        CommandRun export = run("export", "--store", store.toString(), "--out", tmp.resolve("exported").toString());
        assertEquals(0, export.code(), export.err());
        assertEquals(5, Files.readAllLines(tmp.resolve("exported/articles.jsonl")).size());
    }

    @Test
    void anErrorThatComesFromRunningOutOfMemoryIsToldAsSuch() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        // what a try-with-resources throws when closing after the JVM threw its one preallocated error object twice
        IllegalArgumentException selfSuppression = new IllegalArgumentException("Self-suppression not permitted", oom);
        assertTrue(Main.fromOutOfMemory(selfSuppression));
        assertTrue(Main.fromOutOfMemory(new UncheckedIOException(new IOException("wrapped", oom))));
        RuntimeException closing = new RuntimeException("a stage failed");
        closing.addSuppressed(oom);
        assertTrue(Main.fromOutOfMemory(closing));
        assertTrue(Main.fromOutOfMemory(oom));
        RuntimeException plain = new RuntimeException("disk full", new IOException("no space"));
        assertFalse(Main.fromOutOfMemory(plain));
        RuntimeException a = new RuntimeException("a"), b = new RuntimeException("b", a);
        a.initCause(b); // a cycle ends too
        assertFalse(Main.fromOutOfMemory(a));
    }

    /** A run that outgrows its heap ends with a line saying which setting to raise, not a hang. */
    @Test
    void runningOutOfMemoryEndsTheProcessWithAMessage() throws Exception {
        Path corpus = tmp.resolve("big.jsonl");
        StringBuilder text = new StringBuilder();
        for (String t : TestCorpora.newsPool(400)) text.append(t.replace('\n', ' ')).append(' ');
        String body = text.toString().replace("\\", "").replace("\"", "'");
        try (var w = Files.newBufferedWriter(corpus)) {
            // few articles, each far larger than the heap can hold a few of at once
            for (int i = 0; i < 40; i++) w.write("{\"id\":\"a" + i + "\",\"text\":\"" + i + " " + body + body + body + "\"}\n");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx24m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "analyze", corpus.toString(), "--no-embeddings",
                "--max-bytes", "100000000", "--out", tmp.resolve("out").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) p.destroyForcibly();
        assertTrue(ended, "the process ended by itself");
        assertNotEquals(0, p.exitValue(), output);
        assertTrue(output.contains("ran out of memory") && output.contains("-Xmx"), output);
    }
}
