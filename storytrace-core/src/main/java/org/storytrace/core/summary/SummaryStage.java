package org.storytrace.core.summary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.model.Article;
import org.storytrace.core.text.Datelines;
import org.storytrace.core.time.TimelineStage;

/**
 * The story stage that writes a short extractive summary of a story in which every sentence cites where it
 * comes from.
 *
 * <p>Candidates are the body sentences of the story's articles (8 to 70 words; not a headline). Each is a
 * set of content words weighted by inverse sentence frequency within the story, names compared by their
 * romanisation key so two spellings of one name count as one word. A sentence's weight is its continuous
 * LexRank centrality (Erkan and Radev 2004: the stationary distribution of a random walk on the cosine
 * graph, damping 0.15) times a lead prior ({@code 1 + 1 / (1 + its position in its article)}, since news puts
 * the facts first) and a corroboration prior ({@code 1 + 0.5} for each other outlet, up to three, with a sentence at
 * cosine {@value #ECHO} or more, since the summary covers what the outlets report, not what one adds), halved for a
 * sentence that leans on the one before it ({@link #leansBack}: "But ...", "The following ...", a "she" whose person the
 * sentence does not name), which a summary reader has not read. A sentence under
 * {@value #MIN_SCORE} of the heaviest one's weight is an aside, and the summary stops short rather than add it. A sentence
 * stating the minority value of a disputed fact ({@link FactStage}) is left out: the dispute is reported as one. Sentences are then chosen
 * by maximal marginal relevance (Carbonell and Goldstein 1998,
 * {@code λ} = {@value #LAMBDA}), so a fact reported by every outlet is said once, until the summary has its
 * sentences. Each chosen sentence cites its own span and the sentences of other articles that say the same
 * (cosine at least {@value #SAME}), which is where the outlets agree. Chosen sentences are given in the order
 * of their first article's position, so the summary reads like a report. No model, no remote service.
 */
public final class SummaryStage implements StoryStage<SummaryStage.Summary> {
    public static final int DEFAULT_SENTENCES = 5;
    static final double LAMBDA = 0.7;
    static final double SAME = 0.5;
    /**
     * A sentence weighing less than this share of the heaviest is no part of the story (an aside): a summary stops short rather than add
     * it.
     */
    static final double MIN_SCORE = 0.15;
    /** Cosine to a chosen sentence at which a candidate repeats it and is left out. */
    static final double REPEAT = 0.4;
    /** Cosine at which another article's sentence counts as saying much the same (corroboration). */
    static final double ECHO = 0.3;
    /** Candidate sentences at most per article and per story (a story of thousands of articles keeps each one's lead). */
    static final int PER_ARTICLE = 40, PER_STORY = 1500;

    /** Where a sentence of the summary is written. */
    public record Citation(String article, int start, int end) implements Serializable {}

    /** One sentence of the summary, as written in its first citation, and everywhere it is written. */
    public record Line(String text, List<Citation> citations) implements Serializable {
        public Line { citations = List.copyOf(citations); }
    }

    public record Summary(List<Line> sentences) implements Serializable {
        public Summary { sentences = List.copyOf(sentences); }
    }

    public static final Layer<Summary> LAYER = Layer.of("summary", Summary.class);

    private final int length;

    /** A stage writing summaries of {@code sentences} sentences at most. */
    public SummaryStage(int sentences) {
        if (sentences < 1) throw new IllegalArgumentException("a summary needs at least one sentence, was " + sentences);
        this.length = sentences;
    }

    public SummaryStage() { this(DEFAULT_SENTENCES); }

