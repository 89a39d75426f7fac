package org.storytrace.core.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    @Test
    void matchesReferenceValues() {
        int[] truth = {0, 0, 0, 1, 1, 1};
        int[] pred = {0, 0, 1, 1, 2, 2};
        // scikit-learn: normalized_mutual_info_score = 0.5158, adjusted_rand_score = 0.2424
        assertEquals(0.5158, ClusterMetrics.nmi(truth, pred), 1e-4);
        assertEquals(0.2424, ClusterMetrics.ari(truth, pred), 1e-4);
        assertEquals(1.0, ClusterMetrics.nmi(truth, new int[] {5, 5, 5, 7, 7, 7}), 1e-12);
        assertEquals(1.0, ClusterMetrics.ari(truth, new int[] {5, 5, 5, 7, 7, 7}), 1e-12);
    }
}
