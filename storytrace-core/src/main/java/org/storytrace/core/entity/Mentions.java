package org.storytrace.core.entity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Layer;

/** The names found in one article, in text order, never overlapping: the document layer {@link #LAYER}. */
public record Mentions(List<Mention> list) implements Serializable {
    public Mentions {
        list = List.copyOf(list);
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).start() < list.get(i - 1).end()) throw new IllegalArgumentException("mention " + i
                    + " overlaps or precedes the one before");
        }
    }

    public static final Mentions NONE = new Mentions(List.of());

    /** The mentions layer, stored for the story stages and the outputs. */
    public static final Layer<Mentions> LAYER = Layer.stored("mentions", Mentions.class, new Codec<>() {
        @Override public void write(Mentions m, DataOutput out) throws IOException {
            out.writeInt(m.list.size());
            for (Mention x : m.list) {
                out.writeInt(x.start());
                out.writeInt(x.end());
                Codec.writeString(x.text(), out);
                out.writeByte(x.type().ordinal());
                Codec.writeString(x.role(), out);
            }
        }

        @Override public Mentions read(DataInput in) throws IOException {
            int n = in.readInt();
            List<Mention> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int s = in.readInt(), e = in.readInt();
                String text = Codec.readString(in);
                EntityType t = EntityType.values()[in.readByte()];
                l.add(new Mention(s, e, text, t, Codec.readString(in)));
            }
            return new Mentions(l);
        }
    });
}
