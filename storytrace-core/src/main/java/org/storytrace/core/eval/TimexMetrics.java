package org.storytrace.core.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TempEval-3's scores for time expressions, accumulated over documents: extraction matched one to one by
 * overlap (relaxed) and by exact span (strict), and over the relaxed matches the share with the right type
 * and the right value; {@code value_f1} is the relaxed F1 times the value accuracy, as the TempEval-3 scorer
 * reports it (and likewise {@code type_f1}).
 */
public final class TimexMetrics {
    /** A predicted or gold expression: its span, type and value. */
    public record Item(int start, int end, String type, String value) {
        /** Its words in {@code doc}, for messages. */
        public String text(TimeMl doc) { return doc.text().substring(start, end); }
    }

    private int gold, predicted, relaxed, strict, typeOk, valueOk;

    /** Adds one document's gold and predicted expressions; returns, per predicted item, the index of the gold it matched or -1. */
    public int[] add(List<Item> goldItems, List<Item> predictedItems) {
        gold += goldItems.size();
        predicted += predictedItems.size();
        boolean[] used = new boolean[goldItems.size()];
        int[] match = new int[predictedItems.size()];
        for (int p = 0; p < predictedItems.size(); p++) {
            Item x = predictedItems.get(p);
            int best = -1, bestOverlap = 0;
            for (int g = 0; g < goldItems.size(); g++) {
                if (used[g]) continue;
                Item y = goldItems.get(g);
                int overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
                if (overlap > bestOverlap) { bestOverlap = overlap; best = g; }
            }
            match[p] = best;
            if (best < 0) continue;
            used[best] = true;
            Item y = goldItems.get(best);
            relaxed++;
            if (x.start == y.start && x.end == y.end) strict++;
            if (x.type != null && x.type.equals(y.type)) typeOk++;
            if (x.value != null && x.value.equals(y.value)) valueOk++;
        }
        return match;
    }

    /** The figures, named {@code prefix.strict_f1} and so on. */
    public Map<String, Double> figures(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        double rf = f1(relaxed, relaxed);
        m.put(prefix + ".gold", (double) gold);
        m.put(prefix + ".predicted", (double) predicted);
        m.put(prefix + ".strict_f1", f1(strict, strict));
        m.put(prefix + ".relaxed_precision", predicted == 0 ? 0 : (double) relaxed / predicted);
        m.put(prefix + ".relaxed_recall", gold == 0 ? 0 : (double) relaxed / gold);
        m.put(prefix + ".relaxed_f1", rf);
        m.put(prefix + ".type_accuracy", relaxed == 0 ? 0 : (double) typeOk / relaxed);
        m.put(prefix + ".value_accuracy", relaxed == 0 ? 0 : (double) valueOk / relaxed);
        m.put(prefix + ".value_f1", relaxed == 0 ? 0 : rf * valueOk / relaxed);
        return m;
    }

    private double f1(int matchedPredicted, int matchedGold) {
        double p = predicted == 0 ? 0 : (double) matchedPredicted / predicted, r = gold == 0 ? 0 : (double) matchedGold / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
