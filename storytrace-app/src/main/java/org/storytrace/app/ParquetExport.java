package org.storytrace.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.storytrace.ingest.read.DuckDb;

/**
 * The export's JSON Lines sections as Parquet files, for the tools researchers load archives with (Spark,
 * pandas, DuckDB, R): {@code articles}, {@code stories}, {@code links}, {@code entities} and {@code rejected}.
 *
 * <p>Written by DuckDB's Parquet writer (zstd), embedded through its JDBC driver: Apache parquet-java still needs
 * Hadoop's classes to write a file, and Parquet's encodings and footer are not what this project should keep by
 * hand. Each section has a fixed schema, not one guessed from the data, so every export of every store has the
 * same columns and types: the contract's scalar fields and simple lists as typed columns (dates as {@code DATE},
 * offsets as {@code INTEGER}, spans as lists of structs), the deep tier's nested objects ({@code timex},
 * {@code timeline}, {@code discrepancies}, an entity's {@code variants}, ...) as JSON text, exactly as
 * {@code stories.json} writes them. A field the run did not make (the deep tier's, after {@code --fast}) is null.
 * Rows keep the order of the JSON Lines files. A section with no rows is an empty file with its columns.
 */
final class ParquetExport {
    private ParquetExport() {}

    /** Each section's columns, in the order of {@code docs/stories-json.md}. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    static {
        COLUMNS.put("articles", "id: 'VARCHAR', path: 'VARCHAR', title: 'VARCHAR', published: 'DATE', published_evidence: 'VARCHAR', "
                + "source: 'VARCHAR', author: 'VARCHAR', url: 'VARCHAR', outlet: 'VARCHAR', language: 'VARCHAR', format: 'VARCHAR', "
                + "encoding: 'VARCHAR', body_start: 'INTEGER', body_end: 'INTEGER', "
                + "boilerplate: 'STRUCT(\"start\" INTEGER, \"end\" INTEGER, \"text\" VARCHAR)[]', sentences: 'INTEGER[][]', "
                + "time_anchor: 'JSON', timex: 'JSON'");
        COLUMNS.put("stories", "id: 'VARCHAR', articles: 'VARCHAR[]', topic: 'VARCHAR', entities: 'VARCHAR[]', timeline: 'JSON', "
                + "summary: 'JSON', discrepancies: 'JSON', updates: 'JSON', facts: 'JSON'");
        COLUMNS.put("links", "a: 'VARCHAR', b: 'VARCHAR', similarity: 'DOUBLE', reused_share_a: 'DOUBLE', reused_share_b: 'DOUBLE', "
                + "direction: 'VARCHAR', passages: 'STRUCT(a_start INTEGER, a_end INTEGER, b_start INTEGER, b_end INTEGER)[]'");
        COLUMNS.put("entities", "id: 'VARCHAR', type: 'VARCHAR', canonical: 'VARCHAR', variants: 'JSON', roles: 'VARCHAR[]', "
                + "mentions: 'STRUCT(article VARCHAR, \"start\" INTEGER, \"end\" INTEGER, \"text\" VARCHAR)[]', "
                + "\"references\": 'STRUCT(article VARCHAR, \"start\" INTEGER, \"end\" INTEGER, \"text\" VARCHAR)[]'");
        COLUMNS.put("rejected", "path: 'VARCHAR', position: 'VARCHAR', reason: 'VARCHAR'");
    }

    /** A Parquet file could not be written: the message says which and why, in one line. */
    static final class Failed extends Exception {
        Failed(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * Writes {@code dir/SECTION.parquet} from {@code dir/SECTION.jsonl} for every section of {@link #COLUMNS}: each to a
     * temporary name first, then moved into place, so no run leaves a half-written file.
     */
    static void write(Path dir) throws Failed {
        Path scratch = dir.resolve(".parquet-scratch");
        try (Connection c = DuckDb.connect(false); Statement s = c.createStatement()) {
            // a bounded share of the machine: the export runs beside whatever else the user runs
            s.execute("SET memory_limit = '1GB'");
            s.execute("SET threads = " + Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
            s.execute("SET preserve_insertion_order = true");
            s.execute("SET temp_directory = " + literal(scratch.toString()));
            for (Map.Entry<String, String> e : COLUMNS.entrySet()) {
                Path jsonl = dir.resolve(e.getKey() + ".jsonl"), parquet = dir.resolve(e.getKey() + ".parquet");
                Path part = dir.resolve("." + e.getKey() + ".parquet.part");
                try {
                    Files.deleteIfExists(part);
                    s.execute("COPY (SELECT * FROM read_json(" + literal(jsonl.toString()) + ", format = 'newline_delimited', columns = {"
                            + e.getValue() + "})) TO " + literal(part.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                    Files.move(part, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (SQLException | IOException x) {
                    throw new Failed("cannot write " + parquet + ": " + DuckDb.firstLine(x), x);
                } finally {
                    deleteQuietly(part);
                }
            }
        } catch (SQLException x) {
            throw new Failed("cannot write Parquet files in " + dir + ": " + DuckDb.firstLine(x), x);
        } finally {
            deleteTree(scratch);
        }
    }

    private static String literal(String s) { return "'" + s.replace("'", "''") + "'"; }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary name is harmless: the next export replaces it
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(ParquetExport::deleteQuietly);
        } catch (IOException ignored) {
            // as above
        }
    }
}
