package org.storytrace.core.pipeline;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongToIntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.storytrace.core.cluster.AverageLinkage;
import org.storytrace.core.cluster.Components;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.index.HashSort;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.text.NameKey;
import org.storytrace.core.text.StopWords;
import org.storytrace.core.text.Tokens;

/**
 * The cluster stage: groups items (articles, or bare titles) into stories and stories into topics.
 *
 * <p>Evidence per pair, combined into one similarity in [0, 1]:
 * <ul>
 *   <li>lexical: TF-IDF cosine of their content words (title words count twice), computed only for pairs
 *       that share a word rarer than {@code maxDocFreq} of the collection, through an inverted index, so
 *       pairs with nothing in common are never scored;</li>
 *   <li>semantic: cosine of sentence embeddings when an {@link Embedder} supplied them; this is what joins
 *       rewrites that keep the facts but few word runs;</li>
 *   <li>reuse: a verified link whose passages cover enough of either article counts as strong evidence;</li>
 *   <li>time: when both items are dated, similarity fades once they are more than {@code dateWindowDays}
 *       apart, since a story is a set of events close in time.</li>
 * </ul>
 * Stories are average-linkage clusters at {@code storyThreshold}; topics continue merging the stories
 * at the lower {@code topicThreshold}.
 */
public final class StoryGrouper implements Serializable {
    /** Tunables, checked when built. */
    /**
     * @param candidateMinShared collections larger than {@value #EXHAUSTIVE} items score only the pairs that
     *                           share at least this many of their {@value #TOP_TERMS} heaviest words
     * @param maxTerms           each item's word vector keeps its this many heaviest TF-IDF terms (its
     *                           keywords), renormalised; the background words every article of a theme
     *                           carries are left out of the story evidence
     * @param semanticBand       in collections larger than {@value #EXHAUSTIVE} items, embeddings are
     *                           consulted only for pairs whose lexical score is within this distance of
     *                           {@code storyThreshold} (the close calls), and only their items are embedded
     * @param maxCandidateDocs   a term makes candidate pairs only while at most this many items have it, however
     *                           large the collection (with {@code maxDocFreq}): finding the pairs costs the sum of
     *                           the squares of the terms' frequencies, so without an absolute bound the cost per
     *                           item grows with the collection (a term in 5% of a million articles pairs 50,000
     *                           of them); a term that common tells no story from another
     * @param candidateRareDocs  a top term that at most this many items have as a top term makes a candidate pair
     *                           on its own (it counts as {@code candidateMinShared} shared terms): two reports of
     *                           one story in short articles often share one telling word (a name, a place) and
     *                           little else among their keywords. 25 is about the size of a large story; on ECB+
     *                           (766 real articles) this alone takes stories ARI from 0.70 to 0.82, and it makes
     *                           about 15 candidate pairs an article of real newswire (2.3 without it)
     * @param semanticGate       semantic evidence counts fully only for pairs whose lexical score reaches this,
     *                           below it in proportion: two reports of one theme embed close whether or not they
     *                           report the same events (on the seeds, the September and the October protests
     *                           embed as close as two reports of one day), so an embedding confirms lexical
     *                           evidence and never carries a pair alone. 0 lets semantics count whatever the
     *                           lexical score (bare headlines, where words say little)
     */
    public record Settings(double storyThreshold, double topicThreshold, double embeddingWeight, double embeddingFloor,
                           double embeddingCeiling, int dateWindowDays, double linkShare, double maxDocFreq,
                           int candidateMinShared, int maxTerms, double semanticBand, int maxCandidateDocs, int candidateRareDocs,
                           double semanticGate) implements Serializable {
        public Settings {
            if (!(topicThreshold > 0 && topicThreshold <= storyThreshold && storyThreshold <= 1)) {
                throw new IllegalArgumentException("need 0 < topicThreshold <= storyThreshold <= 1, was " + topicThreshold + ", "
                        + storyThreshold);
            }
            if (embeddingWeight < 0 || embeddingWeight > 1) throw new IllegalArgumentException("embeddingWeight must be in [0, 1], was "
                    + embeddingWeight);
            if (!(embeddingCeiling > embeddingFloor)) throw new IllegalArgumentException("embeddingCeiling must exceed embeddingFloor");
            if (dateWindowDays < 0) throw new IllegalArgumentException("dateWindowDays must be >= 0, was " + dateWindowDays);
            if (!(maxDocFreq > 0 && maxDocFreq <= 1)) throw new IllegalArgumentException("maxDocFreq must be in (0, 1], was " + maxDocFreq);
            if (candidateMinShared < 1
                    || candidateMinShared > TOP_TERMS) throw new IllegalArgumentException("candidateMinShared must be in [1, " + TOP_TERMS
                    + "], was " + candidateMinShared);
            if (maxTerms < 1) throw new IllegalArgumentException("maxTerms must be >= 1, was " + maxTerms);
            if (!(semanticBand >= 0)) throw new IllegalArgumentException("semanticBand must be >= 0, was " + semanticBand);
            if (maxCandidateDocs < 2) throw new IllegalArgumentException("maxCandidateDocs must be >= 2, was " + maxCandidateDocs);
            if (candidateRareDocs < 0) throw new IllegalArgumentException("candidateRareDocs must be >= 0, was " + candidateRareDocs);
            if (!(semanticGate >= 0 && semanticGate <= 1)) throw new IllegalArgumentException("semanticGate must be in [0, 1], was "
                    + semanticGate);
        }

        /**
         * For full articles. Two reports of one story share several of their keywords, so a candidate pair
         * must share two of the twelve, or one rare one ({@code candidateRareDocs}): on 20,000 generated
         * articles that scores 0.93 million pairs instead of all 200 million. Stories join at an average
         * similarity of 0.2: measured on ECB+ (stories ARI 0.85), the generated corpora (0.996 at 20k) and the
         * seeds (docs/dev-notes.md, "Story thresholds"). Topics join at a mean similarity of 0.03 between two
         * stories ({@link Topics}): on ECB+ topics ARI 0.93 (every value from 0.02 to 0.045 gave 0.90-0.94 with
         * summaries of 256 terms); the seeds' topic splits from 0.05.
         */
        public static Settings defaults() { return builder().build(); }

        /** Settings by name, starting from {@link #defaults()}. */
        public static Builder builder() { return new Builder(); }

        /** A builder holding these settings, to change some by name. */
        public Builder toBuilder() {
            return new Builder().storyThreshold(storyThreshold).topicThreshold(topicThreshold).embeddingWeight(embeddingWeight)
                    .embeddingFloor(embeddingFloor).embeddingCeiling(embeddingCeiling).dateWindowDays(dateWindowDays).linkShare(linkShare)
                    .maxDocFreq(maxDocFreq).candidateMinShared(candidateMinShared).maxTerms(maxTerms).semanticBand(semanticBand)
                    .maxCandidateDocs(maxCandidateDocs).candidateRareDocs(candidateRareDocs).semanticGate(semanticGate);
        }

        /**
         * For short texts such as bare headlines: their word and embedding similarities are lower and more
         * spread, and a collection of them is sparse, so the thresholds are lower.
         */
        public static Settings shortTexts() {
            return builder().storyThreshold(0.1).topicThreshold(0.05).embeddingWeight(0.6).embeddingFloor(0.25).embeddingCeiling(0.75)
                    .candidateMinShared(1).semanticBand(0.2).semanticGate(0).build();
        }
    }

