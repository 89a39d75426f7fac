package org.storytrace.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.storytrace.core.model.Rejection;
import org.storytrace.ingest.decode.TextDecoder;

/**
 * WARC and WET files, gzipped or not, read with jwarc: every HTML response with status 200 becomes a
 * page with its target URI and fetch date; WET conversion records become plain-text pages. Requests,
 * metadata, redirects, error responses and non-HTML responses are skipped and counted. A broken record
 * ends the file with a rejection naming its record number and byte offset; the pages before it are kept.
 */
public final class WarcPages {
    private final long maxRecordBytes;
    private final TextDecoder decoder = new TextDecoder();

    public WarcPages(long maxRecordBytes) { this.maxRecordBytes = maxRecordBytes; }

    public void read(Input input, InputStream in, Sink sink) {
        String stem = input.stem();
        long recordNo = 0;
        WarcReader reader = null;
        try {
            reader = new WarcReader(Channels.newChannel(in));
            reader.onWarning(w -> { });
            while (true) {
                long offset = reader.position();
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    sink.rejected(new Rejection(input.name(), "record " + (recordNo + 1) + ", byte " + offset,
                            "broken WARC record, the rest of the file is skipped: " + e.getMessage()));
                    return;
                }
                if (next.isEmpty()) return;
                recordNo++;
                WarcRecord rec = next.get();
                String where = "record " + recordNo + ", byte " + offset;
                try {
                    if (rec instanceof WarcResponse resp) {
                        int status = resp.http().status();
                        if (status >= 300 && status < 400) { sink.skipped("redirect"); continue; }
                        if (status != 200) { sink.skipped("error response"); continue; }
                        MediaType type = resp.http().contentType();
                        String t = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
                        if (!t.contains("html")) { sink.skipped("non-HTML response"); continue; }
                        byte[] body = Limits.readAtMost(resp.http().body().stream(), maxRecordBytes);
                        page(input, sink, stem, recordNo, where, body, "warc/html", resp.target(), resp.date());
                    } else if (rec instanceof WarcConversion conv) {
                        byte[] body = Limits.readAtMost(conv.body().stream(), maxRecordBytes);
                        page(input, sink, stem, recordNo, where, body, "warc/text", conv.target(), conv.date());
                    } else {
                        sink.skipped(rec.type());
                    }
                } catch (Limits.TooLarge e) {
                    sink.rejected(new Rejection(input.name(), where, "record too large: " + e.getMessage()));
                } catch (IOException | RuntimeException e) {
                    // a record whose body cannot be read leaves the reader out of step: end the file here
                    sink.rejected(new Rejection(input.name(), where, "truncated or broken record, the rest of the file is skipped: "
                            + e.getMessage()));
                    return;
                }
            }
        } catch (IOException e) {
            sink.rejected(new Rejection(input.name(), recordNo == 0 ? null : "after record " + recordNo, "not a readable WARC file: "
                    + e.getMessage()));
        } finally {
            if (reader != null) try { reader.close(); } catch (IOException ignored) { /* nothing left to save */ }
        }
    }

    private void page(Input input, Sink sink, String stem, long recordNo, String where, byte[] body, String format, String uri,
            Instant date) {
        try {
            TextDecoder.Decoded d = decoder.decode(body);
            sink.page(new Page(input.name(), where, stem + "-" + recordNo, d.text(), format, d.encoding(), uri, null, null, null, null,
                    null));
        } catch (TextDecoder.UndecodableException e) {
            sink.rejected(new Rejection(input.name(), where, e.getMessage()));
        }
    }
}
