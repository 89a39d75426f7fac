package org.storytrace.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.engine.output.RejectionsJsonl;
import org.storytrace.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storytrace export --store DIR --out DIR}: the store's analysis as the stories.json contract, JSON Lines and Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the analysis a store holds to --out: stories.json (the contract analyze writes, for every article "
                + "of the store), "
                + "articles.jsonl, stories.jsonl, links.jsonl and entities.jsonl (one element of stories.json a line) and rejected.jsonl, "
                + "and the same five as Parquet files (articles.parquet, ...; see docs/stories-json.md).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--no-parquet", description = "Leave out the Parquet files.")
    boolean noParquet;

    @Option(names = "--store", required = true, description = "The store: a folder or a jdbc:postgresql:// URL.")
    String store;

    @Option(names = "--out", defaultValue = "storytrace-out", description = "Folder for the files (default: ${DEFAULT-VALUE}).")
    Path out;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        OutputFolder folder = OutputFolder.prepare(out);
        // reading the analysis needs no codec: it is kept as JSON
        try (Store s = Store.openForReading(store, null, null)) {
            folder.write("stories.json", s::exportStoriesJson);
            for (String section : new String[] {"articles", "stories", "links", "entities"}) folder.write(section + ".jsonl", o -> lines(s,
                    section, o));
            folder.write("rejected.jsonl", o -> RejectionsJsonl.write(s.rejections(), o));
            if (!noParquet) {
                try {
                    ParquetExport.write(folder.dir());
                } catch (ParquetExport.Failed e) {
                    // the JSON files are written and stay: say what is missing, in one line, and fail
                    System.err.println("export: " + e.getMessage()
                            + " (the JSON and JSON Lines files are written; --no-parquet leaves Parquet out)");
                    return Main.EXIT_FAILURE;
                }
            }
            JsonNode head = JSON.readTree(s.meta("header").orElse("{}"));
            System.out.printf("exported %s: %d articles, %s stories (contract %s)%n", store, s.articleCount(), s.meta("fields").isPresent()
                    ? count(s, "stories") : "0",
                    head.path("storytrace").asText("?"));
            System.out.println("data: " + folder.dir().resolve("stories.json").toAbsolutePath().normalize());
        }
        return 0;
    }

    private static long count(Store s, String section) {
        long[] n = {0};
        s.forEachElement(section, j -> n[0]++);
        return n[0];
    }

    private static void lines(Store s, String section, OutputStream o) throws IOException {
        try {
            s.forEachElement(section, json -> {
                try {
                    o.write(json.getBytes(StandardCharsets.UTF_8));
                    o.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
