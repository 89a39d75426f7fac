package org.storytrace.core.doc;

import java.io.Serializable;

/**
 * A stage that failed on one article or one story: the run goes on without the layer it would have added (and
 * without what later stages would have made from it) for that article or story alone, and says so.
 *
 * <p>Why a stage failure is contained rather than fatal: the deep tier reads whatever the web writes (a count of
 * twenty digits, a hundred thousand quotation marks), and one article that trips a stage must not cost a run of a
 * million articles what it has already accepted. The failure names the stage, the article or story, and what went
 * wrong, so the stage can be fixed; everything else about the article (its links, its story) stands.
 *
 * @param stage   the stage's name
 * @param subject what it failed on: "article ID" or "story ID"
 * @param reason  the error, in one line
 */
public record StageFailure(String stage, String subject, String reason) implements Serializable {
    /** A failure from what a stage threw. */
    public static StageFailure of(String stage, String subject, Throwable e) {
        String m = e.getMessage();
        String reason = e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + oneLine(m));
        return new StageFailure(stage, subject, reason);
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }

    /** One line for a person: what failed, on what, and what is left out. */
    public String message() {
        return subject + ": stage " + stage + " failed (" + reason + "); its layer is left out for this " + subject.split(" ", 2)[0]
                + " alone";
    }

    /** Where a plan reports the failures of its stages. */
    @FunctionalInterface
    public interface Sink {
        void failed(StageFailure f);
    }
}
