package org.storytrace.spark;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongToIntFunction;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.doc.StageFailure;
import org.storytrace.core.doc.StagePlan;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityResolver;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.index.AnchorIndex;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.Fingerprint;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.core.pipeline.Topics;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.Quotes;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.core.time.Timexes;
import org.storytrace.engine.DeepTier;
import org.storytrace.engine.Provenance;
import org.storytrace.engine.Results;
import org.storytrace.ingest.Ingestor;
import org.storytrace.ingest.PageProcessor;
import org.storytrace.ingest.read.Input;
import org.storytrace.ingest.read.JsonLinesReader;
import org.storytrace.ingest.read.Page;
import org.storytrace.ingest.read.Parsed;
import org.storytrace.ingest.read.Sink;
import org.storytrace.ingest.read.WarcPages;
import scala.Tuple2;

/**
 * The fast path on Apache Spark, calling the same stages as the embedded path, every one of them on the
 * executors:
 * <ul>
 *   <li>ingest: JSON Lines by ingest's own parser, Parquet rows with the same field names, WARC/WET files
 *       by ingest's own WARC reader; pages cleaned by {@link PageProcessor}; exact duplicates dropped as
 *       the ingestor does (first canonical URL and first body win);</li>
 *   <li>links: fingerprints by {@link Linker#fingerprint}, candidate pairs by grouping LSH band keys and
 *       anchors, each verified by {@link Linker#verify} where it lies and pruned of common talk with
 *       anchor frequencies counted across the cluster;</li>
 *   <li>stories: term counts per article ({@link StoryGrouper#terms}), document frequencies counted across
 *       the cluster, profiles and candidate pairs by shared keywords, pair scores, connected components
 *       of the scored pairs by label propagation, and average linkage per component
 *       ({@link StoryGrouper#storiesOfComponent}) on the executors; then each story's summary
 *       ({@link Topics#summarize}) where its articles lie, and the topic pass over the summaries on the driver
 *       ({@link StoryGrouper#topics(int[], List, Topics.CrossSums)}).</li>
 * </ul>
 * The driver holds only what the output needs: the links (sparse), one pair of labels per article, and
 * the articles themselves for {@link Analysis} (the job writes from it).
 */
public final class SparkPipeline implements Serializable {
    private SparkPipeline() {}

    /** Input formats the job reads. */
    public enum Format {
        JSONL, PARQUET, WARC, CSV;

        /**
         * By the path's name: {@code .parquet} (file or folder), {@code .warc}/{@code .wet} (optionally gzipped),
         * {@code .csv}/{@code .tsv} (optionally gzipped), else JSON Lines.
         */
        public static Format of(String path) {
            String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (p.endsWith(".parquet")) return PARQUET;
            if (p.matches(".*\\.(csv|tsv)(\\.gz)?")) return CSV;
            if (p.matches(".*\\.(warc|wet|arc)(\\.gz)?$") || p.matches(".*\\.(warc|wet)(\\.gz)?/?\\*?$")) return WARC;
            return JSONL;
        }
    }

    /** Reads {@code input} (any Hadoop-compatible path or glob) in the format its name shows, and analyses it. */
    public static Analysis run(SparkSession spark, String input) { return run(spark, input, Format.of(input)); }

    /** Reads {@code input} in {@code format} and analyses it (the fast tier). */
    public static Analysis run(SparkSession spark, String input, Format format) { return run(spark, input, format, 0).analysis(); }

    /**
     * What a run gives: the analysis, and with the deep tier each article's layers (in article order) and each
     * story's layers (by story id), made on the executors.
     */
    public record Run(Analysis analysis, List<ArticleLayers> layers, Map<String, StoryLayers> storyLayers) {
        public boolean deep() { return layers != null; }
    }

    /** The deep tier's layers of one article, as the executors ship them: the layers the engine stores. */
    public record ArticleLayers(Sentences sentences, Mentions mentions, Quotes quotes, Timexes timexes) implements Serializable {
        Document on(Article a) {
            return Document.of(a).with(Layers.SENTENCES, sentences).with(Mentions.LAYER, mentions).with(Quotes.LAYER, quotes)
                    .with(Timexes.LAYER, timexes);
        }
    }

    /** The deep tier's layers of one story. */
    public record StoryLayers(EntityStage.StoryEntities entities, QuoteGroupStage.StoryQuotes quotes, TimelineStage.StoryTime time,
                              FactStage.StoryFacts facts, SummaryStage.Summary summary) implements Serializable {
        Map<Layer<?>, Object> asMap() {
            Map<Layer<?>, Object> m = new LinkedHashMap<>();
            if (entities != null) m.put(EntityStage.LAYER, entities);
            if (quotes != null) m.put(QuoteGroupStage.LAYER, quotes);
            if (time != null) m.put(TimelineStage.LAYER, time);
            if (facts != null) m.put(FactStage.LAYER, facts);
            if (summary != null) m.put(SummaryStage.LAYER, summary);
            return m;
        }
    }

