package org.storytrace.app;

import java.io.PrintStream;
import java.util.Locale;
import org.storytrace.engine.Progress;

/**
 * Progress of a read in articles and bytes, with the rate and, when the inputs' size is known, the share
 * done and the time left. On a terminal, one line redrawn in place; elsewhere (a log, CI), a line every
 * 30 seconds once a run lasts that long; nothing for short runs.
 */
final class ProgressBar implements Progress {
    private final PrintStream out;
    private final boolean terminal;
    private long total = -1, started, lastLine;
    private boolean drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override public void start(long totalBytes) {
        total = totalBytes;
        started = lastLine = System.nanoTime();
    }

    @Override public void update(long articles, long bytes) {
        long now = System.nanoTime();
        double secs = (now - started) / 1e9;
        if (secs < 1) return;
        if (!terminal && now - lastLine < 30_000_000_000L) return;
        lastLine = now;
        String line = line(articles, bytes, secs);
        if (terminal) {
            out.print("\r" + line + "   ");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long articles, long bytes, double secs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%,d articles, %s read, %,.0f articles/s", articles, size(bytes), articles / secs));
        if (total > 0) {
            double share = Math.min(1, (double) bytes / total);
            b.append(String.format(Locale.ROOT, ", %.0f%% of %s", share * 100, size(total)));
            if (share > 0.001) {
                long left = (long) (secs / share - secs);
                b.append(String.format(Locale.ROOT, ", about %d:%02d left", left / 60, left % 60));
            }
        }
        return b.toString();
    }

    static String size(long bytes) {
        if (bytes < 1 << 20) return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        if (bytes < 1L << 30) return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1073741824.0);
    }

    @Override public void finish(long articles, long bytes) {
        if (terminal && drawn) out.println();
    }
}
