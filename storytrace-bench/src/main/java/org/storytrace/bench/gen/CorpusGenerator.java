package org.storytrace.bench.gen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds news corpora of any size with known truth from real newswire, for benchmarks and evaluation.
 *
 * <p>Stories are made one at a time. Each has a cast of names (real names from the pool and invented
 * ones), a date, and an original article written by walking a {@link WordModel} of the pool. A story may
 * add: reprints (the original's paragraphs, some cut or swapped, words changed, typography changed, page
 * furniture added, a new headline), rewrites (the same cast and facts in newly written sentences: few
 * shared word runs), and follow-ups days later. Stories of one article are the unrelated rest.
 *
 * <p>The truth lists, per article, its story, its kind, and for a reprint its source and the reused
 * spans ({@code a_*} in the source, {@code b_*} in the reprint). Deterministic for a given seed.
 */
public final class CorpusGenerator {
    /**
     * Shares of stories that get each addition, and the {@code language} every record declares (null: none, as most real
     * inputs, so that the reader identifies it); checked when built.
     *
     * <p>Why no language by default (session 20): with {@code "language": "eng"} in every record the benchmarks never ran
     * language identification, which on records without it was two thirds of {@code analyze}'s CPU: the generated corpus
     * hid a cost every HTML, WARC or text input pays.
     */
    public record Settings(int articles, long seed, double reprintStories, double rewriteStories, double followUpStories,
                           String language) {
        public Settings {
            if (articles < 1) throw new IllegalArgumentException("articles must be >= 1, was " + articles);
            for (double d : new double[] {reprintStories, rewriteStories, followUpStories}) {
                if (d < 0 || d > 1) throw new IllegalArgumentException("shares must be in [0, 1], was " + d);
            }
            if (language != null && !language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("language must be an ISO 639 code such as eng, was " + language);
            }
        }
        public static Settings of(int articles, long seed) { return new Settings(articles, seed, 0.25, 0.15, 0.1, null); }

        /** The same settings with every record declaring {@code code} as its language (null: none). */
        public Settings withLanguage(String code) {
            return new Settings(articles, seed, reprintStories, rewriteStories, followUpStories, code);
        }
    }

    private static final String[] OUTLETS = {"valley-courier", "harbour-gazette", "northern-ledger", "daily-meridian", "city-wire",
        "coastal-times", "plains-herald", "river-post", "metro-sentinel", "capital-observer", "island-record", "summit-news"};
    private static final String[] SYLLABLES = {"ka", "ro", "vel", "mi", "dan", "sor", "te", "lu", "bra", "zin", "ost", "gar", "el", "nu",
            "pha", "rik"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WordModel model;

    public CorpusGenerator(List<String> poolTexts) {
        this.model = new WordModel(poolTexts);
    }

    private record Para(String text) {}

    private record Made(String id, String title, String text, LocalDate date, String outlet, String story, String kind,
                        String source, List<int[]> spans) {}

    /** Writes {@code settings.articles()} articles as JSON Lines to {@code corpus} and their truth to {@code truth}. */
    public void generate(Settings settings, Writer corpus, Writer truth) throws IOException {
        SplittableRandom r = new SplittableRandom(settings.seed());
        int made = 0, story = 0;
        while (made < settings.articles()) {
            story++;
            List<Made> out = story(r, settings, "s" + story, settings.articles() - made);
            for (Made m : out) {
                write(m, settings.language(), corpus, truth);
                made++;
            }
        }
    }

    private List<Made> story(SplittableRandom r, Settings s, String storyId, int room) {
        List<String> cast = new ArrayList<>();
        int invented = 2 + r.nextInt(3);
        for (int i = 0; i < invented; i++) cast.add(inventName(r));
        for (int i = 0; i < 3; i++) cast.add(model.name(r));
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(366));
        List<Made> out = new ArrayList<>();
        List<Para> paras = paragraphs(r, cast, 5 + r.nextInt(5));
        String title = model.sentence(r, 6, 11, cast, 0.6).replaceAll("[.]$", "");
        String originalId = storyId + "-a1";
        String original = join(paras);
        out.add(new Made(originalId, title, original, date, outlet(r), storyId, "original", null, List.of()));
        if (out.size() < room && r.nextDouble() < s.reprintStories()) {
            int k = 1 + r.nextInt(3);
            for (int i = 0; i < k && out.size() < room; i++) out.add(reprint(r, storyId, storyId + "-r" + (i + 1), title, paras, originalId,
                    date));
        }
        if (out.size() < room && r.nextDouble() < s.rewriteStories()) {
            String t = model.sentence(r, 6, 11, cast, 0.6).replaceAll("[.]$", "");
            out.add(new Made(storyId + "-w1", t, join(paragraphs(r, cast, 4 + r.nextInt(5))), date.plusDays(r.nextInt(2)), outlet(r),
                    storyId, "rewrite", null, List.of()));
        }
        if (out.size() < room && r.nextDouble() < s.followUpStories()) {
            String t = model.sentence(r, 6, 11, cast, 0.6).replaceAll("[.]$", "");
            out.add(new Made(storyId + "-f1", t, join(paragraphs(r, cast, 4 + r.nextInt(5))), date.plusDays(1 + r.nextInt(3)), outlet(r),
                    storyId, "follow-up", null, List.of()));
        }
        return out;
    }

