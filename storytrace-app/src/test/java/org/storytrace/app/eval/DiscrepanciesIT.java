package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** Discrepancies on the repository's test set of 42 small stories, the figures storytrace eval prints as testset.*. */
class DiscrepanciesIT {
    @Test
    void plantedDiscrepanciesAreFoundAndTheRestAreNot() throws Exception {
        Map<String, Double> m = Evaluations.discrepancies(Path.of("../testdata/discrepancies"));
        assertTrue(m.get("testset.discrepancies.stories") >= 40, m.toString());
        // floors a little under session 17's figures (precision 1.0, recall 1.0: the places of briefs grouped apart are
        // compared across their topic's stories since then; 0.913 before)
        assertTrue(m.get("testset.discrepancies.precision") >= 0.9, m.toString());
        assertTrue(m.get("testset.discrepancies.recall") >= 0.95, m.toString());
        assertEquals(1.0, m.get("testset.updates.recall"), m.toString());
        assertTrue(m.get("testset.updates.predicted") <= 4, "no count is an update unless it rose with the dates: " + m);
    }

    @Test
    void theHeldOutSetKeepsItsFirstFigures() throws Exception {
        // written in session 8 and run once: precision 0.846, recall 0.733 (misses in docs/dev-notes.md); not tuned on.
        // Session 15's rules, made on real corpora, took its one extra away (precision 1.0)
        Map<String, Double> m = Evaluations.discrepancies(Path.of("../testdata/discrepancies-heldout"), "heldout");
        assertEquals(24.0, m.get("heldout.discrepancies.stories"), m.toString());
        assertTrue(m.get("heldout.discrepancies.precision") >= 0.8, m.toString());
        // session 17: 0.733 -> 0.867 (places compared across a topic's stories, appositions "a city in northern Eritrea"),
        // then 0.933 (a reworded pledge joined by sentence embeddings)
        assertTrue(m.get("heldout.discrepancies.recall") >= 0.9, m.toString());
        assertEquals(1.0, m.get("heldout.updates.recall"), m.toString());
    }

    @Test
    void onRealArticlesEveryReportedDiscrepancyIsJudgedAndPrecisionHolds() throws Exception {
        // session 15's judged pool (the news pool's wire reports and ECB+'s articles): precision 0.304, 0 unjudged,
        // 0.84 of the pool's right ones reported; session 16: 0.676 (a report that names both days, a day after "by",
        // dense quote matches, counts in close words and of one place, speech against action); session 18: 0.800 with
        // TempEval-3's AQUAINT and TimeBank added (a legal step against a deed, two places of one kind, an earlier
        // occurrence, sums of two organisations or a thousandfold apart).
        // A change that reports new discrepancies must judge them (eval prints
        // them with STORYTRACE_EVAL_DEBUG=1) and add them to the pool.
        Map<String, Double> m = Evaluations.judged(Path.of("../testdata/discrepancies-judged/judged.tsv"), TestCorpora.root());
        assertTrue(m.get("judged.discrepancies.precision") >= 0.75, m.toString());
        assertTrue(m.get("judged.discrepancies.unjudged") <= 5, m.toString());
        assertTrue(m.get("judged.discrepancies.right_kept") >= 0.8, m.toString());
        // the same runs' entities: organisations made of three unrelated full names (29 on the news pool alone before
        // session 32, when a generic short form such as "Party" joined every party of the collection into one)
        assertTrue(m.get("judged.entities.unrelated_names_joined") <= 2, m.toString());
    }
}