    /** The results the writers take (the same as the engine's), from a run and what made it. */
    public static Results results(Run run, Provenance provenance) {
        Analysis a = run.analysis();
        if (!run.deep()) return Results.of(a, provenance);
        List<Document> docs = new ArrayList<>(a.articles().size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < a.articles().size(); i++) {
            docs.add(run.layers().get(i).on(a.articles().get(i)));
            index.put(a.articles().get(i).id(), i);
        }
        Map<String, Map<Layer<?>, Object>> storyLayers = new LinkedHashMap<>();
        List<List<Entity>> byStory = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (Story st : a.stories()) {
            topics.add(st.topic());
            StoryLayers l = run.storyLayers().get(st.id());
            storyLayers.put(st.id(), l == null ? Map.of() : l.asMap());
            byStory.add(l == null || l.entities() == null ? List.of() : l.entities().entities());
        }
        EntityResolver.Collection collection = new EntityStage().resolver().collection(byStory, topics);
        return new Results(docs.size(), docs::get, id -> index.getOrDefault(id, -1), a.stories(), a.links(), a.rejections(), a.duplicates(),
                provenance,
                List.of(), DeepTier.acrossTopics(a.stories(), storyLayers, collection), collection);
    }

    /** The deep tier's article stages, made once per executor JVM (the name model loads on first use). */
    private static final class Deep {
        static final StagePlan PLAN;
        static {
            List<ArticleStage> stages = new ArrayList<>();
            stages.add(new SentenceSplitter());
            stages.addAll(DeepTier.articleStages());
            PLAN = StagePlan.of(Set.of(Layers.TOKENS), stages, List.of());
        }
    }

