package org.storytrace.core.text;

import java.text.Normalizer;
import java.util.Arrays;

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
        // one bulk copy into a reused array: per-character charAt through CharSequence costs more than the copy
        int len = to - from;
        if (buf.length < len) buf = new char[Math.max(len, buf.length * 2)];
        char[] b = buf;
        if (text instanceof String str) str.getChars(from, to, b, 0);
        else for (int k = 0; k < len; k++) b[k] = text.charAt(from + k);
        int i = 0;
        while (i < len) {
            char c = b[i];
            if (c < 128 ? WORD_ASCII[c] == 0 : !isWordChar(c)) { i++; continue; }
            int start = i;
            // folded characters are packed four to a long, and each full long is mixed in: a quarter of
            // the multiplies of a character-at-a-time hash (see wordHash for the definition)
            long h = SEED, packed = 0;
            int inPack = 0;
            int lastEnd = i;
            while (i < len) {
                c = b[i];
                char f;
                if (c < 128 && WORD_ASCII[c] != 0) f = WORD_ASCII[c];
                else if (c >= 128 && isWordChar(c)) f = fold(c);
                else if (isApostrophe(c) && i + 1 < len && isWordChar(b[i + 1]) && i > start) { i++; continue; } // joins, not hashed
                else break;
                packed = (packed << 16) | f;
                if (++inPack == 4) { h = (h ^ packed) * 0x9E3779B97F4A7C15L; packed = 0; inPack = 0; }
                i++;
                lastEnd = i;
            }
            if (inPack > 0) h = (h ^ packed ^ ((long) inPack << 62)) * 0x9E3779B97F4A7C15L;
            add(from + start, from + lastEnd, mix(h));
        }
        return this;
    }

    /** For ASCII: the folded character of a word character, 0 for any other. */
    private static final char[] WORD_ASCII = new char[128];
    static {
        for (char c = 0; c < 128; c++) if (isWordChar(c)) WORD_ASCII[c] = fold(c);
    }

    private char[] buf = new char[4096];

    private void add(int start, int end, long hash) {
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            hashes = Arrays.copyOf(hashes, n);
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
    public long[] copyHashes() { return Arrays.copyOf(hashes, size); }

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

    private static final long SEED = 0xcbf29ce484222325L;

    /**
     * A hash of the sequence of normalised words of {@code text[from, to)}: texts whose tokens hash alike
     * one by one (other case, accents, typography, spacing, punctuation) get the same key. One pass, no
     * token arrays: for duplicate detection, where only equality matters.
     */
    public static long textKey(CharSequence text, int from, int to) {
        long h = SEED;
        boolean inWord = false, any = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            char f = c < 128 ? WORD_ASCII[c] : isWordChar(c) ? fold(c) : 0;
            if (f != 0) {
                if (!inWord && any) h = Long.rotateLeft(h, 29) * 0x9E3779B97F4A7C15L; // a word boundary
                h = (h ^ f) * 0x100000001b3L;
                inWord = any = true;
            } else if (inWord && !(isApostrophe(c) && i + 1 < to && isWordChar(text.charAt(i + 1)))) {
                inWord = false;
            }
        }
        return mix(h);
    }

    /**
     * The hash a single word gets, for look-ups such as stop-word lists: the word's word characters,
     * folded, packed four 16-bit characters to a long, each long xor-ed in and multiplied, the last partial
     * long tagged with its length, then {@link #mix}. {@link #tokenize} computes exactly this per token.
     */
    public static long hashOf(CharSequence word) {
        long h = SEED, packed = 0;
        int inPack = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!isWordChar(c)) continue;
            packed = (packed << 16) | fold(c);
            if (++inPack == 4) { h = absorb(h, packed); packed = 0; inPack = 0; }
        }
        return finish(h, packed, inPack);
    }

    /**
     * {@link #hashOf(CharSequence)} of {@code chars[from, to)}: for callers that build a word in an array
     * ({@link NameKey}), where wrapping it as a {@link CharSequence} cost more than the hash (a buffer allocated, and
     * {@code charAt} through an interface: ~1.7% of a million-article run's samples, session 26).
     */
    public static long hashOf(char[] chars, int from, int to) {
        long h = SEED, packed = 0;
        int inPack = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (!isWordChar(c)) continue;
            packed = (packed << 16) | fold(c);
            if (++inPack == 4) { h = absorb(h, packed); packed = 0; inPack = 0; }
        }
        return finish(h, packed, inPack);
    }

    /** One long of four packed characters taken into the hash, for {@link #hashOf}. */
    private static long absorb(long h, long packed) { return (h ^ packed) * 0x9E3779B97F4A7C15L; }

    /** The last partial long (tagged with its length) taken in and the hash mixed, for {@link #hashOf}. */
    private static long finish(long h, long packed, int inPack) {
        return mix(inPack > 0 ? absorb(h, packed ^ ((long) inPack << 62)) : h);
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
