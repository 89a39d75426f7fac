package org.storytrace.core.text;

import java.text.Normalizer;

/**
 * A reusable buffer of the word tokens of one text: character offsets and a 64-bit hash of each token's
 * normalised form, filled in one pass with no object per token.
 *
 * <p>Normalisation folds what typography changes but meaning does not: case, accents (via NFD, for the
 * Latin, Greek and Cyrillic blocks), apostrophe variants inside a word ({@code Asa’ib} and {@code Asa'ib}
 * hash alike, as do {@code people’s} and {@code peoples}), and every dash, quote or other punctuation mark,
 * which only separates tokens. Offsets are UTF-16 indices into the text as given, so a token always points
 * back at what the reader sees.
 *
 * <p>Not thread-safe: give each thread its own instance and reuse it across texts.
 */
public final class Tokens {
    private static final char[] FOLD = new char[0x0530];
    static {
        for (int c = 0; c < FOLD.length; c++) {
            char ch = (char) c;
            char f = Character.toLowerCase(ch);
            if (c >= 0xC0) {
                String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
                if (!d.isEmpty() && Character.isLetter(d.charAt(0))) f = Character.toLowerCase(d.charAt(0));
            }
            FOLD[c] = f;
        }
    }

    private int size;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private long[] hashes = new long[256];
    private CharSequence text = "";

    /** Tokenises {@code text} from scratch, replacing what this buffer held. Returns this. */
    public Tokens tokenize(CharSequence text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokenises {@code text[from, to)}; offsets stay relative to the whole text. Returns this. */
    public Tokens tokenize(CharSequence text, int from, int to) {
        if (from < 0 || to > text.length() || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside a text of length " + text.length());
        }
        this.text = text;
        size = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!isWordChar(c)) { i++; continue; }
            int start = i;
            long h = 0xcbf29ce484222325L;
            int lastEnd = i;
            while (i < to) {
                c = text.charAt(i);
                if (isWordChar(c)) {
                    h = (h ^ fold(c)) * 0x100000001b3L;
                    i++;
                    lastEnd = i;
                } else if (isApostrophe(c) && i + 1 < to && isWordChar(text.charAt(i + 1)) && i > start) {
                    i++; // an apostrophe inside a word joins it and is not hashed
                } else {
                    break;
                }
            }
            add(start, lastEnd, mix(h));
        }
        return this;
    }

    private void add(int start, int end, long hash) {
        if (size == starts.length) {
            int n = size * 2;
            starts = java.util.Arrays.copyOf(starts, n);
            ends = java.util.Arrays.copyOf(ends, n);
            hashes = java.util.Arrays.copyOf(hashes, n);
        }
        starts[size] = start;
        ends[size] = end;
        hashes[size] = hash;
        size++;
    }

    public int size() { return size; }
    public int start(int i) { return starts[i]; }
    public int end(int i) { return ends[i]; }
    public long hash(int i) { return hashes[i]; }
    /** The backing hash array; valid up to {@link #size()}. Do not modify. */
    public long[] hashes() { return hashes; }
    public int[] startsArray() { return starts; }
    public int[] endsArray() { return ends; }
    public CharSequence text() { return text; }

    /** The token's text as written (allocates: not for hot loops). */
    public String surface(int i) { return text.subSequence(starts[i], ends[i]).toString(); }

    /** A copy of the token hashes, for callers that keep them beyond the next {@link #tokenize} call. */
    public long[] copyHashes() { return java.util.Arrays.copyOf(hashes, size); }

    public static boolean isWordChar(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    public static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`' || c == '\u00B4';
    }

    /** Folds one character: lower case, accents removed for Latin, Greek and Cyrillic letters. */
    public static char fold(char c) {
        if (c < 128) return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        if (c < FOLD.length) return FOLD[c];
        return Character.toLowerCase(c);
    }

    /** The hash a single word gets, for look-ups such as stop-word lists. */
    public static long hashOf(CharSequence word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (isWordChar(c)) h = (h ^ fold(c)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the output. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
