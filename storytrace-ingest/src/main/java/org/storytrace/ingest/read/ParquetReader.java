package org.storytrace.ingest.read;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.storytrace.core.model.Rejection;

/**
 * Parquet files (the form Hugging Face datasets, Spark jobs and pandas exports come in), a row an article: each row is
 * turned into a JSON object by DuckDB ({@code to_json}) and read by the JSON Lines reader's field reader
 * ({@link JsonLinesReader#object}), so its columns may bear the contract's names or the other names exports use
 * ({@code content}, {@code maintext}, {@code publishedAt}, ...), in any nesting the JSON reader takes (a {@code source}
 * struct with a {@code name}, a list of {@code authors}); a row is {@code row N}, its id {@code FILE-N} unless it has one.
 *
 * <p>Read through DuckDB's embedded engine (its JDBC driver, which the export's Parquet writer uses too), with its results
 * streamed: Apache parquet-java reads only with Hadoop's classes, and Parquet's encodings and compressions are not what
 * this project should keep by hand. DuckDB is loaded by name, on the first Parquet file, so a run that reads none never
 * loads its native library. A Parquet file is read where it lies (its footer is at its end): one compressed, inside an
 * archive or on standard input is rejected with the advice to unpack it. A row whose JSON is past the byte limit is rejected alone.
 */
public final class ParquetReader {
    private final long maxRowBytes;

    public ParquetReader(long maxRowBytes) { this.maxRowBytes = maxRowBytes; }

    /** Parquet's magic, "PAR1", at the start of the file (and at its end). */
    public static boolean isParquet(byte[] head) {
        return Magic.startsWith(head, "PAR1");
    }

    /**
     * Reads the Parquet file {@code input}; {@code asIs} says its bytes on disk are the Parquet file's (not compressed, not
     * an archive's entry or standard input), else it is rejected.
     */
    public void read(Input input, boolean asIs, Sink sink) {
        String origin = input.name();
        if (!asIs || !input.isFile()) {
            sink.rejected(new Rejection(origin, null, "a Parquet file is read where it lies on disk (its index is at its end); "
                    + "one compressed, inside an archive or on standard input is not read: unpack it to a file first"));
            return;
        }
        String stem = input.stem();
        long row = 0;
        try (Connection c = DuckDb.connect(true); Statement settings = c.createStatement()) {
            // a bounded share of the machine: the engine runs beside it
            settings.execute("SET memory_limit = '512MB'");
            settings.execute("SET threads = 1");
            settings.execute("SET preserve_insertion_order = true");
            try (PreparedStatement q = c.prepareStatement("SELECT to_json(t)::VARCHAR FROM read_parquet(?) AS t")) {
                q.setString(1, input.path().toString());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long no = ++row;
                        String json = rs.getString(1);
                        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
                        if (bytes.length > maxRowBytes) {
                            sink.rejected(new Rejection(origin, "row " + no, "the row is larger than the limit of " + maxRowBytes
                                    + " bytes"));
                            continue;
                        }
                        sink.later(origin, "row " + no, () -> JsonLinesReader.parseObject(bytes, origin, "row " + no, stem + "-" + no,
                                "parquet"));
                    }
                }
            }
        } catch (SQLException e) {
            sink.rejected(new Rejection(origin, row == 0 ? null : "row " + (row + 1), "not a readable Parquet file: " + oneLine(e)
                    + (row == 0 ? "" : row == 1 ? " (the row before it was read)" : " (the " + row + " rows before it were read)")));
        }
    }

    /** DuckDB's message without its error class prefix and extra lines. */
    private static String oneLine(SQLException e) {
        return DuckDb.firstLine(e).replaceFirst("^(Invalid Input Error|IO Error|Invalid Error|Conversion Error): ", "").strip();
    }
}
