package org.storytrace.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.model.Story;
import org.storytrace.engine.DeepTier;
import org.storytrace.engine.EngineSettings;
import org.storytrace.engine.Provenance;
import org.storytrace.engine.Results;
import org.storytrace.engine.output.OutputFolder;
import org.storytrace.engine.output.Outputs;

/**
 * {@code spark-submit --class org.storytrace.spark.SparkJob storytrace-spark.jar INPUT OUTPUT [MASTER] [--format=jsonl|parquet|warc|csv]}:
 * reads JSON Lines, Parquet, WARC/WET or CSV/TSV with a header row from INPUT (any Hadoop-compatible path or glob; the
 * format is told by the name, {@code .parquet}, {@code .warc[.gz]}/{@code .wet[.gz]} or {@code .csv}/{@code .tsv}, or by
 * {@code --format}), runs {@link SparkPipeline}, and
 * writes {@code OUTPUT/{articles,links,stories}} as Parquet and as JSON Lines ({@code *.jsonl} folders),
 * with the field names of the {@code stories.json} contract, and (on a local path) {@code OUTPUT/stories.json},
 * {@code report.html} and {@code rejected.jsonl} through the command line's own writers. MASTER (e.g. {@code local[2]}, the default
 * outside spark-submit) is only for runs outside spark-submit.
 */
public final class SparkJob {
    private SparkJob() {}

