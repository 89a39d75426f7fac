package org.storytrace.ingest.read;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import org.storytrace.core.model.Rejection;

/**
 * RSS 2.0 and Atom feeds, from files or {@code http(s)} URLs, read with ROME: each item becomes a page
 * with its title, link, publication date, author and body (its full content when the feed carries it,
 * else its description). Document type declarations are refused, so entity-expansion bombs cannot run;
 * URLs are fetched with connect and read timeouts and a size budget.
 */
public final class FeedPages {
    private final long maxBytes;
    private final Duration timeout;
    /**
     * Made on the first fetch: building an {@link HttpClient} loads and sets up TLS (~180 ms of a command's start on the
     * machine of docs/benchmarks.md), which a run over files never needs.
     */
    private HttpClient http;

    public FeedPages(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    private synchronized HttpClient http() {
        if (http == null) http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return http;
    }

    /** Fetches a URL's bytes within the time and size budget, or explains in a rejection. */
    public byte[] fetch(Input input, Sink sink) {
        try {
            HttpRequest req = HttpRequest.newBuilder(input.uri()).timeout(timeout).header("User-Agent", "storytrace/0.1").GET().build();
            HttpResponse<InputStream> resp = http().send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    sink.rejected(new Rejection(input.name(), null, "the server answered HTTP " + resp.statusCode()));
                    return null;
                }
                return Limits.readAtMost(in, maxBytes);
            }
        } catch (HttpTimeoutException e) {
            sink.rejected(new Rejection(input.name(), null, "no answer within " + timeout.toSeconds() + " s (timed out)"));
        } catch (Limits.TooLarge e) {
            sink.rejected(new Rejection(input.name(), null, "too large: " + e.getMessage()));
        } catch (IOException e) {
            sink.rejected(new Rejection(input.name(), null, "cannot be fetched: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.rejected(new Rejection(input.name(), null, "fetch interrupted"));
        }
        return null;
    }

    public void read(Input input, byte[] bytes, Sink sink) {
        SyndFeed feed;
        try {
            SyndFeedInput in = new SyndFeedInput();
            in.setAllowDoctypes(false);
            feed = in.build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        } catch (FeedException | IllegalArgumentException e) {
            sink.rejected(new Rejection(input.name(), null, "not a readable RSS or Atom feed: " + e.getMessage()));
            return;
        }
        String stem = input.stem();
        String outlet = feed.getTitle() == null || feed.getTitle().isBlank() ? null : feed.getTitle().strip();
        int n = 0;
        for (SyndEntry e : feed.getEntries()) {
            n++;
            String where = "item " + n;
            String body = null;
            for (SyndContent c : e.getContents()) if (c.getValue() != null && !c.getValue().isBlank()) { body = c.getValue(); break; }
            if (body == null && e.getDescription() != null) body = e.getDescription().getValue();
            if (body == null || body.isBlank()) { sink.rejected(new Rejection(input.name(), where, "the item has no text")); continue; }
            Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            String title = e.getTitle() == null ? null : e.getTitle().strip();
            String html = "<html><head>" + (title == null ? "" : "<title>" + escape(title) + "</title>") + "</head><body><article>"
                    + (title == null ? "" : "<h1>" + escape(title) + "</h1>") + (body.contains("<") ? body : "<p>" + escape(body) + "</p>")
                            + "</article></body></html>";
            sink.page(new Page(input.name(), where, stem + "-" + n, html, "feed/html", "UTF-8", e.getLink(), title,
                    d == null ? null : d.toInstant().atZone(ZoneOffset.UTC).toLocalDate(), blank(e.getAuthor()), outlet, null));
        }
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
