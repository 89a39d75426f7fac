package org.storytrace.ingest.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
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

    /**
     * Reads the lines as bytes: a newline byte never occurs inside a multi-byte UTF-8 character, so lines
     * are cut without decoding, and each is parsed from its bytes on the pool ({@link Sink#later}), where
     * Jackson decodes UTF-8 itself. Decoding to characters here first, then building a string, then parsing
     * the string cost about a twentieth of {@code analyze}'s CPU on a large JSON Lines file, on the one thread
     * that reads.
     */
    public void read(Input input, InputStream in, Sink sink) throws IOException {
        String stem = input.stem();
        byte[] buf = new byte[1 << 16];
        Line line = new Line();
        long lineNo = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            int from = 0;
            for (int i = from; i < n; i++) {
                if (buf[i] != '\n') continue;
                line.append(buf, from, i, maxLineBytes);
                handle(input, stem, ++lineNo, line, sink);
                line.clear();
                from = i + 1;
            }
            line.append(buf, from, n, maxLineBytes);
        }
        if (line.length > 0 || line.tooLong) handle(input, stem, ++lineNo, line, sink);
    }

    /** The bytes of the line being read, or only whether it grew past the limit. */
    private static final class Line {
        byte[] bytes = new byte[1 << 14];
        int length;
        boolean tooLong;

        void append(byte[] buf, int from, int to, long max) {
            if (tooLong) return;
            if (length + (long) (to - from) > max) { tooLong = true; return; }
            if (length + (to - from) > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + (to - from)));
            System.arraycopy(buf, from, bytes, length, to - from);
            length += to - from;
        }

        void clear() { length = 0; tooLong = false; }

        /** {@link String#isBlank} of the line, without decoding it unless it holds more than ASCII. */
        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b < 0) return new String(bytes, 0, length, StandardCharsets.UTF_8).isBlank();
                if (!Character.isWhitespace(b)) return false;
            }
            return true;
        }
    }

    private void handle(Input input, String stem, long lineNo, Line line, Sink sink) {
        if (line.tooLong) {
            sink.rejected(new Rejection(input.name(), "line " + lineNo, "the line is longer than the limit of " + maxLineBytes
                    + " bytes"));
            return;
        }
        if (line.isBlank()) return;
        byte[] bytes = Arrays.copyOf(line.bytes, line.length);
        String name = input.name();
        sink.later(name, "line " + lineNo, () -> parse(bytes, name, stem, lineNo));
    }

    /**
     * {@link #parse(String, String, String, long)} of a line's UTF-8 bytes. A line the byte parser refuses is parsed
     * again as the string it decodes to: a line that is not valid UTF-8 is read as a reader of characters would read
     * it (a bad byte becomes U+FFFD, so one bad byte does not cost the article), and a line that is not valid JSON
     * gets the same rejection as a string would. Only refused lines are parsed twice.
     */
    public static Parsed parse(byte[] line, String origin, String stem, long lineNo) {
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            return parse(p, origin, stem, lineNo);
        } catch (IOException e) {
            return parse(new String(line, StandardCharsets.UTF_8), origin, stem, lineNo);
        }
    }

    /**
     * One line as a {@link Page}, or a {@link Rejection} saying what is wrong with it. Shared by this
     * reader and the Spark job, so both read JSON Lines alike.
     */
    public static Parsed parse(String line, String origin, String stem, long lineNo) {
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            return parse(p, origin, stem, lineNo);
        } catch (JsonProcessingException e) {
            return Parsed.rejected(origin, "line " + lineNo, "not valid JSON: " + describe(e));
        } catch (IOException e) {
            return Parsed.rejected(origin, "line " + lineNo, "not valid JSON: " + e.getMessage());
        }
    }

    /**
     * One JSON object's UTF-8 bytes as an article of a table ({@code where}: "row N"): how ingest's Parquet reader and the
     * Spark job's Parquet input read a row.
     */
    public static Parsed parseObject(byte[] json, String origin, String where, String defaultId, String container) {
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Parsed.rejected(origin, where, "not a JSON object");
            return object(p, origin, where, defaultId, container);
        } catch (JsonProcessingException e) {
            return Parsed.rejected(origin, where, "not valid JSON: " + describe(e));
        } catch (IOException e) {
            return Parsed.rejected(origin, where, "not valid JSON: " + e.getMessage());
        }
    }

    /** A streaming pass that keeps only the fields a page needs: no tree of every value. */
    private static Parsed parse(JsonParser p, String origin, String stem, long lineNo) throws IOException {
        String where = "line " + lineNo;
        if (p.nextToken() != JsonToken.START_OBJECT) return Parsed.rejected(origin, where, "not a JSON object");
        return object(p, origin, where, stem + "-" + lineNo, "jsonl");
    }

    /**
     * One article object, the parser at its {@code START_OBJECT} (read through its {@code END_OBJECT}), as a page or a
     * rejection: the fields of {@link #fromFields}, each under its own name or one of the other names exports use for it
     * ({@link #ALIASES}; its own name wins). Nested values are skipped, except an outlet given as an object with a
     * {@code name} (NewsAPI's {@code "source": {"id": ..., "name": "BBC News"}}) and authors given as an array of names
     * (or of objects with a {@code name}), which are joined with commas. Shared by the JSON Lines and JSON readers.
     */
    static Parsed object(JsonParser p, String origin, String where, String defaultId, String container) throws IOException {
        Fields fields = new Fields();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) fields.read(p);
        if (t != JsonToken.END_OBJECT) return Parsed.rejected(origin, where, "not valid JSON: the object does not end");
        return fromFields(fields::get, origin, where, defaultId, container);
    }

    /**
     * The field each of a table's columns gives ({@link Fields#fieldIgnoringCase}; null for a column left aside), for
     * {@link #fromColumns}: worked out once a table.
     */
    public static String[] fieldsOf(List<String> columns) {
        String[] fields = new String[columns.size()];
        for (int i = 0; i < fields.length; i++) fields[i] = Fields.fieldIgnoringCase(columns.get(i));
        return fields;
    }

    /**
     * A record given as a table's row (a CSV row, a Spark or Parquet row): column {@code i}, named {@code columns.get(i)}
     * and giving field {@code fields[i]} ({@link #fieldsOf}), has value {@code value.apply(i)} (null for none); read as
     * {@link #fromFields} reads a record. Shared by the CSV reader and the Spark job's CSV and Parquet input.
     */
    public static Parsed fromColumns(List<String> columns, String[] fields, IntFunction<String> value, String origin, String where,
            String defaultId, String container) {
        Fields f = new Fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) continue;
            String v = value.apply(i);
            f.put(columns.get(i), fields[i], v == null || v.isBlank() ? null : v);
        }
        return fromFields(f::get, origin, where, defaultId, container);
    }

    /**
     * One record's fields as {@link #fromFields} reads them, given under their own names or under the other names exports
     * use for them ({@link #ALIASES}): a field's own name wins, else the first other name met that has a value.
     */
    static final class Fields {
        private final Map<String, String> own = new HashMap<>(16), other = new HashMap<>(8);

        /** The field a record's {@code name} gives ({@code content}: {@code text}), or null for none of them. */
        static String field(String name) { return FIELDS.contains(name) ? name : ALIASES.get(name); }

        /** The same, whatever the letters' case ({@code Content}, {@code PublishedAt}): for a CSV file's header. */
        static String fieldIgnoringCase(String name) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            return FIELDS.contains(n) ? n : LOWER_ALIASES.get(n);
        }

        /** Reads the field whose name the parser is at, with its value (consumed; skipped when it gives no field). */
        void read(JsonParser p) throws IOException {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            String field = field(name);
            if (field == null) p.skipChildren();
            else put(name, field, value(p, v, field));
        }

        /** Whether a record's {@code name} gives an article's text ({@code text} or {@code html}, under any of their names). */
        static boolean givesText(String name) {
            String f = field(name);
            return "text".equals(f) || "html".equals(f);
        }

        /** Records {@code value} (null: none) given under {@code name} for {@code field}. */
        void put(String name, String field, String value) {
            if (field.equalsIgnoreCase(name)) own.put(field, value);
            else if (value != null && !(field.equals("outlet") && value.matches("(?i)https?://.*"))) other.putIfAbsent(field, value);
        }

        String get(String field) { return own.get(field) != null ? own.get(field) : other.get(field); }
    }

    /**
     * Other names exports give the fields, read when the field's own name is absent or blank (the first one met when
     * there are several): NewsAPI ({@code content}, {@code publishedAt}, {@code source.name}), the crawlers news-please
     * ({@code maintext}, {@code date_publish}, {@code source_domain}), newspaper3k ({@code publish_date},
     * {@code authors}) and trafilatura ({@code hostname}), schema.org ({@code headline}, {@code datePublished},
     * {@code publisher}), and news datasets' CSV columns ({@code article}, {@code publication}, {@code date}).
     */
    static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("body", "text"), Map.entry("content", "text"),
            Map.entry("article", "text"), Map.entry("maintext", "text"), Map.entry("full_text", "text"),
            Map.entry("article_text", "text"), Map.entry("headline", "title"), Map.entry("link", "url"),
            Map.entry("date", "published"), Map.entry("publishedAt", "published"), Map.entry("published_at", "published"),
            Map.entry("datePublished", "published"), Map.entry("date_publish", "published"), Map.entry("publish_date", "published"),
            Map.entry("published_date", "published"), Map.entry("source", "outlet"), Map.entry("site", "outlet"),
            Map.entry("publisher", "outlet"), Map.entry("publication", "outlet"), Map.entry("source_domain", "outlet"),
            Map.entry("hostname", "outlet"), Map.entry("byline", "author"), Map.entry("authors", "author"),
            Map.entry("lang", "language"));

    private static final Map<String, String> LOWER_ALIASES = ALIASES.entrySet().stream().collect(Collectors.toUnmodifiableMap(
            e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));

    /** A field's value, the parser at its first token (consumed); null for null, blank, or a value that is no text. */
    private static String value(JsonParser p, JsonToken v, String field) throws IOException {
        String text = null;
        if (v == JsonToken.START_OBJECT) {
            text = field.equals("outlet") || field.equals("author") ? name(p) : skip(p);
        } else if (v == JsonToken.START_ARRAY) {
            if (field.equals("author")) {
                StringJoiner names = new StringJoiner(", ");
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    String n = e == JsonToken.VALUE_STRING ? p.getText() : e == JsonToken.START_OBJECT ? name(p) : skip(p);
                    if (n != null && !n.isBlank()) names.add(n.strip());
                }
                text = names.toString();
            } else {
                p.skipChildren();
            }
        } else if (v != JsonToken.VALUE_NULL) {
            text = p.getValueAsString();
        }
        return text == null || text.isBlank() ? null : text;
    }

    /** The {@code name} of an object, the parser at its start (read through its end); null when it has none. */
    private static String name(JsonParser p) throws IOException {
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = p.currentName().equals("name");
            JsonToken v = p.nextToken();
            if (wanted && v == JsonToken.VALUE_STRING) name = p.getText();
            else p.skipChildren();
        }
        return name;
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /**
     * Jackson's message about bad JSON, without the parts that name its own source ({@code [Source: REDACTED ...]}): what
     * is wrong, and where the object or array it was in began.
     */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        m = m.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        return m.replace("end-of-input", "end of input").strip();
    }

    /** The fields a JSON Lines object may carry; others are skipped. */
    private static final Set<String> FIELDS = Set.of("text", "html", "id", "url", "title", "published", "outlet",
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
    public static Parsed fromFields(Function<String, String> field, String origin, String where, String defaultId,
            String container) {
        Function<String, String> f = k -> { String v = field.apply(k); return v == null || v.isBlank() ? null : v; };
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
