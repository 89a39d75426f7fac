package org.storytrace.ingest.read;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.storytrace.core.model.Rejection;

/**
 * CSV and TSV files of articles with a header row, as news datasets and media-monitoring tools export them (a
 * {@code .csv} or {@code .tsv} file, gzipped or not): each row an article, its columns named as JSON Lines fields are
 * or by the other names exports use ({@link JsonLinesReader.Fields}: {@code content}, {@code publication},
 * {@code date}, ...), whatever the letters' case; other columns (a spreadsheet's unnamed index, {@code year}) are left
 * aside. Parsed with Apache Commons CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks); UTF-8, with
 * or without a byte-order mark. The Nth data row is at position {@code row N}, and its id, when it gives none, is the
 * file's stem and N. A file whose header names no text column is rejected whole, saying which columns it has; a row
 * without text is rejected alone. CSV that goes wrong mid-way (a quote never closed) is rejected at the line where it
 * does, the rows before it kept; a row longer than the byte limit stops the reading there, as the parser would
 * otherwise hold all of it.
 */
public final class CsvReader {
    private final long maxRowChars;

    public CsvReader(long maxRowChars) { this.maxRowChars = maxRowChars; }

    /** Whether an input is read as CSV: by its name, since a table's commas say nothing sure about the content. */
    public static boolean isCsv(String name) { return name.toLowerCase(Locale.ROOT).matches(".*\\.(csv|tsv)(\\.gz)?"); }

    public void read(Input input, InputStream in, Sink sink) throws IOException {
        String origin = input.name(), stem = input.stem();
        boolean tabs = origin.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?");
        CSVFormat format = (tabs ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        Budget reader = new Budget(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), maxRowChars);
        reader.skipByteOrderMark();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            sink.rejected(new Rejection(origin, "line 1", "not a CSV header row: " + e.getMessage()));
            return;
        }
        try (parser) {
            List<String> names = parser.getHeaderNames();
            String[] fields = JsonLinesReader.fieldsOf(names);
            boolean text = false;
            for (String f : fields) text |= "text".equals(f) || "html".equals(f);
            if (!text) {
                sink.rejected(new Rejection(origin, "line 1", "the header row names no text column (text, html, content, body or "
                        + "article); its columns are " + names));
                return;
            }
            Iterator<CSVRecord> rows = parser.iterator();
            long row = 0;
            while (true) {
                CSVRecord r;
                reader.startRow();
                try {
                    if (!rows.hasNext()) break;
                    r = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    String why = e.getCause() instanceof IOException io && io.getMessage() != null ? io.getMessage() : e.getMessage();
                    sink.rejected(new Rejection(origin, "line " + parser.getCurrentLineNumber(), "not valid CSV: " + why
                            + (row == 0 ? "" : row == 1 ? " (the row before it was read)"
                            : " (the " + row + " rows before it were read)")));
                    return;
                }
                row++;
                CSVRecord record = r;
                Parsed made = JsonLinesReader.fromColumns(names, fields, i -> i < record.size() ? record.get(i) : null, origin,
                        "row " + row, stem + "-" + row, "csv");
                if (made instanceof Page page) sink.page(page);
                else sink.rejected(((Parsed.Rejected) made).rejection());
            }
        }
    }

    /**
     * The characters of a file, at most {@code max} of them between two {@link #startRow}s (one row): the parser holds a
     * row whole, so a quote never closed in a large file would otherwise take it all into memory.
     */
    private static final class Budget extends FilterReader {
        private final long max;
        private long read;

        Budget(Reader in, long max) {
            super(in);
            this.max = max;
        }

        void startRow() { read = 0; }

        void skipByteOrderMark() throws IOException {
            in.mark(1);
            if (in.read() != '\uFEFF') in.reset();
        }

        @Override public int read() throws IOException {
            count(1);
            return super.read();
        }

        @Override public int read(char[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max + (1 << 16)) throw new IOException("a row is longer than the limit of " + max + " characters");
        }

        @Override public boolean markSupported() { return in.markSupported(); }
    }
}