    static ArticleLayers articleLayers(Article a) {
        Document d = Deep.PLAN.apply(Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)), null, SparkPipeline::failed);
        return new ArticleLayers(d.expect(Layers.SENTENCES), d.find(Mentions.LAYER).orElse(Mentions.NONE), d.find(Quotes.LAYER)
                .orElse(Quotes.NONE),
                d.find(Timexes.LAYER).orElse(Timexes.NONE));
    }

    /** One story's stages, on the documents of the story in article order, as the engine runs them. */
    static StoryLayers storyLayers(String storyId, Iterable<Tuple2<Integer, Tuple2<Article, ArticleLayers>>> members, List<Link> links,
            int summarySentences) {
        List<Tuple2<Integer, Tuple2<Article, ArticleLayers>>> l = new ArrayList<>();
        members.forEach(l::add);
        l.sort(Comparator.comparingInt(Tuple2::_1));
        List<Document> docs = new ArrayList<>(l.size());
        for (Tuple2<Integer, Tuple2<Article, ArticleLayers>> t : l) docs.add(t._2()._2().on(t._2()._1()));
        StoryView view = new StoryView(storyId, docs, links, Map.of());
        view = StagePlan.runStory(DeepTier.storyStages(summarySentences), view, null, SparkPipeline::failed);
        return new StoryLayers(view.find(EntityStage.LAYER).orElse(null), view.find(QuoteGroupStage.LAYER).orElse(null),
                view.find(TimelineStage.LAYER).orElse(null), view.find(FactStage.LAYER).orElse(null), view.find(SummaryStage.LAYER)
                        .orElse(null));
    }

    /** A stage failed on one article or story where it lies: said in the executor's log, as the engine says it on its error stream. */
    private static void failed(StageFailure f) { System.err.println("storytrace: " + f.message()); }

    /**
     * Reads {@code input} in {@code format} and analyses it; with {@code summarySentences} above 0, the deep
     * tier too: the article stages where each article lies, the story stages where each story's articles are
     * grouped, each by the same functions as the engine ({@link DeepTier}).
     */
    public static Run run(SparkSession spark, String input, Format format, int summarySentences) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // ingest: each record keyed by its place in the input, so every later step can restore input order
        JavaPairRDD<Long, Object> parsed = (switch (format) {
            case JSONL -> jsonLines(spark, input);
            case PARQUET -> parquet(spark, input);
            case CSV -> csv(spark, input);
            case WARC -> warc(jsc, input);
        }).cache();
        List<Rejection> rejections = parsed.filter(t -> t._2() instanceof Rejection).sortByKey().values().map(r -> (Rejection) r).collect();
        JavaPairRDD<Long, Article> all = parsed.filter(t -> t._2() instanceof Article).mapValues(a -> (Article) a).cache();
        // exact duplicates: the first article with a canonical URL or a body keeps it
        JavaPairRDD<String, Long> firstByUrl = all.filter(t -> t._2().url() != null).mapToPair(t -> new Tuple2<>(t._2().url(), t._1()))
                .reduceByKey(Math::min);
        JavaPairRDD<Long, Long> firstByBody = all.mapToPair(t -> new Tuple2<>(Ingestor.bodyKey(t._2()), t._1())).reduceByKey(Math::min);
        Broadcast<Set<Long>> bu = jsc.broadcast(new HashSet<>(firstByUrl.values().collect()));
        Broadcast<Set<Long>> bb = jsc.broadcast(new HashSet<>(firstByBody.values().collect()));
        JavaPairRDD<Long, Article> kept = all.filter(t -> (t._2().url() == null || bu.value().contains(t._1())) && bb.value()
                .contains(t._1()));
        List<Duplicate> duplicates = duplicates(jsc, all, bu, bb, firstByUrl, firstByBody);
        // articles numbered in input order
        JavaPairRDD<Integer, Article> numbered = kept.sortByKey().values().zipWithIndex().mapToPair(t -> new Tuple2<>((int) (long) t._2(),
                t._1())).cache();
        List<Tuple2<Integer, String>> idList = numbered.mapValues(Article::id).sortByKey().collect();
        int n = idList.size();
        List<String> ids = new ArrayList<>(n);
        for (Tuple2<Integer, String> t : idList) ids.add(t._2());
        List<Link> links = Link.inOutputOrder(links(jsc, numbered, n));
        int[][] reps = stories(jsc, numbered, n, ids, links);
        List<Story> stories = Story.fromLabels(ids, reps[0], reps[1]);
        List<Article> articles = numbered.sortByKey().values().collect();
        List<ArticleLayers> layers = null;
        Map<String, StoryLayers> storyLayers = null;
        if (summarySentences > 0) {
            JavaPairRDD<Integer, ArticleLayers> layered = numbered.mapValues(SparkPipeline::articleLayers).cache();
            Map<String, Integer> indexOf = new HashMap<>();
            for (int i = 0; i < n; i++) indexOf.put(ids.get(i), i);
            int[] storyOf = new int[n];
            List<String> storyIds = new ArrayList<>();
            for (Story st : stories) {
                for (String id : st.articles()) storyOf[indexOf.get(id)] = storyIds.size();
                storyIds.add(st.id());
            }
            HashMap<Integer, ArrayList<Link>> linksOf = new HashMap<>();
            for (Link l : links) {
                int sa = storyOf[indexOf.get(l.a())], sb = storyOf[indexOf.get(l.b())];
                if (sa == sb) linksOf.computeIfAbsent(sa, k -> new ArrayList<>()).add(l);
            }
            Broadcast<int[]> bs = jsc.broadcast(storyOf);
            Broadcast<List<String>> bids = jsc.broadcast(storyIds);
            Broadcast<HashMap<Integer, ArrayList<Link>>> bl = jsc.broadcast(linksOf);
            int length = summarySentences;
            Map<Integer, StoryLayers> made = numbered.join(layered)
                    .mapToPair(t -> new Tuple2<>(bs.value()[t._1()], new Tuple2<>(t._1(), t._2())))
                    .groupByKey()
                    .mapToPair(g -> new Tuple2<>(g._1(), storyLayers(bids.value().get(g._1()), g._2(), bl.value().getOrDefault(g._1(),
                            new ArrayList<>()), length)))
                    .collectAsMap();
            layers = layered.sortByKey().values().collect();
            storyLayers = new HashMap<>();
            for (Map.Entry<Integer, StoryLayers> e : made.entrySet()) storyLayers.put(storyIds.get(e.getKey()), e.getValue());
            layered.unpersist();
        }
        parsed.unpersist();
        all.unpersist();
        numbered.unpersist();
        return new Run(new Analysis(articles, stories, links, rejections, duplicates), layers, storyLayers);
    }

    // ---------------------------------------------------------------- ingest

    private static JavaPairRDD<Long, Object> jsonLines(SparkSession spark, String input) {
        String stem = stemOf(input);
        return spark.read().textFile(input).javaRDD().zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .mapToPair(t -> {
                    long line = t._2() + 1;
                    return new Tuple2<>(line, process(JsonLinesReader.parse(t._1().strip(), input, stem, line)));
                });
    }

    /**
     * Parquet rows, each as the JSON object Spark makes of it, read by the JSON reader's field reader: the way ingest's
     * Parquet reader reads a row (DuckDB's {@code to_json}), so a {@code source} struct with a {@code name} or a list of
     * {@code authors} gives the same outlet and author in both, which a row's columns as strings would not.
     */
    private static JavaPairRDD<Long, Object> parquet(SparkSession spark, String input) {
        String stem = stemOf(input);
        return spark.read().parquet(input).toJSON().javaRDD().zipWithIndex().mapToPair(t -> {
            long no = t._2() + 1;
            Parsed page = JsonLinesReader.parseObject(t._1().getBytes(StandardCharsets.UTF_8), input, "row " + no, stem + "-" + no,
                    "parquet");
            return new Tuple2<>(no, process(page));
        });
    }

    /**
     * CSV or TSV with a header row, as ingest's CSV reader takes it (a row an article, columns named as the JSON Lines
     * fields in any case or by their other names): Spark's own CSV source, fields in quotes spanning lines allowed.
     */
    private static JavaPairRDD<Long, Object> csv(SparkSession spark, String input) {
        boolean tabs = input.toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?");
        return rows(spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
                .option("sep", tabs ? "\t" : ",").csv(input), input, "csv");
    }

    /** A table's rows, each an article read as ingest reads a CSV row ({@link JsonLinesReader#fromColumns}). */
    private static JavaPairRDD<Long, Object> rows(Dataset<Row> table, String input, String container) {
        String stem = stemOf(input);
        List<String> columns = List.of(table.columns());
        String[] fields = JsonLinesReader.fieldsOf(columns);
        return table.javaRDD().zipWithIndex().mapToPair(t -> {
            Row row = t._1();
            long no = t._2() + 1;
            Parsed page = JsonLinesReader.fromColumns(columns, fields, i -> row.isNullAt(i) ? null : row.get(i).toString(), input,
                    "row " + no, stem + "-" + no, container);
            return new Tuple2<>(no, process(page));
        });
    }

    /** WARC/WET files: each file read whole by ingest's WARC reader where it lies; records keyed by (file, record). */
    private static JavaPairRDD<Long, Object> warc(JavaSparkContext jsc, String input) {
        JavaPairRDD<String, PortableDataStream> files = jsc.binaryFiles(input);
        List<String> paths = new ArrayList<>(files.keys().collect());
        paths.sort(null);
        Map<String, Integer> fileNo = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) fileNo.put(paths.get(i), i);
        Broadcast<Map<String, Integer>> numbers = jsc.broadcast(fileNo);
        return files.flatMapToPair(f -> {
            long file = numbers.value().get(f._1());
            List<Parsed> found = new ArrayList<>();
            Sink sink = new Sink() {
                @Override public void page(Page page) { found.add(page); }
                @Override public void rejected(Rejection r) { found.add(new Parsed.Rejected(r)); }
            };
            String name = f._1();
            try (InputStream in = new BufferedInputStream(open(f._2(), name), 1 << 16)) {
                new WarcPages(Ingestor.Settings.defaults().maxBytes()).read(Input.file(Path.of(name)), in, sink);
            }
            List<Tuple2<Long, Object>> out = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) out.add(new Tuple2<>((file << 32) | i, process(found.get(i))));
            return out.iterator();
        });
    }

    private static InputStream open(PortableDataStream s, String name) throws IOException {
        InputStream raw = s.open();
        return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** Stateless and thread-safe: one per executor JVM, not one per record. */
    private static final PageProcessor PAGES = new PageProcessor();

    /** A parsed record to an {@link Article}, or the {@link Rejection} that says why not. */
    private static Object process(Parsed parsed) {
        if (parsed instanceof Parsed.Rejected r) return r.rejection();
        Page p = (Page) parsed;
        try {
            Article a = PAGES.process(p, p.name());
            return a.bodyEnd() == a.bodyStart() ? new Rejection(p.origin(), p.position(), "no article text found (only page furniture)")
                    : a;
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejection(p.origin(), p.position(), "could not be processed: " + e);
        }
    }

    /** The articles that lost to an earlier one with the same canonical URL or body, with the id they lost to. */
    private static List<Duplicate> duplicates(JavaSparkContext jsc, JavaPairRDD<Long, Article> all, Broadcast<Set<Long>> bu,
            Broadcast<Set<Long>> bb,
                                              JavaPairRDD<String, Long> firstByUrl, JavaPairRDD<Long, Long> firstByBody) {
        List<Tuple2<Long, Article>> lost = all.filter(t -> !((t._2().url() == null || bu.value().contains(t._1())) && bb.value()
                .contains(t._1())))
                .sortByKey().collect();
        if (lost.isEmpty()) return List.of();
        Map<String, Long> urlFirst = new HashMap<>();
        Map<Long, Long> bodyFirst = new HashMap<>();
        Set<String> urls = new HashSet<>();
        Set<Long> bodies = new HashSet<>();
        for (Tuple2<Long, Article> t : lost) { if (t._2().url() != null) urls.add(t._2().url()); bodies.add(Ingestor.bodyKey(t._2())); }
        Broadcast<Set<String>> wantUrls = jsc.broadcast(urls);
        Broadcast<Set<Long>> wantBodies = jsc.broadcast(bodies);
        urlFirst.putAll(firstByUrl.filter(t -> wantUrls.value().contains(t._1())).collectAsMap());
        bodyFirst.putAll(firstByBody.filter(t -> wantBodies.value().contains(t._1())).collectAsMap());
        Set<Long> lines = new HashSet<>(urlFirst.values());
        lines.addAll(bodyFirst.values());
        Broadcast<Set<Long>> wantLines = jsc.broadcast(lines);
        Map<Long, String> idOfLine = new HashMap<>(all.filter(t -> wantLines.value().contains(t._1())).mapValues(Article::id)
                .collectAsMap());
        List<Duplicate> out = new ArrayList<>();
        for (Tuple2<Long, Article> t : lost) {
            Article a = t._2();
            boolean firstUrl = a.url() == null || bu.value().contains(t._1());
            String of = !firstUrl ? idOfLine.get(urlFirst.get(a.url())) : idOfLine.get(bodyFirst.get(Ingestor.bodyKey(a)));
            out.add(new Duplicate(a.path(), of, !firstUrl ? "same canonical URL" : "same body"));
        }
        return out;
    }

    // ---------------------------------------------------------------- links

    private static List<Link> links(JavaSparkContext jsc, JavaPairRDD<Integer, Article> numbered, int n) {
        JavaPairRDD<Integer, Fingerprint> fps = numbered.mapPartitionsToPair(it -> {
            Linker l = new Linker();
            List<Tuple2<Integer, Fingerprint>> out = new ArrayList<>();
            while (it.hasNext()) { Tuple2<Integer, Article> t = it.next(); out.add(new Tuple2<>(t._1(), l.fingerprint(t._2()))); }
            return out.iterator();
        }).cache();
        Linker.Settings settings = Linker.Settings.defaults();
        int anchorMaxDf = settings.anchorMaxDocFreq(), anchorMinShared = settings.anchorMinShared(); // plain values travel to the executors
        // candidates: shared LSH band keys, or enough shared anchors that are not too common
        JavaPairRDD<Long, Long> bandPairs = fps.mapPartitionsToPair(it -> {
            Linker l = new Linker(); // one per partition: a linker builds its (empty) indexes when made
            List<Tuple2<Long, Integer>> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Integer, Fingerprint> t = it.next();
                long[] keys = l.bandKeys(t._2().signature());
                for (int b = 0; b < keys.length; b++) out.add(new Tuple2<>(keys[b] * 31 + b, t._1()));
            }
            return out.iterator();
        }).groupByKey().flatMapToPair(g -> pairs(g._2(), Integer.MAX_VALUE)).distinct();
        JavaPairRDD<Long, Integer> anchorDocs = fps.flatMapToPair(t -> {
            List<Tuple2<Long, Integer>> out = new ArrayList<>();
            for (long a : t._2().anchors()) out.add(new Tuple2<>(a, t._1()));
            return out.iterator();
        }).cache();
        JavaPairRDD<Long, Long> anchorPairs = anchorDocs.groupByKey()
                .flatMapToPair(g -> pairs(g._2(), anchorMaxDf))
                .mapToPair(p -> new Tuple2<>(p._1(), 1)).reduceByKey(Integer::sum)
                .filter(p -> p._2() >= anchorMinShared).mapToPair(p -> new Tuple2<>(p._1(), 0L));
        // an anchor too many hold pairs each holder with its earliest holders, kept for a long passage (AnchorIndex.collect)
        JavaPairRDD<Long, Long> earlyPairs = anchorDocs.groupByKey()
                .flatMapToPair(g -> earliestPairs(g._2(), anchorMaxDf))
                .mapToPair(p -> new Tuple2<>(p._1(), 1)).reduceByKey(Integer::sum)
                .filter(p -> p._2() >= AnchorIndex.EARLY_MIN_SHARED).mapToPair(p -> new Tuple2<>(p._1(), 0L));
        // each later article's candidates, grouped once and read twice (articles with few candidates, articles with many)
        JavaPairRDD<Integer, Iterable<Integer>> byLater = bandPairs.keys().union(anchorPairs.keys()).union(earlyPairs.keys()).distinct()
                .mapToPair(k -> new Tuple2<>((int) (long) k, (int) (k >>> 32))).groupByKey().cache();
        JavaRDD<Long> candidates = toVerify(byLater, fps, settings.maxCandidates());
        // anchor frequencies for the common-talk rule: only the common ones travel
        int commonDf = new Linker().commonDocFreq(n);
        Set<Long> common = new HashSet<>(anchorDocs.mapToPair(t -> new Tuple2<>(t._1(), 1)).reduceByKey(Integer::sum)
                .filter(t -> t._2() > commonDf).keys().collect());
        Broadcast<Set<Long>> commonAnchors = jsc.broadcast(common);
        // verification where the pairs lie: join each side's article and fingerprint
        JavaPairRDD<Integer, Tuple2<Article, Fingerprint>> both = numbered.join(fps);
        JavaPairRDD<Integer, Integer> pairRdd = candidates.mapToPair(k -> new Tuple2<>((int) (k >>> 32), (int) (long) k));
        List<Link> links = pairRdd.join(both)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                .join(both)
                .mapPartitions(it -> {
                    Linker l = new Linker(); // one per partition, not one per pair
                    Set<Long> c = commonAnchors.value();
                    List<Link> out = new ArrayList<>();
                    while (it.hasNext()) {
                        var t = it.next();
                        Tuple2<Article, Fingerprint> x = t._2()._1(), y = t._2()._2();
                        Link link = l.verify(x._1(), x._2(), y._1(), y._2());
                        if (link == null) continue;
                        Fingerprint fa = link.a().equals(x._1().id()) ? x._2() : y._2(), fb = link.a().equals(x._1().id()) ? y._2()
                                : x._2();
                        Link kept = l.pruneCommon(link, fa, fb, h -> c.contains(h) ? Integer.MAX_VALUE : 0, n);
                        if (kept != null) out.add(kept);
                    }
                    return out.iterator();
                })
                .collect();
        fps.unpersist();
        anchorDocs.unpersist();
        byLater.unpersist();
        return links;
    }

    /**
     * The candidate pairs ({@code earlier << 32 | later}) to verify, from each later article's candidates ({@code byLater}), by the
     * embedded linker's rule ({@link Linker#toVerify}: a large group of copies through its earliest and closest members, at most
     * {@code maxCandidates} the most similar): an article with few candidates keeps them all; the others are grouped with
     * their candidates' signatures, and the rule runs where each group lies.
     */
    private static JavaRDD<Long> toVerify(JavaPairRDD<Integer, Iterable<Integer>> byLater, JavaPairRDD<Integer, Fingerprint> fps,
                                          int maxCandidates) {
        JavaRDD<Long> few = byLater.filter(g -> !Linker.thins(size(g._2()), maxCandidates)).flatMap(g -> {
            List<Long> out = new ArrayList<>();
            for (int a : g._2()) out.add(((long) a << 32) | g._1());
            return out.iterator();
        });
        JavaPairRDD<Integer, int[]> signatures = fps.mapValues(Fingerprint::signature);
        JavaRDD<Long> many = byLater.filter(g -> Linker.thins(size(g._2()), maxCandidates))
                .flatMapToPair(g -> {
                    List<Tuple2<Integer, Integer>> out = new ArrayList<>();
                    for (int a : g._2()) out.add(new Tuple2<>(a, g._1()));
                    return out.iterator();
                })
                .join(signatures)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
                .groupByKey()
                .join(signatures)
                .flatMap(t -> {
                    List<Tuple2<Integer, int[]>> c = new ArrayList<>();
                    t._2()._1().forEach(c::add);
                    c.sort((x, y) -> Integer.compare(x._1(), y._1()));
                    int[] docs = new int[c.size()];
                    int[][] sigs = new int[c.size()][];
                    for (int i = 0; i < docs.length; i++) { docs[i] = c.get(i)._1(); sigs[i] = c.get(i)._2(); }
                    List<Long> out = new ArrayList<>();
                    for (int a : Linker.toVerify(docs, sigs, t._2()._2(), maxCandidates)) out.add(((long) a << 32) | t._1());
                    return out.iterator();
                });
        return few.union(many);
    }

    private static int size(Iterable<Integer> it) {
        int n = 0;
        for (Integer ignored : it) n++;
        return n;
    }

    // ---------------------------------------------------------------- stories

    /** Document frequencies of one kind of term, sorted for look-up by binary search; travels as a broadcast. */
    record Frequencies(long[] keys, int[] counts) implements Serializable {
        int of(long key) {
            int i = Arrays.binarySearch(keys, key);
            return i < 0 ? 0 : counts[i];
        }

        static Frequencies from(Map<Long, Integer> m) {
            long[] k = new long[m.size()];
            int i = 0;
            for (long key : m.keySet()) k[i++] = key;
            Arrays.sort(k);
            int[] c = new int[k.length];
            for (i = 0; i < k.length; i++) c[i] = m.get(k[i]);
            return new Frequencies(k, c);
        }
    }

    /**
     * Story and topic representatives (smallest member) per article, computed on the executors: the same
     * decisions as {@link StoryGrouper#group} without embeddings.
     */
    private static int[][] stories(JavaSparkContext jsc, JavaPairRDD<Integer, Article> numbered, int n, List<String> ids,
            List<Link> links) {
        StoryGrouper grouper = new StoryGrouper();
        JavaPairRDD<Integer, Tuple2<StoryGrouper.Terms, LocalDate>> terms = numbered.mapValues(a -> new Tuple2<>(StoryGrouper.terms(
                StoryGrouper.Item.of(a)), a.published())).cache();
        // document frequencies of the three kinds of term (0 words, 1 names, 2 headline words)
        Map<Tuple2<Integer, Long>, Integer> dfAll = terms.flatMapToPair(t -> {
            StoryGrouper.Terms x = t._2()._1();
            List<Tuple2<Tuple2<Integer, Long>, Integer>> out = new ArrayList<>();
            for (long k : x.words()) out.add(new Tuple2<>(new Tuple2<>(0, k), 1));
            for (long k : x.names()) out.add(new Tuple2<>(new Tuple2<>(1, k), 1));
            for (long k : x.heads()) out.add(new Tuple2<>(new Tuple2<>(2, k), 1));
            return out.iterator();
        }).reduceByKey(Integer::sum).collectAsMap();
        List<Map<Long, Integer>> byKind = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        dfAll.forEach((k, v) -> byKind.get(k._1()).put(k._2(), v));
        Broadcast<Frequencies> words = jsc.broadcast(Frequencies.from(byKind.get(0)));
        Broadcast<Frequencies> names = jsc.broadcast(Frequencies.from(byKind.get(1)));
        Broadcast<Frequencies> heads = jsc.broadcast(Frequencies.from(byKind.get(2)));
        JavaPairRDD<Integer, StoryGrouper.Profile> profiles = terms.mapValues(t -> {
            LongToIntFunction w = words.value()::of, nm = names.value()::of, hd = heads.value()::of;
            return grouper.profile(t._1(), t._2(), w, nm, hd, n);
        }).cache();
        // candidate pairs: every pair in a small collection, else pairs sharing enough keywords; and linked pairs
        int minShared = grouper.candidateMinShared(), rareDocs = grouper.settings().candidateRareDocs();
        JavaRDD<Long> keywordPairs;
        if (StoryGrouper.scoresEveryPair(n)) {
            List<Long> all = new ArrayList<>();
            for (int a = 0; a < n; a++) for (int b = a + 1; b < n; b++) all.add(((long) a << 32) | b);
            keywordPairs = jsc.parallelize(all);
        } else {
            keywordPairs = profiles.flatMapToPair(t -> {
                List<Tuple2<Long, Integer>> out = new ArrayList<>();
                for (long k : t._2().candidateTerms()) out.add(new Tuple2<>(k, t._1()));
                return out.iterator();
            }).groupByKey().flatMapToPair(g -> pairs(g._2(), Integer.MAX_VALUE, minShared, rareDocs))
                    .mapToPair(p -> new Tuple2<>(p._1(), (int) (long) p._2())).reduceByKey(Integer::sum)
                    .filter(p -> p._2() >= minShared).keys();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) index.put(ids.get(i), i);
        List<Tuple2<Long, Double>> reuse = new ArrayList<>();
        // the embedded path's rule: a notice many carry is no story evidence
        double[] storyShare = StoryGrouper.storyShares(links, id -> index.getOrDefault(id, -1));
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            Integer a = index.get(l.a()), b = index.get(l.b());
            if (a == null || b == null) continue;
            reuse.add(new Tuple2<>(((long) Math.min(a, b) << 32) | Math.max(a, b), storyShare[i]));
        }
        JavaPairRDD<Long, Double> reuseByPair = jsc.parallelizePairs(reuse).reduceByKey(Math::max);
        JavaPairRDD<Long, Double> candidates = keywordPairs.mapToPair(k -> new Tuple2<>(k, 0.0)).union(reuseByPair).reduceByKey(Math::max);
        // scores where the pairs lie
        JavaPairRDD<Integer, Tuple2<Integer, Double>> byFirst = candidates.mapToPair(t -> new Tuple2<>((int) (t._1() >>> 32),
                new Tuple2<>((int) (long) t._1(), t._2())));
        JavaRDD<Tuple2<Long, Double>> edges = byFirst.join(profiles)
                .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(new Tuple2<>(t._1(), t._2()._1()._2()), t._2()._2())))
                .join(profiles)
                .map(t -> {
                    int a = t._2()._1()._1()._1(), b = t._1();
                    double s = grouper.score(t._2()._1()._2(), t._2()._2(), t._2()._1()._1()._2());
                    return new Tuple2<>(((long) a << 32) | b, s);
                })
                .filter(t -> t._2() > 0).cache();
        int[] storyRep = new int[n];
        for (int i = 0; i < n; i++) storyRep[i] = i;
        for (Tuple2<Integer, Integer> r : clusterByComponent(edges, grouper).collect()) storyRep[r._1()] = r._2();
        int[] story = StoryGrouper.labels(storyRep);
        // topics: each story's summary made where its articles lie (members in ascending order, as the embedded
        // path sums them), then the topic pass on the driver over the summaries and the scored pairs in pair order
        Broadcast<int[]> storyOf = jsc.broadcast(story);
        Map<Integer, Topics.Summary> byStory = profiles.mapToPair(t -> new Tuple2<>(storyOf.value()[t._1()], t))
                .groupByKey()
                .mapValues(members -> {
                    List<Tuple2<Integer, StoryGrouper.Profile>> m = new ArrayList<>();
                    members.forEach(m::add);
                    m.sort((x, y) -> Integer.compare(x._1(), y._1()));
                    return Topics.summarize(m.size(), i -> m.get(i)._2());
                }).collectAsMap();
        List<Topics.Summary> summaries = new ArrayList<>(byStory.size());
        for (int s = 0; s < byStory.size(); s++) summaries.add(byStory.get(s));
        // the scores between stories, summed per story pair in the order of the article pairs (as the embedded path sums them)
        List<Tuple2<Long, Double>> cross = edges.filter(e -> storyOf.value()[(int) (e._1() >>> 32)] != storyOf.value()[(int) (long) e._1()])
                .mapToPair(e -> {
                    int a = storyOf.value()[(int) (e._1() >>> 32)], b = storyOf.value()[(int) (long) e._1()];
                    return new Tuple2<>(((long) Math.min(a, b) << 32) | Math.max(a, b), e);
                })
                .groupByKey()
                .mapValues(pairs -> {
                    List<Tuple2<Long, Double>> p = new ArrayList<>();
                    pairs.forEach(p::add);
                    p.sort((x, y) -> Long.compare(x._1(), y._1()));
                    double sum = 0;
                    for (Tuple2<Long, Double> x : p) sum += x._2();
                    return sum;
                }).collect();
        List<Tuple2<Long, Double>> sorted = new ArrayList<>(cross);
        sorted.sort((x, y) -> Long.compare(x._1(), y._1()));
        long[] keys = new long[sorted.size()];
        double[] sums = new double[sorted.size()];
        for (int i = 0; i < keys.length; i++) { keys[i] = sorted.get(i)._1(); sums[i] = sorted.get(i)._2(); }
        int[][] reps = {story, grouper.topics(story, summaries, new Topics.CrossSums(keys, sums))};
        storyOf.destroy();
        terms.unpersist();
        profiles.unpersist();
        edges.unpersist();
        return reps;
    }

    /**
     * Connected components of the scored pairs by label propagation (each node takes the smallest label
     * among itself and its neighbours until nothing changes), then each component's stories by average
     * linkage where the component lies. Returns (node, story representative) for every node with a pair.
     */
    static JavaPairRDD<Integer, Integer> clusterByComponent(JavaRDD<Tuple2<Long, Double>> edges, StoryGrouper grouper) {
        HashPartitioner parts = new HashPartitioner(Math.max(2, edges.context().defaultParallelism()));
        JavaPairRDD<Integer, Integer> neighbours = edges.flatMapToPair(e -> {
            int a = (int) (e._1() >>> 32), b = (int) (long) e._1();
            return List.of(new Tuple2<>(a, b), new Tuple2<>(b, a)).iterator();
        }).partitionBy(parts).cache();
        JavaPairRDD<Integer, Integer> label = neighbours.keys().distinct().mapToPair(v -> new Tuple2<>(v, v)).partitionBy(parts).cache();
        for (int round = 1; ; round++) {
            // each node takes the smallest label among its own and its neighbours' ...
            JavaPairRDD<Integer, Integer> hop = neighbours.join(label, parts).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                    .union(label).reduceByKey(parts, Math::min);
            // ... then the label of its label (pointer jumping), which shortens long chains
            JavaPairRDD<Integer, Integer> byLabel = hop.mapToPair(t -> new Tuple2<>(t._2(), t._1()));
            JavaPairRDD<Integer, Integer> next = byLabel.join(hop, parts).mapToPair(t -> new Tuple2<>(t._2()._1(), Math.min(t._1(), t._2()
                    ._2())))
                    .reduceByKey(parts, Math::min).cache();
            if (round % 8 == 0) next.rdd().localCheckpoint(); // cut the lineage of long propagations
            long changed = next.join(label, parts).filter(t -> !t._2()._1().equals(t._2()._2())).count();
            label.unpersist();
            label = next;
            if (changed == 0) break;
        }
        JavaPairRDD<Integer, Integer> result = edges
                .mapToPair(e -> new Tuple2<>((int) (e._1() >>> 32), e))
                .join(label)
                .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()))
                .groupByKey()
                .flatMapToPair(g -> {
                    List<Tuple2<Long, Double>> es = new ArrayList<>();
                    g._2().forEach(es::add);
                    es.sort((x, y) -> Long.compare(x._1(), y._1()));
                    int m = es.size();
                    int[] u = new int[m], v = new int[m];
                    double[] w = new double[m];
                    TreeSet<Integer> nodeSet = new TreeSet<>();
                    for (int i = 0; i < m; i++) {
                        u[i] = (int) (es.get(i)._1() >>> 32);
                        v[i] = (int) (long) es.get(i)._1();
                        w[i] = es.get(i)._2();
                        nodeSet.add(u[i]);
                        nodeSet.add(v[i]);
                    }
                    int[] nodes = nodeSet.stream().mapToInt(Integer::intValue).toArray();
                    int[] reps = grouper.storiesOfComponent(nodes, u, v, w);
                    List<Tuple2<Integer, Integer>> out = new ArrayList<>(nodes.length);
                    for (int i = 0; i < nodes.length; i++) out.add(new Tuple2<>(nodes[i], reps[i]));
                    return out.iterator();
                });
        neighbours.unpersist();
        return result;
    }

    /** Every pair of the documents in a group (smaller number first) as {@code a << 32 | b}; none when the group exceeds {@code max}. */
    private static Iterator<Tuple2<Long, Long>> pairs(Iterable<Integer> docs, int max) { return pairs(docs, max, 0, 0); }

    /**
     * The pairs of a term's documents, each valued by how many shared terms it counts for: {@code minShared}
     * when at most {@code rareDocs} documents have it (a rare term suffices alone, as in the embedded
     * candidate index), else 1.
     */
    private static Iterator<Tuple2<Long, Long>> pairs(Iterable<Integer> docs, int max, int minShared, int rareDocs) {
        List<Integer> d = new ArrayList<>();
        for (Integer x : docs) { d.add(x); if (d.size() > max) return Collections.emptyIterator(); }
        int[] a = d.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        long counts = a.length <= rareDocs ? minShared : 1;
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) for (int j = i + 1; j < a.length; j++) out.add(new Tuple2<>(((long) a[i] << 32) | a[j], counts));
        return out.iterator();
    }

    /**
     * For an anchor more than {@code max} documents hold: each later holder with each of the {@value AnchorIndex#EARLIEST}
     * earliest, as the embedded linker pairs an article with the earliest holders of an anchor too common to look up.
     */
    private static Iterator<Tuple2<Long, Long>> earliestPairs(Iterable<Integer> docs, int max) {
        int[] a = StreamSupport.stream(docs.spliterator(), false).mapToInt(Integer::intValue).distinct().sorted().toArray();
        if (a.length <= max) return Collections.emptyIterator();
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (int j = max + 1; j < a.length; j++) {
            for (int i = 0; i < AnchorIndex.EARLIEST; i++) out.add(new Tuple2<>(((long) a[i] << 32) | a[j], 1L));
        }
        return out.iterator();
    }

    static String stemOf(String input) {
        String n = input.replaceAll("/+$", "").replaceAll(".*/", "");
        for (String ext : new String[] {".gz", ".jsonl", ".ndjson", ".json", ".parquet", ".warc",
                ".wet"}) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        return n.isEmpty() ? "input" : n;
    }
}
