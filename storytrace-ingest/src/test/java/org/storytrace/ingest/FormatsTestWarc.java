package org.storytrace.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Writes a small real WARC with jwarc: a request, HTML responses, a redirect, an error, an image and a WET conversion. */
final class FormatsTestWarc {
    private final Path dir;

    FormatsTestWarc(Path dir) { this.dir = dir; }

    Path write(String name, WarcCompression compression) throws IOException {
        Path f = dir.resolve(name);
        try (WarcWriter w = new WarcWriter(Files.newByteChannel(f, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), compression)) {
            Instant t = Instant.parse("2021-05-06T10:00:00Z");
            w.write(new WarcRequest.Builder(URI.create("https://news.example/a")).date(t).build());
            w.write(response("https://news.example/a", 200, "text/html; charset=utf-8", html("Bridge to close", FormatsTest.STORY), t));
            w.write(response("https://news.example/old", 301, "text/html", "moved", t));
            w.write(response("https://news.example/missing", 404, "text/html", html("Not found", "Nothing here at all, sorry."), t));
            w.write(response("https://news.example/logo.png", 200, "image/png", "\u0089PNG", t));
            w.write(response("https://port.example/strike", 200, "text/html", html("Port strike", FormatsTest.OTHER), t));
            w.write(new WarcConversion.Builder().addHeader("WARC-Target-URI", "https://fr.example/pont").date(t)
                    .body(MediaType.parse("text/plain"), ("Le vieux pont fermera deux ans\n\n" + FormatsTest.FRENCH + "\n")
                            .getBytes(StandardCharsets.UTF_8)).build());
        }
        return f;
    }

    static String html(String title, String body) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + body
                + "</p><p>" + body.replace("the", "a") + "</p></article></body></html>";
    }

    private static WarcResponse response(String uri, int status, String type, String body, Instant t) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other").addHeader("Content-Type", type)
                .body(MediaType.parse(type.replaceAll(";.*", "")), body.getBytes(StandardCharsets.UTF_8)).build();
        return new WarcResponse.Builder(URI.create(uri)).date(t).body(http).build();
    }
}
