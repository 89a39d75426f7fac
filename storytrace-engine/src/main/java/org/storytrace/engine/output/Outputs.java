package org.storytrace.engine.output;

import java.io.IOException;
import org.storytrace.engine.Results;

/** Writes every result file of a run: {@code stories.json}, {@code report.html} with its story pages, {@code rejected.jsonl}. */
public final class Outputs {
    private Outputs() {}

    public static void writeAll(Results r, OutputFolder out) throws IOException {
        out.write("stories.json", o -> StoriesJson.write(r, o));
        HtmlReport.write(r, out);
        out.write("rejected.jsonl", o -> RejectionsJsonl.write(r.rejections(), o));
    }
}
