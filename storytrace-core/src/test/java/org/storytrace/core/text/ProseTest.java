package org.storytrace.core.text;

import static org.junit.jupiter.api.Assertions.*;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

class ProseTest {
    @Test
    void theQuotedMapAnswersAsQuotedDoesAtEveryOffset() throws Exception {
        // real newswire with its straight quotes, and the same text with curly quotes, guillemets and stray marks mixed in
        Random random = new Random(3);
        String marks = "\u201c\u201d\u00ab\u00bb\"\n";
        for (String text : TestCorpora.newsPool(40)) {
            StringBuilder mixed = new StringBuilder(text);
            for (int k = 0; k < 30 && mixed.length() > 0; k++) {
                mixed.insert(random.nextInt(mixed.length()), marks.charAt(random.nextInt(marks.length())));
            }
            for (String t : List.of(text, mixed.toString())) {
                BitSet map = Prose.quotedMap(t);
                for (int at = 0; at < t.length(); at++) assertEquals(Prose.quoted(t, at), map.get(at), "offset " + at);
            }
        }
    }

    @Test
    void aLawmakersPartyAndStateAreAbbreviationsAndASentencesLastWordIsNot() {
        for (String t : new String[] {"Rep. John Mica (R-Fla.) said", "Mitch McConnell, R-Ky., said", "Sen. Bernie Sanders (Vt.) said",
                "Rep. Elijah E. Cummings (D-Md.) said"}) {
            int dot = t.indexOf(".)") >= 0 ? t.indexOf(".)") : t.indexOf(".,");
            assertTrue(Prose.abbreviation(t, dot), t);
        }
        for (String t : new String[] {"He lives in Florida. He left", "a pre-Fed. He", "the X-Men. Then", "They met (at noon). Then"}) {
            int dot = t.indexOf(". ");
            assertFalse(Prose.abbreviation(t, dot), t);
        }
    }

    @Test
    void sentencesStartAfterStopsButNotAfterTitlesOrSingleLetters() {
        String t = "Mr. Smith arrived at 9 a. m. on Monday. J. Doe left.";
        assertEquals(0, Prose.sentenceStart(t, 0, t.indexOf("Monday"), false));
        assertEquals(t.indexOf("J. Doe") - 1, Prose.sentenceStart(t, 0, t.indexOf("left"), false));
    }
}
