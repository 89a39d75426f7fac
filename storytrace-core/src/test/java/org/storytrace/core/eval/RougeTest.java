package org.storytrace.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** ROUGE-N against values worked out by hand. */
class RougeTest {
    private static final UnaryOperator<String> NONE = w -> w;

    @Test
    void unigramsAndBigramsAreClippedAndAveragedOverTheReferences() {
        List<String> sys = Rouge.words("The police killed the gunman.", NONE);
        List<String> ref1 = Rouge.words("Police killed a gunman on Friday", NONE);
        List<String> ref2 = Rouge.words("The gunman was killed", NONE);
        // unigrams: ref1 matches police, killed, gunman (3 of 6); ref2 matches the, gunman, killed (3 of 4): "the" once
        // in ref2 although the summary has it twice
        Rouge.Score one = Rouge.score(1, sys, List.of(ref1, ref2));
        assertEquals(6.0 / 10, one.recall(), 1e-9);
        assertEquals(6.0 / (5 * 2), one.precision(), 1e-9);
        // bigrams: "police killed" in ref1, "the gunman" in ref2 (2 of 5 + 3)
        Rouge.Score two = Rouge.score(2, sys, List.of(ref1, ref2));
        assertEquals(2.0 / 8, two.recall(), 1e-9);
        assertEquals(2.0 / (4 * 2), two.precision(), 1e-9);
        assertEquals(0, Rouge.score(2, List.of("a"), List.of(List.of("b"))).f1(), 1e-9);
    }

    @Test
    void aSummaryIsCutAtItsByteLimitWithoutHalfAWord() {
        assertEquals("The police killed", Rouge.truncate("The  police\nkilled the gunman.", 19));
        assertEquals("The police killed the", Rouge.truncate("The police killed the gunman.", 21));
        assertEquals("The police killed the gunman.", Rouge.truncate("The police killed the gunman.", 0));
        // bytes, not characters: "é" is two
        assertEquals("café", Rouge.truncate("café au lait", 6));
        assertEquals(List.of("caf", "au", "lait!"), Rouge.words("Caf! au-LAIT", w -> w.equals("lait") ? w + "!" : w), "each word stemmed");
    }
}
