package org.storytrace.core.text;

import java.util.Set;

/**
 * The calendar's words as news writes them, lower case: for the time tagger (which kinds of expression a word may start)
 * and the sentence splitter (a weekday or a month after "a.m." carries a sentence on). One list, so the two read the same
 * words; {@link Datelines#MONTH} is the same months as a pattern, capitalised.
 */
public final class CalendarWords {
    private CalendarWords() {}

    /** The months and their abbreviations. */
    public static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec");
    /** The days of the week. */
    public static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
}
