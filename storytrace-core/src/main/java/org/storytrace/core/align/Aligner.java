package org.storytrace.core.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.storytrace.core.text.StopWords;

/**
 * Finds the passages two token sequences share, word for word or with small edits.
 *
 * <p>Three steps, in the manner of the PAN text-alignment systems: (1) <em>seeds</em>: every maximal
 * run of equal tokens that starts with an equal {@code seed}-gram, found through a hash table over the
 * second text's grams (each run is reported once, from its first position); (2) <em>extension</em>: runs
 * that follow each other on both sides within a gap that grows with the passage are chained into one
 * passage, which absorbs edits, inserted brackets and changed words; (3) <em>filtering</em>: passages
 * shorter than {@code minTokens} tokens, thinner than half matched, or carrying fewer than
 * {@code minContentTokens} matched content words (not function words) are dropped, and so are passages
 * that overlap a longer one on either side. Runs made of function words alone never seed anything.
 *
 * <p>Works on token indices; callers turn them into character offsets. Not thread-safe (scratch tables
 * are reused): one instance per thread.
 */
public final class Aligner {
    /** Tunables, checked when built. */
    public record Settings(int seed, int minRun, int minTokens, int minContentTokens, int baseGap, double gapRatio, int maxGap,
            int maxChain) {
        public Settings {
            if (seed < 1) throw new IllegalArgumentException("seed must be >= 1, was " + seed);
            if (minRun < seed) throw new IllegalArgumentException("minRun must be >= seed (" + seed + "), was " + minRun);
            if (minTokens < 1) throw new IllegalArgumentException("minTokens must be >= 1, was " + minTokens);
            if (baseGap < 0 || maxGap < baseGap) throw new IllegalArgumentException("need 0 <= baseGap <= maxGap, was " + baseGap + ", "
                    + maxGap);
            if (gapRatio < 0) throw new IllegalArgumentException("gapRatio must be >= 0, was " + gapRatio);
            if (maxChain < 1) throw new IllegalArgumentException("maxChain must be >= 1, was " + maxChain);
        }

        /** Defaults for news reuse: passages of a sentence or more, edits of a few words absorbed. */
        public static Settings defaults() { return new Settings(3, 5, 15, 6, 10, 0.1, 40, 64); }
    }

    /** A shared passage in token indices, {@code [aStart, aEnd)} and {@code [bStart, bEnd)}, with its matched tokens. */
    public record Match(int aStart, int aEnd, int bStart, int bEnd, int matched) {
        public int aLength() { return aEnd - aStart; }
        public int bLength() { return bEnd - bStart; }
    }

    private final Settings settings;
    private long[] gramKeys = new long[1 << 10];
    private int[] gramHead = new int[1 << 10];
    private int[] next = new int[256];

    public Aligner(Settings settings) { this.settings = settings; }
    public Aligner() { this(Settings.defaults()); }
    public Settings settings() { return settings; }

    private static long gram(long[] h, int i, int k) {
        long g = h[i];
        for (int j = 1; j < k; j++) g = Long.rotateLeft(g, 17) * 31 + h[i + j];
        return g == 0 ? 1 : g;
    }

    /** The shared passages of {@code a[0,na)} and {@code b[0,nb)}, ordered by position in {@code a}. */
    public List<Match> align(long[] a, int na, long[] b, int nb) {
        final int k = settings.seed;
        if (na < k || nb < k) return List.of();
        indexGrams(b, nb, k);
        int mask = gramKeys.length - 1;
        // runs as parallel int lists: a start, b start, length
        int[] runs = new int[96];
        int nr = 0;
        for (int i = 0; i + k <= na; i++) {
            long g = gram(a, i, k);
            int slot = (int) (g ^ (g >>> 29)) & mask;
            while (gramKeys[slot] != 0 && gramKeys[slot] != g) slot = (slot + 1) & mask;
            if (gramKeys[slot] == 0) continue;
            int chain = 0;
            for (int j = gramHead[slot]; j >= 0 && chain < settings.maxChain; j = next[j], chain++) {
                if (i > 0 && j > 0 && a[i - 1] == b[j - 1]) continue; // not the start of a maximal run
                int len = 0;
                while (i + len < na && j + len < nb && a[i + len] == b[j + len]) len++;
                if (len < settings.minRun) continue;
                if (contentTokens(a, i, i + len) < 2) continue;
                if (nr + 3 > runs.length) runs = Arrays.copyOf(runs, runs.length * 2);
                runs[nr++] = i;
                runs[nr++] = j;
                runs[nr++] = len;
            }
        }
        return chain(a, runs, nr / 3);
    }

