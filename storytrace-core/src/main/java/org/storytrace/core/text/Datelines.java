package org.storytrace.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's dateline: a place in capitals, maybe its country, the date, the agency in brackets, then a dash
 * ("BAGHDAD, May 8, 2021 \u2014", "NAIROBI, Nov. 2 (Xinhua) --", "BEIRUT, Lebanon, March 3 (AP) \u2014",
 * "WASHINGTON (AP) -"). The one recogniser the summary (which leaves the dateline out of a sentence) and the
 * timeline (whose dateline date dates the report, not an event) read.
 */
public final class Datelines {
    private Datelines() {}

    /** The place: two or more capitals ("U.S." too), then maybe a country or state in any case ("BEIRUT, Lebanon"). */
    private static final String PLACE = "\\p{Lu}[\\p{Lu} .'-]{1,40}(?:,\\s*\\p{Lu}[\\p{L} .'-]{1,30})?";
    /** A date as datelines write it: "May 8, 2021", "8 May 2021", "Nov. 2". */
    private static final String DATE = "(?:\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{4}"
            + "|\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2})";
    /** What follows the date: the agency in brackets, then a dash before a space. */
    private static final String TAIL = "\\s*(?:\\([^)\\n]{1,30}\\))?\\s*(?:--|\\u2014|\\u2013|-(?=\\s))\\s*";

    /** A whole dateline at a sentence's start: place (and date), or the date alone, then the tail. */
    private static final Pattern WHOLE = Pattern.compile("(?:" + PLACE + "(?:,\\s*" + DATE + ")?|" + DATE + ")" + TAIL);
    private static final Pattern BEFORE_DATE = Pattern.compile("\\s*" + PLACE + ",\\s*");
    private static final Pattern AFTER_DATE = Pattern.compile(TAIL);

    /** Where the dateline opening {@code text[start, end)} ends, or {@code start} if it opens with none. */
    public static int skip(CharSequence text, int start, int end) {
        Matcher m = WHOLE.matcher(text).region(start, end);
        return m.lookingAt() ? m.end() : start;
    }

    /**
     * Whether the date at {@code text[start, end)} is a dateline's: its line holds only a place before it and the
     * agency and a dash after it.
     */
    public static boolean isDatelineDate(CharSequence text, int start, int end) {
        int ls = start;
        while (ls > 0 && text.charAt(ls - 1) != '\n') ls--;
        return BEFORE_DATE.matcher(text).region(ls, start).matches()
                && AFTER_DATE.matcher(text).region(end, Math.min(text.length(), end + 40)).lookingAt();
    }
}
