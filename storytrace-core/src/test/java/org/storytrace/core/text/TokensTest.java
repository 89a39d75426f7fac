package org.storytrace.core.text;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {
    private static long[] hashes(String s) { return new Tokens().tokenize(s).copyHashes(); }

    @Test
    void typographicVariantsHashAlike() {
        assertArrayEquals(hashes("the Asa'ib Ahl al-Haq and \"strategic depth\" -- Iraq's"),
                hashes("The Asa’ib Ahl al‑Haq and “Strategic Depth” — IRAQ’S"));
        assertArrayEquals(hashes("café résumé Ñandú"), hashes("cafe resume nandu"));
    }

    @Test
    void aTextKeyIgnoresTypographyButNotWordBoundaries() {
        String a = "the Asa'ib Ahl al-Haq and \"strategic depth\" -- Iraq's",
                b = "  The Asa’ib Ahl al‑Haq and “Strategic Depth” — IRAQ’S.\n";
        assertEquals(Tokens.textKey(a, 0, a.length()), Tokens.textKey(b, 0, b.length()));
        assertNotEquals(Tokens.textKey("ab c", 0, 4), Tokens.textKey("a bc", 0, 4));
        assertNotEquals(Tokens.textKey("Iran said", 0, 9), Tokens.textKey("Iraq said", 0, 9));
        assertEquals(Tokens.textKey("people’s", 0, 8), Tokens.textKey("peoples", 0, 7));
    }

    @Test
    void aWordInAnArrayHashesAsTheSameWordAsAString() {
        String[] words = {"", "a", "ab", "abc", "abcd", "abcde", "Kadhimi", "al-Kadhimi", "Asa’ib", "café", "Ñandú", "12:30", "don't",
            "ABCDEFGHIJKLMNOP", "x—y", "  spaced  "};
        for (String w : words) {
            char[] padded = ("#" + w + "#").toCharArray();
            assertEquals(Tokens.hashOf(w), Tokens.hashOf(padded, 1, 1 + w.length()), w);
        }
        Random r = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            char[] c = new char[r.nextInt(14)];
            for (int k = 0; k < c.length; k++) c[k] = (char) (r.nextInt(6) == 0 ? r.nextInt(0x250) : 'a' + r.nextInt(26));
            assertEquals(Tokens.hashOf(new String(c)), Tokens.hashOf(c, 0, c.length), new String(c));
        }
    }

    @Test
    void differentWordsHashApart() {
        assertNotEquals(hashes("Iran")[0], hashes("Iraq")[0]);
        assertEquals(2, hashes("Al-Kadhimi").length, "a hyphen separates tokens");
    }

    @Test
    void offsetsPointAtTheWordsAsWritten() {
        String text = "  “Iraq’s future,” he said—twice.";
        Tokens t = new Tokens().tokenize(text);
        assertEquals("Iraq’s", t.surface(0));
        assertEquals("future", t.surface(1));
        assertEquals("twice", t.surface(4));
        int prevEnd = 0;
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.start(i) >= prevEnd && t.end(i) > t.start(i) && t.end(i) <= text.length());
            prevEnd = t.end(i);
        }
    }

    @Test
    void aRangeIsTokenisedWithOffsetsIntoTheWholeText() {
        String text = "skip this. Keep these words";
        Tokens t = new Tokens().tokenize(text, 11, text.length());
        assertEquals(3, t.size());
        assertEquals(11, t.start(0));
        assertThrows(IllegalArgumentException.class, () -> new Tokens().tokenize(text, 5, 100));
    }

    @Test
    void stopWordsAreRecognisedByHash() {
        assertTrue(StopWords.contains(Tokens.hashOf("The")));
        assertFalse(StopWords.contains(Tokens.hashOf("Nasiriyah")));
    }
}
