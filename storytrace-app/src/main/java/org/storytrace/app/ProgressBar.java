package org.storytrace.app;

import java.io.PrintStream;

/** A one-line progress bar on a terminal; silent when output is not a terminal or the run is short. */
final class ProgressBar implements Runner.ProgressListener {
    private final PrintStream out;
    private final boolean enabled;
    private int total;
    private long started;
    private int lastDrawn = -1;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.enabled = System.console() != null;
    }

    @Override public void start(int total) {
        this.total = total;
        this.started = System.nanoTime();
    }

    @Override public void advance(int done) {
        if (!enabled || total < 50) return;
        int pct = (int) (100L * done / total);
        if (pct == lastDrawn) return;
        lastDrawn = pct;
        int width = 40, filled = pct * width / 100;
        double secs = (System.nanoTime() - started) / 1e9;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                + String.format(java.util.Locale.ROOT, "  %.0f files/s", done / Math.max(secs, 1e-3)));
        out.flush();
    }

    @Override public void finish() {
        if (enabled && lastDrawn >= 0) out.println();
    }
}
