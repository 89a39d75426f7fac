package org.storytrace.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TempEval-3's time-expression scores, and TimeML read into text and gold spans. */
class TimexMetricsTest {
    @Test
    void relaxedStrictTypeAndValueAreScoredAsTempEvalDoes() {
        TimexMetrics m = new TimexMetrics();
        List<TimexMetrics.Item> gold = List.of(new TimexMetrics.Item(0, 10, "DATE", "1998-01-08"), new TimexMetrics.Item(20, 25, "DURATION",
                "P1W"),
                new TimexMetrics.Item(40, 45, "DATE", "PRESENT_REF"));
        List<TimexMetrics.Item> predicted = List.of(new TimexMetrics.Item(0, 10, "DATE", "1998-01-08"), new TimexMetrics.Item(22, 25,
                "DURATION", "P2W"),
                new TimexMetrics.Item(60, 65, "DATE", "1998"));
        int[] match = m.add(gold, predicted);
        assertArrayEquals(new int[] {0, 1, -1}, match);
        Map<String, Double> f = m.figures("t");
        assertEquals(2.0 / 3, f.get("t.relaxed_f1"), 1e-9);
        assertEquals(1.0 / 3, f.get("t.strict_f1"), 1e-9);
        assertEquals(1.0, f.get("t.type_accuracy"), 1e-9);
        assertEquals(0.5, f.get("t.value_accuracy"), 1e-9);
        assertEquals(2.0 / 3 * 0.5, f.get("t.value_f1"), 1e-9);
    }

    @Test
    void timeMlBecomesPlainTextWithGoldSpansAndTheDctApart() {
        String xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
                + "functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>"
                + "<TEXT>Stocks fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> &amp; <EVENT "
                        + "eid=\"e1\">rose</EVENT>"
                + " <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"PRESENT_REF\">now</TIMEX3>.</TEXT></TimeML>";
        TimeMl doc = TimeMl.parse(xml);
        assertEquals("Stocks fell yesterday & rose now.", doc.text());
        assertEquals("1998-01-08", doc.dct().toString());
        assertEquals(2, doc.gold().size());
        TimeMl.Gold g = doc.gold().get(0);
        assertEquals("yesterday", doc.text().substring(g.start(), g.end()));
        assertEquals("1998-01-07", g.value());
        assertThrows(IllegalArgumentException.class, () -> TimeMl.parse("<TimeML></TimeML>"));
    }
}
