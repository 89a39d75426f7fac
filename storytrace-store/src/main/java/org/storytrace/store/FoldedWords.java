package org.storytrace.store;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.storytrace.core.text.Tokens;

/**
 * The search index's words: the engine's own word tokens ({@link Tokens}: runs of letters, digits and marks,
 * apostrophes inside a word joined, every other character a separator) in their folded form (lower case,
 * Latin, Greek and Cyrillic accents removed), so that a search for {@code Kazemi} finds {@code KAZEMI} and
 * {@code Kazémi}, and what a user searches for is cut the way the engine reads articles. Han ideographs and
 * Hiragana, written without spaces, are one token a character, as Lucene's {@code StandardTokenizer} makes
 * them, so that a word inside a run of them is found as a phrase. A token is at most {@value #MAX} characters
 * (longer runs are cut in pieces: Lucene refuses terms over 32,766 bytes).
 *
 * <p>Why not {@code StandardTokenizer} and {@code LowerCaseFilter}: they were about two fifths of the index
 * thread's time in {@code storytrace ingest} (a JFlex scanner of Unicode word boundaries, then a second pass
 * over the characters by code point), and that thread is what made ingest slower than {@code analyze} on two
 * cores. This is one pass over the characters with a table for ASCII. The words differ from the standard ones
 * where the engine's differ: {@code U.S.} is {@code u} and {@code s} (a search for {@code U.S.} looks for both),
 * {@code 3.5} is {@code 3} and {@code 5}, {@code don't} is {@code dont}, accents are folded. An index keeps the
 * name of the words it was written with ({@link SearchIndex}); one written with others is rebuilt.
 */
final class FoldedWords extends Tokenizer {
    static final int MAX = 255;
    /** For ASCII: whether a character is a word character ({@link Tokens#isWordChar}), by table. */
    private static final boolean[] ASCII_WORD = new boolean[128];
    static {
        for (char c = 0; c < 128; c++) ASCII_WORD[c] = Tokens.isWordChar(c);
    }
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private char[] text = new char[4096];
    private int length, at;

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        at = 0;
        while (true) {
            if (length == text.length) text = Arrays.copyOf(text, text.length * 2);
            int n = input.read(text, length, text.length - length);
            if (n < 0) break;
            length += n;
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        char[] t = text;
        int i = at, n = length;
        while (i < n && !word(t[i])) i++;
        if (i == n) { at = n; return false; }
        int start = i;
        char[] out = term.buffer();
        int k = 0;
        if (singleCharacterWord(t[i])) {
            out[k++] = Tokens.fold(t[i++]);
        } else {
            if (out.length < MAX) out = term.resizeBuffer(MAX);
            while (i < n && k < MAX) {
                char c = t[i];
                if (word(c)) {
                    if (singleCharacterWord(c)) break;
                    out[k++] = Tokens.fold(c);
                } else if (Tokens.isApostrophe(c) && i + 1 < n && word(t[i + 1]) && !singleCharacterWord(t[i + 1])) {
                    // joined: "don't" is one word, as the engine reads it
                } else {
                    break;
                }
                i++;
            }
        }
        term.setLength(k);
        offset.setOffset(correctOffset(start), correctOffset(i));
        at = i;
        return true;
    }

    private static boolean word(char c) { return c < 128 ? ASCII_WORD[c] : Tokens.isWordChar(c); }

    /** Han ideographs and Hiragana: a word a character (no spaces between their words). */
    private static boolean singleCharacterWord(char c) {
        return c >= 0x3040 && (Character.isIdeographic(c) || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA);
    }

    /** Folds the characters of terms as {@link FoldedWords} does: for words a query gives whole (prefixes). */
    static final class Fold extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Fold(TokenStream in) { super(in); }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) return false;
            char[] b = term.buffer();
            for (int k = 0, n = term.length(); k < n; k++) b[k] = Tokens.fold(b[k]);
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        super.close();
        // a tokenizer lives as long as its thread: a huge body's buffer is not kept for the small ones after it
        if (text.length > 1 << 20) text = new char[4096];
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }
}
