package org.storytrace.core.time;

import java.io.Serializable;
import java.util.List;

/**
 * One time expression of an article, resolved to a calendar value in TimeML's notation.
 *
 * @param start   offset of its first character in the article's text
 * @param end     offset after its last character
 * @param text    the words as written
 * @param type    DATE, TIME, DURATION or SET
 * @param value   the TimeML value ({@code 2020-08-23}, {@code 2020-08}, {@code 1998-W02}, {@code 1989-Q3}, {@code 199} for
 *                the 1990s, {@code P3D}, {@code PT2H}, {@code PXY}, {@code PRESENT_REF}); null when the expression is
 *                relative and the article gives nothing to resolve it against
 * @param values  the days of a coordinated expression ("Saturday and Sunday, August 22 and 23": both); empty otherwise
 * @param anchor  what a relative value was resolved against: {@code "published"}, {@code "inferred"}, or null for an absolute one
 * @param note    a warning about the expression as written ("23 September 2020 is a Wednesday, not a Sunday"), or null
 */
public record Timex(int start, int end, String text, TimexType type, String value, List<String> values, String anchor, String note)
        implements Serializable {
    public Timex {
        if (start < 0 || end < start) throw new IllegalArgumentException("timex [" + start + ", " + end + ") is not a span");
        if (type == null) throw new IllegalArgumentException("timex " + text + ": type must not be null");
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** Whether its value depends on the date it was resolved against. */
    public boolean relative() { return anchor != null; }
}
