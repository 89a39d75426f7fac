package org.storytrace.core.doc;

import java.io.Serializable;
import java.util.Arrays;
import org.storytrace.core.model.Article;
import org.storytrace.core.text.Tokens;

/**
 * The word tokens of an article's body, made once and shared by every stage that needs them (the
 * duplicate key, the fingerprint, the story terms, the sentence splitter): token {@code i} covers
 * {@code [starts[i], ends[i])} of {@link Article#cleanText()} and {@code hashes[i]} is the hash of its
 * folded form ({@link Tokens}). The arrays are not copied: treat them as read-only.
 */
public record TokenLayer(long[] hashes, int[] starts, int[] ends) implements Serializable {
    public TokenLayer {
        if (hashes.length != starts.length
                || hashes.length != ends.length) throw new IllegalArgumentException("token arrays differ in length");
    }

    private static final ThreadLocal<Tokens> TOKENS = ThreadLocal.withInitial(Tokens::new);

    /** Tokenises the body of {@code a} (furniture blanked). Thread-safe. */
    public static TokenLayer of(Article a) { return of(a.cleanText(), a.bodyStart(), a.bodyEnd()); }

    /** Tokenises {@code text[from, to)}; offsets stay relative to the whole text. Thread-safe. */
    public static TokenLayer of(CharSequence text, int from, int to) {
        Tokens t = TOKENS.get().tokenize(text, from, to);
        int n = t.size();
        return new TokenLayer(t.copyHashes(), Arrays.copyOf(t.startsArray(), n), Arrays.copyOf(t.endsArray(), n));
    }

    public int size() { return hashes.length; }

    /**
     * A hash of the sequence of token hashes: two bodies with the same words in the same order (whatever
     * their case, accents, typography or spacing) get the same key. The duplicate check's key.
     */
    public long sequenceKey() {
        long h = 0x9E3779B97F4A7C15L;
        for (long x : hashes) h = Long.rotateLeft(h ^ x, 27) * 0xff51afd7ed558ccdL;
        return Tokens.mix(h ^ hashes.length);
    }
}
