package org.storytrace.core.quote;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.doc.Codec;
import org.storytrace.core.doc.Layer;

/** The direct quotes of one article, in text order: the document layer {@link #LAYER}. */
public record Quotes(List<Quote> list) implements java.io.Serializable {
    public Quotes { list = List.copyOf(list); }

    public static final Quotes NONE = new Quotes(List.of());

    public static final Layer<Quotes> LAYER = Layer.stored("quotes", Quotes.class, new Codec<>() {
        @Override public void write(Quotes q, DataOutput out) throws IOException {
            out.writeInt(q.list.size());
            for (Quote x : q.list) {
                out.writeInt(x.start());
                out.writeInt(x.end());
                out.writeUTF(x.text().length() > 20000 ? x.text().substring(0, 20000) : x.text());
                out.writeInt(x.speakerStart());
                out.writeInt(x.speakerEnd());
                out.writeUTF(x.speaker() == null ? "" : x.speaker());
                out.writeInt(x.cueStart());
                out.writeInt(x.cueEnd());
                out.writeUTF(x.cue() == null ? "" : x.cue());
                out.writeInt(x.speakerMention());
            }
        }

        @Override public Quotes read(DataInput in) throws IOException {
            int n = in.readInt();
            List<Quote> l = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int s = in.readInt(), e = in.readInt();
                String text = in.readUTF();
                int ss = in.readInt(), se = in.readInt();
                String sp = in.readUTF();
                int cs = in.readInt(), ce = in.readInt();
                String cue = in.readUTF();
                int ref = in.readInt();
                l.add(new Quote(s, s + text.length(), text, ss, se, sp.isEmpty() ? null : sp, cs, ce, cue.isEmpty() ? null : cue, ref));
            }
            return new Quotes(l);
        }
    });
}
