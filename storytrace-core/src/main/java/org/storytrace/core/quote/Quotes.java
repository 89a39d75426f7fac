package org.storytrace.core.quote;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Layer;

/** The direct quotes of one article, in text order: the document layer {@link #LAYER}. */
public record Quotes(List<Quote> list) implements Serializable {
    public Quotes { list = List.copyOf(list); }

    public static final Quotes NONE = new Quotes(List.of());

    public static final Layer<Quotes> LAYER = Layer.stored("quotes", Quotes.class, new Codec<>() {
        @Override public void write(Quotes q, DataOutput out) throws IOException {
            out.writeInt(q.list.size());
            for (Quote x : q.list) {
                out.writeInt(x.start());
                out.writeInt(x.end());
                Codec.writeString(x.text(), out);
                out.writeInt(x.speakerStart());
                out.writeInt(x.speakerEnd());
                Codec.writeString(x.speaker(), out);
                out.writeInt(x.cueStart());
                out.writeInt(x.cueEnd());
                Codec.writeString(x.cue(), out);
                out.writeInt(x.speakerMention());
            }
        }

        @Override public Quotes read(DataInput in) throws IOException {
            int n = in.readInt();
            List<Quote> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int s = in.readInt(), e = in.readInt();
                String text = Codec.readString(in);
                int ss = in.readInt(), se = in.readInt();
                String sp = Codec.readString(in);
                int cs = in.readInt(), ce = in.readInt();
                String cue = Codec.readString(in);
                l.add(new Quote(s, e, text, ss, se, sp, cs, ce, cue, in.readInt()));
            }
            return new Quotes(l);
        }
    });
}
