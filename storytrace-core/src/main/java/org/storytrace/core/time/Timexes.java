package org.storytrace.core.time;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Layer;

/**
 * The time expressions of one article in text order, and the date they were resolved against: the document
 * layer {@link #LAYER}.
 *
 * @param list   the expressions
 * @param anchor the date relative expressions were resolved against (the publication date), or null
 */
public record Timexes(List<Timex> list, LocalDate anchor) implements Serializable {
    public Timexes { list = List.copyOf(list); }

    public static final Timexes NONE = new Timexes(List.of(), null);

    public static final Layer<Timexes> LAYER = Layer.stored("timex", Timexes.class, new Codec<>() {
        @Override public void write(Timexes t, DataOutput out) throws IOException {
            Codec.writeString(t.anchor == null ? null : t.anchor.toString(), out);
            out.writeInt(t.list.size());
            for (Timex x : t.list) {
                out.writeInt(x.start());
                out.writeInt(x.end());
                Codec.writeString(x.text(), out);
                out.writeByte(x.type().ordinal());
                Codec.writeString(x.value(), out);
                out.writeInt(x.values().size());
                for (String v : x.values()) Codec.writeString(v, out);
                Codec.writeString(x.anchor(), out);
                Codec.writeString(x.note(), out);
            }
        }

        @Override public Timexes read(DataInput in) throws IOException {
            String a = Codec.readString(in);
            int n = in.readInt();
            List<Timex> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int s = in.readInt(), e = in.readInt();
                String text = Codec.readString(in);
                TimexType type = TimexType.values()[in.readByte()];
                String value = Codec.readString(in);
                int k = in.readInt();
                List<String> values = new ArrayList<>(k);
                for (int j = 0; j < k; j++) values.add(Codec.readString(in));
                l.add(new Timex(s, e, text, type, value, values, Codec.readString(in), Codec.readString(in)));
            }
            return new Timexes(l, a == null ? null : Codec.date(a));
        }
    });
}
