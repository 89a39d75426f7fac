package org.storytrace.ingest.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.storytrace.core.index.LongSet;

/**
 * The language of a text as an ISO 639-3 code, by Apache OpenNLP's language detector (103 languages;
 * the model ships in {@code opennlp-models-langdetect}). Texts under 40 characters are too short to tell.
 * The model is loaded once per process; detection is thread-safe.
 *
 * <p>The model is OpenNLP's; the features it is given are made here. Why (session 20): OpenNLP 2.5's context
 * generator keys every character n-gram of the text by a {@code CharBuffer} view in a map, and the detector counts them
 * again in a second map, about 2 ms of CPU for the 3,000 characters read of a news article: on a corpus whose records
 * carry no language (most HTML, WARC and text inputs), detection was two thirds of {@code analyze --fast}'s CPU (20,000
 * generated articles: 11.6 s with their {@code language} field, 31.9 s without; now 16.6 s, with {@link #READ_CHARS}
 * 1,000). The features are the same: the
 * text through the same normalisers (emoji, URLs, Twitter handles, numbers, repeated characters), lowercased, its
 * distinct 1- to 3-character n-grams, each of value 1, evaluated by the same maximum-entropy model. A self-check at
 * load compares them with OpenNLP's own on a sample text and falls back to OpenNLP's detector if they ever differ
 * (another model version, another generator).
 */
public final class LanguageIdentifier {
    /** The n-gram lengths and the normalisers of OpenNLP 2.5's {@code LanguageDetectorFactory}. */
    private static final int MIN_GRAM = 1, MAX_GRAM = 3;
    private static final CharSequenceNormalizer NORMALIZER = new AggregateCharSequenceNormalizer(EmojiCharSequenceNormalizer
            .getInstance(), UrlCharSequenceNormalizer.getInstance(), TwitterCharSequenceNormalizer.getInstance(),
            NumberCharSequenceNormalizer.getInstance(), ShrinkCharSequenceNormalizer.getInstance());
    /**
     * Characters of a text read, the first ones: the model's cost is its distinct n-grams. On the news pool's 2,429 articles
     * the first 1,000 characters give the language the first 3,000 give, every one; the first 500 are a third cheaper
     * again but differ on 3 (an English article read as Dutch). 3,000 until session 20.
     */
    static final int READ_CHARS = 1000;

    private record Loaded(LanguageDetectorModel model, boolean sameFeatures) {}

    private static volatile Loaded loaded;

