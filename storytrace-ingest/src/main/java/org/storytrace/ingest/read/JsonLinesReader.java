package org.storytrace.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.storytrace.core.model.Rejection;

/**
 * JSON Lines, one article an object: {@code url}, {@code title}, {@code text} or {@code html},
 * {@code published}, {@code outlet}, {@code author}, {@code language}, optionally {@code id}. The format
 * other tools and the Spark job exchange. A bad line is rejected with its line number; the rest are read.
 */
public final class JsonLinesReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long maxLineBytes;

    public JsonLinesReader(long maxLineBytes) { this.maxLineBytes = maxLineBytes; }

    public void read(Input input, InputStream in, Sink sink) throws IOException {
        java.io.Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        String stem = input.stem();
        char[] buf = new char[1 << 16];
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        long lineNo = 0;
        int n;
        while ((n = r.read(buf)) >= 0) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') continue;
                tooLong = append(line, buf, from, i, tooLong);
                handle(input, stem, ++lineNo, line, tooLong, sink);
                line.setLength(0);
                tooLong = false;
                from = i + 1;
            }
            tooLong = append(line, buf, from, n, tooLong);
        }
        if (line.length() > 0 || tooLong) handle(input, stem, ++lineNo, line, tooLong, sink);
    }

    /** Appends {@code buf[from, to)} while the line stays within the limit; returns whether it overflowed. */
    private boolean append(StringBuilder line, char[] buf, int from, int to, boolean tooLong) {
        if (tooLong) return true;
        if (line.length() + (to - from) > maxLineBytes) return true;
        line.append(buf, from, to - from);
        return false;
    }

    private void handle(Input input, String stem, long lineNo, StringBuilder line, boolean tooLong, Sink sink) {
        if (tooLong) {
            sink.rejected(new Rejection(input.name(), "line " + lineNo, "the line is longer than the limit of " + maxLineBytes
                    + " characters"));
            return;
        }
        String s = line.toString();
        if (s.isBlank()) return;
        String name = input.name();
        sink.later(name, "line " + lineNo, () -> parse(s, name, stem, lineNo));
    }

    /**
     * One line as a {@link Page}, or a {@link Rejection} saying what is wrong with it. Shared by this
     * reader and the Spark job, so both read JSON Lines alike.
     */
    public static Parsed parse(String line, String origin, String stem, long lineNo) {
        String where = "line " + lineNo;
        // a streaming pass that keeps only the fields a page needs: no tree of every value
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Parsed.rejected(origin, where, "not a JSON object");
            java.util.Map<String, String> fields = new java.util.HashMap<>(16);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    if (FIELDS.contains(name)) fields.put(name, null);
                } else if (FIELDS.contains(name)) {
                    String text = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    fields.put(name, text == null || text.isBlank() ? null : text);
                }
            }
            if (t != JsonToken.END_OBJECT) return Parsed.rejected(origin, where, "not valid JSON: the object does not end");
            return fromFields(fields::get, origin, where, stem + "-" + lineNo, "jsonl");
        } catch (JsonProcessingException e) {
            return Parsed.rejected(origin, where, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Parsed.rejected(origin, where, "not valid JSON: " + e.getMessage());
        }
    }

    /** The fields a JSON Lines object may carry; others are skipped. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of("text", "html", "id", "url", "title", "published", "outlet",
            "author",
            "language");

    /**
     * A record with the JSON Lines fields ({@code text} or {@code html}, {@code id}, {@code url}, ...), read
     * through {@code field} (null or blank when absent), as a {@link Page} or a {@link Rejection}: shared by
     * this reader and the Spark job's Parquet input, whose columns have the same names.
     *
     * @param defaultId the id when the record has none
     * @param container names the format ({@code jsonl}, {@code parquet})
     */
    public static Parsed fromFields(java.util.function.Function<String, String> field, String origin, String where, String defaultId,
            String container) {
        java.util.function.Function<String, String> f = k -> { String v = field.apply(k); return v == null || v.isBlank() ? null : v; };
        String html = f.apply("html"), body = f.apply("text");
        if (html == null && body == null) return Parsed.rejected(origin, where, "has neither \"text\" nor \"html\"");
        String id = f.apply("id");
        return new Page(origin, where, id != null ? id : defaultId, html != null ? html : body,
                container + (html != null ? "/html" : "/text"), "UTF-8", f.apply("url"), f.apply("title"), date(f.apply("published")),
                f.apply("author"), f.apply("outlet"), f.apply("language"));
    }

    static LocalDate date(String s) {
        if (s == null || s.length() < 10) return null;
        try { return LocalDate.parse(s.substring(0, 10)); } catch (DateTimeParseException e) { return null; }
    }
}
