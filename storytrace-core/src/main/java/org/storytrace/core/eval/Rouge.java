package org.storytrace.core.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * ROUGE-N as ROUGE-1.5.5 computes it for DUC 2004 (Lin, 2004): texts lower-cased, split into runs of letters and
 * digits, each word stemmed (the caller's stemmer: Porter for {@code -m}), stop words kept; a system summary cut to its
 * first {@code bytes} bytes ({@code -b 665}); over several references, the model-average form ({@code -f A}): recall
 * is the n-grams matched in every reference (each counted at most as often as the summary has it) over all the
 * references' n-grams, precision the same matches over the summary's n-grams times the references.
 */
public final class Rouge {
    private Rouge() {}

    /** Recall, precision and their F1. */
    public record Score(double recall, double precision, double f1) {}

    /** The words of {@code text} as ROUGE reads them, each stemmed by {@code stem}. */
    public static List<String> words(String text, UnaryOperator<String> stem) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(stem.apply(w));
        return out;
    }

    /**
     * The first {@code bytes} bytes of {@code text} in UTF-8 with its white space made single (a word cut at the limit is
     * dropped); the whole text when {@code bytes} is 0 or less.
     */
    public static String truncate(String text, int bytes) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (bytes <= 0 || t.getBytes(StandardCharsets.UTF_8).length <= bytes) return t;
        int used = 0, end = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 bytes
            if (used + len > bytes) break;
            used += len;
            i += Character.charCount(cp);
            end = i;
        }
        // a word cut in two is no word of the summary
        boolean cut = end > 0 && end < t.length() && Character.isLetterOrDigit(t.charAt(end))
                && Character.isLetterOrDigit(t.charAt(end - 1));
        String head = t.substring(0, end);
        if (cut) {
            int sp = head.lastIndexOf(' ');
            head = sp < 0 ? "" : head.substring(0, sp);
        }
        return head.strip();
    }

    /** ROUGE-{@code n} of a summary's words against each reference's words. */
    public static Score score(int n, List<String> summary, List<List<String>> references) {
        if (n < 1) throw new IllegalArgumentException("n must be 1 or more: " + n);
        Map<String, Integer> sys = grams(summary, n);
        int sysTotal = total(sys);
        long hits = 0, refTotal = 0;
        for (List<String> r : references) {
            Map<String, Integer> ref = grams(r, n);
            refTotal += total(ref);
            for (Map.Entry<String, Integer> e : ref.entrySet()) hits += Math.min(e.getValue(), sys.getOrDefault(e.getKey(), 0));
        }
        double recall = refTotal == 0 ? 0 : (double) hits / refTotal;
        double precision = sysTotal == 0 || references.isEmpty() ? 0 : (double) hits / ((long) sysTotal * references.size());
        double f1 = recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
        return new Score(recall, precision, f1);
    }

    private static Map<String, Integer> grams(List<String> words, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) out.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        return out;
    }

    private static int total(Map<String, Integer> grams) {
        int t = 0;
        for (int c : grams.values()) t += c;
        return t;
    }
}
