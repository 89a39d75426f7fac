package org.storytrace.core.eval;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The PAN text-alignment measures (Potthast et al., 2010): character-level precision and recall,
 * granularity and plagdet, on the suspicious side. A detection "detects" a case when their suspicious
 * spans overlap and their source spans overlap, where the source side may be given a tolerance for
 * offsets that drift. Accumulate cases and detections document pair by document pair, then read the scores.
 */
public final class PanMetrics {
    /** One span pair: {@code [thisStart, thisEnd)} in the suspicious text, {@code [srcStart, srcEnd)} in the source. */
    public record Span(int thisStart, int thisEnd, int srcStart, int srcEnd) {}

    private final int sourceTolerance;
    private double recallSum, precisionSum;
    private int cases, detections, detectedCases;
    private long granularitySum;

    public PanMetrics(int sourceTolerance) {
        if (sourceTolerance < 0) throw new IllegalArgumentException("sourceTolerance must be >= 0, was " + sourceTolerance);
        this.sourceTolerance = sourceTolerance;
    }

    private boolean detects(Span r, Span s) {
        boolean susp = r.thisStart < s.thisEnd && s.thisStart < r.thisEnd;
        boolean src = r.srcStart < s.srcEnd + sourceTolerance && s.srcStart - sourceTolerance < r.srcEnd;
        return susp && src;
    }

    /** Adds one document pair's gold cases and detections. */
    public void add(List<Span> gold, List<Span> found) {
        for (Span s : gold) {
            cases++;
            BitSet covered = new BitSet();
            int count = 0;
            for (Span r : found) {
                if (!detects(r, s)) continue;
                count++;
                int from = Math.max(r.thisStart, s.thisStart), to = Math.min(r.thisEnd, s.thisEnd);
                if (to > from) covered.set(from, to);
            }
            recallSum += (double) covered.cardinality() / Math.max(1, s.thisEnd - s.thisStart);
            if (count > 0) { detectedCases++; granularitySum += count; }
        }
        for (Span r : found) {
            detections++;
            BitSet covered = new BitSet();
            for (Span s : gold) {
                if (!detects(r, s)) continue;
                int from = Math.max(r.thisStart, s.thisStart), to = Math.min(r.thisEnd, s.thisEnd);
                if (to > from) covered.set(from, to);
            }
            precisionSum += (double) covered.cardinality() / Math.max(1, r.thisEnd - r.thisStart);
        }
    }

    public double recall() { return cases == 0 ? 1 : recallSum / cases; }
    public double precision() { return detections == 0 ? 1 : precisionSum / detections; }
    public double granularity() { return detectedCases == 0 ? 1 : (double) granularitySum / detectedCases; }
    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    public double plagdet() { return f1() / (Math.log(1 + granularity()) / Math.log(2)); }
    public int cases() { return cases; }
    public int detections() { return detections; }

    public List<String> summaryLines(String prefix) {
        List<String> l = new ArrayList<>();
        l.add(prefix + ".precision " + fmt(precision()));
        l.add(prefix + ".recall " + fmt(recall()));
        l.add(prefix + ".granularity " + fmt(granularity()));
        l.add(prefix + ".plagdet " + fmt(plagdet()));
        return l;
    }

    private static String fmt(double d) { return String.format(Locale.ROOT, "%.4f", d); }
}