    /** Builds {@link Settings} by name; every value starts at its default and is checked by {@link #build}. */
    public static final class Builder {
        private double storyThreshold = 0.2, topicThreshold = 0.03, embeddingWeight = 0.4, embeddingFloor = 0.5, embeddingCeiling = 0.9;
        private int dateWindowDays = 3;
        private double linkShare = 0.1, maxDocFreq = 0.05;
        private int candidateMinShared = 2, maxTerms = 64;
        private double semanticBand = 0.05;
        private int maxCandidateDocs = 600;
        private int candidateRareDocs = 25;
        private double semanticGate = 0.2;

        public Builder storyThreshold(double v) { storyThreshold = v; return this; }
        public Builder topicThreshold(double v) { topicThreshold = v; return this; }
        public Builder embeddingWeight(double v) { embeddingWeight = v; return this; }
        public Builder embeddingFloor(double v) { embeddingFloor = v; return this; }
        public Builder embeddingCeiling(double v) { embeddingCeiling = v; return this; }
        public Builder dateWindowDays(int v) { dateWindowDays = v; return this; }
        public Builder linkShare(double v) { linkShare = v; return this; }
        public Builder maxDocFreq(double v) { maxDocFreq = v; return this; }
        public Builder candidateMinShared(int v) { candidateMinShared = v; return this; }
        public Builder maxTerms(int v) { maxTerms = v; return this; }
        public Builder semanticBand(double v) { semanticBand = v; return this; }
        public Builder maxCandidateDocs(int v) { maxCandidateDocs = v; return this; }
        public Builder candidateRareDocs(int v) { candidateRareDocs = v; return this; }
        public Builder semanticGate(double v) { semanticGate = v; return this; }

        public Settings build() {
            return new Settings(storyThreshold, topicThreshold, embeddingWeight, embeddingFloor, embeddingCeiling, dateWindowDays,
                    linkShare,
                    maxDocFreq, candidateMinShared, maxTerms, semanticBand, maxCandidateDocs, candidateRareDocs, semanticGate);
        }
    }

    /** One item to group. {@code embedding} may be null. */
    public record Item(String id, String title, CharSequence text, int from, int to, LocalDate published, float[] embedding) {
        /** An article as an item: its headline, its body with the furniture blanked, its date; no embedding. */
        public static Item of(Article a) {
            return new Item(a.id(), a.title(), a.cleanText(), a.bodyStart(), a.bodyEnd(), a.published(), null);
        }
    }

    /**
     * Story and topic label per item, numbered from 0 in order of first item, and how many items had to be
     * embedded for it (0 without an embedder).
     */
    public record Grouping(int[] story, int[] topic, int embedded) {}

    /** A scored pair, exposed for diagnostics and tests. */
    public record Pair(int a, int b, double lexical, double names, double headlines, double semantic, double reuse, double score) {}

    /**
     * The evidence on one pair; a feature that cannot be measured (no names, no headline, no embedding) is -1.
     *
     * @param lexical   TF-IDF cosine of content words (lead-weighted)
     * @param names     TF-IDF cosine of name keys ({@link NameKey}), lead-weighted
     * @param headlines TF-IDF cosine of the two headlines' words
     * @param semantic  cosine of the embeddings
     * @param reuse     the larger reused share of a verified link, or 0
     */
    public record Evidence(double lexical, double names, double headlines, double semantic, double reuse) {}

    private final Settings settings;
    private final boolean parallel;
    private transient List<Pair> lastPairs = List.of();
    /** Asked at each item of the grouping's loops; true gives the grouping up. Not serialised (a copy is never stopped). */
    private final transient BooleanSupplier stopped;

    /**
     * @param parallel count terms, score pairs and cluster components on the common fork-join pool; the
     *                 result is the same as with one thread
     */
    public StoryGrouper(Settings settings, boolean parallel) { this(settings, parallel, null); }

    private StoryGrouper(Settings settings, boolean parallel, BooleanSupplier stopped) {
        this.settings = settings;
        this.parallel = parallel;
        this.stopped = stopped;
    }

    /** This grouper with the same settings, on the caller's fork-join pool when {@code parallel}. */
    public StoryGrouper parallel(boolean parallel) { return new StoryGrouper(settings, parallel, stopped); }

    /**
     * This grouper, giving up with a {@link CancellationException} at the next item of its loops (terms, pair scores,
     * components) once {@code stopped} says so: an engine told to stop does not finish grouping a million articles first.
     */
    public StoryGrouper stoppedBy(BooleanSupplier stopped) { return new StoryGrouper(settings, parallel, stopped); }

    /** What {@link #stoppedBy} gave (null: never stopped), for the topics' clustering. */
    BooleanSupplier stopped() { return stopped; }

    public StoryGrouper(Settings settings) { this(settings, false); }
    public StoryGrouper() { this(Settings.defaults()); }
    public Settings settings() { return settings; }

    /** Collections up to this size score every pair: cheap, and the weak pairs still shape the topics. */
    static final int EXHAUSTIVE = 600;

    /** Terms per item that make candidate pairs (see {@link TermVectors.CandidateIndex}). */
    static final int TOP_TERMS = 12;

    /** Collections up to this size keep their scored pairs for {@link #lastPairs()}. */
    static final int MAX_KEPT_PAIRS = 2000;

    /** The pairs scored by the last call to {@link #group}, kept only for collections of up to 2,000 items. */
    public List<Pair> lastPairs() { return lastPairs == null ? List.of() : lastPairs; }

    /** Groups on lexical evidence, reuse and dates, and the embeddings the items carry. */
    public Grouping group(List<Item> items, List<Link> links) { return group(items, links, null); }