    private static Loaded loaded() {
        Loaded m = loaded;
        if (m == null) {
            synchronized (LanguageIdentifier.class) {
                if (loaded == null) {
                    try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
                        if (in == null) throw new IllegalStateException("the OpenNLP language model (langdetect-183.bin) is not "
                                + "on the class path");
                        LanguageDetectorModel model = new LanguageDetectorModel(in);
                        loaded = new Loaded(model, sameFeatures(model));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                m = loaded;
            }
        }
        return m;
    }

    /** Whether {@link #features} gives what the model's own context generator gives, on a text with every normaliser's case. */
    private static boolean sameFeatures(LanguageDetectorModel model) {
        String sample = "Ça coûte 12,50 € — see https://example.org/x?y=1 or @someone #tag 😀 soooo GOOD. Ünïcödé ΑΒΓ "
                + "Πόλη, 東京 and Москва. ";
        CharSequence[] theirs = model.getFactory().getContextGenerator().getContext(sample);
        Set<String> a = new HashSet<>();
        for (CharSequence c : theirs) a.add(c.toString());
        return a.equals(new HashSet<>(List.of(features(sample))));
    }

    /** ISO 639-3 code ({@code eng}, {@code fra}, ...), or null when the text is too short or no language is likely. */
    public String identify(CharSequence text) { return identify(text, 0, text.length()); }

    /** {@link #identify(CharSequence)} of {@code text[from, to)}, without copying more of it than is read. */
    public String identify(CharSequence text, int from, int to) {
        String t = text.subSequence(from, Math.min(to, from + READ_CHARS)).toString();
        if (t.strip().length() < 40) return null;
        if (clearlyEnglish(t)) return "eng";
        Loaded m = loaded();
        if (!m.sameFeatures()) {
            Language best = new LanguageDetectorME(m.model()).predictLanguage(t);
            return best == null || best.getConfidence() < 0.05 ? null : best.getLang();
        }
        String[] features = features(t);
        if (features.length == 0) return null;
        float[] values = new float[features.length];
        Arrays.fill(values, 1f);
        MaxentModel maxent = m.model().getMaxentModel();
        double[] p = maxent.eval(features, values);
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return p[best] < 0.05 ? null : maxent.getOutcome(best);
    }

    /**
     * Words of English that no other language written in Latin letters uses as an everyday word. Left out on purpose:
     * {@code a, in, to, of, on, at, an, as, is, it, or, he, was, for, will} (Spanish, Italian, German, Dutch, the
     * Scandinavian languages, French and the Slavic languages each use some of them). Over the first thousand characters
     * of the news pool's articles they are a fifth of the words (median 0.21; 1% of articles under 0.11); in news
     * paragraphs written in French, German, Spanish, Portuguese, Italian, Dutch, Danish, Norwegian, Swedish, Afrikaans,
     * Indonesian, Tagalog, Swahili, Polish, Romanian, Turkish, Hungarian, Finnish and Czech at most 0.014 (Dutch "had").
     */
    private static final Set<String> ENGLISH = Set.of("the", "and", "that", "with", "said", "from", "by", "his", "her", "have", "has",
            "had", "were", "been", "which", "who", "their", "would", "this", "they", "after", "about", "there", "when", "also", "but",
            "not", "are", "its", "than", "into", "over", "more", "other", "some", "could", "should", "what", "these", "those", "being",
            "while", "where", "because", "she", "him", "them", "our", "we", "you", "your", "year", "years", "told", "says", "new");
    /** The share of {@link #ENGLISH} words each half of the text read must reach: six times what other languages reach. */
    static final double ENGLISH_SHARE = 0.08;
    /** Words each half must have for its share to count. */
    private static final int ENGLISH_MIN_WORDS = 25;

    /**
     * Whether the text is English beyond doubt, so the model need not be asked: each half of it has at least
     * {@value #ENGLISH_MIN_WORDS} words and {@link #ENGLISH_SHARE} of them are {@link #ENGLISH} words (each half, so that an
     * English heading over a French article is left to the model). Why (session 20): identification is the model's
     * parameters summed for ~700 distinct n-grams, about 0.4 ms of CPU an article, and on a million articles that declare
     * no language it was more than half of {@code analyze --fast}'s CPU (386 s against 208 s with the field); most news
     * is English. Any doubt, and every other language, goes to the model; the test checks that the model says English
     * wherever this does, on the whole news pool.
     */
    static boolean clearlyEnglish(CharSequence t) {
        int n = t.length(), half = n / 2;
        while (half < n && Character.isLetter(t.charAt(half))) half++;
        return englishShare(t, 0, half) && englishShare(t, half, n);
    }

    /** {@link #ENGLISH} as {@link #packed} keys. */
    private static final LongSet ENGLISH_KEYS = LongSet.of(ENGLISH.stream().mapToLong(LanguageIdentifier::packed).toArray());

    /**
     * A word of at most 7 letters a-z as a number, 5 bits a letter: the same number for the same word only, so a word is
     * looked up without making a string of it (this runs over every article that declares no language).
     */
    static long packed(CharSequence word) {
        long key = 0;
        for (int i = 0; i < word.length(); i++) key = key << 5 | (word.charAt(i) - 'a' + 1);
        return key;
    }

    private static boolean englishShare(CharSequence t, int from, int to) {
        long counts = englishWords(t, from, to);
        int words = (int) (counts >>> 32), hits = (int) counts;
        return words >= ENGLISH_MIN_WORDS && hits >= ENGLISH_SHARE * words;
    }

    /** The words of {@code t[from, to)} (high half) and how many of them are {@link #ENGLISH} words (low half). */
    static long englishWords(CharSequence t, int from, int to) {
        int words = 0, hits = 0, length = 0;
        long key = 0;
        boolean plain = true; // letters a-z only so far (after lower-casing)
        for (int i = from; i <= to; i++) {
            char c = i < to ? t.charAt(i) : ' ';
            // ASCII first: its letters are A-Z and a-z, and setting bit 5 lowers them (and maps no other character
            // into a-z); the rest through Character, as before
            int lower = c | 0x20;
            boolean letter = c < 128 ? lower >= 'a' && lower <= 'z' : Character.isLetter(c);
            if (letter) {
                char l = c < 128 ? (char) lower : Character.toLowerCase(c);
                if (l >= 'a' && l <= 'z') key = key << 5 | (l - 'a' + 1);
                else plain = false;
                length++;
            } else if (length > 0) {
                words++;
                if (plain && length <= 7 && ENGLISH_KEYS.contains(key)) hits++;
                length = 0;
                key = 0;
                plain = true;
            }
        }
        return (long) words << 32 | hits;
    }

    /**
     * The text's distinct lowercased character n-grams of {@value #MIN_GRAM} to {@value #MAX_GRAM} characters after the
     * normalisers, in order of first occurrence: each n-gram is found by its characters packed in a long (16 bits each,
     * and its length) in an open-addressing set, so a String is made only once for each distinct one.
     */
    static String[] features(CharSequence text) {
        CharSequence normalized = NORMALIZER.normalize(text);
        int n = normalized.length();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = Character.toLowerCase(normalized.charAt(i));
        int capacity = Integer.highestOneBit(Math.max(16, n * (MAX_GRAM - MIN_GRAM + 1) * 2)) * 2;
        long[] keys = new long[capacity];
        int mask = capacity - 1, distinct = 0;
        String[] out = new String[Math.max(0, n * (MAX_GRAM - MIN_GRAM + 1))];
        for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
            for (int i = 0; i + len <= n; i++) {
                long key = len;
                for (int k = 0; k < len; k++) key = key << 16 | c[i + k];
                key |= 1L << 63; // never 0, the empty slot
                int slot = (int) (mix(key) & mask);
                while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
                if (keys[slot] == key) continue;
                keys[slot] = key;
                out[distinct++] = new String(c, i, len);
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static long mix(long h) {
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
