package org.storytrace.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storytrace.app.Runner;

/** ROUGE of the summaries on the repository's small set, the figures {@code storytrace eval --only summaries} prints. */
class SummariesIT {
    @TempDir Path tmp;

    @Test
    void theSummariesCoverTheReferencesAtLeastAsWellAsTheLead() throws Exception {
        Map<String, Double> m = Evaluations.summaries(Path.of("../testdata/summaries"), Runner.defaultEmbedder(), Evaluations.DUC_BYTES);
        assertEquals(2.0, m.get("summaries.sets"));
        // session 17: ROUGE-1 recall 0.612 and ROUGE-2 0.328, the lead baseline 0.589 / 0.279 in the same run; session 37, each
        // set summarised as the one story it is (the story stage had split both into three): 0.647 / 0.363
        assertTrue(m.get("summaries.rouge1_recall") >= 0.62, m.toString());
        assertTrue(m.get("summaries.rouge2_recall") >= 0.34, m.toString());
        assertTrue(m.get("summaries.rouge1_recall") >= m.get("summaries.lead.rouge1_recall"), m.toString());
    }

    @Test
    void aFolderWithoutReferencesIsRefusedByName() throws IOException {
        Files.createDirectories(tmp.resolve("set/docs"));
        Files.writeString(tmp.resolve("set/docs/a.txt"), "A storm hit the coast on Friday.");
        IOException e = assertThrows(IOException.class, () -> Evaluations.summaries(tmp, null, Evaluations.DUC_BYTES));
        assertTrue(e.getMessage().contains(tmp.toString()), e.getMessage());
    }
}
