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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code storytrace analyze PATH... [--out DIR]}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Reads news pages (text, HTML, WARC/WET, RSS/Atom, JSON Lines; gzipped or not) and writes stories.json, report.html and rejected.jsonl to --out.")
final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    InputOptions io;

    @Option(names = "--explain", description = "Print the evidence behind every scored pair of articles (lexical, semantic, reuse, score) to standard error.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Analysis a = Runner.analyze(io.inputs, io.ingestSettings(), io.noEmbeddings ? null : Runner.defaultEmbedder(), new ProgressBar(err), explain ? err : null);
        writeAll(a, io.out, err);
        System.out.printf("read %d articles, rejected %d, %d duplicates, %d stories, %d links%n", a.articles().size(), a.rejections().size(),
                a.duplicates().size(), a.stories().size(), a.links().size());
        System.out.println("report: " + io.out.resolve("report.html").toAbsolutePath().normalize());
        System.out.println("data:   " + io.out.resolve("stories.json").toAbsolutePath().normalize());
        return a.rejections().isEmpty() ? 0 : Main.EXIT_REJECTED;
    }

    /** Writes stories.json, report.html and rejected.jsonl, and lists the rejections on {@code err}. */
    static void writeAll(Analysis a, Path out, PrintStream err) throws java.io.IOException {
        Files.createDirectories(out);
        StoriesJson.write(a, out.resolve("stories.json"));
        HtmlReport.write(a, out.resolve("report.html"));
        writeRejections(a.rejections(), out.resolve("rejected.jsonl"));
        for (Rejection r : a.rejections()) {
            err.println("rejected " + r.path() + (r.position() == null ? "" : " at " + r.position()) + ": " + r.reason());
        }
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
