package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** Time expressions on TempEval-3's TBAQ-cleaned (TimeBank and AQUAINT), the figures storytrace eval prints as tempeval3.*. */
class TempevalIT {
    @Test
    void timeExpressionsAreFoundAndResolvedOnTimeBankAndAquaint() throws Exception {
        Map<String, Double> m = Evaluations.tempeval(TestCorpora.root().resolve("tempeval3/TBAQ-cleaned"));
        assertTrue(m.get("tempeval3.gold") >= 1800, m.toString());
        // floors a little under the figures measured in session 14 (strict 0.866, relaxed 0.935, type 0.964, value F1 0.8005)
        assertTrue(m.get("tempeval3.strict_f1") >= 0.86, m.toString());
        assertTrue(m.get("tempeval3.relaxed_f1") >= 0.93, m.toString());
        assertTrue(m.get("tempeval3.type_accuracy") >= 0.94, m.toString());
        assertTrue(m.get("tempeval3.value_f1") >= 0.795, m.toString());
    }
}
