package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {
    @TempDir Path tmp;

    private static String item(String title, String text) {
        return "<item><title>" + title + "</title><link>https://news.example/" + title.replace(' ', '-') + "</link><description>" + text
                + "</description></item>";
    }

    @Test
    void eachRoundAddsOnlyTheItemsNotSeenBefore() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed", ex -> {
            int n = requests.incrementAndGet();
            String items = item("Bridge to close",
                    "The city council voted on Thursday to close the old bridge for two years of repairs to its cables and deck.")
                    + (n >= 2 ? item("Port strike",
                            "Dockworkers walked off the job at the port on Monday, halting the loading of grain ships in the harbour.")
                            : "");
            byte[] b = ("<?xml version=\"1.0\"?><rss "
                    + "version=\"2.0\"><channel><title>Courier</title><link>https://news.example/</link><description>d</description>"
                    + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(b); }
        });
        server.start();
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
            int code = Main.commandLine().execute("watch", url, "--every", "50ms", "--rounds", "3", "--no-embeddings", "--out",
                    tmp.toString());
            assertEquals(0, code);
        } finally {
            System.setOut(saved);
            server.stop(0);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("round 1: 1 new articles, 1 in all"), out);
        assertTrue(out.contains("round 2: 1 new articles, 2 in all"), out);
        assertTrue(out.contains("round 3: 0 new articles, 2 in all"), out);
        var json = new ObjectMapper().readTree(tmp.resolve("stories.json").toFile());
        assertEquals(2, json.get("articles").size());
        assertEquals(0, json.get("duplicates").size(), "items read again in later rounds are not listed as duplicates");
    }

    @Test
    void aBadFileIsReportedOnceNotEveryRound() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("../examples/corpus/valmora-port-talks.txt"), in.resolve("talks.txt"));
        Files.write(in.resolve("photo.html"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F',
                'I', 'F', 0});
        PrintStream savedOut = System.out, savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.commandLine().execute("watch", in.toString(), "--every", "10ms", "--rounds", "3", "--no-embeddings",
                    "--out",
                    tmp.resolve("out").toString()));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.split("photo.html", -1).length - 1, "one line for the bad file in three rounds: " + e);
        assertEquals(1, Files.readAllLines(tmp.resolve("out/rejected.jsonl")).size());
    }

    @Test
    void aBadDurationIsRefusedNamingTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> WatchCommand.parse("ten minutes"));
        assertTrue(e.getMessage().contains("--every"));
    }
}
