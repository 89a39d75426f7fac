package org.storytrace.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class CorefMetricsTest {
    @Test
    void aPerfectResponseScoresOne() {
        int[] key = {0, 0, 1, 1, 1, 2};
        CorefMetrics.Scores s = CorefMetrics.score(key, key.clone());
        assertEquals(1, s.muc().f1(), 1e-9);
        assertEquals(1, s.bcubed().f1(), 1e-9);
        assertEquals(1, s.ceafe().f1(), 1e-9);
        assertEquals(1, s.conllF1(), 1e-9);
    }

    @Test
    void theTextbookExampleGivesItsKnownFigures() {
        // key {a b c} {d e f g}, response {a b} {c d} {f g h i} restricted to the key's mentions as in
        // Pradhan et al. 2014 (figure 1, without twinless mentions): response {a b} {c d} {e} {f g}
        int[] key = {0, 0, 0, 1, 1, 1, 1};
        int[] response = {0, 0, 1, 1, 2, 3, 3};
        CorefMetrics.Scores s = CorefMetrics.score(key, response);
        // MUC recall: (3-2 + 4-3) / (2 + 3) = 0.4; precision: (1 + 1 + 0 + 1) / (1 + 1 + 0 + 1) = 1... with c and d split:
        // (2-1)+(2-2)+(1-1)+(2-1) / 3 = 2/3
        assertEquals(0.4, s.muc().recall(), 1e-9);
        assertEquals(2.0 / 3, s.muc().precision(), 1e-9);
        // B-cubed recall: (2/3 + 2/3 + 1/3 + 1/4 + 1/4 + 2/4 + 2/4) / 7
        assertEquals((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 0.25 + 0.25 + 0.5 + 0.5) / 7, s.bcubed().recall(), 1e-9);
        assertEquals(1.0 * (1 + 1 + 0.5 + 0.5 + 1 + 1 + 1) / 7, s.bcubed().precision(), 1e-9);
        // CEAF-e: best alignment {abc}-{ab} (2*2/5) and {defg}-{fg} (2*2/6)
        double phi = 0.8 + 4.0 / 6;
        assertEquals(phi / 2, s.ceafe().recall(), 1e-9);
        assertEquals(phi / 4, s.ceafe().precision(), 1e-9);
    }

    @Test
    void theHungarianAssignmentFindsTheBestOneToOne() {
        double[][] w = {{0.9, 0.8}, {0.85, 0.1}};
        assertEquals(0.8 + 0.85, CorefMetrics.maxAssignment(w), 1e-9);
        assertEquals(0.5, CorefMetrics.maxAssignment(new double[][] {{0.5, 0.2, 0.1}}), 1e-9);
    }
}
