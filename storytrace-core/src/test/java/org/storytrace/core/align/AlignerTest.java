package org.storytrace.core.align;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.text.Tokens;

class AlignerTest {
    private static List<Aligner.Match> align(Tokens a, Tokens b) {
        return new Aligner().align(a.hashes(), a.size(), b.hashes(), b.size());
    }

    @Test
    void theStableOrderIsALibraryStableSortsOrder() {
        Random random = new Random(3);
        for (int trial = 0; trial < 2_000; trial++) {
            int[] key = new int[random.nextInt(40)];
            int spread = 1 + random.nextInt(6); // few distinct keys: many ties, whose order is what a stable sort keeps
            for (int i = 0; i < key.length; i++) key[i] = random.nextInt(spread) - spread / 2;
            Integer[] expected = new Integer[key.length];
            for (int i = 0; i < key.length; i++) expected[i] = i;
            Arrays.sort(expected, Comparator.comparingInt(i -> key[i]));
            int[] want = Arrays.stream(expected).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, Aligner.stableOrder(key), Arrays.toString(key));
        }
    }

    @Test
    void findsAnEditedPassageWithOffsetsOnBothSides() throws Exception {
        List<String> docs = TestCorpora.newsPool(3);
        String source = docs.get(0);
        int from = source.indexOf(' ', source.length() / 4) + 1;
        int to = source.lastIndexOf(' ', from + 700);
        String copied = source.substring(from, to);
        String edited = copied.replaceFirst(" the ", " that ").replace("’", "'");
        String host = docs.get(1);
        Matcher sentenceEnd = Pattern.compile("\\.\\s+").matcher(host);
        assertTrue(sentenceEnd.find(host.length() / 3), "host text has a sentence end");
        int at = sentenceEnd.end();
        String susp = host.substring(0, at) + edited + " " + host.substring(at);
        Tokens a = new Tokens().tokenize(susp), b = new Tokens().tokenize(source);
        List<Aligner.Match> m = align(a, b);
        assertEquals(1, m.size(), "one passage: " + m);
        int aStart = a.start(m.get(0).aStart()), aEnd = a.end(m.get(0).aEnd() - 1);
        int bStart = b.start(m.get(0).bStart()), bEnd = b.end(m.get(0).bEnd() - 1);
        // the words just outside may match by chance ("the" after both): allow one such word at the end
        assertTrue(Math.abs(aStart - at) <= 2 && aEnd - (at + edited.length()) >= -2 && aEnd - (at + edited.length()) <= 15,
                "suspicious side " + aStart + "-" + aEnd + " vs " + at + "-" + (at + edited.length()) + ": " + m);
        assertTrue(Math.abs(bStart - from) <= 2 && bEnd - to >= -2 && bEnd - to <= 15, "source side " + bStart + "-" + bEnd + " vs " + from
                + "-" + to);
    }

    @Test
    void stockPhrasesAreNotReuse() {
        Tokens a = new Tokens()
                .tokenize("Officials said the regime has lost its strategic depth after 17 years of trying to occupy the country.");
        Tokens b = new Tokens()
                .tokenize("Analysts warn that the so-called strategic depth of Tehran, built over 17 years of trying, is gone.");
        assertTrue(align(a, b).isEmpty());
    }

    @Test
    void rejectsBadSettingsNamingTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Aligner.Settings(3, 2, 15, 6, 10, 0.1, 40, 64));
        assertTrue(e.getMessage().contains("minRun"));
    }
}