    @Override public String name() { return "summary"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES); }
    @Override public Layer<Summary> adds() { return LAYER; }
    @Override public String describe() { return "summary: " + length + " sentences, LexRank centrality with a lead prior, MMR lambda "
            + LAMBDA + ", citations at cosine " + SAME; }

    /** Whether two words in five or more of {@code sentence} are figures: a row of a table, not a sentence. */
    static boolean tabular(String sentence) { return tabular(sentence.split("\\s+")); }

    /** {@link #tabular(String)} of a sentence already split at its spaces. */
    private static boolean tabular(String[] split) {
        int words = 0, figures = 0;
        for (String w : split) {
            if (w.isEmpty()) continue;
            words++;
            if (Character.isDigit(w.charAt(0)) || w.length() > 1 && "-+$(".indexOf(w.charAt(0)) >= 0 && Character.isDigit(w.charAt(1))) {
                figures++;
            }
        }
        return figures * 5 >= words * 2;
    }

    private record Candidate(String article, int articleRank, int position, int start, int end, String text, long[] keys,
                             boolean leansBack) {}

    /**
     * A summary sentence is read without the sentences that stood before it, so one that leans on them ("But the toll
     * rose", "Officials in Tanzania, where she arrived next, ...", "The following are the latest figures") reads as a
     * riddle. Such a sentence weighs this much of its score: chosen only when nothing standing alone says as much.
     */
    static final double LEANS_BACK = 0.5;

    /** Words that open a sentence continuing the one before it. */
    private static final Set<String> CONTINUERS = Set.of("but", "and", "or", "however", "also", "still", "yet", "moreover", "furthermore",
            "besides", "nevertheless", "nonetheless", "instead", "otherwise", "thus", "therefore", "hence", "so", "they", "this", "these",
            "those", "such", "then");
    /** A person named by a pronoun: who it is stands in an earlier sentence unless the sentence names a person too. */
    private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her", "his", "hers", "himself", "herself");

    /**
     * Whether the sentence {@code text[start, end)} leans on the one before it: it opens with a word that continues
     * another sentence or points back ({@link #CONTINUERS}; "There" too, as in "There, ..."), with "The following", or
     * it names a person by a pronoun ({@link #PERSONAL}) and names no person ({@code people}: where the article's person
     * mentions start; null when the article's names are not known, and then any capitalised word after the first counts).
     */
    static boolean leansBack(String text, int start, int end, List<Integer> people) {
        int i = start;
        while (i < end && !Character.isLetter(text.charAt(i))) i++; // an opening quotation mark
        int firstEnd = wordEnd(text, i, end);
        String first = text.substring(i, firstEnd).toLowerCase(Locale.ROOT);
        if (CONTINUERS.contains(first)) return true;
        if ("there".equals(first) && firstEnd < end && text.charAt(firstEnd) == ',') return true;
        if ("the".equals(first) && text.startsWith(" following", firstEnd)) return true;
        boolean pronoun = PERSONAL.contains(first), named = false;
        for (i = firstEnd; i < end; ) {
            if (!Character.isLetter(text.charAt(i))) { i++; continue; }
            int e = wordEnd(text, i, end);
            pronoun |= PERSONAL.contains(text.substring(i, e).toLowerCase(Locale.ROOT));
            named |= people == null && Character.isUpperCase(text.charAt(i));
            i = e;
        }
        // the person may be named after the pronoun too ("After she left rehab, Lindsay Lohan checked into ...")
        return pronoun && !named && (people == null || !personIn(people, start, end));
    }

    private static int wordEnd(String text, int i, int end) {
        int e = i;
        while (e < end && Character.isLetter(text.charAt(e))) e++;
        return e;
    }

    /** Whether a person is mentioned in {@code [from, to)}. */
    private static boolean personIn(List<Integer> people, int from, int to) {
        for (int p : people) if (p >= from && p < to) return true;
        return false;
    }

    @Override public Summary apply(StoryView story) {
        List<Candidate> cands = new ArrayList<>();
        // where the story names people, by article: the entity stage's types (a person the name finder typed otherwise in
        // one sentence is still a person); without that stage, each article's own person mentions
        var entities = story.find(EntityStage.LAYER);
        Map<String, List<Integer>> personStarts = new HashMap<>();
        entities.ifPresent(se -> se.entities().stream().filter(e -> e.type() == EntityType.PERSON).flatMap(e -> e.mentions().stream())
                .forEach(at -> personStarts.computeIfAbsent(at.article(), x -> new ArrayList<>()).add(at.start())));
        for (int k = 0; k < story.documents().size() && cands.size() < PER_STORY; k++) {
            Document d = story.documents().get(k);
            Article a = d.article();
            Sentences s = d.find(Layers.SENTENCES).orElse(null);
            if (s == null) continue;
            String text = a.cleanText();
            // null: no names known for the article (no entity stage, no mentions layer)
            List<Integer> people = entities.isPresent() ? personStarts.getOrDefault(a.id(), List.of()) : null;
            var mentions = d.find(Mentions.LAYER);
            if (entities.isEmpty() && mentions.isPresent()) {
                people = new ArrayList<>();
                for (Mention m : mentions.get().list()) if (m.type() == EntityType.PERSON) people.add(m.start());
            }
            int taken = 0;
            for (int i = 0; i < s.size() && taken < PER_ARTICLE; i++) {
                int st = s.starts()[i], en = s.ends()[i];
                // a report's dateline ("BAGHDAD, May 8, 2021 \u2014", "NAIROBI, Nov. 2 (Xinhua) --") is no part of what it says
                int after = Datelines.skip(text, st, en);
                if (after < en) st = after;
                String sentence = text.substring(st, en).strip();
                String[] split = sentence.split("\\s+");
                int words = sentence.isEmpty() ? 0 : split.length;
                if (words < 8 || words > 70 || a.title() != null && sentence.equals(a.title().strip()) || sentence.endsWith("?")) continue;
                // the line that opens a list or a table ("... provided by the Singapore Commodity Exchange:"), a table's row
                if (sentence.endsWith(":") || tabular(split)) continue;
                long[] keys = TimelineStage.contentKeys(text, st, st, st, en);
                if (keys.length < 4) continue;
                cands.add(new Candidate(a.id(), k, taken, st, en, sentence, keys, leansBack(text, st, en, people)));
                taken++;
            }
        }
        if (cands.isEmpty()) return new Summary(List.of());
        int n = cands.size();
        Map<Long, Integer> df = new HashMap<>();
        for (Candidate c : cands) for (long x : c.keys) df.merge(x, 1, Integer::sum);
        double[][] w = new double[n][];
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            long[] keys = cands.get(i).keys;
            w[i] = new double[keys.length];
            double sq = 0;
            for (int j = 0; j < keys.length; j++) {
                w[i][j] = Math.log((double) (n + 1) / df.get(keys[j]));
                sq += w[i][j] * w[i][j];
            }
            norm[i] = Math.sqrt(sq);
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) sim[i][j] = sim[j][i] = cosine(cands.get(i).keys, w[i], norm[i], cands.get(j).keys, w[j],
                    norm[j]);
        }
        double[] rank = lexRank(sim);
        double[] score = new double[n];
        double top = 0;
        boolean[] disputed = disputedSpans(story, cands);
        for (int i = 0; i < n; i++) {
            Candidate c = cands.get(i);
            // how many other outlets say much the same: what the outlets agree on comes first
            Set<String> echoed = new HashSet<>();
            for (int j = 0; j < n; j++) if (sim[i][j] >= ECHO && !cands.get(j).article.equals(c.article)) echoed.add(cands.get(j).article);
            score[i] = rank[i] * (1 + 1.0 / (1 + c.position)) * (1 + 0.5 * Math.min(3, echoed.size())) * (c.leansBack ? LEANS_BACK : 1);
            if (disputed[i]) score[i] = 0;
            top = Math.max(top, score[i]);
        }
        if (top == 0) top = 1;
        for (int i = 0; i < n; i++) score[i] /= top;
        List<Integer> chosen = new ArrayList<>();
        boolean[] used = new boolean[n];
        while (chosen.size() < length) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (used[i]) continue;
                double redundancy = 0;
                for (int c : chosen) redundancy = Math.max(redundancy, sim[i][c]);
                double v = LAMBDA * score[i] - (1 - LAMBDA) * redundancy;
                if (v > bestValue) { bestValue = v; best = i; }
            }
            if (best < 0 || score[best] < MIN_SCORE) break;
            used[best] = true;
            // what another sentence already says (a reprint of it) adds nothing
            boolean repeats = false;
            for (int c : chosen) repeats |= sim[best][c] >= REPEAT;
            if (!repeats) chosen.add(best);
        }
        chosen.sort((x, y) -> {
            Candidate a = cands.get(x), b = cands.get(y);
            return a.articleRank != b.articleRank ? Integer.compare(a.articleRank, b.articleRank) : Integer.compare(a.position, b.position);
        });
        List<Line> lines = new ArrayList<>();
        for (int i : chosen) {
            Candidate c = cands.get(i);
            List<Citation> cites = new ArrayList<>();
            cites.add(new Citation(c.article, c.start, c.end));
            List<Integer> others = new ArrayList<>();
            for (int j = 0; j < n; j++) if (j != i && !cands.get(j).article.equals(c.article) && sim[i][j] >= SAME) others.add(j);
            others.sort((x, y) -> Double.compare(sim[i][y], sim[i][x]));
            Set<String> cited = new HashSet<>(List.of(c.article));
            for (int j : others) {
                Candidate o = cands.get(j);
                if (cited.add(o.article)) cites.add(new Citation(o.article, o.start, o.end));
            }
            lines.add(new Line(c.text, cites));
        }
        return new Summary(lines);
    }

    /**
     * The candidates that state a value of a disputed fact other than the one most sources (then most
     * articles) hold: a summary states what the outlets agree on and leaves the dispute to the discrepancies.
     * Returns, per candidate, whether it does.
     */
    private static boolean[] disputedSpans(StoryView story, List<Candidate> cands) {
        boolean[] out = new boolean[cands.size()];
        var facts = story.find(FactStage.LAYER);
        if (facts.isEmpty()) return out;
        for (FactStage.Fact f : facts.get().discrepancies()) {
            // the value most independent sources hold (then most articles) may be stated; the others are left out
            FactStage.Value keep = f.values().stream().max(Comparator.comparingInt(FactStage.Value::sources)
                    .thenComparingInt(v -> v.articles().size())).orElseThrow();
            for (FactStage.Value v : f.values()) {
                if (v == keep) continue;
                for (FactStage.Evidence e : v.evidence()) {
                    if (e.implied()) continue;
                    for (int i = 0; i < cands.size(); i++) {
                        Candidate c = cands.get(i);
                        if (c.article.equals(e.article()) && e.start() < c.end && e.end() > c.start) out[i] = true;
                    }
                }
            }
        }
        return out;
    }

    private static double cosine(long[] a, double[] wa, double na, long[] b, double[] wb, double nb) {
        if (na == 0 || nb == 0) return 0;
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) { dot += wa[i] * wb[j]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return dot / (na * nb);
    }

    /** Continuous LexRank: power iteration on the row-normalised similarity graph with damping 0.15. */
    static double[] lexRank(double[][] sim) {
        int n = sim.length;
        double[] rowSum = new double[n];
        // no self-loops: a sentence like no other keeps no weight of its own
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (j != i) rowSum[i] += sim[i][j];
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        double d = 0.15;
        for (int it = 0; it < 50; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                if (rowSum[i] == 0) continue;
                double share = p[i] / rowSum[i];
                for (int j = 0; j < n; j++) if (j != i) next[j] += share * sim[i][j];
            }
            double delta = 0;
            for (int j = 0; j < n; j++) {
                next[j] = d / n + (1 - d) * next[j];
                delta += Math.abs(next[j] - p[j]);
            }
            p = next;
            if (delta < 1e-7) break;
        }
        return p;
    }
}
