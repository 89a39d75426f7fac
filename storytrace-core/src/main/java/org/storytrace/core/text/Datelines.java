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
    /**
     * A month's name or its abbreviation, as news writes them (the time tagger's and {@link #STAMP}'s too): not any
     * capitalised word ("The 36 - year - old champion" is no "Nov. 2 -").
     */
    public static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    /** A date as datelines write it: "May 8, 2021", "8 May 2021", "Nov. 2". */
    private static final String DATE = "(?:" + MONTH + "\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" + MONTH + "\\.?\\s+\\d{4}"
            + "|" + MONTH + "\\.?\\s+\\d{1,2})";
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

    /**
     * What a page's publication stamp holds: labels, weekdays, months, day and year numbers, times of day, time zones
     * and offsets, separators ({@code PUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM | UPDATED: ...}, {@code Posted: Apr 02,
     * 2009 11:06 PM CEST}, {@code Published on Friday, 27 September 2013}, {@code 12:48PM BST 09 Sep 2013}).
     */
    private static final Pattern STAMP = Pattern.compile("(?:\\b(?:first|last|published|posted|updated|modified|created|dated?|"
            + "on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun|"
            + MONTH + "|st|nd|rd|th|[ap]\\.?\\s?m\\.?|"
            + "hrs|gmt|utc|bst|cest|cet|eet|ist|aest|aedt|wib|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt)(?!\\p{L})"
            + "|\\d{1,4}(?:[ap]m|st|nd|rd|th)?|[+-]|[|,:;()\\[\\]@.\u2013\u2014\u00b7\u2022/-]|\\s+)+", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the date at {@code text[start, end)} is a page's publication stamp: the line that holds it, at most 120
     * characters, holds nothing but what stamps write ({@link #STAMP}) and names no event. A stamp dates the page, and a
     * timeline of events leaves it out (ECB+'s pages: "Posted: Apr 02, 2009 11: 06 PM CEST" was a story's first "event").
     */
    public static boolean isStampLine(CharSequence text, int start, int end) {
        int ls = start, le = end;
        while (ls > 0 && text.charAt(ls - 1) != '\n') ls--;
        while (le < text.length() && text.charAt(le) != '\n') le++;
        if (le - ls > 120) return false;
        return STAMP.matcher(text).region(ls, le).matches();
    }
}
