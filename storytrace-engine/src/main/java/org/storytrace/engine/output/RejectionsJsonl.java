package org.storytrace.engine.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.storytrace.core.model.Rejection;

/** Writes {@code rejected.jsonl}: one {@code {"path", "position", "reason"}} object a line. */
public final class RejectionsJsonl {
    private static final JsonFactory JSON = new JsonFactory();

    private RejectionsJsonl() {}

    public static void write(List<Rejection> rejections, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(null);
            for (Rejection r : rejections) {
                g.writeStartObject();
                g.writeStringField("path", r.path());
                g.writeStringField("position", r.position());
                g.writeStringField("reason", r.reason());
                g.writeEndObject();
                g.flush();
                out.write('\n');
            }
        }
    }
}