    /**
     * Groups {@code items}. Items that carry no embedding are embedded with {@code embedder} (may be null)
     * only when one of their pairs needs it: in small collections every pair, in larger ones the close
     * calls (see {@link Settings#semanticBand}). Embedding costs milliseconds an item, the rest of the
     * stage microseconds, so this is what keeps the stage fast with embeddings on.
     */
    public Grouping group(List<Item> items, List<Link> links, Embedder embedder) {
        int n = items.size();
        // term counts per item on as many threads as there are, then the collection's document frequencies
        Terms[] terms = new Terms[n];
        range(n).forEach(i -> terms[i] = terms(items.get(i)));
        DocFrequencies df = new DocFrequencies();
        for (Terms t : terms) df.add(t);
        Profile[] profiles = new Profile[n];
        range(n).forEach(i -> profiles[i] = profile(terms[i], items.get(i).published(), df, n));
        List<String> ids = new ArrayList<>(n);
        for (Item it : items) ids.add(it.id());
        return group(ids, Arrays.asList(profiles), links, embedder, i -> items.get(i).embedding(), i -> embeddingText(items.get(i)));
    }

    /**
     * Groups items known by their profiles (what the engine keeps of each article once its text is gone):
     * the one implementation behind {@link #group(List, List, Embedder)}, the engine and, piece by piece,
     * the Spark job.
     *
     * @param given         an item's own embedding, or null (may itself be null)
     * @param embeddingText the text to embed an item from, asked only for items a close call needs
     */
    public Grouping group(List<String> ids, List<Profile> profiles, List<Link> links, Embedder embedder,
                          IntFunction<float[]> given, IntFunction<String> embeddingText) {
        // each step in its own method, so what one step holds (the pair scoring's indexes) is free for the next
        Edges edges = scorePairs(ids, profiles, links, embedder, given, embeddingText);
        int[] story = stories(profiles.size(), edges.u(), edges.v(), edges.w());
        // in a holder the next step empties: a caller's local would keep the sums alive through the clustering
        Topics.CrossSums[] found = {Topics.crossSums(story, edges.u(), edges.v(), edges.w())};
        int embedded = edges.embedded();
        edges = null;
        int[] topic = topics(story, profiles::get, found);
        return new Grouping(story, topic, embedded);
    }

    /** The scored pairs {@code (u[e] < v[e], w[e] > 0)} in pair order, and how many items were embedded for them. */
    private record Edges(int[] u, int[] v, double[] w, int embedded) {}

    /**
     * Fills each profile's date and day, and returns its candidate terms when {@code candidates} (else null). On every
     * thread, and in place where the profiles are bytes: only the dates and candidate terms are needed (a serial decoding
     * of every profile was ~2 s of one core at a million articles, session 29).
     */
    private long[][] datesAndCandidateTerms(List<Profile> profiles, LocalDate[] published, long[] day, boolean candidates) {
        int n = profiles.size();
        long[][] top = candidates ? new long[n][] : null;
        EncodedProfiles encoded = profiles instanceof EncodedProfiles e ? e : null;
        range(n).forEach(i -> {
            if (encoded != null) {
                ByteBuffer b = encoded.encoded(i);
                published[i] = Profile.published(b);
                if (top != null) top[i] = Profile.candidateTerms(b);
            } else {
                Profile p = profiles.get(i);
                published[i] = p.published();
                if (top != null) top[i] = p.candidateTerms();
            }
            day[i] = published[i] == null ? NO_DAY : published[i].toEpochDay();
        });
        return top;
    }

