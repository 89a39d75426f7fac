package org.storytrace.core.quote;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.text.Spelling;
import org.storytrace.core.text.StopWords;
import org.storytrace.core.text.Tokens;

/**
 * Groups the quotes of one story that report the same words, however each outlet worded them (two
 * translations, a trimmed quote, an editorial bracket inserted), and compares each wording with the
 * group's most complete one word by word.
 *
 * <p>Words are compared by a key that ignores what is typography or house style, not wording: case,
 * apostrophes (curly or straight, "population's" / "populations'", "I ’ m" as some sources tokenise it),
 * and British against American spelling ({@link Spelling#key}: neighbourhood / neighborhood, fibre / fiber,
 * organisation / organization, travelled / traveled, defence / defense). One word mistyped by one outlet
 * ({@link Spelling#typo}: beween / between) is no change either. The words shown in a difference are each
 * wording's own.
 *
 * <p>A quote matches a longer one when, compared by a longest common subsequence of keys, they share at
 * least {@value #MIN_SHARE} of the shorter one's words (four words at least) <em>and</em> at least half of
 * its content words (two at least, where it has two): a run of function words ("I tried to", "there's a lot
 * of") is not the same quote. Groups are stars, not chains: quotes are taken longest first, and each joins
 * the first group whose reference (its longest quote) it matches, or starts one. Single-link chaining had
 * joined different quotes of one speaker through a third that shared a few words with each. A group is
 * reported when its quotes come from two articles at least.
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

    private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us");
    /** Nouns for what carries words rather than who speaks them. */
    private static final Set<String> DOCUMENTS = Set.of("statement", "release", "communique", "report", "letter", "note", "memo",
            "document", "post", "tweet", "message", "email", "e-mail", "notice", "announcement", "transcript", "text");

    /**
     * The item of {@code g} whose speaker the group is given: the one that says best who spoke. A name beats a
     * pronoun that stands for one, which beats a description ("an officer", "the coalition"), which beats a document
     * ("a statement reads", ECB+), which beats a pronoun for no one, which beats no speaker; then the one with a cue
     * ("said"), then the group's most complete wording, then the first. Why (session 32): the group took its most
     * complete wording's speaker, so where one outlet wrote "Richardson said" and another's "he said" stood for Mobutu,
     * the quote went to Mobutu; on the news pool's 18 groups whose outlets name different speakers, 4 were given a wrong
     * person and 6 a weaker speaker than another outlet named.
     *
     * @param named whether an item's speaker is (or stands for) a name mention of an entity
     */
    public static int speakerItem(Group g, List<Item> items, Predicate<Item> named) {
        int best = g.reference(), bestRank = speakerRank(items.get(best), named);
        for (int i : g.items()) {
            int rank = speakerRank(items.get(i), named);
            if (rank > bestRank) { best = i; bestRank = rank; }
        }
        return best;
    }

    private static int speakerRank(Item it, Predicate<Item> named) {
        Quote q = it.quote();
        if (!q.hasSpeaker()) return 0;
        String speaker = q.speaker().strip().toLowerCase(Locale.ROOT);
        boolean pronoun = PRONOUNS.contains(speaker);
        // "a statement reads", "the report said": the words' carrier, not who spoke them; "the company said" says more
        boolean document = DOCUMENTS.contains(speaker.substring(speaker.lastIndexOf(' ') + 1));
        int rank = named.test(it) ? (pronoun ? 6 : 8) : pronoun ? 2 : document ? 3 : 4;
        return rank + (q.hasCue() ? 1 : 0);
    }

    /**
     * Whether two quotes of the story (indexes into its items) say the same thing in other words: a second
     * translation, a paraphrase ({@link QuoteGroupStage} asks sentence embeddings).
     */
    public interface Rewording {
        boolean same(int a, int b);
    }

    /** The groups of two or more quotes from different articles among {@code items}. */
    public static List<Group> group(List<Item> items) { return group(items, null); }

    /**
     * As {@link #group(List)}; then, with {@code rewording}, a group whose words match none joins the first larger group
     * (by its reference's length) whose reference says the same in other words, when no article holds quotes of
     * both: two outlets translating one statement share its meaning, not its words.
     */
    public static List<Group> group(List<Item> items, Rewording rewording) {
        int n = items.size();
        List<List<String>> words = new ArrayList<>(n);
        List<List<String>> keys = new ArrayList<>(n);
        List<List<String>> content = new ArrayList<>(n);
        for (Item it : items) {
            List<String> w = words(it.quote().text());
            words.add(w);
            List<String> k = new ArrayList<>(w.size()), c = new ArrayList<>();
            for (String x : w) {
                String key = Spelling.key(x);
                k.add(key);
                if (isContent(x.indexOf('\'') > 0 ? Spelling.key(x.substring(0, x.indexOf('\''))) : key)) c.add(key);
            }
            keys.add(k);
            content.add(c);
        }
        // each quote's keys sorted: the words two quotes share bound the longest run they share (lcs), and most pairs of a
        // large story's quotes share few words, so the quadratic lcs is skipped for them (same groups; a story of 2,452
        // articles, the news pool given as one, spent 22 s here)
        List<String[]> sorted = new ArrayList<>(n);
        for (List<String> k : keys) {
            String[] a = k.toArray(new String[0]);
            Arrays.sort(a);
            sorted.add(a);
        }
        // longest first; ties in the order given
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) order.add(i);
        order.sort(Comparator.comparingInt((Integer i) -> -words.get(i).size()).thenComparingInt(i -> i));
        List<List<Integer>> groups = new ArrayList<>();
        for (int i : order) {
            List<Integer> home = null;
            for (List<Integer> g : groups) {
                int ref = g.get(0);
                if (shared(sorted.get(ref), sorted.get(i)) < MIN_SHARE * Math.min(keys.get(ref).size(), keys.get(i).size())) continue;
                if (matches(keys.get(ref), content.get(ref), keys.get(i), content.get(i))) { home = g; break; }
            }
            if (home == null) groups.add(home = new ArrayList<>());
            home.add(i);
        }
        if (rewording != null) {
            // groups are in order of their reference's length, longest first: each later one joins the first earlier one
            List<List<Integer>> joined = new ArrayList<>();
            for (List<Integer> g : groups) {
                List<Integer> home = null;
                for (List<Integer> h : joined) {
                    if (disjointArticles(items, h, g) && rewording.same(h.get(0), g.get(0))) { home = h; break; }
                }
                if (home == null) joined.add(new ArrayList<>(g));
                else home.addAll(g);
            }
            groups = joined;
        }
        List<Group> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            Set<String> articles = new HashSet<>();
            for (int i : g) articles.add(items.get(i).article());
            if (articles.size() < 2) continue;
            int ref = g.get(0);
            List<Integer> members = new ArrayList<>(g);
            Collections.sort(members);
            List<Difference> diffs = new ArrayList<>();
            for (int i : members) if (i != ref) diffs.add(diff(i, words.get(ref), keys.get(ref), words.get(i), keys.get(i)));
            out.add(new Group(members, ref, diffs));
        }
        out.sort(Comparator.comparingInt(g -> g.items().get(0)));
        return out;
    }

    private static boolean disjointArticles(List<Item> items, List<Integer> a, List<Integer> b) {
        Set<String> seen = new HashSet<>();
        for (int i : a) seen.add(items.get(i).article());
        for (int i : b) if (seen.contains(items.get(i).article())) return false;
        return true;
    }

    /** Whether quote {@code b} (keys, content keys) is the same quote as the longer reference {@code a}. */
    static boolean matches(List<String> a, List<String> contentA, List<String> b, List<String> contentB) {
        int shorter = Math.min(a.size(), b.size());
        if (shorter < 4 || lcs(a, b) < MIN_SHARE * shorter || denseLcs(a, b) < MIN_SHARE * shorter) return false;
        int c = Math.min(contentA.size(), contentB.size());
        int need = Math.min(c, 2);
        return lcs(contentA, contentB) >= need;
    }

    /** The words of a quote, punctuation aside (brackets kept as words so insertions show). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        // "I ’ m", "it ’ s": a contraction some sources write with spaces around its apostrophe
        String joined = CONTRACTION.matcher(s.replace('\u2019', '\'').replace('\u2018', '\'')).replaceAll("'$1");
        // a clock time is one word however written ("6:41pm", "18:41", "0241 GMT"), in 24-hour form; its zone after it
        // is dropped ("6:41pm PST" / "18:41": one outlet's house style)
        joined = CLOCK.matcher(joined).replaceAll(m -> {
            int h = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int min = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(5));
            String ap = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
            if (ap.equals("p") && h < 12) h += 12;
            if (ap.equals("a") && h == 12) h = 0;
            return String.format(Locale.ROOT, "%02dh%02d", h, min);
        });
        for (String w : joined.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'\\[\\]]+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (t.isEmpty()) continue;
            // "aren't" / "are not", "I'm" / "I am": one outlet's contraction is another's full form, not another wording
            Matcher c = EXPANDS.matcher(t);
            if (c.matches()) {
                String head = c.group(1), tail = c.group(2);
                out.add(switch (head) {
                    case "wo" -> "will"; // won't
                    case "ca" -> "can"; // can't
                    case "sha" -> "shall"; // shan't
                    default -> head;
                });
                out.add(switch (tail) {
                    case "n't" -> "not";
                    case "'m" -> "am";
                    case "'re" -> "are";
                    case "'ve" -> "have";
                    default -> "will";
                });
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A clock time: h:mm or h.mm with an optional a.m./p.m. and zone (groups 1-3), or four digits before GMT/UTC
     * ("0241 GMT", groups 4-5). The zone is dropped either way.
     */
    private static final Pattern CLOCK = Pattern.compile("\\b(?:(\\d{1,2})[:.](\\d{2})(?:\\s*([ap])\\.?\\s?m\\b\\.?)?"
            + "|([01]\\d|2[0-3])([0-5]\\d)(?=\\s+(?:GMT|UTC)\\b))(?:\\s+(?:[ECMP][SD]T|GMT|UTC)\\b)?", Pattern.CASE_INSENSITIVE);

    /** Contractions with one reading: n't, 'm, 're, 've, 'll ('s and 'd stand for several words and are kept). */
    private static final Pattern EXPANDS = Pattern.compile("(\\p{L}+?)(n't|'m|'re|'ve|'ll)");

    private static final Pattern CONTRACTION = Pattern.compile("(?<=\\p{L})\\s+'\\s*(s|t|m|re|ve|ll|d)\\b");

    /** A quote's content words, each keyed and with a plural's s taken off (classroom / classrooms), for a cheap first look. */
    static Set<String> contentStems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : words(text)) {
            String k = Spelling.key(w);
            if (!isContent(k)) continue;
            out.add(k.length() > 3 && k.endsWith("s") && !k.endsWith("ss") ? k.substring(0, k.length() - 1) : k);
        }
        return out;
    }

    private static boolean isContent(String key) {
        return !key.isEmpty() && !StopWords.contains(Tokens.hashOf(key)) && !(key.length() == 1 && Character.isLetter(key.charAt(0)));
    }

    /**
     * The longest common subsequence of the shorter list with any stretch of the longer one at most half as long again
     * as the shorter (four words more at least): the shared words of one quote must lie together in the other. Over a
     * whole long quote a short one finds its words scattered ("We have no information on intent or motive" in "... we
     * have that there's any connection ... We just don't have any leads at all as far as the intent or motive"), a
     * different thing its speaker said; a trimmed quote, a translation or an editor's bracket keeps them together.
     */
    static int denseLcs(List<String> a, List<String> b) {
        List<String> longer = a.size() >= b.size() ? a : b, shorter = longer == a ? b : a;
        int width = Math.max(shorter.size() + 4, (shorter.size() * 3 + 1) / 2);
        if (longer.size() <= width) return lcs(longer, shorter);
        int best = 0;
        for (int from = 0; from + width <= longer.size() && best < shorter.size(); from++) {
            best = Math.max(best, lcs(longer.subList(from, from + width), shorter));
        }
        return best;
    }

    /** How many words two sorted lists share, each as often as both hold it: at least their {@link #lcs}. */
    static int shared(String[] a, String[] b) {
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) { n++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return n;
    }

    static int lcs(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1], cur = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            int[] t = prev; prev = cur; cur = t;
            Arrays.fill(cur, 0);
        }
        return prev[b.size()];
    }

    /**
     * The words {@code b} inserts into, omits from and changes in the reference {@code a}, from the alignment of
     * their keys; the words listed are each side's own.
     */
    static Difference diff(int item, List<String> a, List<String> ka, List<String> b, List<String> kb) {
        int n = a.size(), m = b.size();
        int[][] t = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) for (int j = m - 1; j >= 0; j--) t[i][j] = ka.get(i).equals(kb.get(j)) ? t[i + 1][j + 1] + 1
                : Math.max(t[i + 1][j], t[i][j + 1]);
        List<String> inserted = new ArrayList<>(), omitted = new ArrayList<>();
        List<String[]> changed = new ArrayList<>();
        List<String> gapA = new ArrayList<>(), gapB = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && ka.get(i).equals(kb.get(j))) {
                flushAt(j == gapB.size(), gapA, gapB, inserted, omitted, changed);
                i++;
                j++;
            } else if (j < m && (i == n || t[i][j + 1] >= t[i + 1][j])) {
                gapB.add(b.get(j++));
            } else {
                gapA.add(a.get(i++));
            }
        }
        flushAt(true, gapA, gapB, inserted, omitted, changed);
        return new Difference(item, inserted, omitted, changed);
    }

    /**
     * Ends a gap of the alignment. Words on both sides are a change, except at either end of {@code b} where the
     * reference's side is three words longer or more: that is a trimmed quote with a word of the reporter's to
     * join it ("It's a dream come true" of "... to be part of this moment is a dream come true"), an omission and
     * an insertion.
     */
    private static void flushAt(boolean edge, List<String> gapA, List<String> gapB, List<String> inserted, List<String> omitted,
            List<String[]> changed) {
        if (edge && !gapA.isEmpty() && !gapB.isEmpty() && gapA.size() >= gapB.size() + 3) {
            omitted.add(String.join(" ", gapA));
            inserted.add(String.join(" ", gapB));
            gapA.clear();
            gapB.clear();
            return;
        }
        flush(gapA, gapB, inserted, omitted, changed);
    }

    private static void flush(List<String> gapA, List<String> gapB, List<String> inserted, List<String> omitted, List<String[]> changed) {
        // one word mistyped by one outlet is the same word
        if (gapA.size() == 1 && gapB.size() == 1 && Spelling.typo(gapA.get(0), gapB.get(0))) {
            gapA.clear();
            gapB.clear();
            return;
        }
        if (!gapA.isEmpty() && !gapB.isEmpty()) changed.add(new String[] {String.join(" ", gapA), String.join(" ", gapB)});
        else if (!gapA.isEmpty()) omitted.add(String.join(" ", gapA));
        else if (!gapB.isEmpty()) inserted.add(String.join(" ", gapB));
        gapA.clear();
        gapB.clear();
    }
}