    private List<Para> paragraphs(SplittableRandom r, List<String> cast, int n) {
        List<Para> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            int sentences = 2 + r.nextInt(3);
            for (int j = 0; j < sentences; j++) {
                if (j > 0) b.append(' ');
                b.append(model.sentence(r, 8, 30, cast, 0.35));
            }
            ps.add(new Para(b.toString()));
        }
        return ps;
    }

    /** A reprint: kept paragraphs (some cut, one pair maybe swapped), small edits, furniture, a new headline. */
    private Made reprint(SplittableRandom r, String storyId, String id, String title, List<Para> paras, String sourceId, LocalDate date) {
        // where each paragraph starts in the original
        int[] starts = new int[paras.size()];
        int pos = 0;
        for (int i = 0; i < paras.size(); i++) { starts[i] = pos; pos += paras.get(i).text().length() + 2; }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < paras.size(); i++) if (i == 0 || r.nextDouble() > 0.25) keep.add(i);
        if (keep.size() > 2 && r.nextDouble() < 0.3) {
            int a = 1 + r.nextInt(keep.size() - 1);
            int b = 1 + r.nextInt(keep.size() - 1);
            Integer t = keep.get(a); keep.set(a, keep.get(b)); keep.set(b, t);
        }
        StringBuilder text = new StringBuilder();
        String outlet = outlet(r);
        // the page-header date of a scraped page: the day it was viewed, months later
        LocalDate viewed = date.plusDays(200 + r.nextInt(200));
        text.append(viewed.format(DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH)))
                .append("\n\n");
        String newTitle = r.nextBoolean() ? title : edit(r, title, 0.2);
        text.append(newTitle).append("\n\n");
        List<int[]> spans = new ArrayList<>();
        for (int i : keep) {
            String edited = typography(r, edit(r, paras.get(i).text(), 0.02));
            int b0 = text.length();
            text.append(edited).append("\n\n");
            spans.add(new int[] {starts[i], starts[i] + paras.get(i).text().length(), b0, b0 + edited.length()});
        }
        text.append("Source » ").append(outlet(r)).append('\n');
        return new Made(id, newTitle, text.toString(), date.plusDays(r.nextInt(2)), outlet, storyId, "reprint", sourceId, spans);
    }

    /** Replaces each word with another with probability {@code p}. */
    private String edit(SplittableRandom r, String s, double p) {
        String[] w = s.split(" ");
        for (int i = 0; i < w.length; i++) {
            if (r.nextDouble() >= p || !w[i].matches("[a-z]+")) continue;
            String x;
            do { x = model.word(r).toLowerCase(Locale.ROOT); } while (!x.matches("[a-z]+"));
            w[i] = x; // one plain word for another: the reused span keeps its length in words
        }
        return String.join(" ", w);
    }

    private static String typography(SplittableRandom r, String s) {
        return r.nextBoolean() ? s.replace("'", "’").replace(" - ", " — ") : s;
    }

    private String inventName(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static String outlet(SplittableRandom r) { return OUTLETS[r.nextInt(OUTLETS.length)]; }

    private static String join(List<Para> ps) {
        StringBuilder b = new StringBuilder();
        for (Para p : ps) b.append(p.text()).append("\n\n");
        return b.toString();
    }

    private static void write(Made m, String language, Writer corpus, Writer truth) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", m.id());
        o.put("url", "https://" + m.outlet() + ".example/" + m.date().toString().replace('-', '/') + "/" + m.id());
        o.put("title", m.title());
        o.put("text", m.text());
        o.put("published", m.date().toString());
        o.put("outlet", m.outlet());
        if (language != null) o.put("language", language);
        corpus.write(JSON.writeValueAsString(o));
        corpus.write('\n');
        ObjectNode t = JSON.createObjectNode();
        t.put("id", m.id());
        t.put("story", m.story());
        t.put("kind", m.kind());
        t.put("source", m.source());
        ArrayNode spans = t.putArray("spans");
        for (int[] s : m.spans()) {
            ObjectNode so = spans.addObject();
            so.put("a_start", s[0]);
            so.put("a_end", s[1]);
            so.put("b_start", s[2]);
            so.put("b_end", s[3]);
        }
        truth.write(JSON.writeValueAsString(t));
        truth.write('\n');
    }
}