    private Edges scorePairs(List<String> ids, List<Profile> profiles, List<Link> links, Embedder embedder,
                             IntFunction<float[]> given, IntFunction<String> embeddingText) {
        int n = profiles.size();
        Map<String, Integer> index = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) index.put(ids.get(i), i);
        // each profile read once here (they may be read back from disk), the dates kept for the rescoring
        LocalDate[] published = new LocalDate[n];
        long[] day = new long[n];
        boolean everyPair = scoresEveryPair(n);
        long[][] top = datesAndCandidateTerms(profiles, published, day, !everyPair);
        TermVectors.CandidateIndex candidates = top == null ? null : new TermVectors.CandidateIndex(top);
        top = null;
        // reused shares by pair, as sorted parallel arrays: a document's reuse partners are one run of keys
        TreeMap<Long, Double> reuseByPair = new TreeMap<>();
        double[] storyShare = storyShares(links, id -> index.getOrDefault(id, -1));
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            Integer a = index.get(l.a()), b = index.get(l.b());
            if (a == null || b == null || a.equals(b)) continue;
            reuseByPair.merge(pairKey(Math.min(a, b), Math.max(a, b)), storyShare[i], Math::max);
        }
        long[] reuseKeys = reuseByPair.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] reuseShares = reuseByPair.values().stream().mapToDouble(Double::doubleValue).toArray();
        reuseByPair = null;
        // each document's later partners and their scores, found and scored one document at a time: only a
        // partner and a score per pair are kept (12 bytes; a million articles have tens of millions of
        // candidate pairs), and the evidence is made again for the few close calls that are rescored
        int[][] partnerOf = new int[n][];
        double[][] scoreOf = new double[n][];
        ThreadLocal<TermVectors.CandidateIndex.Scratch> scratch = candidates == null ? null
                : ThreadLocal.withInitial(() -> candidates.new Scratch());
        int minShared = settings.candidateMinShared;
        EncodedProfiles encoded = profiles instanceof EncodedProfiles e ? e : null;
        range(n).forEach(d -> {
            int[] found;
            int m;
            if (candidates == null) {
                m = n - d - 1;
                found = new int[m];
                for (int i = 0; i < m; i++) found[i] = d + 1 + i;
            } else {
                TermVectors.CandidateIndex.Scratch s = scratch.get();
                m = candidates.partners(d, minShared, settings.candidateRareDocs, s);
                found = s.out;
            }
            int[] mine = withReusePartners(d, found, m, reuseKeys);
            partnerOf[d] = mine;
            double[] sc = new double[mine.length];
            if (mine.length > 0) {
                Probes probes = PROBES.get();
                probes.load(profiles.get(d));
                for (int i = 0; i < mine.length; i++) {
                    double reuse = reuseOf(d, mine[i], reuseKeys, reuseShares);
                    Evidence ev = encoded != null ? probes.evidence(encoded.encoded(mine[i]), reuse)
                            : probes.evidence(profiles.get(mine[i]), reuse);
                    sc[i] = score(ev, day[d], day[mine[i]]);
                }
            }
            scoreOf[d] = sc;
        });
        // the pairs whose decision semantics may change, and the items they need embedded
        boolean semantics = embedder != null || given != null;
        float[][] embedding = new float[n][];
        boolean[] needed = new boolean[n];
        if (semantics) {
            for (int d = 0; d < n; d++) {
                for (int i = 0; i < partnerOf[d].length; i++) {
                    if (!consults(everyPair, scoreOf[d][i])) continue;
                    needed[d] = true;
                    needed[partnerOf[d][i]] = true;
                }
            }
        }
        int[] embeddedCount = new int[1];
        for (int i = 0; i < n; i++) {
            if (!needed[i]) continue;
            embedding[i] = given == null ? null : given.apply(i);
            if (embedding[i] == null && embedder != null) embeddedCount[0]++;
        }
        range(n).forEach(i -> {
            if (embedding[i] == null && needed[i] && embedder != null) embedding[i] = embedder.embed(embeddingText.apply(i));
        });
        boolean keep = n <= MAX_KEPT_PAIRS;
        int[] firstPair = new int[n + 1];
        for (int d = 0; d < n; d++) firstPair[d + 1] = firstPair[d] + partnerOf[d].length;
        Pair[] kept = keep ? new Pair[firstPair[n]] : null;
        if (semantics || keep) {
            range(n).forEach(d -> {
                int[] mine = partnerOf[d];
                double[] sc = scoreOf[d];
                for (int i = 0; i < mine.length; i++) {
                    int b = mine[i];
                    boolean consult = semantics && consults(everyPair, sc[i]) && embedding[d] != null && embedding[b] != null;
                    if (!consult && !keep) continue;
                    Evidence ev = lexicalEvidence(profiles.get(d), profiles.get(b), reuseOf(d, b, reuseKeys, reuseShares));
                    double sem = -1;
                    if (consult) {
                        sem = Embedder.cosine(embedding[d], embedding[b]);
                        sc[i] = score(new Evidence(ev.lexical(), ev.names(), ev.headlines(), sem, ev.reuse()), published[d], published[b]);
                    }
                    if (keep) kept[firstPair[d] + i] = new Pair(d, b, ev.lexical(), ev.names(), ev.headlines(), sem, ev.reuse(), sc[i]);
                }
            });
        }
        lastPairs = keep ? List.of(kept) : List.of();
        // the edges with a positive score, in pair order, copied in two passes that each let go of the rows they copied:
        // the scores first (a partner whose score is not positive marked -1), then the partners. The rows and the edge
        // arrays are never all held at once: at most 20 bytes a candidate pair instead of 28 (a million generated
        // articles have ~47 million candidate pairs)
        int e = 0;
        for (double[] sc : scoreOf) for (double x : sc) if (x > 0) e++;
        double[] w = new double[e];
        e = 0;
        for (int d = 0; d < n; d++) {
            int[] mine = partnerOf[d];
            double[] sc = scoreOf[d];
            for (int i = 0; i < mine.length; i++) {
                if (sc[i] > 0) w[e++] = sc[i];
                else mine[i] = -1;
            }
            scoreOf[d] = null;
        }
        int[] u = new int[e], v = new int[e];
        e = 0;
        for (int d = 0; d < n; d++) {
            for (int b : partnerOf[d]) {
                if (b < 0) continue;
                u[e] = d;
                v[e] = b;
                e++;
            }
            partnerOf[d] = null;
        }
        return new Edges(u, v, w, embeddedCount[0]);
    }

    /** The story of each of {@code n} items from the scored pairs: average linkage one connected component at a time. */
    private int[] stories(int n, int[] u, int[] v, double[] w) {
        Components comps = Components.of(n, u, v);
        int[] storyRep = new int[n];
        range(comps.count()).forEach(c -> {
            int[] nodes = comps.nodes(c), edges = comps.edges(c);
            int[] cu = new int[edges.length], cv = new int[edges.length];
            double[] cw = new double[edges.length];
            for (int i = 0; i < edges.length; i++) { cu[i] = u[edges[i]]; cv[i] = v[edges[i]]; cw[i] = w[edges[i]]; }
            int[] reps = storiesOfComponent(nodes, cu, cv, cw);
            for (int i = 0; i < nodes.length; i++) storyRep[nodes[i]] = reps[i];
        });
        return labels(storyRep);
    }

    /** Whether a pair with this lexical score is a close call that semantics may change. */
    private boolean consults(boolean everyPair, double score) {
        return everyPair || Math.abs(score - settings.storyThreshold) < settings.semanticBand;
    }

    /**
     * {@code d}'s first {@code m} candidate partners (ascending) joined with its reuse partners (the keys
     * {@code d << 32 | o} in {@code reuseKeys}, sorted), each once, ascending.
     */
    static int[] withReusePartners(int d, int[] found, int m, long[] reuseKeys) {
        int lo = lowerBound(reuseKeys, (long) d << 32), hi = lowerBound(reuseKeys, (long) (d + 1) << 32);
        if (lo == hi) return Arrays.copyOf(found, m);
        int[] out = new int[m + hi - lo];
        int i = 0, j = lo, k = 0;
        while (i < m || j < hi) {
            int next = j >= hi || (i < m && found[i] <= (int) reuseKeys[j]) ? found[i++] : (int) reuseKeys[j++];
            if (k == 0 || out[k - 1] != next) out[k++] = next;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** The first index of a sorted array whose value is at least {@code key}. */
    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        if (i < 0) return -i - 1;
        while (i > 0 && sorted[i - 1] == key) i--;
        return i;
    }

    /** The reused share of pair {@code (a < b)}, or 0. */
    private static double reuseOf(int a, int b, long[] reuseKeys, double[] reuseShares) {
        int r = reuseKeys.length == 0 ? -1 : Arrays.binarySearch(reuseKeys, pairKey(a, b));
        return r >= 0 ? reuseShares[r] : 0;
    }

    /** One profile held for the evidence of its pairs with many others: {@link #lexicalEvidence} by probes. One per thread. */
    static final class Probes {
        private final TermVectors.Probe words = new TermVectors.Probe(), names = new TermVectors.Probe(), heads = new TermVectors.Probe();

        void load(Profile a) {
            words.load(a.words());
            names.load(a.names());
            heads.load(a.heads());
        }

        /** {@link #lexicalEvidence}{@code (a, b, reuse)} for the loaded {@code a}, to the last bit. */
        Evidence evidence(Profile b, double reuse) {
            double n = names.isEmpty() || b.names().isEmpty() ? -1 : names.dot(b.names());
            double h = heads.isEmpty() || b.heads().isEmpty() ? -1 : heads.dot(b.heads());
            return new Evidence(words.dot(b.words()), n, h, -1, reuse);
        }

        /** The same for {@code b} as {@link Profile#encode} wrote it (from index 0 of {@code b}), read in place. */
        Evidence evidence(ByteBuffer b, double reuse) {
            int namesAt = Profile.after(b, 0), headsAt = Profile.after(b, namesAt), nw = b.getInt(0), nn = b.getInt(namesAt),
                    nh = b.getInt(headsAt);
            double n = names.isEmpty() || nn == 0 ? -1 : names.dot(b, namesAt + 4, nn);
            double h = heads.isEmpty() || nh == 0 ? -1 : heads.dot(b, headsAt + 4, nh);
            return new Evidence(words.dot(b, 4, nw), n, h, -1, reuse);
        }
    }

    private static final ThreadLocal<Probes> PROBES = ThreadLocal.withInitial(Probes::new);

    /** The evidence of a pair without semantics: one definition for the embedded path and the Spark job. */
    private static Evidence lexicalEvidence(Profile a, Profile b, double reuse) {
        TermVectors.Vector na = a.names(), nb = b.names(), ha = a.heads(), hb = b.heads();
        double names = na.isEmpty() || nb.isEmpty() ? -1 : na.cosine(nb);
        double heads = ha.isEmpty() || hb.isEmpty() ? -1 : ha.cosine(hb);
        return new Evidence(a.words().cosine(b.words()), names, heads, -1, reuse);
    }

    /** Characters of an item's body (after its headline) that go into its embedding. */
    public static final int EMBED_CHARS = 2000;

    /** The text an item's embedding is made from: its headline and the start of its body. */
    public static String embeddingText(Item it) {
        int to = Math.min(it.to(), it.from() + EMBED_CHARS);
        String body = it.text().subSequence(it.from(), to).toString().strip();
        return it.title() == null ? body : it.title() + ".\n" + body;
    }

    private IntStream range(int to) {
        IntStream s = IntStream.range(0, to);
        BooleanSupplier stop = stopped;
        if (stop != null) {
            s = s.peek(i -> {
                if (stop.getAsBoolean()) throw new CancellationException("the grouping was stopped");
            });
        }
        return parallel && to > 256 ? s.parallel() : s;
    }

    /** Candidate terms of an item make pairs only when fewer than this many items have them. */
    public int dfLimit(int n) { return n < 50 ? n : Math.min(settings.maxCandidateDocs, Math.max(50, (int) (settings.maxDocFreq * n))); }

    /** Whether a collection of {@code n} items scores every pair rather than the candidates. */
    public static boolean scoresEveryPair(int n) { return n <= EXHAUSTIVE; }

    /** An item's term counts: words (headline and lead weighted), name keys, headline words; keys ascending. */
    public record Terms(long[] words, float[] wordCounts, long[] names, float[] nameCounts, long[] heads, float[] headCounts)
            implements Serializable {}

    private static final ThreadLocal<Counter[]> COUNTERS = ThreadLocal.withInitial(() -> new Counter[] {new Counter(), new Counter(),
            new Counter(), new Counter()});
    private static final ThreadLocal<Tokens> TOKENS = ThreadLocal.withInitial(Tokens::new);

    /** Counts an item's terms. Thread-safe. */
    public static Terms terms(Item it) { return terms(it, null); }

    /**
     * Counts an item's terms from the tokens of its body when they were made already ({@code body}, the
     * tokens of {@code it.text()} in {@code [it.from(), it.to())}; null to tokenise here). Thread-safe.
     */
    public static Terms terms(Item it, TokenLayer body) {
        Counter[] c = COUNTERS.get();
        Counter tf = c[0], nm = c[1], hd = c[2], ignored = c[3];
        try {
            Tokens tok = TOKENS.get();
            if (it.title() != null) {
                tok.tokenize(it.title());
                count(tok, tf, nm, LEAD_WEIGHT, Integer.MAX_VALUE);
                count(tok, hd, ignored, 1f, 0);
            }
            if (body == null) {
                tok.tokenize(it.text(), it.from(), it.to());
                count(tok, tf, nm, 1f, LEAD_TOKENS);
            } else {
                count(it.text(), body.hashes(), body.starts(), body.ends(), body.size(), tf, nm, 1f, LEAD_TOKENS);
            }
            long[] wk = tf.keys(), nk = nm.keys(), hk = hd.keys();
            return new Terms(wk, tf.counts(wk), nk, nm.counts(nk), hk, hd.counts(hk));
        } finally {
            for (Counter x : c) x.clear();
        }
    }

    /**
     * What the pair scores of an item need once the collection's document frequencies are known: its three
     * vectors and the terms that make its candidate pairs. Built where the item lies (the Spark executors).
     */
    public record Profile(TermVectors.Vector words, TermVectors.Vector names, TermVectors.Vector heads, long[] candidateTerms,
            LocalDate published)
            implements Serializable {
        /**
         * The profile as bytes (big-endian): for each of words, names and heads its length {@code n}, its {@code n} keys
         * ({@code long}) then its {@code n} weights ({@code float}); then the candidate terms' count and keys; then the
         * day of publication ({@code int}, {@link Integer#MIN_VALUE} for none). {@link Probes} reads the vectors of
         * this form in place ({@link EncodedProfiles}).
         */
        public byte[] encode() {
            int n = words.keys().length + names.keys().length + heads.keys().length;
            ByteBuffer b = ByteBuffer.allocate(20 + n * 12 + candidateTerms.length * 8);
            put(b, words);
            put(b, names);
            put(b, heads);
            b.putInt(candidateTerms.length);
            for (long t : candidateTerms) b.putLong(t);
            b.putInt(published == null ? Integer.MIN_VALUE : (int) published.toEpochDay());
            return b.array();
        }

        private static void put(ByteBuffer b, TermVectors.Vector v) {
            b.putInt(v.keys().length);
            for (long x : v.keys()) b.putLong(x);
            for (float x : v.weights()) b.putFloat(x);
        }

        /** In the bytes of {@link #encode}, where what follows the vector whose length is at {@code at} begins. */
        static int after(ByteBuffer b, int at) { return at + 4 + 12 * b.getInt(at); }

        /** Where the candidate terms' count lies in the bytes of {@link #encode} (from index 0 of {@code b}). */
        private static int candidatesAt(ByteBuffer b) { return after(b, after(b, after(b, 0))); }

        /** The candidate terms of the profile whose bytes ({@link #encode}) are {@code b} from index 0, read in place. */
        public static long[] candidateTerms(ByteBuffer b) {
            int at = candidatesAt(b);
            long[] top = new long[b.getInt(at)];
            for (int i = 0; i < top.length; i++) top[i] = b.getLong(at + 4 + 8 * i);
            return top;
        }

        /** The day of publication of the profile whose bytes ({@link #encode}) are {@code b} from index 0, or null. */
        public static LocalDate published(ByteBuffer b) {
            int at = candidatesAt(b);
            int day = b.getInt(at + 4 + 8 * b.getInt(at));
            return day == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
        }

        /** The profile {@link #encode} wrote, from {@code b}'s position on (which it advances). */
        public static Profile decode(ByteBuffer b) {
            TermVectors.Vector[] v = new TermVectors.Vector[3];
            for (int j = 0; j < 3; j++) {
                int n = b.getInt();
                long[] k = new long[n];
                float[] w = new float[n];
                for (int i = 0; i < n; i++) k[i] = b.getLong();
                for (int i = 0; i < n; i++) w[i] = b.getFloat();
                v[j] = new TermVectors.Vector(k, w);
            }
            long[] top = new long[b.getInt()];
            for (int i = 0; i < top.length; i++) top[i] = b.getLong();
            int day = b.getInt();
            return new Profile(v[0], v[1], v[2], top, day == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
        }
    }

    /**
     * A list of profiles that also hands out each one's bytes ({@link Profile#encode}), for the pair scores to read in
     * place. Why (session 29): a million articles' profiles live in a mapped work file, and the pair scores decoded
     * a partner's profile for each of its ~47 candidate pairs (three vectors, the candidate terms, a date: about a
     * kilobyte of arrays a pair, ~15% of the story phase with the collections it caused); read in place, a pair costs
     * the look-ups of its dot products alone. The scores are the same to the last bit: the products are summed in the
     * same order from the same floats.
     */
    public interface EncodedProfiles {
        /** Profile {@code i}'s bytes as {@link Profile#encode} wrote them, from index 0 of the buffer returned. */
        ByteBuffer encoded(int i);
    }

    /** The profile of an item in a collection of {@code n}, from its terms and the three document-frequency functions. */
    public Profile profile(Terms t, LocalDate published, LongToIntFunction wordDf,
            LongToIntFunction nameDf,
                           LongToIntFunction headDf, int n) {
        TermVectors.Vector w = TermVectors.vector(t.words(), t.wordCounts(), wordDf, n, settings.maxTerms);
        return new Profile(w, TermVectors.vector(t.names(), t.nameCounts(), nameDf, n, Integer.MAX_VALUE),
                TermVectors.vector(t.heads(), t.headCounts(), headDf, n, Integer.MAX_VALUE),
                TermVectors.topTerms(w, wordDf, dfLimit(n), TOP_TERMS), published);
    }

    /** The profile of an item in a collection of {@code n} whose document frequencies are {@code df}. */
    public Profile profile(Terms t, LocalDate published, DocFrequencies df, int n) {
        return profile(t, published, df::words, df::names, df::heads, n);
    }

    /** Candidate pairs share at least this many candidate terms. */
    public int candidateMinShared() { return settings.candidateMinShared; }

    /** The lexical score of a pair of profiles with the largest reused share of their links (0 when none). */
    public double score(Profile a, Profile b, double reuse) {
        return score(lexicalEvidence(a, b, reuse), a.published(), b.published());
    }

    /**
     * The stories of one connected component of the pair graph: {@code nodes} ascending, its edges (global node
     * numbers, positive weights) in the order of their pair keys. Returns, per node, the smallest node of its
     * story. The same for every entry point, so the Spark job clusters components on its executors and gets
     * what the embedded path gets.
     */
    public int[] storiesOfComponent(int[] nodes, int[] u, int[] v, double[] w) {
        int m = nodes.length;
        int[] lu = new int[u.length], lv = new int[u.length];
        for (int i = 0; i < u.length; i++) { lu[i] = Arrays.binarySearch(nodes, u[i]); lv[i] = Arrays.binarySearch(nodes, v[i]); }
        int[] story = copiesThenAverage(m, lu, lv, w);
        int ns = 0;
        for (int s : story) ns = Math.max(ns, s + 1);
        int[] firstOf = new int[ns];
        Arrays.fill(firstOf, -1);
        for (int i = 0; i < m; i++) if (firstOf[story[i]] < 0) firstOf[story[i]] = i;
        int[] reps = new int[m];
        for (int i = 0; i < m; i++) reps[i] = nodes[firstOf[story[i]]];
        return reps;
    }

    /**
     * A pair scores this ({@link #score}) only when one article copies the other ({@link #COPY_SHARE} of it reused,
     * or their words are the same) within the date window: such pairs are one story whatever else is known.
     */
    public static final double COPY = 1.0;
    /** The reused share of an article that makes a pair a copy: {@code 0.6 + share} reaches {@link #COPY}. */
    static final double COPY_SHARE = 0.4;
    /** Matching headlines raise a pair's score at most to this: below {@link #COPY}, as a headline alone is no copy. */
    static final double HEADLINE_FLOOR_MAX = 0.99;

    /**
     * Average linkage over groups of copies: pairs scored {@link #COPY} are joined first, transitively, and the groups
     * are then clustered by average linkage with their sizes as weights.
     *
     * <p>Why (session 19): average linkage counts a pair that was never scored as 0, and a large collection scores only
     * candidate pairs: the linker verifies at most {@code maxCandidates} earlier articles for each new one and skips
     * anchors held by more than {@code anchorMaxDocFreq}, and this stage's candidate terms skip terms that more than
     * {@code maxDocFreq} of the collection hold, which is every term of a much-reprinted story. So a wire story reprinted
     * by hundreds of outlets, each reprint linked as a copy to a few others, never had two halves average above the
     * threshold: 608 reprints came out as 169 stories ({@code SyndicationTest}); copies joined first, they are one. A copy
     * is certain evidence (score 1) and transitive: a reprint of a reprint reports the same events. Matching headlines
     * stay below {@link #COPY} ({@link #HEADLINE_FLOOR_MAX}), since a recurring column ("Letters to the editor") would
     * otherwise chain a year of pages into one story. On ECB+, Google News, the seeds and the generated corpora every
     * figure is unchanged. Not solved by this: heavy rewrites that share less than {@link #COPY_SHARE} of each other (a
     * synthetic file of 1,500 rewrites of one event, each half of a shared pool of sentences in its own order, still
     * comes out as 139 stories); that needs the average between two clusters estimated from pairs scored on demand
     * rather than from the candidate pairs alone.
     */
    private int[] copiesThenAverage(int m, int[] lu, int[] lv, double[] w) {
        int copies = 0;
        for (double x : w) if (x >= COPY) copies++;
        if (copies == 0) return new AverageLinkage(settings.storyThreshold).stoppedBy(stopped).cluster(m, lu, lv, w, null);
        int[] cu = new int[copies], cv = new int[copies];
        copies = 0;
        for (int e = 0; e < lu.length; e++) if (w[e] >= COPY) { cu[copies] = lu[e]; cv[copies++] = lv[e]; }
        // each group of copies a node of its own, numbered in order of its first article
        Components groups = Components.of(m, cu, cv);
        int[] group = groups.labels();
        int g = groups.count();
        int[] sizes = new int[g];
        for (int i = 0; i < m; i++) sizes[group[i]]++;
        int k = 0;
        for (int e = 0; e < lu.length; e++) if (group[lu[e]] != group[lv[e]]) k++;
        int[] gu = new int[k], gv = new int[k];
        double[] gw = new double[k];
        k = 0;
        for (int e = 0; e < lu.length; e++) {
            int a = group[lu[e]], b = group[lv[e]];
            if (a == b) continue;
            gu[k] = Math.min(a, b);
            gv[k] = Math.max(a, b);
            gw[k++] = w[e];
        }
        int[] gl = new AverageLinkage(settings.storyThreshold).stoppedBy(stopped).cluster(g, gu, gv, gw, sizes);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = gl[group[i]];
        return AverageLinkage.labels(out);
    }

    /**
     * The topic of each item ({@link Topics}): {@code story} the items' story labels (from 0 in order of first
     * item), {@code profile} their profiles, {@code found[0]} the scores between stories ({@link Topics#crossSums}),
     * emptied once read. Labels from 0 in order of first item.
     */
    private int[] topics(int[] story, IntFunction<Profile> profile, Topics.CrossSums[] found) {
        int n = story.length, ns = 0;
        for (int s : story) ns = Math.max(ns, s + 1);
        int[] count = new int[ns + 1];
        for (int s : story) count[s + 1]++;
        for (int s = 0; s < ns; s++) count[s + 1] += count[s];
        int[] members = new int[n], fill = Arrays.copyOf(count, ns);
        for (int i = 0; i < n; i++) members[fill[story[i]]++] = i; // ascending within each story
        fill = null;
        Topics.Summary[] summaries = new Topics.Summary[ns];
        range(ns).forEach(s -> summaries[s] = Topics.summarize(count[s + 1] - count[s], i -> profile.apply(members[count[s] + i])));
        Topics.Graph graph = Topics.graph(this, Arrays.asList(summaries), found[0], parallel);
        found[0] = null;
        Arrays.fill(summaries, null); // a million articles' summaries are hundreds of megabytes: gone before the clustering
        return itemLabels(story, Topics.cluster(this, graph, parallel));
    }

    /** Each item's topic label (from 0 in order of first item) from its story and the topic of each story. */
    private static int[] itemLabels(int[] story, int[] topicOfStory) {
        int[] topic = new int[story.length];
        for (int i = 0; i < story.length; i++) topic[i] = topicOfStory[story[i]];
        return AverageLinkage.labels(topic);
    }

    /**
     * The topic of each item from its story's label, the stories' summaries ({@link Topics#summarize} of each
     * story's profiles in ascending item order) and the scores found between stories ({@link Topics#crossSums}):
     * what the Spark job calls on its driver with what its executors made. Labels from 0 in order of first item.
     */
    public int[] topics(int[] story, List<Topics.Summary> summaries, Topics.CrossSums found) {
        return itemLabels(story, Topics.topicOfStory(this, summaries, found, parallel));
    }

    /** Labels numbered from 0 in order of first item, from a representative per item. */
    public static int[] labels(int[] rep) { return AverageLinkage.labels(rep); }

    /**
     * The pair's similarity in [0, 1]. Content words and names are averaged into one lexical figure; the
     * embedding cosine, rescaled from [floor, ceiling] to [0, 1], is blended in with {@code embeddingWeight}.
     * Two kinds of evidence then act as a floor, because each alone shows the same events: headlines that
     * share most of their words, and reprinted passages covering at least {@code linkShare} of an article.
     * Dates, where both are known, fade the result beyond the window.
     */
    public double score(Evidence e, LocalDate da, LocalDate db) {
        return score(e, da == null ? NO_DAY : da.toEpochDay(), db == null ? NO_DAY : db.toEpochDay());
    }

    /** No publication date, for {@link #score(Evidence, long, long)}. */
    private static final long NO_DAY = Long.MIN_VALUE;

    /** {@link #score(Evidence, LocalDate, LocalDate)} with the dates as epoch days ({@link #NO_DAY} for none): the pair loop's form. */
    private double score(Evidence e, long da, long db) {
        double lex = e.names() < -0.5 ? e.lexical() : (e.lexical() + e.names()) / 2;
        double s;
        if (e.semantic() < -0.5) {
            s = lex;
        } else {
            double sem = Math.max(0, Math.min(1,
                    (e.semantic() - settings.embeddingFloor) / (settings.embeddingCeiling - settings.embeddingFloor)));
            // two reports of one theme embed close whether or not they report the same events: below the
            // gate, semantics count only in proportion to the lexical evidence they confirm
            double gate = settings.semanticGate == 0 ? 1 : Math.min(1, lex / settings.semanticGate);
            s = settings.embeddingWeight * sem * gate + (1 - settings.embeddingWeight) * lex;
        }
        if (e.headlines() >= HEADLINE_MATCH) s = Math.max(s, Math.min(HEADLINE_FLOOR_MAX, e.headlines()));
        if (e.reuse() >= settings.linkShare) s = Math.max(s, e.reuse() >= COPY_SHARE ? COPY : 0.6 + e.reuse());
        if (da != NO_DAY && db != NO_DAY) {
            long days = Math.abs(db - da);
            if (days > settings.dateWindowDays) s *= Math.exp(-(days - settings.dateWindowDays) / Math.max(1.0, settings.dateWindowDays));
        }
        return s;
    }

    /**
     * The reused share each link brings to the story stage ({@link Evidence#reuse}), in the links' order: the larger of its
     * two shares, except for a link short of a copy ({@link #COPY_SHARE}) between two articles that each share passages
     * short of a copy with more than {@link #NOTICE_PARTNERS} others, which brings none (its pair is scored on its words).
     *
     * <p>Why (session 34): a passage makes two articles one story because it is theirs and few others'; text that many
     * articles carry beside their own is an outlet's standing notice, a stock paragraph of background or a much-quoted
     * line, and says nothing of which events each reports, as a word that every document holds says nothing of its
     * topic. HuffPost closed 19 of PolNeAR's 839 pages of 2016 with one editor's note on Donald Trump (13-19% of a short
     * page, under the common-talk rule's 5% of the collection): it chained twelve unrelated pages into one "story" and
     * four more into another. Copies are left alone: a reprint is one story with its original however many reprints
     * there are. The links themselves are kept: the text is shared, and the reuse view shows it.
     */
    public static double[] storyShares(List<Link> links, ToIntFunction<String> docOf) {
        ReusePartners partners = new ReusePartners();
        partners.add(links, docOf);
        double[] out = new double[links.size()];
        for (int i = 0; i < out.length; i++) out[i] = partners.storyShare(links.get(i), docOf);
        return out;
    }

    /**
     * How many links short of a copy each article has, kept up as links come ({@link #add}), for {@link #storyShare}: the
     * incremental path keeps one over all its links instead of counting them again at each placement. Articles are known
     * by their numbers ({@code docOf} gives -1 for one it does not know). Not thread-safe.
     */
    public static final class ReusePartners {
        private int[] count = new int[64];

        /** Counts {@code links}, each once. */
        public void add(List<Link> links, ToIntFunction<String> docOf) {
            for (Link l : links) {
                // every link short of a copy counts, however small its share: a notice is a small share of a long page
                if (Math.max(l.reusedShareA(), l.reusedShareB()) >= COPY_SHARE) continue;
                bump(docOf.applyAsInt(l.a()));
                bump(docOf.applyAsInt(l.b()));
            }
        }

        private void bump(int d) {
            if (d < 0) return;
            if (d >= count.length) count = Arrays.copyOf(count, Math.max(d + 1, count.length * 2));
            count[d]++;
        }

        private int of(int d) { return d < 0 || d >= count.length ? 0 : count[d]; }

        /** The reused share {@code l} brings to the story stage ({@link StoryGrouper#storyShares}). */
        public double storyShare(Link l, ToIntFunction<String> docOf) {
            double share = Math.max(l.reusedShareA(), l.reusedShareB());
            boolean common = share < COPY_SHARE && of(docOf.applyAsInt(l.a())) > NOTICE_PARTNERS
                    && of(docOf.applyAsInt(l.b())) > NOTICE_PARTNERS;
            return common ? 0 : share;
        }
    }

    /** See {@link #storyShares}: an article sharing passages short of a copy with more than this many others carries a notice. */
    static final int NOTICE_PARTNERS = 4;

    /** Headlines this alike (TF-IDF cosine) report the same events. */
    static final double HEADLINE_MATCH = 0.5;

    /**
     * News puts the event first (the "inverted pyramid"): the headline and the lead say what happened,
     * later paragraphs give background that every story of a theme shares. Words of the headline and of
     * the first {@code LEAD_TOKENS} tokens therefore weigh {@code LEAD_WEIGHT} times more.
     */
    static final int LEAD_TOKENS = 120;
    static final float LEAD_WEIGHT = 3f;

    private static void count(Tokens tok, Counter words, Counter names, float baseWeight, int leadTokens) {
        count(tok.text(), tok.hashes(), tok.startsArray(), tok.endsArray(), tok.size(), words, names, baseWeight, leadTokens);
    }

    private static final ThreadLocal<char[][]> CHARS = ThreadLocal.withInitial(() -> new char[][] {new char[8192]});

    private static void count(CharSequence text, long[] hashes, int[] starts, int[] ends, int size, Counter words, Counter names,
                              float baseWeight, int leadTokens) {
        if (size == 0) return;
        // the text up to the last token in a reused array: a character at a time through CharSequence cost more than the copy
        int upto = ends[size - 1];
        char[][] holder = CHARS.get();
        if (holder[0].length < upto) holder[0] = new char[Math.max(upto, holder[0].length * 2)];
        char[] c = holder[0];
        if (text instanceof String str) str.getChars(0, upto, c, 0);
        else for (int k = 0; k < upto; k++) c[k] = text.charAt(k);
        for (int i = 0; i < size; i++) {
            long h = hashes[i];
            float weight = i < leadTokens ? LEAD_WEIGHT : baseWeight;
            int start = starts[i], end = ends[i];
            if (StopWords.contains(h) || isNumber(c[start], start, end)) continue;
            words.add(h, weight);
            if (Character.isUpperCase(c[start]) && end - start > 2 && !opensSentence(c, start)) {
                names.add(nameKey(text, start, end, h), weight);
            }
        }
    }

    private static final int NAME_CACHE = 1 << 12;
    /** Per thread, the name keys of recent words by their token hash: token hash -> key, direct-mapped. */
    private static final ThreadLocal<long[]> NAME_KEYS = ThreadLocal.withInitial(() -> new long[2 * NAME_CACHE]);

    /**
     * {@link NameKey#of} the word at {@code [start, end)}, whose token hash is {@code h}. A name key depends only on
     * the word's folded letters, and so does its token hash: names recur, so most keys come from a small cache.
     */
    private static long nameKey(CharSequence text, int start, int end, long h) {
        long[] cache = NAME_KEYS.get();
        int slot = 2 * ((int) (h ^ (h >>> 32)) & (NAME_CACHE - 1));
        if (cache[slot] == h && cache[slot + 1] != 0) return cache[slot + 1];
        long key = NameKey.of(text.subSequence(start, end));
        cache[slot] = h;
        cache[slot + 1] = key;
        return key;
    }

    /** Whether the word at {@code start} is the first of a sentence, line or quotation. */
    private static boolean opensSentence(char[] text, int start) {
        int i = start - 1;
        while (i >= 0 && (text[i] == ' ' || text[i] == '\t')) i--;
        if (i < 0) return true;
        char c = text[i];
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '“' || c == '"' || c == ':' || c == '—';
    }

    private static boolean isNumber(char first, int start, int end) {
        return first >= '0' && first <= '9' && end - start < 5;
    }

    private static long pairKey(int a, int b) { return ((long) a << 32) | (b & 0xffffffffL); }

    /** Weighted term counts of one text, reused across texts: open addressing plus the list of used slots. */
    private static final class Counter {
        private long[] keys = new long[1024];
        private float[] counts = new float[1024];
        private int[] used = new int[1024];
        private int size;

        void add(long key, float w) {
            if (key == 0) key = 1; // 0 marks an empty slot
            int mask = keys.length - 1;
            int i = (int) (key ^ (key >>> 29)) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) { counts[i] += w; return; }
                i = (i + 1) & mask;
            }
            keys[i] = key;
            counts[i] = w;
            used[size++] = i;
            if (size * 2 > keys.length) grow();
        }

        /** The keys, ascending. */
        long[] keys() {
            long[] k = new long[size];
            for (int i = 0; i < size; i++) k[i] = keys[used[i]];
            HashSort.sort(k, size);
            return k;
        }

        /** The counts of {@code k} (keys of this counter), in that order. */
        float[] counts(long[] k) {
            float[] c = new float[k.length];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                long key = k[j] == 0 ? 1 : k[j];
                int i = (int) (key ^ (key >>> 29)) & mask;
                while (keys[i] != key) i = (i + 1) & mask;
                c[j] = counts[i];
            }
            return c;
        }

        void clear() {
            for (int i = 0; i < size; i++) { keys[used[i]] = 0; counts[used[i]] = 0; }
            size = 0;
        }

        private void grow() {
            long[] ok = keys;
            float[] oc = counts;
            int[] ou = used;
            int old = size;
            keys = new long[ok.length * 2];
            counts = new float[ok.length * 2];
            used = new int[ok.length * 2];
            size = 0;
            for (int j = 0; j < old; j++) add(ok[ou[j]], oc[ou[j]]);
        }
    }
}
