package org.storytrace.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Duplicate;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Rejection;
import org.storytrace.core.model.Story;
import org.storytrace.core.pipeline.Fingerprint;
import org.storytrace.core.pipeline.Linker;
import org.storytrace.core.pipeline.Pipeline;
import org.storytrace.core.pipeline.StoryGrouper;
import org.storytrace.ingest.Ingestor;
import org.storytrace.ingest.PageProcessor;
import org.storytrace.ingest.read.JsonLinesReader;
import org.storytrace.ingest.read.Page;
import scala.Tuple2;

/**
 * The fast path on Apache Spark, calling the same stages as the embedded path: JSON Lines are parsed and
 * cleaned by ingest's own reader and {@link PageProcessor}; exact duplicates dropped as the ingestor does;
 * articles fingerprinted by {@link Linker#fingerprint}; candidate pairs found by grouping LSH band keys
 * and anchors across the cluster; every candidate verified by {@link Linker#verify} where it lies and
 * pruned of common talk by {@link Linker#pruneCommon(Link, Fingerprint, Fingerprint, java.util.function.LongToIntFunction, int)}
 * with anchor frequencies counted across the cluster. Stories are grouped on the driver by the same
 * {@link StoryGrouper} over the collected articles and links (average linkage is sequential; the
 * collected data is the bodies and the sparse links, not the fingerprints).
 */
public final class SparkPipeline implements Serializable {
    private SparkPipeline() {}

