package org.storytrace.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class PanMetricsTest {
    @Test
    void scoresPrecisionRecallAndGranularityOnTheSuspiciousSide() {
        PanMetrics m = new PanMetrics(0);
        // one case of 100 chars detected in two halves, plus one false detection of 50 chars
        m.add(List.of(new PanMetrics.Span(100, 200, 0, 100)),
              List.of(new PanMetrics.Span(100, 150, 0, 50), new PanMetrics.Span(150, 200, 50, 100), new PanMetrics.Span(500, 550, 300,
                      350)));
        assertEquals(1.0, m.recall(), 1e-12);
        assertEquals(2.0 / 3, m.precision(), 1e-12);
        assertEquals(2.0, m.granularity(), 1e-12);
        assertEquals(0.8 / (Math.log(3) / Math.log(2)), m.plagdet(), 1e-12);
    }
}
