package org.storytrace.core.time;

/** The four TimeML types of a time expression. */
public enum TimexType {
    /** A calendar date or a period named by its calendar position (2020-08-23, 2020-08, 2020-W34, 2020-Q3, PRESENT_REF). */
    DATE,
    /** A time of day, with its date where it is known (2020-08-23T15:00, 2020-08-23TNI). */
    TIME,
    /** A length of time (P3D, PT2H, PXY for "years"). */
    DURATION,
    /** A recurrence (P1D for "daily", "every day"). */
    SET
}