    /** Reads JSON Lines from {@code input} (any Hadoop-compatible path or glob) and analyses them. */
    public static Analysis run(SparkSession spark, String input) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String stem = stemOf(input);
        // ingest: parse and clean with ingest's own code, keeping each line's number for order
        JavaPairRDD<Long, Object> parsed = spark.read().textFile(input).javaRDD().zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .mapToPair(t -> {
                    long line = t._2() + 1;
                    Object r = JsonLinesReader.parse(t._1().strip(), input, stem, line);
                    if (r instanceof Page p) {
                        try {
                            Article a = new PageProcessor().process(p, p.name());
                            r = a.bodyEnd() == a.bodyStart() ? new Rejection(p.origin(), p.position(), "no article text found (only page furniture)") : a;
                        } catch (RuntimeException | StackOverflowError e) {
                            r = new Rejection(p.origin(), p.position(), "could not be processed: " + e);
                        }
                    }
                    return new Tuple2<>(line, r);
                }).cache();
        List<Rejection> rejections = parsed.filter(t -> t._2() instanceof Rejection).sortByKey().values().map(r -> (Rejection) r).collect();
        JavaPairRDD<Long, Article> all = parsed.filter(t -> t._2() instanceof Article).mapValues(a -> (Article) a);
        // exact duplicates: the first article with a canonical URL or a body keeps it
        JavaPairRDD<String, Long> firstByUrl = all.filter(t -> t._2().url() != null).mapToPair(t -> new Tuple2<>(t._2().url(), t._1())).reduceByKey(Math::min);
        JavaPairRDD<Long, Long> firstByBody = all.mapToPair(t -> new Tuple2<>(Ingestor.bodyKey(t._2()), t._1())).reduceByKey(Math::min);
        Set<Long> keepUrl = new HashSet<>(firstByUrl.values().collect());
        Set<Long> keepBody = new HashSet<>(firstByBody.values().collect());
        Broadcast<Set<Long>> bu = jsc.broadcast(keepUrl), bb = jsc.broadcast(keepBody);
        List<Tuple2<Long, Article>> ordered = all.sortByKey().collect();
        List<Article> articles = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        java.util.Map<String, String> idByUrl = new java.util.HashMap<>();
        java.util.Map<Long, String> idByBody = new java.util.HashMap<>();
        for (Tuple2<Long, Article> t : ordered) {
            Article a = t._2();
            boolean firstUrl = a.url() == null || bu.value().contains(t._1());
            boolean firstBody = bb.value().contains(t._1());
            long body = Ingestor.bodyKey(a);
            if (firstUrl && firstBody) {
                articles.add(a);
                if (a.url() != null) idByUrl.put(a.url(), a.id());
                idByBody.put(body, a.id());
            } else {
                String of = !firstUrl ? idByUrl.get(a.url()) : idByBody.get(body);
                duplicates.add(new Duplicate(a.path(), of, !firstUrl ? "same canonical URL" : "same body"));
            }
        }
        int n = articles.size();
        // fingerprints, numbered in input order
        JavaPairRDD<Integer, Article> numbered = jsc.parallelize(indexed(articles)).mapToPair(t -> t);
        JavaPairRDD<Integer, Fingerprint> fps = numbered.mapPartitionsToPair(it -> {
            Linker l = new Linker();
            List<Tuple2<Integer, Fingerprint>> out = new ArrayList<>();
            while (it.hasNext()) { Tuple2<Integer, Article> t = it.next(); out.add(new Tuple2<>(t._1(), l.fingerprint(t._2()))); }
            return out.iterator();
        }).cache();
        Linker.Settings settings = Linker.Settings.defaults();
        int anchorMaxDf = settings.anchorMaxDocFreq(), anchorMinShared = settings.anchorMinShared(); // plain values travel to the executors
        // candidates: shared LSH band keys, or enough shared anchors that are not too common
        JavaPairRDD<Long, Long> bandPairs = fps.flatMapToPair(t -> {
            long[] keys = new Linker().bandKeys(t._2().signature());
            List<Tuple2<Long, Integer>> out = new ArrayList<>(keys.length);
            for (int b = 0; b < keys.length; b++) out.add(new Tuple2<>(keys[b] * 31 + b, t._1()));
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
        JavaRDD<Long> candidates = bandPairs.keys().union(anchorPairs.keys()).distinct();
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
                .map(t -> {
                    Tuple2<Article, Fingerprint> x = t._2()._1(), y = t._2()._2();
                    Linker l = new Linker();
                    Link link = l.verify(x._1(), x._2(), y._1(), y._2());
                    if (link == null) return null;
                    Fingerprint fa = link.a().equals(x._1().id()) ? x._2() : y._2(), fb = link.a().equals(x._1().id()) ? y._2() : x._2();
                    Set<Long> c = commonAnchors.value();
                    return l.pruneCommon(link, fa, fb, h -> c.contains(h) ? Integer.MAX_VALUE : 0, n);
                })
                .filter(java.util.Objects::nonNull)
                .collect();
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort((x, y) -> x.a().equals(y.a()) ? x.b().compareTo(y.b()) : x.a().compareTo(y.a()));
        // stories on the driver, by the same grouper the embedded path uses
        Pipeline.Groups g = Pipeline.group(new StoryGrouper(), articles, null, sorted);
        parsed.unpersist();
        fps.unpersist();
        anchorDocs.unpersist();
        return new Analysis(articles, g.stories(), sorted, rejections, duplicates);
    }

    private static List<Tuple2<Integer, Article>> indexed(List<Article> articles) {
        List<Tuple2<Integer, Article>> out = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) out.add(new Tuple2<>(i, articles.get(i)));
        return out;
    }

    /** Every pair of the documents in a group (smaller number first) as {@code a << 32 | b}; none when the group exceeds {@code max}. */
    private static Iterator<Tuple2<Long, Long>> pairs(Iterable<Integer> docs, int max) {
        List<Integer> d = new ArrayList<>();
        for (Integer x : docs) { d.add(x); if (d.size() > max) return java.util.Collections.emptyIterator(); }
        int[] a = d.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) for (int j = i + 1; j < a.length; j++) out.add(new Tuple2<>(((long) a[i] << 32) | a[j], 0L));
        return out.iterator();
    }

    static String stemOf(String input) {
        String n = input.replaceAll(".*/", "");
        for (String ext : new String[] {".gz", ".jsonl", ".ndjson", ".json"}) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
        return n.isEmpty() ? "input" : n;
    }


}
