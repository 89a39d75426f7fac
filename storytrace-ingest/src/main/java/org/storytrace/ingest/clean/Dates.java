package org.storytrace.ingest.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.text.NumberWords;

/** Calendar dates as news pages write them: "August 24, 2020", "24 August 2020", "Aug. 24, 2020", "2020-08-24". */
public final class Dates {
    private Dates() {}

    static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|"
            + "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    static final String WEEKDAY = "(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|"
            + "Fri|Sat|Sun)\\.?,?\\s+)";
    /** Month d, yyyy  |  d Month yyyy  |  yyyy-mm-dd; groups: 1 month, 2 day, 3 year | 4 day, 5 month, 6 year | 7, 8, 9 iso. */
    public static final String DATE = "(?:" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
            + "|(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})"
            + "|(\\d{4})-(\\d{2})-(\\d{2}))";
    private static final Pattern DATE_P = Pattern.compile(DATE);
    private static final Pattern DATE_ONLY = Pattern.compile("^\\s*" + WEEKDAY + "?" + DATE + "\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    public static Pattern datePattern() { return DATE_P; }

    /** The date a line consists of (optionally with a weekday), if that is all it holds. */
    public static Optional<LocalDate> dateOnlyLine(String line) {
        Matcher m = DATE_ONLY.matcher(line);
        if (!m.matches()) return Optional.empty();
        return fromGroups(m, 1);
    }

    /** Reads a date from a matcher of {@link #DATE}, whose groups begin at {@code g}. */
    public static Optional<LocalDate> fromGroups(Matcher m, int g) {
        try {
            if (m.group(g) != null) return Optional.of(LocalDate.of(Integer.parseInt(m.group(g + 2)), month(m.group(g)),
                    Integer.parseInt(m.group(g + 1))));
            if (m.group(g + 3) != null) return Optional.of(LocalDate.of(Integer.parseInt(m.group(g + 5)), month(m.group(g + 4)),
                    Integer.parseInt(m.group(g + 3))));
            if (m.group(g + 6) != null) return Optional.of(LocalDate.of(Integer.parseInt(m.group(g + 6)), Integer.parseInt(m.group(g + 7)),
                    Integer.parseInt(m.group(g + 8))));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static int month(String name) {
        Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
        if (m == null) throw new DateTimeException("no month " + name);
        return m;
    }

    /** 1 for "first" or "1st", ..., or -1 ({@link NumberWords#ordinal}). */
    public static int ordinal(String word) { return NumberWords.ordinal(word); }
}
