package org.storytrace.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.storytrace.core.align.Aligner;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.index.AnchorIndex;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LshIndex;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Passage;
import org.storytrace.core.text.Tokens;

/**
 * The link stage: fingerprints each article as it arrives, finds candidates among those already seen
 * (LSH bands for similar texts, shared anchors for partial reprints), verifies each candidate by passage
 * alignment and returns the verified links. Never compares all pairs.
 *
 * <p>Incremental: {@link #add} one article at a time; the links returned join it to earlier ones.
 * Not thread-safe.
 */
public final class Linker {
    /** Tunables, checked when built. */
    public record Settings(int numHashes, int shingle, int bands, int rows, int anchorShingle, int anchorSample,
                           int anchorMinShared, int anchorMaxDocFreq, double nearDuplicate, Aligner.Settings alignment) {
        public Settings {
            if (bands * rows > numHashes) {
                throw new IllegalArgumentException("bands * rows (" + bands * rows + ") exceeds numHashes (" + numHashes + ")");
            }
            if (!(nearDuplicate > 0 && nearDuplicate <= 1)) throw new IllegalArgumentException("nearDuplicate must be in (0, 1], was " + nearDuplicate);
        }

        public static Settings defaults() {
            return new Settings(128, 3, 32, 4, 5, 8, 2, 1000, 0.9, Aligner.Settings.defaults());
        }
    }

    private final Settings settings;
    private final MinHasher hasher;
    private final LshIndex lsh;
    private final AnchorIndex anchorIndex;
    private final Aligner aligner;
    private final Tokens tokens = new Tokens();
    private final List<Article> articles = new ArrayList<>();
    private final List<Fingerprint> fingerprints = new ArrayList<>();
    private final IntBuffer found = new IntBuffer();
    private int candidatesChecked;

    public Linker(Settings settings) {
        this.settings = settings;
        this.hasher = new MinHasher(settings.numHashes(), settings.shingle());
        this.lsh = new LshIndex(settings.bands(), settings.rows());
        this.anchorIndex = new AnchorIndex(settings.anchorShingle(), settings.anchorSample(), settings.anchorMinShared(), settings.anchorMaxDocFreq());
        this.aligner = new Aligner(settings.alignment());
    }

    public Linker() { this(Settings.defaults()); }

    /** Fingerprints an article's body. */
    public Fingerprint fingerprint(Article a) {
        tokens.tokenize(a.cleanText(), a.bodyStart(), a.bodyEnd());
        int n = tokens.size();
        long[] h = tokens.copyHashes();
        int[] s = java.util.Arrays.copyOf(tokens.startsArray(), n);
        int[] e = java.util.Arrays.copyOf(tokens.endsArray(), n);
        return new Fingerprint(a.id(), a.bodyEnd() - a.bodyStart(), h, s, e, hasher.signature(h, n), anchorIndex.anchors(h, n));
    }

    /** Indexes {@code a} and returns its verified links to the articles added before it. */
    public List<Link> add(Article a) {
        Fingerprint fp = fingerprint(a);
        int doc = fingerprints.size();
        java.util.TreeSet<Integer> candidates = new java.util.TreeSet<>();
        lsh.query(fp.signature(), -1, found);
        for (int i = 0; i < found.size(); i++) candidates.add(found.get(i));
        anchorIndex.query(fp.anchors(), -1, found);
        for (int i = 0; i < found.size(); i++) candidates.add(found.get(i));
        List<Link> links = new ArrayList<>();
        for (int c : candidates) {
            candidatesChecked++;
            Link l = verify(articles.get(c), fingerprints.get(c), a, fp);
            if (l != null) links.add(l);
        }
        lsh.add(doc, fp.signature());
        anchorIndex.add(doc, fp.anchors());
        articles.add(a);
        fingerprints.add(fp);
        return links;
    }

    /** Aligns two fingerprinted articles; null when they share no passage worth reporting. */
    public Link verify(Article x, Fingerprint fx, Article y, Fingerprint fy) {
        // keep a fixed orientation (smaller id first) so results do not depend on arrival order
        if (x.id().compareTo(y.id()) > 0) { Article t = x; x = y; y = t; Fingerprint f = fx; fx = fy; fy = f; }
        List<Aligner.Match> matches = aligner.align(fx.tokens(), fx.size(), fy.tokens(), fy.size());
        if (matches.isEmpty()) return null;
        List<Passage> passages = new ArrayList<>(matches.size());
        long charsA = 0, charsB = 0;
        for (Aligner.Match m : matches) {
            Passage p = new Passage(fx.starts()[m.aStart()], fx.ends()[m.aEnd() - 1], fy.starts()[m.bStart()], fy.ends()[m.bEnd() - 1]);
            passages.add(p);
            charsA += p.aEnd() - p.aStart();
            charsB += p.bEnd() - p.bStart();
        }
        double sim = MinHasher.similarity(fx.signature(), fy.signature());
        String direction = null;
        if (x.published() != null && y.published() != null) {
            int c = x.published().compareTo(y.published());
            direction = c < 0 ? "a->b" : c > 0 ? "b->a" : null;
        }
        return new Link(x.id(), y.id(), round(sim), round(Math.min(1, (double) charsA / Math.max(1, fx.bodyChars()))),
                round(Math.min(1, (double) charsB / Math.max(1, fy.bodyChars()))), direction, passages);
    }

    private static double round(double d) { return Math.round(d * 10000) / 10000.0; }

    public List<Fingerprint> fingerprints() { return List.copyOf(fingerprints); }
    public int candidatesChecked() { return candidatesChecked; }
    public Settings settings() { return settings; }
}
