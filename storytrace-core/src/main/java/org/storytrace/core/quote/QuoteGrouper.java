package org.storytrace.core.quote;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.storytrace.core.cluster.UnionFind;

/**
 * Groups the quotes of one story that report the same words, however each outlet worded them (two
 * translations, a trimmed quote, an editorial bracket inserted), and compares each wording with the
 * group's most complete one word by word.
 *
 * <p>Two quotes of different articles are the same quote when their words, compared by a longest common
 * subsequence, share at least {@value #MIN_SHARE} of the shorter one's words (four words at least). The
 * comparison lists the words inserted, the words omitted and the words changed (a run omitted and a run
 * inserted at the same place).
 */
public final class QuoteGrouper {
    static final double MIN_SHARE = 0.6;

    private QuoteGrouper() {}

    /** One quote of the story: its article and the quote. */
    public record Item(String article, Quote quote) implements Serializable {}

    /** How one wording differs from the group's most complete wording. */
    public record Difference(int item, List<String> inserted, List<String> omitted,
            List<String[]> changed) implements Serializable {
        public boolean isEmpty() { return inserted.isEmpty() && omitted.isEmpty() && changed.isEmpty(); }
    }

    /** A group: its items (indexes into the story's items), the most complete one, and each other one's differences from it. */
    public record Group(List<Integer> items, int reference, List<Difference> differences) implements Serializable {}

    /** The groups of two or more quotes from different articles among {@code items}. */
    public static List<Group> group(List<Item> items) {
        int n = items.size();
        List<List<String>> words = new ArrayList<>(n);
        for (Item it : items) words.add(words(it.quote().text()));
        UnionFind sets = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (items.get(i).article().equals(items.get(j).article())) continue;
                int shorter = Math.min(words.get(i).size(), words.get(j).size());
                if (shorter < 4) continue;
                if (lcs(words.get(i), words.get(j)) >= MIN_SHARE * shorter) sets.union(i, j);
            }
        }
        Map<Integer, List<Integer>> byRoot = new TreeMap<>();
        for (int i = 0; i < n; i++) byRoot.computeIfAbsent(sets.find(i), x -> new ArrayList<>()).add(i);
        List<Group> out = new ArrayList<>();
        for (List<Integer> g : byRoot.values()) {
            if (g.size() < 2) continue;
            int ref = g.get(0);
            for (int i : g) if (words.get(i).size() > words.get(ref).size()) ref = i;
            List<Difference> diffs = new ArrayList<>();
            for (int i : g) if (i != ref) diffs.add(diff(i, words.get(ref), words.get(i)));
            out.add(new Group(g, ref, diffs));
        }
        return out;
    }

    /** The words of a quote, lower-cased, punctuation aside (brackets kept as words so insertions show). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}\\p{N}'\\[\\]]+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1], cur = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            int[] t = prev; prev = cur; cur = t;
            Arrays.fill(cur, 0);
        }
        return prev[b.size()];
    }

    /** The words {@code b} inserts into, omits from and changes in the reference {@code a}, from their alignment. */
    static Difference diff(int item, List<String> a, List<String> b) {
        int n = a.size(), m = b.size();
        int[][] t = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) for (int j = m - 1; j >= 0; j--) t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1
                : Math.max(t[i + 1][j], t[i][j + 1]);
        List<String> inserted = new ArrayList<>(), omitted = new ArrayList<>();
        List<String[]> changed = new ArrayList<>();
        List<String> gapA = new ArrayList<>(), gapB = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                flush(gapA, gapB, inserted, omitted, changed);
                i++;
                j++;
            } else if (j < m && (i == n || t[i][j + 1] >= t[i + 1][j])) {
                gapB.add(b.get(j++));
            } else {
                gapA.add(a.get(i++));
            }
        }
        flush(gapA, gapB, inserted, omitted, changed);
        return new Difference(item, inserted, omitted, changed);
    }

    private static void flush(List<String> gapA, List<String> gapB, List<String> inserted, List<String> omitted, List<String[]> changed) {
        if (!gapA.isEmpty() && !gapB.isEmpty()) changed.add(new String[] {String.join(" ", gapA), String.join(" ", gapB)});
        else if (!gapA.isEmpty()) omitted.add(String.join(" ", gapA));
        else if (!gapB.isEmpty()) inserted.add(String.join(" ", gapB));
        gapA.clear();
        gapB.clear();
    }



}
