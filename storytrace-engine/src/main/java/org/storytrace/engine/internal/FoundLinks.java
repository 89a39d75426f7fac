package org.storytrace.engine.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;

/**
 * The links an article brought when it was linked: those the linker verified between it and the articles before it
 * (earlier batches and its own batch), as the linker returned them, before common talk was pruned. A store keeps
 * them beside the article ({@code Engine.Builder#onLinked}) and hands them back with it, so that a restore adds the
 * article to the candidate indexes without looking up and verifying its candidates again: the links are what that
 * would find, because the indexes hold the same articles in the same order.
 *
 * <p>They hold only for the linking that found them: {@code key} is {@link #keyOf} the linker's settings and
 * {@link #VERSION}; links under another key are found again. Bump {@link #VERSION} whenever a change to linking
 * (fingerprints, candidates, verification, alignment) changes which links are found or what they say.
 */
public record FoundLinks(long key, List<Link> links) {
    /** What changes of linking have been made since links were first kept: part of {@link #keyOf}. */
    public static final int VERSION = 1;

    /** On a restored document: its links as the store kept them (an in-memory layer, not a stored one). */
    public static final Layer<FoundLinks> LAYER = Layer.of("found_links", FoundLinks.class);

    public FoundLinks {
        links = List.copyOf(links);
    }

    /** The key of links found with a linker of these settings (their text, which names every field) by this version. */
    public static long keyOf(Object linkerSettings) {
        String s = VERSION + "|" + linkerSettings;
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return h;
    }

    /** The bytes a store keeps. */
    public byte[] encode() {
        // the codec's buffer of this thread: no lock on each byte written, no garbage an article
        DocumentCodec.Bytes bytes = DocumentCodec.Bytes.forThisThread();
        try {
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(key);
            out.writeInt(links.size());
            for (Link l : links) {
                Codec.writeString(l.a(), out);
                Codec.writeString(l.b(), out);
                out.writeDouble(l.similarity());
                out.writeDouble(l.reusedShareA());
                out.writeDouble(l.reusedShareB());
                out.writeByte(l.direction() == null ? 0 : l.direction().ordinal() + 1);
                out.writeInt(l.passages().size());
                for (Passage p : l.passages()) {
                    out.writeInt(p.aStart()); out.writeInt(p.aEnd()); out.writeInt(p.bStart()); out.writeInt(p.bEnd());
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bytes.release();
        }
    }

    /**
     * The links of {@link #encode}'s bytes.
     *
     * @throws IllegalArgumentException when the bytes are not such links (cut short, or a value out of range)
     */
    public static FoundLinks decode(byte[] bytes) {
        try {
            BytesInput in = new BytesInput(bytes);
            long key = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > bytes.length) throw new IllegalArgumentException("found links: a count of " + n);
            List<Link> links = new ArrayList<>(n);
            Link.Direction[] directions = Link.Direction.values();
            for (int i = 0; i < n; i++) {
                String a = Codec.readString(in), b = Codec.readString(in);
                if (a == null || b == null || a.equals(b)) {
                    throw new IllegalArgumentException("found links: link " + i + " lacks an article");
                }
                double similarity = in.readDouble(), shareA = in.readDouble(), shareB = in.readDouble();
                int direction = in.readByte();
                if (direction < 0 || direction > directions.length) {
                    throw new IllegalArgumentException("found links: direction " + direction);
                }
                int np = in.readInt();
                if (np < 0 || np > bytes.length) throw new IllegalArgumentException("found links: " + np + " passages");
                List<Passage> passages = new ArrayList<>(np);
                for (int k = 0; k < np; k++) passages.add(new Passage(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
                links.add(new Link(a, b, similarity, shareA, shareB, direction == 0 ? null : directions[direction - 1], passages));
            }
            return new FoundLinks(key, links);
        } catch (IOException e) {
            throw new IllegalArgumentException("found links cannot be read: " + e.getMessage(), e);
        }
    }
}