    private void indexGrams(long[] b, int nb, int k) {
        int want = Integer.highestOneBit(Math.max(16, nb) * 4);
        if (gramKeys.length < want || gramKeys.length > want * 8) {
            gramKeys = new long[want];
            gramHead = new int[want];
        } else {
            Arrays.fill(gramKeys, 0);
        }
        if (next.length < nb) next = new int[Math.max(nb, next.length * 2)];
        int mask = gramKeys.length - 1;
        // insert from the end so chains list positions in increasing order
        for (int j = nb - k; j >= 0; j--) {
            long g = gram(b, j, k);
            int slot = (int) (g ^ (g >>> 29)) & mask;
            while (gramKeys[slot] != 0 && gramKeys[slot] != g) slot = (slot + 1) & mask;
            if (gramKeys[slot] == 0) { gramKeys[slot] = g; gramHead[slot] = -1; }
            next[j] = gramHead[slot];
            gramHead[slot] = j;
        }
    }

    private static int contentTokens(long[] h, int from, int to) {
        int c = 0;
        for (int i = from; i < to; i++) if (!StopWords.contains(h[i])) c++;
        return c;
    }

    /**
     * The runs joined into passages. The runs arrive ordered by their start in {@code a}, then in {@code b}: {@link
     * #align} reads {@code a} from its start and each gram's positions in {@code b} in increasing order. So passages open
     * in order of their start in {@code a}, and what is kept is ordered with two stable sorts of index arrays, not
     * library sorts of boxed values with comparators: the JIT inlined those into this method, whose C2 compilation then
     * took 1.1-1.8 s of CPU in a 20,000-article run.
     */
    private List<Match> chain(long[] a, int[] runs, int n) {
        // open passages: aStart, aEnd, bStart, bEnd, matched, content
        List<int[]> passages = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int ai = runs[3 * r], bj = runs[3 * r + 1], len = runs[3 * r + 2];
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int p = passages.size() - 1; p >= 0; p--) {
                int[] q = passages.get(p);
                int gap = allowedGap(q[1] - q[0]);
                int ga = ai - q[1], gb = bj - q[3];
                if (ga < -len || gb < -len || ga > gap || gb > gap) continue;
                if (ai + len <= q[1] && bj + len <= q[3] && ai >= q[0] && bj >= q[2]) { best = -2; break; } // already inside
                long cost = (long) Math.max(ga, 0) + Math.max(gb, 0) + Math.abs((long) ga - gb);
                if (cost < bestCost) { bestCost = cost; best = p; }
            }
            if (best == -2) continue;
            if (best >= 0) {
                int[] q = passages.get(best);
                int newA = Math.max(q[1], ai + len), newB = Math.max(q[3], bj + len);
                q[4] += Math.max(0, ai + len - Math.max(q[1], ai));
                q[1] = newA;
                q[3] = newB;
            } else {
                passages.add(new int[] {ai, ai + len, bj, bj + len, len});
            }
        }
        List<Match> kept = new ArrayList<>();
        for (int[] q : passages) {
            int la = q[1] - q[0], lb = q[3] - q[2];
            if (la < settings.minTokens || lb < settings.minTokens) continue;
            if (q[4] * 2 < la) continue;
            if (contentTokens(a, q[0], q[1]) < settings.minContentTokens) continue;
            kept.add(new Match(q[0], q[1], q[2], q[3], q[4]));
        }
        // most matched first (ties in order of start); drop those overlapping a chosen one on either side by more than half
        int[] key = new int[kept.size()];
        for (int i = 0; i < key.length; i++) key[i] = -kept.get(i).matched();
        List<Match> chosen = new ArrayList<>();
        for (int i : stableOrder(key)) {
            Match m = kept.get(i);
            boolean clash = false;
            for (Match o : chosen) {
                int oa = Math.min(m.aEnd, o.aEnd) - Math.max(m.aStart, o.aStart);
                int ob = Math.min(m.bEnd, o.bEnd) - Math.max(m.bStart, o.bStart);
                if (oa * 2 > m.aLength() || ob * 2 > m.bLength()) { clash = true; break; }
            }
            if (!clash) chosen.add(m);
        }
        int[] starts = new int[chosen.size()];
        for (int i = 0; i < starts.length; i++) starts[i] = chosen.get(i).aStart();
        List<Match> out = new ArrayList<>(starts.length);
        for (int i : stableOrder(starts)) out.add(chosen.get(i));
        return out;
    }

    /** The indices of {@code key} in increasing order of their key, equal keys in index order (a bottom-up merge sort). */
    static int[] stableOrder(int[] key) {
        int n = key.length;
        int[] order = new int[n], tmp = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n), i = lo, j = mid, k = lo;
                while (i < mid && j < hi) tmp[k++] = key[order[j]] < key[order[i]] ? order[j++] : order[i++];
                while (i < mid) tmp[k++] = order[i++];
                while (j < hi) tmp[k++] = order[j++];
            }
            int[] t = order;
            order = tmp;
            tmp = t;
        }
        return order;
    }

    private int allowedGap(int passageTokens) {
        return (int) Math.min(settings.maxGap, Math.max(settings.baseGap, passageTokens * settings.gapRatio));
    }
}
