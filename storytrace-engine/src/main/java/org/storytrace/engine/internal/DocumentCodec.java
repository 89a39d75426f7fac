package org.storytrace.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Span;
import org.storytrace.core.pipeline.StoryGrouper;

/**
 * Documents (the article and its stored layers) and story terms to bytes and back, for the engine's record files
 * (story profiles encode themselves: {@link StoryGrouper.Profile#encode}, which the pair scores read in place). Layers
 * without a codec are not written. Thread-safe.
 */
public final class DocumentCodec {
    private final Map<String, Layer<?>> stored;

    /** @param layers every layer a document may carry; those with a codec are written */
    public DocumentCodec(Iterable<Layer<?>> layers) {
        Map<String, Layer<?>> m = new LinkedHashMap<>();
        for (Layer<?> l : layers) if (l.codec().isPresent()) m.put(l.name(), l);
        this.stored = Map.copyOf(m);
    }

    public byte[] encode(Document d) { return write(d, false); }

    /**
     * The document's bytes: its article's fields, then its stored layers. An outline writes the text's length where a
     * document writes the text, and each furniture span's words after its offsets.
     */
    private byte[] write(Document d, boolean outline) {
        Bytes bytes = Bytes.forThisThread();
        try {
            Article a = d.article();
            DataOutputStream out = new DataOutputStream(bytes);
            str(out, a.id()); str(out, a.path());
            if (outline) out.writeInt(a.text().length()); else str(out, a.text());
            str(out, a.title());
            str(out, a.published() == null ? null : a.published().toString()); str(out, a.publishedEvidence());
            str(out, a.source()); str(out, a.author());
            out.writeInt(a.bodyStart()); out.writeInt(a.bodyEnd());
            out.writeInt(a.boilerplate().size());
            for (Span s : a.boilerplate()) {
                out.writeInt(s.start()); out.writeInt(s.end());
                if (outline) str(out, s.text());
            }
            str(out, a.format()); str(out, a.encoding()); str(out, a.url()); str(out, a.outlet()); str(out, a.language());
            writeLayers(out, d);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bytes.release();
        }
    }

    /**
     * A byte buffer without {@link ByteArrayOutputStream}'s lock on every write: {@link DataOutputStream} writes an
     * int as four single bytes, and the sentence layer alone is hundreds of ints an article.
     */
    static final class Bytes extends ByteArrayOutputStream {
        /**
         * One buffer a thread, grown to the largest document it wrote (up to {@link #KEPT}): a new one a document, grown
         * by doubling and then cut to length, was ~10 KB of garbage an article (session 28).
         */
        private static final ThreadLocal<Bytes> BUFFER = ThreadLocal.withInitial(() -> new Bytes(8192));
        /** A buffer grown past this (a very long document) is let go once written. */
        private static final int KEPT = 1 << 20;
        private boolean inUse;

        Bytes(int size) { super(size); }

        /** This thread's buffer, empty; a new one while it is in use (a layer's codec that encodes a document). */
        static Bytes forThisThread() {
            Bytes b = BUFFER.get();
            if (b.inUse) return new Bytes(8192);
            b.inUse = true;
            b.reset();
            return b;
        }

        /** Frees the buffer for the thread's next document. */
        void release() {
            inUse = false;
            if (buf.length > KEPT) buf = new byte[8192];
        }

        @Override public void write(int b) {
            if (count == buf.length) buf = Arrays.copyOf(buf, buf.length * 2 + 16);
            buf[count++] = (byte) b;
        }

