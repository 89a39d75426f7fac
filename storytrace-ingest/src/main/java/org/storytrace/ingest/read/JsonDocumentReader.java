package org.storytrace.ingest.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.storytrace.core.model.Rejection;

/**
 * JSON documents of articles, as scrapers, exports and news APIs write them, indented or not: an array of article
 * objects; an article object over several lines; an object that holds its articles in an array under a field named
 * as such responses name it ({@link #WRAPPERS}: NewsAPI's {@code {"status": "ok", "articles": [...]}}); or several of
 * these one after another. Each article object is read as a JSON Lines line is ({@link JsonLinesReader#object}: the
 * same fields and other names for them). Article objects are numbered in order over the file: the Nth is at position
 * {@code element N} (in an array) or {@code object N} (a value of the file itself), and its id, when it gives none, is
 * the file's stem and N ({@code feed-3}).
 *
 * <p>Read as a stream: no tree of the document is built, so a file of a million articles takes the memory of one.
 * An element larger than the byte limit is rejected, as a JSON Lines line is. JSON that breaks off or goes wrong
 * mid-way is rejected at the line and column where it does, with Jackson's reason, and the articles before that point
 * are kept. Before this reader (session 30) a JSON array was read as one plain-text article holding the raw JSON, and
 * an indented object as JSON Lines, each of its lines rejected.
 */
public final class JsonDocumentReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of a root object whose array holds the articles, rather than the object being an article itself. */
    static final Set<String> WRAPPERS = Set.of("articles", "items", "data", "results", "documents", "docs", "records", "entries",
            "stories", "news", "posts");
    private final long maxElementBytes;

    public JsonDocumentReader(long maxElementBytes) { this.maxElementBytes = maxElementBytes; }

    /**
     * Whether an input is a JSON document of articles rather than JSON Lines or text, from its name and first bytes
     * ({@code start}, decoded as ISO-8859-1, leading blanks removed) and, for an object on one line, its first object's
     * fields ({@code in}, which must support mark and reset; it is reset before this returns): an array whose first
     * value is an object (or an empty array), or any array in a {@code .json} file; an object whose first line is not
     * the whole object and which goes on with a field name; or an object that holds an array under a field named in
     * {@link #WRAPPERS} before any field of an article's text. A {@code .jsonl} or {@code .ndjson} file is JSON Lines whatever it holds.
     */
    public static boolean isDocument(String name, String start, InputStream in) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches(".*\\.(jsonl|ndjson)(\\.gz)?")) return false;
        if (start.startsWith("[")) {
            String rest = start.substring(1).stripLeading();
            return n.matches(".*\\.json(\\.gz)?") || rest.startsWith("{") || rest.startsWith("]");
        }
        if (!start.startsWith("{") || !start.substring(1).stripLeading().startsWith("\"")) return false;
        int nl = start.indexOf('\n');
        String first = (nl < 0 ? start : start.substring(0, nl)).strip();
        return nl >= 0 && !first.endsWith("}") || wrapsArticles(in);
    }

    /** Bytes read at most to find whether an object on one line wraps articles (the stream is reset afterwards). */
    private static final int LOOK_AHEAD = 1 << 20;

    /**
     * Whether the object {@code in} starts with holds an array under a {@link #WRAPPERS} field before any field that
     * gives an article's text: its first {@link #LOOK_AHEAD} bytes read field by field, values skipped.
     */
    private static boolean wrapsArticles(InputStream in) {
        byte[] head;
        try {
            in.mark(LOOK_AHEAD);
            head = in.readNBytes(LOOK_AHEAD);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input again from its start", e);
        }
        try (JsonParser p = JSON.getFactory().createParser(head)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && WRAPPERS.contains(field)) return true;
                if (JsonLinesReader.Fields.givesText(field)) return false;
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false; // not JSON, or decided beyond the look-ahead: JSON Lines as before
        }
    }

    public void read(Input input, InputStream in, Sink sink) throws IOException {
        String origin = input.name();
        Counter n = new Counter(origin, input.stem());
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            JsonToken t;
            int value = 0;
            while ((t = p.nextToken()) != null) {
                value++;
                if (t == JsonToken.START_ARRAY) {
                    elements(p, n, sink);
                } else if (t == JsonToken.START_OBJECT) {
                    root(p, value, n, sink);
                } else {
                    sink.rejected(new Rejection(origin, "value " + value, "not an article object or an array of them"));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? null : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            sink.rejected(new Rejection(origin, where, "not valid JSON: " + JsonLinesReader.describe(e)
                    + (n.read == 0 ? "" : n.read == 1 ? " (the article before it was read)" : " (the " + n.read
                    + " articles before it were read)")));
        }
    }

    /** Articles numbered over the file, for their positions and ids. */
    private static final class Counter {
        final String origin, stem;
        /** Article objects met (arrays' elements and objects of the file itself), articles read. */
        int elements, read;

        Counter(String origin, String stem) { this.origin = origin; this.stem = stem; }
    }

    /** An array's elements, the parser at its start (read through its end), each an article. */
    private void elements(JsonParser p, Counter n, Sink sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            // Jackson reports the end of input inside an array itself; this guard keeps a parser that did not from looping
            if (t == null) throw new JsonParseException(p, "Unexpected end of input: the array does not end");
            String where = "element " + (++n.elements);
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                sink.rejected(new Rejection(n.origin, where, "not a JSON object"));
                continue;
            }
            long from = p.currentTokenLocation().getByteOffset();
            Parsed made = JsonLinesReader.object(p, n.origin, where, n.stem + "-" + n.elements, "json");
            long to = p.currentLocation().getByteOffset();
            if (from >= 0 && to - from > maxElementBytes) {
                made = Parsed.rejected(n.origin, where, "the element is longer than the limit of " + maxElementBytes + " bytes");
            }
            hand(made, n, sink);
        }
    }

    /**
     * A value of the file that is an object, the parser at its start: the articles of its first field named in
     * {@link #WRAPPERS} that holds an array, or else the object itself as one article, its fields read as they come
     * (those before a wrapper's array are then left aside).
     */
    private void root(JsonParser p, int value, Counter n, Sink sink) throws IOException {
        long from = p.currentTokenLocation().getByteOffset();
        JsonLinesReader.Fields fields = new JsonLinesReader.Fields();
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            sink.rejected(new Rejection(n.origin, "value " + value, "an empty object, not an article"));
            return;
        }
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            if (!WRAPPERS.contains(p.currentName())) {
                fields.read(p);
                continue;
            }
            if (p.nextToken() != JsonToken.START_ARRAY) {
                p.skipChildren(); // a wrapper's name holding no array: no field of an article either
                continue;
            }
            elements(p, n, sink);
            while (p.nextToken() == JsonToken.FIELD_NAME) { p.nextToken(); p.skipChildren(); } // what follows the articles
            return;
        }
        if (t != JsonToken.END_OBJECT) throw new JsonParseException(p, "Unexpected end of input: the object does not end");
        int k = ++n.elements;
        String where = "object " + k;
        Parsed made = from >= 0 && p.currentLocation().getByteOffset() - from > maxElementBytes
                ? Parsed.rejected(n.origin, where, "the object is longer than the limit of " + maxElementBytes + " bytes")
                : JsonLinesReader.fromFields(fields::get, n.origin, where, n.stem + "-" + k, "json");
        hand(made, n, sink);
    }

    private static void hand(Parsed made, Counter n, Sink sink) {
        if (made instanceof Page page) {
            n.read++;
            sink.page(page);
        } else {
            sink.rejected(((Parsed.Rejected) made).rejection());
        }
    }
}