    public static void main(String[] argv) {
        List<String> args = new ArrayList<>();
        SparkPipeline.Format format = null;
        int summary = 0;
        for (String a : argv) {
            if (a.equals("--deep")) {
                summary = Math.max(summary, 5);
            } else if (a.startsWith("--summary-sentences=")) {
                try {
                    summary = Integer.parseInt(a.substring(20));
                } catch (NumberFormatException e) {
                    summary = 0;
                }
                if (summary < 1) {
                    System.err.println("SparkJob: --summary-sentences must be a whole number of at least 1, was " + a.substring(20));
                    System.exit(2);
                }
            } else if (a.startsWith("--format=")) {
                try {
                    format = SparkPipeline.Format.valueOf(a.substring(9).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    System.err.println("SparkJob: --format must be jsonl, parquet, warc or csv, was " + a.substring(9));
                    System.exit(2);
                }
            } else {
                args.add(a);
            }
        }
        if (args.size() < 2) {
            System.err.println("usage: SparkJob INPUT OUTPUT [MASTER] [--format=jsonl|parquet|warc|csv] [--deep [--summary-sentences=N]]");
            System.exit(2);
        }
        SparkSession.Builder b = SparkSession.builder().appName("storytrace").config("spark.ui.enabled", "false");
        if (args.size() > 2) b.master(args.get(2));
        else if (System.getProperty("spark.master") == null) b.master("local[2]"); // outside spark-submit: local mode
        SparkSession spark = b.getOrCreate();
        try {
            SparkPipeline.Run run = SparkPipeline.run(spark, args.get(0), format != null ? format : SparkPipeline.Format.of(args.get(0)),
                    summary);
            Analysis a = run.analysis();
            write(spark, run, args.get(1));
            System.out.printf("read %d articles, rejected %d, %d duplicates, %d stories, %d links%n", a.articles().size(), a.rejections()
                    .size(),
                    a.duplicates().size(), a.stories().size(), a.links().size());
        } finally {
            spark.stop();
        }
    }

    /** Writes the analysis as Parquet and JSON Lines under {@code out}. */
    public static void write(SparkSession spark, Analysis a, String out) { write(spark, new SparkPipeline.Run(a, null, null), out); }

    /** Writes a run under {@code out}; with the deep tier, stories.json and the report carry its layers as the command line's do. */
    public static void write(SparkSession spark, SparkPipeline.Run run, String out) {
        Analysis a = run.analysis();
        StructType art = new StructType(new StructField[] {
            f("id", DataTypes.StringType), f("path", DataTypes.StringType), f("title", DataTypes.StringType), f("published",
                    DataTypes.StringType),
            f("source", DataTypes.StringType), f("author", DataTypes.StringType), f("url", DataTypes.StringType), f("outlet",
                    DataTypes.StringType),
            f("language", DataTypes.StringType), f("format", DataTypes.StringType), f("body_start", DataTypes.IntegerType), f("body_end",
                    DataTypes.IntegerType)});
        List<Row> ar = new ArrayList<>();
        for (Article x : a.articles()) {
            ar.add(RowFactory.create(x.id(), x.path(), x.title(), x.published() == null ? null : x.published().toString(), x.source(),
                    x.author(),
                    x.url(), x.outlet(), x.language(), x.format(), x.bodyStart(), x.bodyEnd()));
        }
        StructType passage = new StructType(new StructField[] {f("a_start", DataTypes.IntegerType), f("a_end", DataTypes.IntegerType),
            f("b_start", DataTypes.IntegerType), f("b_end", DataTypes.IntegerType)});
        StructType lnk = new StructType(new StructField[] {f("a", DataTypes.StringType), f("b", DataTypes.StringType), f("similarity",
                DataTypes.DoubleType),
            f("reused_share_a", DataTypes.DoubleType), f("reused_share_b", DataTypes.DoubleType), f("direction", DataTypes.StringType),
            f("passages", DataTypes.createArrayType(passage))});
        List<Row> lr = new ArrayList<>();
        for (Link l : a.links()) {
            List<Row> ps = new ArrayList<>();
            for (Passage p : l.passages()) ps.add(RowFactory.create(p.aStart(), p.aEnd(), p.bStart(), p.bEnd()));
            lr.add(RowFactory.create(l.a(), l.b(), l.similarity(), l.reusedShareA(), l.reusedShareB(),
                    Link.Direction.labelOf(l.direction()), ps));
        }
        StructType sto = new StructType(new StructField[] {f("id", DataTypes.StringType), f("articles",
                DataTypes.createArrayType(DataTypes.StringType)),
            f("topic", DataTypes.StringType)});
        List<Row> sr = new ArrayList<>();
        for (Story s : a.stories()) sr.add(RowFactory.create(s.id(), s.articles(), s.topic()));
        save(spark.createDataFrame(ar, art), out + "/articles");
        save(spark.createDataFrame(lr, lnk), out + "/links");
        save(spark.createDataFrame(sr, sto), out + "/stories");
        // the contract's own files, through the same writers as the command line (on a local or mounted path)
        if (!out.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || out.startsWith("file:")) {
            Path dir = Path.of(out.startsWith("file:") ? URI.create(out).getPath() : out);
            try {
                Outputs.writeAll(SparkPipeline.results(run, provenance(run.deep())), OutputFolder.prepare(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write stories.json to " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** What made the job's results: the engine's default settings and the stages the job runs. */
    static Provenance provenance() { return provenance(false); }

    /** The same, with the deep tier's stages when it ran. */
    static Provenance provenance(boolean deep) {
        var settings = new LinkedHashMap<>(Provenance.describe(EngineSettings.defaults()));
        settings.remove("workDir");
        settings.remove("threads");
        settings.put("engine", "spark");
        List<String> stages = new ArrayList<>(List.of("ingest", "link (Linker.fingerprint, verify, pruneCommon)",
                "stories (StoryGrouper.terms, profile, score, storiesOfComponent, Topics.summarize, topics)"));
        if (deep) {
            for (var s : DeepTier.articleStages()) stages.add(s.describe());
            for (var s : DeepTier.storyStages(5)) stages.add(s.describe());
        }
        return new Provenance(Provenance.VERSION, settings, stages, List.of());
    }

    private static void save(Dataset<Row> d, String path) {
        d.write().mode(SaveMode.Overwrite).parquet(path);
        d.write().mode(SaveMode.Overwrite).json(path + ".jsonl");
    }

    private static StructField f(String name, DataType t) { return DataTypes.createStructField(name, t, true); }
}