        @Override public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) buf = Arrays.copyOf(buf, Math.max(count + len, buf.length * 2));
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }

    /**
     * A document without its text, for listing articles (the writers' {@code articles} array needs every field
     * and stored layer but never the text): the article's fields, its text's length, its furniture spans with
     * their words, and the stored layers. A few hundred bytes where {@link #encode} writes the whole text: at a
     * million articles, reading the texts back only to list the articles read 4.5 GB.
     */
    public byte[] encodeOutline(Document d) { return write(d, true); }

    /**
     * The document of {@link #encodeOutline}'s bytes: its article's text is blank (spaces) but for the furniture
     * spans, which hold their words, so every offset and span stays valid; for listing, never for analysis.
     */
    public Document decodeOutline(byte[] b) {
        try {
            BytesInput in = new BytesInput(b);
            return readLayers(in, Document.of(article(in, true)));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document outline cannot be read back: " + e.getMessage(), e);
        }
    }

    private void writeLayers(DataOutputStream out, Document d) throws IOException {
        List<Layer<?>> layers = new ArrayList<>();
        for (Layer<?> l : d.layers()) if (stored.containsKey(l.name())) layers.add(l);
        out.writeInt(layers.size());
        for (Layer<?> l : layers) {
            out.writeUTF(l.name());
            writeLayer(out, d, l);
        }
    }

    private Document readLayers(DataInput in, Document d) throws IOException {
        int nl = in.readInt();
        for (int i = 0; i < nl; i++) {
            String name = in.readUTF();
            Layer<?> l = stored.get(name);
            if (l == null) throw new IOException("unknown stored layer " + name);
            d = readLayer(in, d, l);
        }
        return d;
    }

    private static <T> void writeLayer(DataOutputStream out, Document d, Layer<T> l) throws IOException {
        l.codec().orElseThrow().write(d.expect(l), out);
    }

    public Document decode(byte[] b) {
        try {
            BytesInput in = new BytesInput(b);
            return readLayers(in, Document.of(article(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document cannot be read back: " + e.getMessage(), e);
        }
    }

    /** The article of {@link #encode}'s bytes, without its layers (which need not be this codec's). */
    public Article decodeArticle(byte[] b) {
        try {
            return article(new BytesInput(b));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document cannot be read back: " + e.getMessage(), e);
        }
    }

    private static Article article(DataInput in) throws IOException { return article(in, false); }

    /** The article {@link #write} wrote; an outline's text is blank (spaces) but for its furniture spans' words. */
    private static Article article(DataInput in, boolean outline) throws IOException {
        String id = str(in), path = str(in);
        String text = outline ? null : str(in);
        int length = outline ? in.readInt() : text.length();
        String title = str(in), published = str(in), evidence = str(in), source = str(in), author = str(in);
        int bodyStart = in.readInt(), bodyEnd = in.readInt();
        int nb = in.readInt();
        char[] blank = null;
        if (outline && nb > 0) {
            blank = new char[length];
            Arrays.fill(blank, ' ');
        }
        List<Span> boilerplate = new ArrayList<>(nb);
        for (int i = 0; i < nb; i++) {
            int s = in.readInt(), e = in.readInt();
            String words = outline ? str(in) : text.substring(s, e);
            if (outline) words.getChars(0, Math.min(words.length(), length - s), blank, s);
            boilerplate.add(new Span(s, e, words));
        }
        // no furniture (most articles): the blank text made at once, a byte a character, without the char array
        if (outline) text = nb == 0 ? " ".repeat(length) : new String(blank);
        String format = str(in), encoding = str(in), url = str(in), outlet = str(in), language = str(in);
        return new Article(id, path, text, title, published == null ? null : Codec.date(published), evidence, source, author,
                bodyStart, bodyEnd, boilerplate, format, encoding, url, outlet, language);
    }

    private static <T> Document readLayer(DataInput in, Document d, Layer<T> l) throws IOException {
        return d.with(l, l.codec().orElseThrow().read(in));
    }

    /**
     * An article's story terms as bytes: for each of words, names and headline words, the count of terms, whether
     * their weights are whole numbers (they are, as the weights of a headline and a lead are 3 and others 1), the keys
     * (8 bytes each) and the weights (a varint each when whole, else 4 bytes). About 9 bytes a term.
     */
    public static byte[] encode(StoryGrouper.Terms t) {
        int n = t.words().length + t.names().length + t.heads().length;
        ByteBuffer b = ByteBuffer.allocate(3 * 6 + n * 13);
        putTerms(b, t.words(), t.wordCounts());
        putTerms(b, t.names(), t.nameCounts());
        putTerms(b, t.heads(), t.headCounts());
        return Arrays.copyOf(b.array(), b.position());
    }

    /** The story terms {@link #encode(StoryGrouper.Terms)} wrote. */
    public static StoryGrouper.Terms decodeTerms(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[][] k = new long[3][];
        float[][] c = new float[3][];
        for (int j = 0; j < 3; j++) {
            int n = varint(b);
            boolean whole = b.get() == 1;
            k[j] = new long[n];
            c[j] = new float[n];
            for (int i = 0; i < n; i++) k[j][i] = b.getLong();
            for (int i = 0; i < n; i++) c[j][i] = whole ? varint(b) : b.getFloat();
        }
        return new StoryGrouper.Terms(k[0], c[0], k[1], c[1], k[2], c[2]);
    }

    private static void putTerms(ByteBuffer b, long[] keys, float[] counts) {
        boolean whole = true;
        for (float x : counts) whole &= x >= 0 && x < (1 << 28) && x == (int) x;
        putVarint(b, keys.length);
        b.put((byte) (whole ? 1 : 0));
        for (long x : keys) b.putLong(x);
        for (float x : counts) {
            if (whole) putVarint(b, (int) x);
            else b.putFloat(x);
        }
    }

    private static void putVarint(ByteBuffer b, int v) {
        while ((v & ~0x7f) != 0) {
            b.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }

    private static int varint(ByteBuffer b) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b.get();
            v |= (x & 0x7f) << shift;
            if (x >= 0) return v;
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException { Codec.writeString(s, out); }

    private static String str(DataInput in) throws IOException { return Codec.readString(in); }
}
