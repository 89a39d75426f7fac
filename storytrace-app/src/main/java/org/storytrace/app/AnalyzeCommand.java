package org.storytrace.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storytrace.app.report.HtmlReport;
import org.storytrace.app.report.StoriesJson;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Rejection;
import org.storytrace.ingest.Ingestor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storytrace analyze PATH... [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Reads news pages (text, HTML, WARC/WET, RSS/Atom, JSON Lines; gzipped or not) and writes stories.json, report.html and rejected.jsonl to --out.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, globs, http(s) feed URLs, or - for standard input.")
    List<String> inputs;

    @Option(names = "--out", defaultValue = "storytrace-out", description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Reject files larger than this (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for a feed URL (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-embeddings", description = "Group stories on lexical evidence alone (faster; misses rewrites).")
    boolean noEmbeddings;

    @Option(names = "--explain", description = "Print the evidence behind every scored pair of articles (lexical, semantic, reuse, score) to standard error.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Files.createDirectories(out);
        Analysis a = Runner.analyze(inputs, new Ingestor.Settings(maxBytes, java.time.Duration.ofSeconds(Math.max(1, timeoutSeconds))), noEmbeddings ? null : Runner.defaultEmbedder(), new ProgressBar(err), explain ? err : null);
        StoriesJson.write(a, out.resolve("stories.json"));
        HtmlReport.write(a, out.resolve("report.html"));
        writeRejections(a.rejections(), out.resolve("rejected.jsonl"));
        for (Rejection r : a.rejections()) {
            err.println("rejected " + r.path() + (r.position() == null ? "" : " at " + r.position()) + ": " + r.reason());
        }
        System.out.printf("read %d articles, rejected %d, %d duplicates, %d stories, %d links%n", a.articles().size(), a.rejections().size(),
                a.duplicates().size(), a.stories().size(), a.links().size());
        System.out.println("report: " + out.resolve("report.html").toAbsolutePath().normalize());
        System.out.println("data:   " + out.resolve("stories.json").toAbsolutePath().normalize());
        return a.rejections().isEmpty() ? 0 : Main.EXIT_REJECTED;
    }

    static void writeRejections(List<Rejection> rs, Path file) throws java.io.IOException {
        ObjectMapper m = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Rejection r : rs) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("path", r.path());
                o.put("position", r.position());
                o.put("reason", r.reason());
                w.write(m.writeValueAsString(o));
                w.newLine();
            }
        }
    }
}
