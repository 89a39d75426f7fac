package org.storytrace.bench.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first-order word model of real newswire: for every word, the words that follow it in the pool, with
 * their frequencies. Walking it writes new sentences with the pool's vocabulary and rhythm; because each
 * step looks back one word only, two walks share runs of more than a few words only by rare chance,
 * which keeps generated articles from overlapping by accident.
 */
final class WordModel {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*|[.,;:?!]");
    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private int[][] next;
    private final List<Integer> starts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    WordModel(List<String> texts) {
        List<List<Integer>> succ = new ArrayList<>();
        for (String t : texts) {
            Matcher m = TOKEN.matcher(t);
            int prev = -1;
            boolean sentenceStart = true;
            while (m.find()) {
                String w = m.group();
                if (w.endsWith(".") && w.length() > 1 && !w.matches("(?:\\p{Lu}\\.)+")) w = w.substring(0, w.length() - 1);
                int id = ids.computeIfAbsent(w, k -> { words.add(k); succ.add(new ArrayList<>()); return words.size() - 1; });
                if (prev >= 0) succ.get(prev).add(id);
                if (sentenceStart && Character.isUpperCase(w.charAt(0))) starts.add(id);
                else if (!sentenceStart && Character.isUpperCase(w.charAt(0)) && w.length() > 3 && !w.equals(w.toUpperCase())) names.add(w);
                sentenceStart = w.equals(".") || w.equals("?") || w.equals("!");
                prev = id;
            }
        }
        next = new int[succ.size()][];
        for (int i = 0; i < next.length; i++) next[i] = succ.get(i).stream().mapToInt(Integer::intValue).toArray();
    }

    /** A random capitalised word of the pool that is not a sentence opener: a name-like word. */
    String name(SplittableRandom r) { return names.get(r.nextInt(names.size())); }

    /** A random word of the vocabulary (for substitutions). */
    String word(SplittableRandom r) {
        String w;
        do { w = words.get(r.nextInt(words.size())); } while (!Character.isLetter(w.charAt(0)));
        return w;
    }

    /** One sentence of {@code min} to {@code max} words, with names from {@code cast} put in place of some of its names. */
    String sentence(SplittableRandom r, int min, int max, List<String> cast, double castRate) {
        StringBuilder b = new StringBuilder();
        int w = starts.get(r.nextInt(starts.size()));
        int n = 0;
        while (true) {
            String s = words.get(w);
            if (n > 0 && Character.isUpperCase(s.charAt(0)) && !cast.isEmpty()
                    && r.nextDouble() < castRate) s = cast.get(r.nextInt(cast.size()));
            boolean punct = s.length() == 1 && ".,;:?!".indexOf(s.charAt(0)) >= 0;
            if (punct && (s.equals(".") || s.equals("?") || s.equals("!"))) {
                if (n >= min) { b.append(s); break; }
                s = ",";
            }
            if (!punct && b.length() > 0) b.append(' ');
            if (!(punct && b.length() == 0)) b.append(s);
            if (!punct) n++;
            if (n >= max) { b.append('.'); break; }
            int[] nx = next[w];
            w = nx.length == 0 ? starts.get(r.nextInt(starts.size())) : nx[r.nextInt(nx.length)];
        }
        if (!Character.isUpperCase(b.charAt(0))) b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }
}
