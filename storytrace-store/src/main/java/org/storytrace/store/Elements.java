package org.storytrace.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the store reads the elements of a {@code stories.json} without building them as trees: each element's
 * own bytes, as the engine wrote them (compact), become the stored JSON, and only the few fields the store's
 * keys and tables need are read on the way through. Reading every element to a tree and writing it again
 * to hash and store it was most of a save (1M articles: ~700 of ~1,000 samples of the saving thread).
 */
final class Elements {
    private Elements() { }

    /** The top-level fields of an element the store reads (keys, article, the stories' and entities' tables). */
    private static final Set<String> SCALARS = Set.of("id", "a", "b", "article", "title", "published", "outlet", "source",
            "url", "topic", "canonical", "type");

    /**
     * The fields of one element the store uses: top-level scalars by name (a JSON null as null; a field whose value
     * is an object or an array is present with no text), and the arrays a section's tables are made from.
     */
    static final class Fields {
        /** Every top-level field by name: the text of a scalar the store reads, else null. */
        private final Map<String, String> scalars = new HashMap<>(8);
        /** A story's article ids and entity ids; an entity's variants' texts. */
        final List<String> articles = new ArrayList<>(), entities = new ArrayList<>(), variants = new ArrayList<>();

        /** Whether the element has the field, whatever its value. */
        boolean has(String field) { return scalars.containsKey(field); }

        /** The field's text: null when missing, null, or not a scalar. */
        String text(String field) { return scalars.get(field); }

        /** The field's text, or {@code otherwise} when it has none. */
        String text(String field, String otherwise) {
            String t = scalars.get(field);
            return t == null ? otherwise : t;
        }
    }

    /**
     * Reads the element at the parser's current token (its first), leaving the parser on its last, and returns the
     * fields the store uses of an element of {@code section}.
     */
    static Fields read(JsonParser p, String section) throws IOException {
        Fields f = new Fields();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            if (p.currentToken().isScalarValue()) p.getText(); // read to its end: a string is read lazily
            else p.skipChildren();
            return f;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            f.scalars.put(name, null);
            if (t == JsonToken.START_ARRAY) {
                List<String> into = listOf(f, section, name);
                if (into == null) {
                    p.skipChildren();
                    continue;
                }
                boolean texts = into == f.variants;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.START_OBJECT && texts) {
                        String text = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            JsonToken v = p.nextToken();
                            if (inner.equals("text") && v.isScalarValue()) text = v == JsonToken.VALUE_NULL ? "null" : p.getText();
                            else p.skipChildren();
                        }
                        into.add(text == null ? "" : text);
                    } else if (t.isScalarValue() && !texts) {
                        into.add(t == JsonToken.VALUE_NULL ? "null" : p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            } else if (t == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else if (SCALARS.contains(name)) {
                f.scalars.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
            }
        }
        return f;
    }

    private static List<String> listOf(Fields f, String section, String field) {
        if (section.equals("stories")) {
            if (field.equals("articles")) return f.articles;
            if (field.equals("entities")) return f.entities;
        } else if (section.equals("entities") && field.equals("variants")) {
            return f.variants;
        }
        return null;
    }

    /**
     * An input stream that keeps what was read from a given offset on, so that the bytes of the element a parser
     * just read can be taken as they came ({@link #text}). What lies before the offset kept is dropped as the
     * buffer fills: it holds one element and the parser's read-ahead.
     */
    static final class Recorded extends InputStream {
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        /** The stream offset of {@code buf[0]}; bytes held: {@code buf[0..len)}. */
        private long base;
        private int len;
        private long keepFrom;

        Recorded(InputStream in) { this.in = in; }

        /** Bytes before {@code offset} are no longer wanted. */
        void keepFrom(long offset) { keepFrom = Math.max(keepFrom, offset); }

        /** The bytes from {@code from} to {@code to} (offsets in the stream, kept), as UTF-8 text. */
        String text(long from, long to) {
            if (from < base || to > base + len || from > to) {
                throw new IllegalStateException("bytes " + from + ".." + to + " are not held (held: " + base + ".." + (base + len) + ")");
            }
            return new String(buf, (int) (from - base), (int) (to - from), StandardCharsets.UTF_8);
        }

        @Override public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                room(1);
                buf[len++] = (byte) b;
            }
            return b;
        }

        @Override public int read(byte[] b, int off, int n) throws IOException {
            int r = in.read(b, off, n);
            if (r > 0) {
                room(r);
                System.arraycopy(b, off, buf, len, r);
                len += r;
            }
            return r;
        }

        private void room(int n) {
            if (len + n <= buf.length) return;
            int drop = (int) Math.min(len, keepFrom - base);
            if (drop > 0) {
                System.arraycopy(buf, drop, buf, 0, len - drop);
                len -= drop;
                base += drop;
            }
            if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }

        @Override public void close() throws IOException { in.close(); }
    }
}
