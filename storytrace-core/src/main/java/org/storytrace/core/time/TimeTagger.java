package org.storytrace.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.text.CalendarWords;
import org.storytrace.core.text.Datelines;
import org.storytrace.core.text.NumberWords;

/**
 * The article stage that finds time expressions and resolves them to TimeML values against the article's
 * publication date (adds {@link Timexes#LAYER}; needs no other layer).
 *
 * <p>Written by hand for news rather than taken from HeidelTime or SUTime, after measuring both on
 * TempEval-3 (value F1 0.765 and 0.680 on TBAQ): both need a part-of-speech tagger or CoreNLP's pipeline,
 * and both have the weak spots news trips over. Here:
 * <ul>
 *   <li>a bare month ("January" in an article of 2011-10-03) resolves to its nearest past occurrence
 *       unless the sentence speaks of the future ("will", "next", "is to", "scheduled"); a month and day
 *       without a year to the nearest such date on either side;</li>
 *   <li>an impossible date (February 30) is not a date; a weekday given with a date that falls on another
 *       weekday keeps the date and is flagged in {@link Timex#note()};</li>
 *   <li>a four-digit number is a year only where the words around it say so (in, since, by, fiscal, a
 *       month before it, punctuation after it), never after a currency sign or before a unit or a noun
 *       it counts ("2000 troops").</li>
 * </ul>
 *
 * <p>Rules are regular expressions over the text, one per kind of expression; where two matches overlap
 * the longer one wins. Relative expressions are resolved in text order, so a year-ago comparison in a
 * quarterly report ("a year earlier") takes the quarter the text spoke of last, as TimeBank annotates it.
 * Thread-safe and deterministic.
 */
public final class TimeTagger implements ArticleStage {
    @Override public String name() { return "timex"; }
    @Override public Set<Layer<?>> requires() { return Set.of(); }
    @Override public Set<Layer<?>> adds() { return Set.of(Timexes.LAYER); }
    @Override public String describe() { return "timex: rule-based time expressions resolved against the publication date "
            + "(TimeML values)"; }

    @Override public Document apply(Document doc) {
        LocalDate anchor = doc.article().published();
        String text = doc.article().cleanText();
        return doc.with(Timexes.LAYER, new Timexes(tag(text, doc.article().bodyStart(), doc.article().bodyEnd(), anchor, "published"),
                anchor));
    }

    // ---- vocabulary -------------------------------------------------------------------------------------

    private static final String MONTH = Datelines.MONTH;
    private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String NUMW = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";
    private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\s+1/2|\u00bd)|\\d+(?:\\.\\d+)?|(?:" + NUMW
            + ")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "(?: (?:hundred|thousand))?|a few|a couple of|a couple|several|a dozen|dozens of|hundreds of|one and a "
                    + "half|a|an|few|some|many)";
    private static final String UNIT = "(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
            + "century|centuries)";
    private static final String APPROX = "(?:(?:about|around|roughly|nearly|almost|approximately|more than|less than|fewer "
            + "than|at least|at most"
            + "|up to|under|no more than|no less than|just over|just under|well over|some|another|the|the past|the last|the next"
            + "|the first|the final|the coming|the previous|the following|the "
                    + "same|past|last|next|first|final|coming|previous|following)\\s+)*";
    /** The words of {@link #APPROX} at the start of a count, so the count's own number is what is left. */
    private static final String APPROX_WORDS = "^" + APPROX;
    private static final String SEASON = "(?:spring|summer|fall|autumn|winter)";
    private static final String DAYPART = "(?:morning|afternoon|evening|night)";
    private static final String B = "(?<![\\w'’-])";
    private static final String E = "(?![\\w-])";
    // ASCII folding: every word of a rule is ASCII, and Unicode folding is several times slower
    private static final int CI = Pattern.CASE_INSENSITIVE;

    private enum Kind { MONTH_DAY, DAY_MONTH, ISO, NUMERIC, MONTH_YEAR, MONTH_REL_YEAR, MONTH, YEAR, DECADE, CENTURY, QUARTER, HALF,
            DEICTIC,
        WEEKDAY, RELATIVE, WITHIN, AGO, DURATION, DURATION_ADJ, PLURAL, REF, SET, CLOCK, SEASON, HOLIDAY, END_OF, WEEKEND, YEAR_AGO,
        SPOKEN_YEAR, THE_YEAR, SPOKEN_DECADE, ANAPHOR }

    private record Rule(Kind kind, Pattern pattern) {}

    private static Rule rule(Kind k, String regex, int flags) { return new Rule(k, Pattern.compile(regex, flags)); }

    private static final List<Rule> RULES = List.of(
        // "Saturday and Sunday, August 22 and 23", "Aug. 7, 1998", "Sept. 30", "early on August 19", "last Oct. 23", "next Jan. 4"
        rule(Kind.MONTH_DAY, B + "(?:(?<wd>" + WEEKDAY + ")(?:\\s+and\\s+(?<wd2>" + WEEKDAY
                + "))?,?\\s+(?:the\\s+)?)?(?<mod>(?:early|late|mid)\\s+)?"
                + "(?<rel>(?:last|next|this past|this coming)\\s+(?=\\p{L}+\\.?\\s+\\d))?"
                + "(?<m>" + MONTH + ")\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:and|&|-|–)\\s*(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?"
                + "(?:,?\\s+(?<y>\\d{4}))?(?![\\w:%.,]\\d)" + E, CI),
        // "23 September", "Sunday, 23 September", "24 August 2020", "the 5th of May"
        rule(Kind.DAY_MONTH, B + "(?:(?<wd>" + WEEKDAY
                + "),?\\s+(?:the\\s+)?)?(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:and|-|–)\\s*(?<d2>\\d{1,2})(?:st|nd|rd|th)?)?"
                + "\\s+(?:of\\s+)?(?<m>" + MONTH + ")(?:,?\\s+(?<y>\\d{4}))?" + E, CI),
        rule(Kind.ISO, B + "(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})(?:T(?<h>\\d{2}):(?<mi>\\d{2}))?" + E, 0),
        rule(Kind.NUMERIC, B + "(?<m>\\d{1,2})/(?<d>\\d{1,2})/(?<y>\\d{4}|\\d{2})" + E, 0),
        // "August 1988", "mid-November 2019", "the end of July 2020"
        rule(Kind.MONTH_YEAR, B + "(?<mod>(?:early|late|mid|the end of|the beginning of|the start of|the middle of)[\\s-]+)?(?<m>" + MONTH
                + ")(?:\\s+of)?,?\\s+(?<y>\\d{4})" + E, CI),
        // "June last year", "July this year"
        rule(Kind.MONTH_REL_YEAR, B + "(?<m>" + MONTH + ")\\s+(?:of\\s+)?(?<rel>last|this|next)\\s+year" + E, CI),
        // "January", "last November", "early December", "mid-November", "late-november"
        rule(Kind.MONTH, B
                + "(?<mod>(?:early|late|mid|last|next|this|this past|this coming|the end of|the beginning of|the start of|the middle of"
                + "|earlier in|later in)[\\s-]+)?(?<m>" + MONTH + ")" + E, CI),
        // "1990", "fiscal 1989", "mid-1996", "the year 2000"
        rule(Kind.YEAR, B + "(?<mod>(?:fiscal|calendar|early|late|mid|the end of|the beginning of|the start of|the middle "
                + "of|the year|the summer of|the spring of"
                + "|the fall of|the autumn of|the winter of)[\\s-]+)?(?<y>1[0-9]{3}|20[0-9]{2})" + E, CI),
        // "the 1990s", "the early 1990s", "the '80s", "the mid-1990s"
        rule(Kind.DECADE, B + "(?:(?:early|late|mid)[\\s-]+)?(?:(?<c>1[0-9]|20)(?<d>\\d)0|['’](?<s>\\d)0)['’]?s" + E, CI),
        rule(Kind.CENTURY, B + "(?:the\\s+)?(?<n>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century" + E, CI),
        // "the third quarter", "third-quarter", "the fourth quarter of 1997", "the latest quarter", "the year-earlier quarter"
        rule(Kind.QUARTER, B + "(?:the\\s+)?(?<mod>(?:(?:same|latest|last|current|recent|most "
                + "recent|previous|final|fiscal|year-earlier|year-ago|comparable|"
                + "just-ended|just-completed|September|June|March|December)[\\s-]+)*)(?:(?<y0>\\d{4})[\\s-]+)?(?<q>first|second|"
                        + "third|fourth|1st|2nd|3rd|4th)?[\\s-]*(?<unit>quarter|period)"
                + "(?<of>\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?<y>\\d{4}|this year|last year|next year))?" + E, CI),
        rule(Kind.HALF, B
                + "(?:the\\s+)?(?<h>first|second|last|latter)[\\s-]+half(?:\\s+of\\s+(?<y>\\d{4}|this year|last year|next year|the year))?"
                + E, CI),
        // "today", "yesterday morning", "late yesterday", "tonight", "last night", "this morning", "the day before yesterday"
        rule(Kind.DEICTIC, B + "(?<pre>(?:early|late|earlier|later)\\s+)?(?<w>the day before yesterday|the day after "
                + "tomorrow|today|yesterday|tomorrow|tonight"
                + "|last night|this (?:morning|afternoon|evening)|overnight)(?:\\s+(?<p>" + DAYPART + "))?" + E, CI),
        // "Friday", "last Friday", "Friday morning", "next Monday", "early Friday"
        rule(Kind.WEEKDAY, B + "(?<rel>(?:last|next|this|this past|this coming|coming|early|late|earlier|later)\\s+)?(?<wd>" + WEEKDAY + ")"
                + "(?:\\s+(?<conj>and|or|to|through)\\s+(?<wd2>" + WEEKDAY + "))?(?:\\s+(?<p>" + DAYPART + "))?" + E, CI),
        // "later that year", "that same day", "the following year", "the next morning": the date the text gave last
        rule(Kind.ANAPHOR, B + "(?<mod>(?:earlier|later|early|late)\\s+)?(?<det>that(?:\\s+same)?|the\\s+same|the\\s+following|the\\s+next"
                + "|the\\s+previous|the\\s+preceding)\\s+(?<u>day|morning|afternoon|evening|night|week|month|year)" + E, CI),
        // "last week", "this month", "earlier this year", "next year", "this summer", "the past year", "the coming week"
        rule(Kind.RELATIVE, B + "(?<mod>(?:earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle "
                + "of|the rest of|the remainder of"
                + "|the first half of|the second half of)[\\s-]+)?(?<rel>last|this|next|the coming|the current|the past|the "
                        + "previous|the following|the last|coming|past"
                + "|current|this past|this coming|the next)[\\s-]+(?<u>week|weekend|month|year|quarter|decade|century|" + SEASON + ")" + E,
                        CI),
        // "earlier in the year", "later this week" handled above; "earlier in the week"
        rule(Kind.WITHIN, B + "(?<mod>earlier|later|early|late)\\s+in\\s+the\\s+(?<u>week|month|year|day)" + E, CI),
        // "a year ago", "two weeks earlier", "more than four decades ago", "a week or so ago", "years ago"
        rule(Kind.AGO, B + "(?<n>" + APPROX + "(?:" + NUM + "\\s+)?)(?<more>more\\s+)?(?<u>" + UNIT
                + ")(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from now|hence|before|after)" + E, CI),
        // "two days", "the past two months", "up to 180 days", "nearly an hour", "the first nine months"
        rule(Kind.DURATION, B + "(?<n>" + APPROX + NUM + ")\\s+(?<more>more\\s+)?(?<u>" + UNIT
                + ")(?<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+(?:so|more|longer))?"
                + "(?!\\s+old|-old)" + E, CI),
        // "16-hour", "two-year", "five-year"
        rule(Kind.DURATION_ADJ, B + "(?<n>" + NUM + ")-(?<u>second|minute|hour|day|week|month|year|decade)(?!-old|\\s+old)" + E, CI),
        // "for years", "in recent years", "the coming years"
        rule(Kind.PLURAL, "(?<=\\b(?:for|over|within|during|in)\\s)(?<rel>(?:past|last|next|coming|recent)\\s+)?(?<u>years|"
                + "months|weeks|days|decades|hours|minutes)" + E, CI),
        // "now", "currently", "recently", "the past", "the future", "soon"
        rule(Kind.REF, B
                + "(?<w>now|currently|presently|nowadays|these days|at present|at the moment|right now|the present|recently|lately|the past"
                + "|recent years|recent months|recent weeks|recent days|the future|the near future"
                + "|the distant future|the foreseeable future|future|recent|current)" + E, CI),
        // "daily", "every day", "twice a week", "each year", "every Sunday"
        rule(Kind.SET, B + "(?<w>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually"
                + "|(?:(?:once|twice|three times|four times|\\d+ "
                        + "times)\\s+(?:a|an|per|each|every)\\s+(?<u1>day|week|month|year|quarter|hour|minute))"
                + "|(?:(?:every|each)\\s+(?:other\\s+)?(?:(?<k>\\d+|two|three|four|five|six|ten)\\s+)?(?<u2>days?|weeks?|"
                        + "months?|years?|quarters?|hours?|minutes?|morning|night|evening|afternoon"
                + "|summer|winter|spring|fall|autumn|weekend|" + WEEKDAY + ")))" + E, CI),
        // "$5 a year", "10% a month", "40 hours a week": a rate is a set
        rule(Kind.SET,
                "(?<=(?:\\d|%|million|billion|dollars|cents|hours|times)\\s)(?<w>(?:a|an|per)\\s+(?<u1>day|week|month|year|quarter|hour))"
                + E, CI),
        // "3 p.m.", "10:35 a.m. EST", "noon", "midnight", "9 a.m. Tuesday", "0900 GMT"
        rule(Kind.CLOCK, B + "(?:(?<h>\\d{1,2})(?:[:.](?<mi>\\d{2}))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?=[\\s,.;:)]|$)|"
                + "(?<hh>[0-2]\\d)(?<mm>[0-5]\\d)\\s*(?=GMT|UTC)|(?<w>noon|midnight|midday))"
                + "(?:\\s*(?<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|local time|ET))?(?:,?\\s+(?:on\\s+)?(?:(?<wd>" + WEEKDAY
                        + "|today|yesterday|tomorrow)|(?<cm>" + MONTH + ")\\s+(?<cd>\\d{1,2})(?![\\d:])))?", CI),
        // "last fall", "this summer", "the spring of 2020", "summer 1999", "the early summer"
        rule(Kind.SEASON, B
                + "(?<rel>(?:last|next|this|this past|this coming|early|late|mid|the|the early|the late|the coming|the past)[\\s-]+)?(?<s>"
                + SEASON + ")"
                + "(?:\\s+(?:of\\s+)?(?<y>\\d{4}))?" + E, CI),
        rule(Kind.HOLIDAY, B + "(?<rel>(?:last|next|this)\\s+)?(?<h>Christmas Day|Christmas Eve|Christmas|New Year's Day|New "
                + "Year’s Day|New Year's Eve|New Year’s Eve|Thanksgiving Day"
                + "|Thanksgiving|Independence Day|Halloween|Valentine's Day|Valentine’s Day|Labor Day|Memorial Day|Election Day)"
                + "(?:\\s+(?<y>\\d{4}))?" + E, 0),
        // "the weekend", "year-earlier" and "year-ago" on their own (a quarterly report's comparison)
        rule(Kind.WEEKEND, B + "the\\s+weekend" + E, CI),
        rule(Kind.YEAR_AGO, B + "(?:the\\s+)?(?:year-earlier|year-ago|year-before)" + E, CI),
        // years said in words, as broadcast transcripts write them: "nineteen ninety-six", "January nineteen ninety-seven",
        // "the year two thousand"
        rule(Kind.SPOKEN_YEAR, B + "(?:(?<m>" + MONTH + ")\\s+|(?<pre>the\\s+year)\\s+)?(?<y>[Nn]ineteen[\\s-]+"
                + "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
                + "|ten|eleven|twelve|thirteen"
                + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|[Tt]wo\\s+thousand(?:[\\s-]+(?:and\\s+)?(?:one|two|three|four"
                + "|five|six|seven|eight|nine|ten|eleven|twelve))?)" + E, 0),
        // "the nineties", "the late sixties": a decade of the twentieth century in words (only after "the": "in his sixties" is an age)
        rule(Kind.SPOKEN_DECADE, B + "[Tt]he\\s+(?:(?:early|late|mid)[\\s-]+)?(?<w>twenties|thirties|forties|fifties|sixties|seventies"
                + "|eighties|nineties)" + E, 0),
        // "the year", "the full year", "the fiscal year" (a report's own year; "the year ended Sept. 30" is a year's span)
        rule(Kind.THE_YEAR, B + "[Tt]he\\s+(?<mod>(?:full|fiscal|current|current fiscal|calendar)\\s+)?year" + E, 0),
        // "the end of the year", "year-end", "the end of the month"
        rule(Kind.END_OF, B + "(?<w>(?:the\\s+)?(?:end|beginning|start|middle|turn)\\s+of\\s+the\\s+(?<u>year|month|week|decade|"
                + "century)|year-end|year's end|year end|month-end)" + E, CI)
    );

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec",
                    12));

    /** Words before a number that make it a year ("in 1990"). */
    private static final Set<String> YEAR_BEFORE = Set.of("in", "since", "until", "till", "by", "of", "from", "to", "through", "during",
            "before",
            "after", "and", "or", "between", "around", "circa", "early", "late", "mid", "fiscal", "year", "the", "summer", "winter",
                    "spring",
            "fall", "autumn", "its", "their", "his", "her", "for", "than", "that", "as", "at", "on", "into", "over", "election", "census",
                    "season");
    /** Words after a number that make it a count, not a year ("2000 troops" is caught by the noun rule; these are the short ones). */
    private static final Set<String> COUNT_AFTER = Set.of("people", "percent", "per", "troops", "men", "women", "soldiers", "dollars",
            "euros",
            "votes", "students", "miles", "kilometers", "km", "feet", "meters", "metres", "tons", "tonnes", "points", "times", "hours",
                    "days",
            "years", "months", "weeks", "minutes", "acres", "cases", "deaths", "units", "jobs", "workers", "members", "copies", "cars");
    /** Nouns a year names the time of when it stands before them ("the 1996 campaign", "a 1971 convention"). */
    private static final Set<String> YEAR_OF = Set.of("law", "laws", "election", "elections", "campaign", "convention", "treaty", "accord",
            "agreement", "act", "budget", "census", "season", "olympics", "games", "war", "revolution", "uprising", "crisis", "coup",
            "earnings", "results", "revenue", "sales", "profit", "profits", "levels", "level", "figures", "report", "survey", "study",
            "ruling", "decision", "attack", "attacks", "bombing", "bombings", "summit", "referendum", "vote", "primary", "race",
            "contest", "deal", "merger", "protests", "strike", "visit", "trip", "film", "movie", "book", "album", "model", "edition");
    /** Words that put a sentence in the future (a modal "would" and "until" are too often past: "said it would", "until Friday"). */
    private static final Pattern FUTURE = Pattern.compile("(?:\\b(?:will|won't|shall|is to|are to|going to|planning to|scheduled|"
            // "announced plans to acquire" names a plan, it does not put the sentence ahead
            + "(?<!(?:announced|unveiled|disclosed|outlined|its|the|their|his|her) )plans? to|"
            + "expected to|expects to|is due|are due|upcoming|intends? to|set to|slated|hopes? to|aims? to|threatens to|"
            + "(?:is|are) threatening to)\\b|['’]ll\\b)", CI);

    /**
     * For months and days of the month, also the words that point a date ahead ("by February", "effective June 1", "would be paid in
     * January").
     */
    private static final Pattern FUTURE_DATE = Pattern.compile("\\b(?:would|by|until|till|through|effective|due|next|starting|"
            + "beginning|upcoming|scheduled|"
            + "deadline|expire|expires|matures?|maturing|payable|of record)\\b", CI);

    /** A verb in the past right before a weekday ("said Friday", "met Tuesday"): the day is behind. */
    private static final Pattern PAST_VERB = Pattern.compile("said|told|met|held|made|took|went|came|left|began|saw|won|lost|"
            + "gave|got|found|fell|rose"
            + "|was|were|had|did|sent|spoke|wrote|led|shot|struck|hit|put|set|paid|sold|bought|brought|thought|ran|flew|[a-z]+ed", CI);
    /** Participles of a plan right before a weekday (after "on", "for"): the day is ahead. */
    private static final Set<String> AHEAD_PARTICIPLE = Set.of("scheduled", "planned", "slated", "expected");
    /**
     * Verbs that put a whole clause ahead, however far before its weekday: the future, a plan under way told in the
     * present or the past ("were planning to drive ... on Monday"), and the future of a past report ("announced that
     * the father would be traveling to the United States Thursday").
     */
    private static final Pattern STRONG_FUTURE = Pattern.compile("\\b(?:will|shall|is to|are to|is scheduled|are scheduled|is due|are due"
            + "|threatens to|(?:is|are) threatening to|(?:is|are|was|were) (?:planning|preparing|going) to|would be [a-z]+ing)"
            + "\\b|['’]ll\\b", CI);
    /** Words that put a weekday ahead when they stand within a few words of it. */
    private static final Pattern NEAR_FUTURE = Pattern.compile("(?:\\b(?:will|would|shall|going "
            + "to|plans?|planned|planning|expected|expects|scheduled"
            + "|as soon as|as early as|is to|are to|is due|are due|next|upcoming|intends?|hopes?|set to|coming"
            // a passive ahead: "an interview to be broadcast Monday", "to be held Friday" (not "happy to be home")
            + "|to be (?:[a-z]+ed|held|broadcast|shown|sent|given|made|taken|built|sworn|read|chosen|run|cast|sung|won)"
            // a postponement names the day it moves to: "postponed until Tuesday morning", "adjourned till Monday"
            + "|(?:postponed|delayed|adjourned|deferred|put off|pushed back|rescheduled) (?:until|till|to)"
            // "due to open Saturday" is ahead; "due to rain" is a cause
            + "|due to (?:be|open|start|begin|arrive|meet|hold|take|visit|resume|end|close|return|leave|vote|sign|announce|face"
            + "|appear|launch|fly|travel|attend|address|deliver|hear|rule|decide|report|release|publish))\\b|['’]ll\\b)", CI);

    // ---- tagging ----------------------------------------------------------------------------------------

    private record Hit(Rule rule, int start, int end, Matcher m) {}

    /**
     * The time expressions of {@code text[from, to)}, resolved against {@code anchor} (the publication date;
     * null leaves relative expressions without a value). {@code anchorKind} is what {@link Timex#anchor()}
     * records for relative expressions ({@code "published"}, {@code "inferred"}).
     */
    public static List<Timex> tag(String text, int from, int to, LocalDate anchor, String anchorKind) {
        List<Hit> hits = new ArrayList<>();
        // each rule runs only around the words that can anchor its expressions: a news text is mostly not about time
        Map<Kind, List<int[]>> windows = windows(text, from, to);
        for (Rule r : RULES) {
            List<int[]> ws = windows.get(r.kind);
            if (ws == null) continue;
            Matcher m = r.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int[] w : ws) {
                m.region(w[0], w[1]);
                while (m.find()) {
                    if (m.end() == m.start()) continue;
                    if (!accept(r.kind, m, text)) continue;
                    hits.add(new Hit(r, m.start(), m.end(), snapshot(r, text, m)));
                }
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -(h.end - h.start)).thenComparingInt(h -> h.start));
        // the longest hits win their words; a hit that turns out to be no expression at all ("last week after" read
        // as a length without its number, as in "two weeks after") gives its words back, and the text is resolved
        // again. A hit that resolves to nothing else keeps them: "2019" of the invalid "13/45/2019" is no year
        while (true) {
            List<Hit> chosen = choose(hits, from, to);
            Resolver res = new Resolver(text, anchor, anchorKind);
            List<Timex> out = new ArrayList<>(chosen.size());
            List<Hit> notHere = new ArrayList<>();
            for (Hit h : chosen) {
                Timex t = res.resolve(h);
                if (t == NOT_HERE) notHere.add(h);
                else if (t != null) {
                    out.add(t);
                    res.seen(t);
                }
            }
            if (notHere.isEmpty() || !hits.removeIf(h -> notHere.contains(h) && overlapsAnother(h, hits))) {
                return datedClocks(text, out, anchor);
            }
        }
    }

    /**
     * Between a time of day and the day it is on: spaces, commas, "on", brackets (around another zone's time, itself an
     * expression), a bracketed aside.
     */
    private static final Pattern CLOCK_TO_DAY = Pattern.compile("(?:[\\s,()]|\\bon\\b|\\([^()]{0,30}\\))*");

    /**
     * Times of day resolved against the anchor's date that the text puts on another day a few words on ("at about 10:35 a.m.
     * (0735 GMT) Friday"): the day's date is theirs. The clock rule takes a day that follows at once into its own span; a
     * bracketed aside between leaves them two expressions, as TimeML annotates them.
     */
    private static List<Timex> datedClocks(String text, List<Timex> out, LocalDate anchor) {
        if (anchor == null) return out;
        String today = anchor.toString();
        for (int i = 0; i < out.size(); i++) {
            Timex t = out.get(i);
            if (t.type() != TimexType.TIME || t.value() == null || !t.value().startsWith(today + "T")) continue;
            int j = i + 1;
            while (j < out.size() && out.get(j).type() == TimexType.TIME && between(text, out.get(j - 1), out.get(j))) j++;
            if (j == out.size() || !between(text, out.get(j - 1), out.get(j))) continue;
            Timex day = out.get(j);
            if (day.type() != TimexType.DATE || day.value() == null || !day.value().matches("\\d{4}-\\d{2}-\\d{2}")) continue;
            for (int k = i; k < j; k++) {
                Timex c = out.get(k);
                if (c.value() == null || !c.value().startsWith(today + "T")) continue;
                out.set(k, new Timex(c.start(), c.end(), c.text(), c.type(), day.value() + c.value().substring(today.length()), c.values(),
                        c.anchor(), c.note()));
            }
        }
        return out;
    }

    private static boolean between(String text, Timex a, Timex b) {
        return b.start() >= a.end() && b.start() - a.end() <= 40 && CLOCK_TO_DAY.matcher(text).region(a.end(), b.start()).matches();
    }

    /** The hits that keep their words: longest first, then leftmost; in text order. */
    private static List<Hit> choose(List<Hit> hits, int from, int to) {
        List<Hit> chosen = new ArrayList<>();
        boolean[] taken = new boolean[to - from];
        for (Hit h : hits) {
            boolean free = true;
            for (int i = h.start; i < h.end && free; i++) free = !taken[i - from];
            if (!free) continue;
            for (int i = h.start; i < h.end; i++) taken[i - from] = true;
            chosen.add(h);
        }
        chosen.sort(Comparator.comparingInt(h -> h.start));
        return chosen;
    }

    private static boolean overlapsAnother(Hit h, List<Hit> hits) {
        for (Hit o : hits) if (o != h && o.start < h.end && h.start < o.end) return true;
        return false;
    }

    /** What a rule's resolver returns for words it matched that are no expression of its kind, to give them back to the others. */
    private static final Timex NOT_HERE = new Timex(0, 0, "", TimexType.DATE, null, List.of(), null, null);

    /** Characters either side of a trigger word a rule's matcher looks at: longer than any expression's reach from its anchor word. */
    static final int REACH = 90;

    private static final Set<String> UNIT_WORDS = Set.of("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
            "weeks",
            "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century",
                    "centuries");
    private static final Set<String> ANAPHOR_UNITS = Set.of("day", "morning", "afternoon", "evening", "night", "week", "month", "year");
    private static final Set<String> SEASON_WORDS = Set.of("spring", "summer", "fall", "autumn", "winter");

    /** The kinds of rule a word can anchor (lower-cased; a word with a digit anchors the numeric ones). */
    private static Set<Kind> triggered(String w) {
        Set<Kind> k = EnumSet.noneOf(Kind.class);
        // only what no other word of the expression anchors: "August 22" is found from "August", "two days" from "days"
        if (Character.isDigit(w.charAt(0))) {
            if (w.length() == 4 || w.length() == 5 && w.endsWith("s")) k.addAll(List.of(Kind.YEAR, Kind.DECADE, Kind.ISO));
            if (w.length() <= 2) k.add(Kind.NUMERIC);
        }
        if (CalendarWords.MONTHS.contains(w)) {
            k.addAll(List.of(Kind.MONTH_DAY, Kind.DAY_MONTH, Kind.MONTH_YEAR, Kind.MONTH_REL_YEAR, Kind.MONTH));
        }
        if (CalendarWords.WEEKDAYS.contains(w)) k.add(Kind.WEEKDAY);
        if (UNIT_WORDS.contains(w)) k.addAll(List.of(Kind.DURATION, Kind.DURATION_ADJ, Kind.AGO, Kind.PLURAL, Kind.RELATIVE, Kind.WITHIN,
                Kind.SET,
                Kind.QUARTER, Kind.CENTURY, Kind.END_OF, Kind.YEAR_AGO, Kind.REF));
        if (w.equals("year")) k.add(Kind.THE_YEAR);
        if (ANAPHOR_UNITS.contains(w)) k.add(Kind.ANAPHOR);
        if (w.equals("nineteen") || w.equals("thousand")) k.add(Kind.SPOKEN_YEAR);
        if (w.endsWith("ties") && NumberWords.TENS.contains(w.substring(0, w.length() - 3) + "y")) k.add(Kind.SPOKEN_DECADE);
        if (SEASON_WORDS.contains(w)) k.addAll(List.of(Kind.SEASON, Kind.RELATIVE, Kind.SET));
        switch (w) {
            case "today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening",
                    "overnight" -> k.addAll(List.of(Kind.DEICTIC, Kind.SET, Kind.WEEKDAY, Kind.CLOCK));
            case "ago", "earlier", "later", "hence", "before", "after" -> k.addAll(List.of(Kind.AGO, Kind.WITHIN));
            case "weekend" -> k.addAll(List.of(Kind.WEEKEND, Kind.RELATIVE, Kind.SET));
            case "half" -> k.add(Kind.HALF);
            case "period" -> k.add(Kind.QUARTER);
            case "end", "beginning", "start", "middle", "turn" -> k.add(Kind.END_OF);
            case "now", "currently", "presently", "nowadays", "present", "moment", "recently", "lately", "past", "recent", "future",
                    "current", "soon" -> {
                k.add(Kind.REF);
                k.add(Kind.AGO);
            }
            case "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly", "semiannually", "every", "each",
                    "once", "twice", "times",
                 "per" -> k.add(Kind.SET);
            case "am", "pm", "m", "noon", "midnight", "midday", "gmt", "utc" -> k.add(Kind.CLOCK);
            case "christmas", "new", "thanksgiving", "independence", "halloween", "valentine", "labor", "memorial", "election" -> k.add(
                    Kind.HOLIDAY);
            case "s" -> k.add(Kind.DECADE); // the '80s
            default -> { }
        }
        return k;
    }

    /** For each kind of rule, the merged stretches of {@code text[from, to)} within {@link #REACH} of a word that can anchor it. */
    private static Map<Kind, List<int[]>> windows(String text, int from, int to) {
        Map<Kind, List<int[]>> out = new EnumMap<>(Kind.class);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) { i++; continue; }
            int s = i;
            while (i < to && Character.isLetterOrDigit(text.charAt(i))) i++;
            if (i - s > 13) continue;
            Set<Kind> kinds = triggered(text.substring(s, i).toLowerCase(Locale.ROOT));
            if (kinds.isEmpty()) continue;
            int ws = Math.max(from, s - REACH), we = Math.min(to, i + REACH);
            for (Kind k : kinds) {
                List<int[]> l = out.computeIfAbsent(k, x -> new ArrayList<>());
                int[] last = l.isEmpty() ? null : l.get(l.size() - 1);
                if (last != null && ws <= last[1]) last[1] = Math.max(last[1], we);
                else l.add(new int[] {ws, we});
            }
        }
        return out;
    }

    /** A matcher frozen at its current match (offsets into the whole text), so the hit keeps its groups after the search moves on. */
    private static Matcher snapshot(Rule r, String text, Matcher m) {
        Matcher c = r.pattern.matcher(text).region(m.start(), m.end()).useTransparentBounds(true).useAnchoringBounds(false);
        if (!c.matches()) throw new IllegalStateException("rule " + r.kind + " does not match its own hit " + m.group());
        return c;
    }

    /** Checks a rule's match cannot express in the pattern: capitals, the words around a year, and what follows a modal "May". */
    private static boolean accept(Kind k, Matcher m, String text) {
        switch (k) {
            case MONTH -> {
                String mon = m.group("m");
                if (!Character.isUpperCase(mon.charAt(0))) return false;
                if (mon.length() <= 4 && !mon.endsWith(".") && !mon.equals("May") && !mon.equals("June")
                        && !mon.equals("July")) return false;
                if (mon.equals("May") || mon.equals("March")) {
                    // the modal verb and the verb/noun: only after a word that takes a month
                    String prev = previousWord(text, m.start("m"));
                    boolean mod = m.group("mod") != null;
                    if (!mod && !Set.of("in", "since", "until", "till", "by", "of", "from", "to", "through", "during", "early", "late",
                            "mid",
                            "last", "next", "this", "before", "after", "between", "and", "or", "on").contains(prev)) return false;
                    if (!mod && mon.equals("March") && Set.of("the", "a").contains(previousWord(text, m.start()))) return false;
                }
                return true;
            }
            case MONTH_DAY, DAY_MONTH, MONTH_YEAR, MONTH_REL_YEAR -> {
                String mon = m.group("m");
                return Character.isUpperCase(mon.charAt(0));
            }
            case SPOKEN_YEAR -> {
                // "two thousand" is a count unless the words make it a year; neither is a year before what it counts
                if (m.group("y").toLowerCase(Locale.ROOT).startsWith("two") && m.group("pre") == null && m.group("m") == null) return false;
                return !COUNT_AFTER.contains(nextWord(text, m.end()));
            }
            case THE_YEAR -> {
                if (m.group("mod") != null) return true;
                if (yearSpan(text, m.end())) return true;
                String next = nextWord(text, m.end());
                // "for the year", "a high for the year": the report's year; "the year before", "the year that followed" are not
                return Set.of("for", "of", "during", "throughout", "through").contains(previousWord(text, m.start()))
                        && !Set.of("before", "after", "that", "when", "which", "earlier", "later", "following", "since", "in", "ago", "to",
                                "award", "awards", "prize").contains(next);
            }
            case YEAR -> {
                if (m.group("mod") != null) return true;
                int s = m.start("y");
                if (s > 0 && (text.charAt(s - 1) == '$' || text.charAt(s - 1) == '#' || text.charAt(s - 1) == '€'
                        || text.charAt(s - 1) == '£')) return false;
                int e = m.end();
                String next = nextWord(text, e);
                if (COUNT_AFTER.contains(next)) return false;
                if (e < text.length() && (text.charAt(e) == '%' || text.charAt(e) == '.' && e + 1 < text.length()
                        && Character.isDigit(text.charAt(e + 1)))) return false;
                String prev = previousWord(text, s);
                if (YEAR_BEFORE.contains(prev) || isMonth(prev) || prev.endsWith("'s") || prev.endsWith("’s")) return true;
                if (s > 0 && (text.charAt(s - 1) == '(' || text.charAt(s - 1) == '-')) return true;
                // "a 1996 law", "his unsuccessful 1996 campaign": a year naming the event that follows it
                if (prev.equals("a") || YEAR_OF.contains(next)) return true;
                // a year ends a clause or a phrase: "... in the spring, 1990." "1990's ..."
                if (e >= text.length()) return true;
                char c = text.charAt(e);
                return c == ',' || c == '.' || c == ';' || c == ')' || c == ':' || c == '\'' || c == '’' || c == '-' || c == '–'
                        || c == '\n'
                        || next.equals("and") || next.equals("to") || next.equals("through");
            }
            case DURATION -> {
                String n = m.group("n").trim().toLowerCase(Locale.ROOT);
                // "a" or "some" alone before "second" (an ordinal), "the quarter" (a date): not durations
                String u = m.group("u").toLowerCase(Locale.ROOT);
                String bare = (n + " ").replaceAll(APPROX_WORDS, "").trim();
                if (bare.isEmpty()) return false;
                if (u.startsWith("second") && (bare.equals("a") || bare.equals("the"))) return false;
                if (u.startsWith("quarter") && !bare.matches("\\d{1,2}|" + NUMW + "|two|three|four|several|a few")) return false;
                if (bare.matches("(1[0-9]|20)\\d\\d") && !n.equals(bare)) return false; // "the 1988 quarter"
                return true;
            }
            case REF -> {
                String w = m.group("w").toLowerCase(Locale.ROOT);
                String next = nextWord(text, m.end());
                if (w.equals("now") && next.equals("that")) return false; // "now that": a conjunction
                if (w.equals("current")) {
                    // "the current weakness", "his current wife": the present, as TimeBank marks it more often than not; "the
                    // current account" and an electric current are not
                    return !next.isEmpty() && Character.isLetter(next.charAt(0))
                            && !Set.of("account", "accounts", "flows", "flow", "and", "or").contains(next)
                            && Character.isLowerCase(text.charAt(m.start()));
                }
                if (w.equals("recent") || w.equals("future")) {
                    // adjectives: only before the nouns that make them times ("the current quarter" is caught by RELATIVE)
                    return Set.of("period", "term", "session", "year", "season", "climate", "level", "levels", "situation",
                            "administration",
                            "crisis", "conditions", "environment", "generation", "generations", "trend", "trends", "government",
                                    "leadership").contains(next)
                            && !w.equals("future") || w.equals("future") && Set.of("generations", "years").contains(next);
                }
                return true;
            }
            case SET -> {
                // "the Keyhan daily", "the Communist Party daily Granma": a newspaper, not a rate
                if (!m.group("w").equalsIgnoreCase("daily")) return true;
                return !capitalisedWordBefore(text, m.start()) && !Character.isUpperCase(firstLetterAfter(text, m.end()));
            }
            case SEASON -> {
                // "fall" is also a verb and a noun: only with a determiner, a modifier or a year
                String s = m.group("s").toLowerCase(Locale.ROOT);
                if (m.group("rel") == null && m.group("y") == null) return !s.equals("fall") && !s.equals("spring") && Set.of("in", "this",
                        "last", "next", "during",
                        "since", "until", "by", "over").contains(previousWord(text, m.start()));
                if (s.equals("fall") || s.equals("spring")) {
                    String rel = m.group("rel") == null ? "" : m.group("rel").trim().toLowerCase(Locale.ROOT);
                    if (rel.equals("the")) return Set.of("in", "during", "since", "until", "by", "over", "of", "through")
                            .contains(previousWord(text, m.start()));
                }
                return true;
            }
            case WEEKDAY -> { return Character.isUpperCase(m.group("wd").charAt(0)); }
            case QUARTER -> {
                // "the period" is a quarter only when the words before it say which ("the latest period", "the year-ago period")
                return m.group("unit").equalsIgnoreCase("quarter") || m.group("q") == null && m.group("mod") != null
                        && m.group("mod").toLowerCase(Locale.ROOT)
                                .matches(".*(latest|year-ago|year-earlier|same|comparable|most recent).*");
            }
            default -> { return true; }
        }
    }

    /** Whether the word before {@code i} is capitalised and does not open a sentence ("Keyhan daily"). */
    private static boolean capitalisedWordBefore(String text, int i) {
        int ws = previousWordStart(text, i);
        if (ws >= i || ws < 0 || !Character.isUpperCase(text.charAt(ws))) return false;
        int k = ws - 1;
        while (k >= 0 && text.charAt(k) == ' ') k--;
        return k >= 0 && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == ',');
    }

    /** The first character of the word after {@code i} ('\0' at the end or before punctuation). */
    private static char firstLetterAfter(String text, int i) {
        int k = i;
        while (k < text.length() && text.charAt(k) == ' ') k++;
        return k < text.length() && Character.isLetter(text.charAt(k)) ? text.charAt(k) : '\0';
    }

    /** Whether "ended" or "ending" follows {@code end}: "the year ended Sept. 30" is a span, not a date. */
    private static boolean yearSpan(String text, int end) {
        String next = nextWord(text, end);
        return next.equals("ended") || next.equals("ending");
    }

    static boolean isMonth(String w) {
        if (w.length() < 3) return false;
        Integer n = MONTHS.get(w.substring(0, 3).toLowerCase(Locale.ROOT));
        return n != null && (w.length() <= 5 || w.toLowerCase(Locale.ROOT)
                .matches("january|february|march|april|june|july|august|september|october|november|december"));
    }

    /** The word just before offset {@code i}, lower-cased ("" at the start). */
    static String previousWord(String text, int i) {
        int e = i;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) e--;
        int s = e;
        while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '-' || text.charAt(s - 1) == '\''
                || text.charAt(s - 1) == '’')) s--;
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    /** Where the word before offset {@code i} starts. */
    static int previousWordStart(String text, int i) {
        int e = i;
        while (e > 0 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) e--;
        int s = e;
        while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '-' || text.charAt(s - 1) == '\''
                || text.charAt(s - 1) == '’')) s--;
        return s;
    }

    /** The word just after offset {@code i}, lower-cased ("" at the end). */
    static String nextWord(String text, int i) {
        int s = i;
        while (s < text.length() && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) s++;
        int e = s;
        while (e < text.length() && Character.isLetterOrDigit(text.charAt(e))) e++;
        return text.substring(s, e).toLowerCase(Locale.ROOT);
    }

    static int month(String name) {
        Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
        if (m == null) throw new IllegalArgumentException("no month " + name);
        return m;
    }

    /** The number a count written in words or digits stands for ("twenty-four": 24), or -1 when it names none ("several"). */
    public static double numberWord(String s) { return number(s); }

    /** The number a word or digit string counts, or -1 for "a few", "several", "some" (TimeML's X). */
    static double number(String s) {
        String w = s.toLowerCase(Locale.ROOT).trim().replace(',', ' ').replaceAll("\\s+", " ");
        if (w.matches("\\d+ \\d{3}( \\d{3})*")) return Double.parseDouble(w.replace(" ", ""));
        if (w.matches("\\d+(\\.\\d+)?")) return Double.parseDouble(w);
        if (w.matches("\\d+ 1/2|\\d+\u00bd")) return Double.parseDouble(w.substring(0, w.length() - (w.endsWith("1/2") ? 4 : 1))) + 0.5;
        switch (w) {
            case "a", "an", "one", "another" -> { return 1; }
            case "a couple of", "a couple" -> { return 2; }
            case "a dozen" -> { return 12; }
            case "one and a half" -> { return 1.5; }
            case "a few", "several", "some", "few", "many", "dozens of", "hundreds of" -> { return -1; }
            default -> { }
        }
        String[] parts = w.split("[- ]");
        double total = 0;
        for (String p : parts) {
            int v = wordValue(p);
            if (v < 0) return -1;
            if (v == 100 || v == 1000) total = (total == 0 ? 1 : total) * v;
            else total += v;
        }
        return total;
    }

    /** A year said in words: "nineteen ninety-six" is 1996, "two thousand and one" 2001. */
    static int spokenYear(String words) {
        String[] w = words.toLowerCase(Locale.ROOT).split("[\\s-]+");
        int y = w[0].equals("two") ? 2000 : 1900;
        for (int i = w[0].equals("two") ? 2 : 1; i < w.length; i++) if (!w[i].equals("and")) y += wordValue(w[i]);
        return y;
    }

    private static int wordValue(String p) { return NumberWords.cardinal(p); }

    // ---- resolution -------------------------------------------------------------------------------------

    /** How near a day or month ahead of the anchor must be to be read forward without a future tense. */
    static final int NEAR_AHEAD_DAYS = 90;

    /** Resolves the chosen hits of one text in order, remembering the quarter it last spoke of. */
    private static final class Resolver {
        private final String text;
        private final LocalDate anchor;
        private final String anchorKind;
        private String lastQuarter;
        /** The last date the text gave (day, month or year), for "that day", "the following year"; null before any. */
        private String lastDate;
        /** Whether {@link #lastDate} was resolved against the anchor. */
        private boolean lastDateRelative;

        Resolver(String text, LocalDate anchor, String anchorKind) {
            this.text = text;
            this.anchor = anchor;
            this.anchorKind = anchorKind;
        }

        private Timex absolute(Hit h, TimexType t, String v) { return v == null ? null : new Timex(h.start, h.end, text.substring(h.start,
                h.end), t, v, List.of(), null, null); }

        private Timex relative(Hit h, TimexType t, String v) {
            return new Timex(h.start, h.end, text.substring(h.start, h.end), t, anchor == null ? null : v, List.of(), anchorKind, null);
        }

        private static final Pattern CALENDAR_DATE = Pattern.compile("\\d{4}(?:-\\d{2}(?:-\\d{2})?)?");

        /** Remembers a resolved calendar date (a day, a month or a year, a clock time's day) for the anaphors after it. */
        void seen(Timex t) {
            if (t.value() == null || t.type() != TimexType.DATE && t.type() != TimexType.TIME) return;
            String v = t.type() == TimexType.TIME ? t.value().split("T", 2)[0] : t.value();
            if (!CALENDAR_DATE.matcher(v).matches()) return;
            lastDate = v;
            lastDateRelative = t.anchor() != null;
        }

        /**
         * "that day", "later that year", "the following year", "the next morning", "the previous month": the date the
         * text gave last, or the unit after or before it. The words go back to the other rules when the text gave no
         * date before at that unit's detail ("the next year" of a plan, "the following week" of a schedule: read against
         * the publication date), and "the next week / month / year" always does: it looks ahead of the report, not of
         * the story.
         */
        private Timex anaphor(Hit h, Matcher m) {
            String det = m.group("det").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String u = m.group("u").toLowerCase(Locale.ROOT);
            boolean dayUnit = !Set.of("week", "month", "year").contains(u);
            if (det.equals("the next") && !dayUnit || lastDate == null) return NOT_HERE;
            int step = det.equals("the following") || det.equals("the next") ? 1 : det.equals("the previous")
                    || det.equals("the preceding") ? -1 : 0;
            String[] f = lastDate.split("-");
            int y = Integer.parseInt(f[0]);
            String unit = dayUnit ? "day" : u;
            LocalDate ref;
            if (unit.equals("day") || unit.equals("week")) {
                if (f.length < 3) return NOT_HERE;
                ref = LocalDate.of(y, Integer.parseInt(f[1]), Integer.parseInt(f[2]));
            } else if (unit.equals("month")) {
                if (f.length < 2) return NOT_HERE;
                ref = LocalDate.of(y, Integer.parseInt(f[1]), 1);
            } else {
                ref = LocalDate.of(y, 1, 1);
            }
            LocalDate d = switch (unit) {
                case "day" -> ref.plusDays(step);
                case "week" -> ref.plusWeeks(step);
                case "month" -> ref.plusMonths(step);
                default -> ref.plusYears(step);
            };
            String v = at(d, unit);
            return lastDateRelative ? relative(h, TimexType.DATE, v) : absolute(h, TimexType.DATE, v);
        }

        Timex resolve(Hit h) {
            Matcher m = h.m;
            switch (h.rule.kind) {
                case MONTH_DAY, DAY_MONTH -> { return monthDay(h, m); }
                case ISO -> {
                    LocalDate d = date(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
                    if (d == null) return null;
                    if (m.group("h") != null) return absolute(h, TimexType.TIME, d + "T" + m.group("h") + ":" + m.group("mi"));
                    return absolute(h, TimexType.DATE, d.toString());
                }
                case NUMERIC -> {
                    int y = Integer.parseInt(m.group("y"));
                    if (y < 100) y += y < 50 ? 2000 : 1900;
                    LocalDate d = date(y, Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
                    return d == null ? null : absolute(h, TimexType.DATE, d.toString());
                }
                case MONTH_YEAR -> { return absolute(h, TimexType.DATE, String.format(Locale.ROOT, "%s-%02d", m.group("y"),
                        month(m.group("m")))); }
                case MONTH_REL_YEAR -> {
                    if (anchor == null) return relative(h, TimexType.DATE, null);
                    String rel = m.group("rel").toLowerCase(Locale.ROOT);
                    int y = anchor.getYear() + (rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0);
                    return relative(h, TimexType.DATE, String.format(Locale.ROOT, "%d-%02d", y, month(m.group("m"))));
                }
                case MONTH -> { return bareMonth(h, m); }
                case YEAR -> {
                    String q = quarterOf(h, Integer.parseInt(m.group("y")));
                    return absolute(h, TimexType.DATE, q != null ? q : m.group("y"));
                }
                case SPOKEN_YEAR -> {
                    int y = spokenYear(m.group("y"));
                    if (m.group("m") == null) return absolute(h, TimexType.DATE, String.valueOf(y));
                    return absolute(h, TimexType.DATE, String.format(Locale.ROOT, "%d-%02d", y, month(m.group("m"))));
                }
                case SPOKEN_DECADE -> {
                    String w = m.group("w").toLowerCase(Locale.ROOT);
                    return absolute(h, TimexType.DATE, "19" + NumberWords.TENS.indexOf(w.substring(0, w.length() - 3) + "y"));
                }
                case THE_YEAR -> {
                    // "the year ended Sept. 30": a year's span, which TimeML anchors at the date that follows
                    if (yearSpan(text, h.end)) return absolute(h, TimexType.DURATION, "P1Y");
                    return relative(h, TimexType.DATE, anchor == null ? null : String.valueOf(anchor.getYear()));
                }
                case DECADE -> {
                    if (m.group("s") != null) return absolute(h, TimexType.DATE, "19" + m.group("s"));
                    return absolute(h, TimexType.DATE, m.group("c") + m.group("d"));
                }
                case CENTURY -> {
                    int n = Integer.parseInt(m.group("n"));
                    return n < 1 || n > 30 ? null : absolute(h, TimexType.DATE, String.format(Locale.ROOT, "%02d", n - 1));
                }
                case QUARTER -> { return quarter(h, m); }
                case HALF -> {
                    String w = m.group("h").toLowerCase(Locale.ROOT);
                    int half = w.equals("first") ? 1 : 2;
                    Integer y = yearOf(m.group("y"));
                    if (y == null) return relative(h, TimexType.DATE, anchor == null ? null : anchor.getYear() + "-H" + half);
                    return (m.group("y").matches("\\d{4}") ? absolute(h, TimexType.DATE, y + "-H" + half) : relative(h, TimexType.DATE, y
                            + "-H" + half));
                }
                case DEICTIC -> { return deictic(h, m); }
                case WEEKDAY -> { return weekday(h, m); }
                case RELATIVE -> { return relativeUnit(h, m); }
                case ANAPHOR -> { return anaphor(h, m); }
                case WITHIN -> {
                    if (anchor == null) return relative(h, TimexType.DATE, null);
                    return relative(h, TimexType.DATE, at(anchor, m.group("u").toLowerCase(Locale.ROOT)));
                }
                case AGO -> { return ago(h, m); }
                case DURATION -> { return duration(h, m.group("n"), m.group("u"), m.group("half") != null); }
                case DURATION_ADJ -> { return duration(h, m.group("n"), m.group("u"), false); }
                case PLURAL -> {
                    String rel = m.group("rel") == null ? "" : m.group("rel").trim().toLowerCase(Locale.ROOT);
                    if (rel.equals("recent") && m.group("u").equalsIgnoreCase("years")) return absolute(h, TimexType.DATE, "PAST_REF");
                    return absolute(h, TimexType.DURATION, durationValue(-1, m.group("u")));
                }
                case REF -> {
                    String w = m.group("w").toLowerCase(Locale.ROOT);
                    if (w.matches("recent (months|weeks|days)")) return absolute(h, TimexType.DURATION, durationValue(-1, w.substring(7)));
                    String v = w.contains("future") || w.equals("soon") || w.equals("shortly") ? "FUTURE_REF"
                            : w.contains("recent") || w.equals("lately") || w.equals("the past") || w.equals("previously")
                                    || w.equals("formerly") ? "PAST_REF"
                            : "PRESENT_REF";
                    return absolute(h, TimexType.DATE, v);
                }
                case SET -> { return set(h, m); }
                case CLOCK -> { return clock(h, m); }
                case SEASON -> { return season(h, m); }
                case HOLIDAY -> { return holiday(h, m); }
                case END_OF -> {
                    String w = m.group("w").toLowerCase(Locale.ROOT);
                    String u = m.group("u") != null ? m.group("u").toLowerCase(Locale.ROOT) : w.startsWith("month") ? "month" : "year";
                    return anchor == null ? relative(h, TimexType.DATE, null) : relative(h, TimexType.DATE, at(anchor, u));
                }
                case WEEKEND -> {
                    if (anchor == null) return relative(h, TimexType.DATE, null);
                    // early in the week "the weekend" is the one just past, later the coming one
                    LocalDate d = anchor.getDayOfWeek().getValue() <= 2 && !future(h.start, h.end) ? anchor.minusWeeks(1) : anchor;
                    return relative(h, TimexType.DATE, at(d, "weekend"));
                }
                case YEAR_AGO -> {
                    if (anchor == null) return relative(h, TimexType.DATE, null);
                    if (lastQuarter != null) return relative(h, TimexType.DATE, minusYear(lastQuarter));
                    return relative(h, TimexType.DATE, String.valueOf(anchor.getYear() - 1));
                }
                default -> throw new IllegalStateException("unhandled " + h.rule.kind);
            }
        }

        private Timex monthDay(Hit h, Matcher m) {
            int mon = month(m.group("m"));
            int d = Integer.parseInt(m.group("d"));
            Integer d2 = m.group("d2") == null ? null : Integer.parseInt(m.group("d2"));
            if (d < 1 || d > 31 || d2 != null && (d2 < 1 || d2 > 31 || d2 <= d)) return null;
            boolean rel = m.group("y") == null;
            String relWord = groupOrNull(m, "rel");
            int year;
            if (!rel) year = Integer.parseInt(m.group("y"));
            else if (anchor == null) {
                return new Timex(h.start, h.end, text.substring(h.start, h.end), TimexType.DATE, null, List.of(), anchorKind, null);
            } else if (relWord != null) {
                // "last Oct. 23": the last such day before the anchor, as "last October" is the last such month; "next Jan. 4" the first
                // after it
                LocalDate c = date(anchor.getYear(), mon, d);
                if (c == null) c = date(anchor.getYear(), mon, Math.min(d, 28)); // Feb. 29 of a common year: its month decides
                String r = relWord.toLowerCase(Locale.ROOT);
                boolean back = r.startsWith("last") || r.startsWith("this past");
                year = back ? (c.isBefore(anchor) ? anchor.getYear() : anchor.getYear() - 1)
                        : (c.isAfter(anchor) ? anchor.getYear() : anchor.getYear() + 1);
            } else if (since(h.start)) {
                LocalDate c = date(anchor.getYear(), mon, Math.min(d, 28));
                year = c.isAfter(anchor) ? anchor.getYear() - 1 : anchor.getYear();
            } else year = yearFor(mon, d, future(h.start, h.end) || futureDate(h.start, h.end));
            LocalDate day = date(year, mon, d);
            if (day == null) return null;
            List<String> values = new ArrayList<>();
            if (d2 != null) {
                LocalDate last = date(year, mon, d2);
                if (last == null) return null;
                for (LocalDate x = day; !x.isAfter(last); x = x.plusDays(1)) values.add(x.toString());
            }
            String note = null;
            String wd = m.group("wd");
            if (wd != null) {
                DayOfWeek said = dayOf(wd);
                String wd2 = groupOrNull(m, "wd2");
                if (wd2 != null && d2 != null) {
                    LocalDate last = date(year, mon, d2);
                    if (day.getDayOfWeek() != said || last.getDayOfWeek() != dayOf(wd2)) {
                        note = day + " is a " + name(day.getDayOfWeek()) + ", not a " + name(said);
                    }
                } else if (day.getDayOfWeek() != said) {
                    note = day + " is a " + name(day.getDayOfWeek()) + ", not a " + name(said) + " as written";
                }
            }
            return new Timex(h.start, h.end, text.substring(h.start, h.end), TimexType.DATE, day.toString(), values, rel ? anchorKind
                    : null, note);
        }

        /**
         * The year of month {@code mon}, day {@code d} written without one: news reports what happened, so
         * the last such day on or before the anchor, unless the sentence speaks of the future or the next
         * such day is near (within {@value #NEAR_AHEAD_DAYS} days) while the last one is half a year back.
         */
        private int yearFor(int mon, int d, boolean future) {
            int y = anchor.getYear();
            LocalDate c = date(y, mon, Math.min(d, 28));
            LocalDate past = c.isAfter(anchor) ? date(y - 1, mon, Math.min(d, 28)) : c;
            LocalDate ahead = c.isAfter(anchor) ? c : date(y + 1, mon, Math.min(d, 28));
            long back = anchor.toEpochDay() - past.toEpochDay(), forward = ahead.toEpochDay() - anchor.toEpochDay();
            if (back == 0) return past.getYear();
            if (future && forward < back || forward <= NEAR_AHEAD_DAYS && back > 180) return ahead.getYear();
            return past.getYear();
        }

        private Timex bareMonth(Hit h, Matcher m) {
            int mon = month(m.group("m"));
            if (anchor == null) return relative(h, TimexType.DATE, null);
            String mod = m.group("mod") == null ? "" : m.group("mod").trim().toLowerCase(Locale.ROOT);
            int am = anchor.getMonthValue(), y = anchor.getYear();
            int year;
            if (mod.startsWith("last") || mod.equals("this past")) year = mon < am ? y : y - 1;
            else if (mod.startsWith("next") || mod.equals("this coming")) year = mon > am ? y : y + 1;
            else if (mod.equals("this")) year = y;
            else if (since(h.start)) year = mon <= am ? y : y - 1;
            else if (future(h.start, h.end) || futureDate(h.start, h.end) || mon > am
                    && mon - am <= NEAR_AHEAD_DAYS / 30 - 1) year = mon >= am ? y : y + 1;
            else year = mon <= am ? y : y - 1;
            return relative(h, TimexType.DATE, String.format(Locale.ROOT, "%d-%02d", year, mon));
        }

        private Timex quarter(Hit h, Matcher m) {
            String q = groupOrNull(m, "q");
            String mod = m.group("mod") == null ? "" : m.group("mod").toLowerCase(Locale.ROOT);
            Integer y = yearOf(groupOrNull(m, "y"));
            if (y == null) y = yearOf(groupOrNull(m, "y0"));
            boolean yearAgo = mod.contains("year-earlier") || mod.contains("year-ago");
            String v;
            if (q != null) {
                int n = "first1st".contains(q.toLowerCase(Locale.ROOT)) ? 1 : "second2nd".contains(q.toLowerCase(Locale.ROOT)) ? 2
                        : "third3rd".contains(q.toLowerCase(Locale.ROOT)) ? 3 : 4;
                if (y == null) {
                    if (anchor == null) return relative(h, TimexType.DATE, null);
                    y = anchor.getYear();
                    if (yearAgo) y--;
                }
                v = y + "-Q" + n;
            } else {
                if (anchor == null) return relative(h, TimexType.DATE, null);
                // the latest quarter is the last one completed; "the quarter" is the one the text spoke of last
                int aq = (anchor.getMonthValue() - 1) / 3 + 1, ay = anchor.getYear();
                boolean current = mod.contains("current") || mod.contains("this");
                int qq = current ? aq : aq - 1, yy = ay;
                if (qq == 0) { qq = 4; yy--; }
                String completed = yy + "-Q" + qq;
                boolean latest = mod.matches(".*(latest|recent|just-ended|just-completed|last|previous).*");
                if (current || latest) v = completed;
                else v = lastQuarter != null ? lastQuarter : completed;
                if (yearAgo) v = minusYear(lastQuarter != null && !current && !latest ? lastQuarter : v);
                if (y != null && !yearAgo) v = y + v.substring(4);
            }
            // a year-ago comparison is of a quarter reported, never of one still running or forecast ("losses through the third
            // quarter of 1990")
            // a fiscal quarter may be over before the calendar's: "fourth quarter ended Sept. 30", "fourth-quarter earnings"
            if (!yearAgo && (!ahead(v) || REPORTED.contains(nextWord(text, h.end)))) lastQuarter = v;
            boolean rel = yearOf(groupOrNull(m, "y")) == null && yearOf(groupOrNull(m, "y0")) == null;
            return rel ? relative(h, TimexType.DATE, v) : absolute(h, TimexType.DATE, v);
        }

        /** Words after a quarter that say it was reported. */
        private static final Set<String> REPORTED = Set.of("ended", "earnings", "results", "profit", "profits", "loss", "losses", "net",
                "sales", "revenue", "revenues", "income");

        /** Whether quarter {@code v} ("1990-Q3") is not over by the anchor, so no report can be of it. */
        private boolean ahead(String v) {
            if (anchor == null || !v.matches("\\d{4}-Q[1-4]")) return false;
            LocalDate start = LocalDate.of(Integer.parseInt(v.substring(0, 4)), 3 * (v.charAt(6) - '1') + 1, 1);
            return start.plusMonths(3).isAfter(anchor);
        }

        private Timex deictic(Hit h, Matcher m) {
            if (anchor == null) return relative(h, TimexType.DATE, null);
            String w = m.group("w").toLowerCase(Locale.ROOT);
            String p = groupOrNull(m, "p");
            LocalDate d;
            String part = p == null ? null : part(p);
            switch (w) {
                case "today" -> d = anchor;
                case "yesterday" -> d = anchor.minusDays(1);
                case "tomorrow" -> d = anchor.plusDays(1);
                case "tonight" -> { d = anchor; part = "NI"; }
                case "last night" -> { d = anchor.minusDays(1); part = "NI"; }
                case "overnight" -> { d = anchor; part = "NI"; }
                case "the day before yesterday" -> d = anchor.minusDays(2);
                case "the day after tomorrow" -> d = anchor.plusDays(2);
                default -> { d = anchor; part = part(w.substring(5)); }
            }
            if (part != null) return relative(h, TimexType.TIME, d + "T" + part);
            return relative(h, TimexType.DATE, d.toString());
        }

        private Timex weekday(Hit h, Matcher m) {
            if (anchor == null) return relative(h, TimexType.DATE, null);
            DayOfWeek wd = dayOf(m.group("wd"));
            String rel = m.group("rel") == null ? "" : m.group("rel").trim().toLowerCase(Locale.ROOT);
            LocalDate d;
            if (rel.equals("last") || rel.equals("this past")) d = anchor.with(TemporalAdjusters.previous(wd));
            else if (rel.equals("next") || rel.equals("this coming") || rel.equals("coming")) d = anchor.with(TemporalAdjusters.next(wd));
            else if (rel.equals("this")) d = anchor.with(TemporalAdjusters.nextOrSame(wd));
            else if (weekdayAhead(h.start, h.end)) d = anchor.with(TemporalAdjusters.nextOrSame(wd));
            else d = anchor.with(TemporalAdjusters.previousOrSame(wd));
            String wd2 = groupOrNull(m, "wd2");
            if (wd2 != null) {
                // "Saturday and Sunday": the days from the first to the second, which follows it; "Friday and Thursday" (the day
                // before, written second): the day before the first
                boolean list = !m.group("conj").equalsIgnoreCase("to") && !m.group("conj").equalsIgnoreCase("through");
                boolean dayBefore = list && dayOf(wd2) == wd.minus(1);
                LocalDate last = dayBefore ? d.minusDays(1) : d.with(TemporalAdjusters.next(dayOf(wd2)));
                if (!dayBefore && !weekdayAhead(h.start, h.end) && last.isAfter(anchor) && !rel.equals("next")) {
                    last = anchor.with(TemporalAdjusters.previousOrSame(dayOf(wd2)));
                    d = last.with(TemporalAdjusters.previous(wd));
                }
                List<String> days = new ArrayList<>();
                if (!list) for (LocalDate x = d; !x.isAfter(last); x = x.plusDays(1)) days.add(x.toString());
                else days = List.of(d.toString(), last.toString());
                return new Timex(h.start, h.end, text.substring(h.start, h.end), TimexType.DATE, anchor == null ? null : d.toString(), days,
                        anchorKind, null);
            }
            // "Friday night": TimeBank mostly annotates the day, as a DATE (a part-of-day value was tried: value F1 -0.001)
            return relative(h, TimexType.DATE, d.toString());
        }

        private Timex relativeUnit(Hit h, Matcher m) {
            String rel = m.group("rel").toLowerCase(Locale.ROOT).replace('-', ' ');
            String u = m.group("u").toLowerCase(Locale.ROOT);
            String mod = m.group("mod") == null ? "" : m.group("mod").trim().toLowerCase(Locale.ROOT);
            // "the past year", "the coming week": a stretch of time up to or from now
            if (mod.isEmpty() && (rel.equals("the past") || rel.equals("the last") || rel.equals("the coming") || rel.equals("the next")
                    || rel.equals("past"))
                    && !u.equals("weekend") && !isSeason(u)) {
                return absolute(h, TimexType.DURATION, durationValue(1, u));
            }
            if (anchor == null) return relative(h, TimexType.DATE, null);
            int step = switch (rel) {
                case "last", "the previous", "this past", "the last", "past", "the past" -> -1;
                case "next", "the following", "coming", "the coming", "this coming", "the next" -> 1;
                default -> 0;
            };
            if (isSeason(u)) return relative(h, TimexType.DATE, seasonValue(u, step, false));
            if (u.equals("quarter")) {
                int aq = (anchor.getMonthValue() - 1) / 3 + 1 + step, ay = anchor.getYear();
                if (aq == 0) { aq = 4; ay--; }
                if (aq == 5) { aq = 1; ay++; }
                lastQuarter = ay + "-Q" + aq;
                return relative(h, TimexType.DATE, lastQuarter);
            }
            LocalDate d = switch (u) {
                case "week", "weekend" -> anchor.plusWeeks(step);
                case "month" -> anchor.plusMonths(step);
                case "year" -> anchor.plusYears(step);
                case "decade" -> anchor.plusYears(10L * step);
                default -> anchor.plusYears(100L * step);
            };
            if (u.equals("year") && mod.isEmpty()) {
                String q = quarterOf(h, d.getYear());
                if (q != null) return relative(h, TimexType.DATE, q);
            }
            return relative(h, TimexType.DATE, at(d, u));
        }

        /** "this year's third quarter", "next year's first quarter", "last year's quarter", "the 1989 period". */
        private static final Pattern QUARTER_AFTER = Pattern.compile("(?:['’]s)?[\\s-]+(?:(?<n>first|second|third|fourth)[\\s-]+)?"
                + "(?:fiscal\\s+)?(?:quarter|period)\\b", Pattern.CASE_INSENSITIVE);

        /**
         * The quarter a year stands for in a quarterly report: the year is said of a quarter right next to it ("this
         * year's third quarter", "the 1989 period", "the corresponding period last year"), which is the quarter named, or
         * else the quarter the text last spoke of. Null when no quarter is next to it, or none is known.
         */
        private String quarterOf(Hit h, int year) {
            Matcher after = QUARTER_AFTER.matcher(text).region(h.end, Math.min(text.length(), h.end + 40));
            int q = 0;
            String before = previousWord(text, h.start);
            if (after.lookingAt() && (after.group().startsWith("'") || after.group().startsWith("’") || after.group("n") != null
                    || before.equals("the"))) {
                q = after.group("n") == null ? 0 : List.of("first", "second", "third", "fourth").indexOf(after.group("n")
                        .toLowerCase(Locale.ROOT)) + 1;
            } else if (!before.equals("quarter") && !before.equals("period")) {
                return null; // "the corresponding period last year", "the same quarter last year" go on
            }
            if (q == 0) {
                if (lastQuarter == null || !lastQuarter.matches("\\d{4}-Q[1-4]")) return null;
                q = lastQuarter.charAt(lastQuarter.length() - 1) - '0';
            }
            return year + "-Q" + q;
        }

        private Timex ago(Hit h, Matcher m) {
            String nPart = m.group("n").trim();
            String u = m.group("u").toLowerCase(Locale.ROOT);
            String dir = m.group("dir").toLowerCase(Locale.ROOT);
            String bare = (nPart + " ").toLowerCase(Locale.ROOT).replaceAll(APPROX_WORDS, "").trim();
            String unitWord = singular(u);
            boolean clock = unitWord.equals("second") || unitWord.equals("minute") || unitWord.equals("hour");
            boolean shortUnit = clock || unitWord.equals("day") || unitWord.equals("week");
            boolean length = dir.equals("before") || dir.equals("after") || dir.equals("later") || dir.equals("earlier") && (shortUnit
                    || bare.isEmpty()
                    || number(bare) < 0);
            if (length) {
                // "two days before the vote": the length, not a date (TimeML); without its number no length at all
                if (bare.isEmpty()) return NOT_HERE;
                if (dir.equals("later") || dir.equals("earlier")) return duration(h, nPart, m.group("u"), false);
                int end = m.start("dir");
                while (end > h.start && Character.isWhitespace(text.charAt(end - 1))) end--;
                Hit d = new Hit(h.rule, h.start, end, h.m);
                return duration(d, nPart, m.group("u"), false);
            }
            double n = bare.isEmpty() ? -1 : number(bare);
            if (n < 0 || n != Math.rint(n)) return absolute(h, TimexType.DATE, dir.equals("ago") || dir.equals("earlier") ? "PAST_REF"
                    : "FUTURE_REF");
            if (anchor == null) return relative(h, TimexType.DATE, null);
            long k = (long) n * (dir.equals("ago") || dir.equals("earlier") ? -1 : 1);
            String unit = singular(u);
            if (unit.equals("year") && k == -1 && lastQuarter != null && dir.equals("earlier") | dir.equals("ago")
                    && quarterContext(h.start)) {
                return relative(h, TimexType.DATE, minusYear(lastQuarter));
            }
            LocalDate d = switch (unit) {
                case "second", "minute", "hour" -> anchor;
                case "day" -> anchor.plusDays(k);
                case "week", "fortnight" -> anchor.plusWeeks(unit.equals("fortnight") ? 2 * k : k);
                case "month" -> anchor.plusMonths(k);
                case "quarter" -> anchor.plusMonths(3 * k);
                case "year" -> anchor.plusYears(k);
                case "decade" -> anchor.plusYears(10 * k);
                default -> anchor.plusYears(100 * k);
            };
            if (unit.equals("quarter")) return relative(h, TimexType.DATE, d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1));
            if (unit.equals("second") || unit.equals("minute") || unit.equals("hour")) return relative(h, TimexType.TIME,
                    anchor.toString());
            return relative(h, TimexType.DATE, at(d, unit.equals("fortnight") ? "week" : unit));
        }

        /** Whether the text spoke of a quarter within the last few sentences before {@code at}. */
        private boolean quarterContext(int at) {
            int from = Math.max(0, at - 600);
            return text.substring(from, at).toLowerCase(Locale.ROOT).contains("quarter");
        }

        private Timex duration(Hit h, String nPart, String unitWord, boolean half) {
            String bare = (nPart.toLowerCase(Locale.ROOT).trim() + " ").replaceAll(APPROX_WORDS, "").trim();
            double n = bare.isEmpty() ? 1 : number(bare);
            if (half && n > 0) n += 0.5;
            return absolute(h, TimexType.DURATION, durationValue(n, unitWord));
        }

        private Timex set(Hit h, Matcher m) {
            String w = m.group("w").toLowerCase(Locale.ROOT);
            String v;
            switch (w) {
                case "daily", "nightly" -> v = "P1D";
                case "a day", "per day", "a week", "per week", "a month", "per month", "a year", "per year", "a quarter", "per quarter",
                        "an hour", "per hour" ->
                        v = durationValue(1, w.substring(w.indexOf(' ') + 1));
                case "weekly" -> v = "P1W";
                case "biweekly" -> v = "P2W";
                case "monthly" -> v = "P1M";
                case "quarterly" -> v = "P3M";
                case "annually", "yearly" -> v = "P1Y";
                case "semiannually" -> v = "P6M";
                case "hourly" -> v = "PT1H";
                default -> {
                    String u = groupOrNull(m, "u1");
                    if (u == null) u = groupOrNull(m, "u2");
                    String k = groupOrNull(m, "k");
                    u = u.toLowerCase(Locale.ROOT);
                    double n = k == null ? 1 : number(k);
                    if (w.contains("other")) n = 2;
                    if (u.matches("morning|night|evening|afternoon")) v = "TX" + part(u);
                    else if (isSeason(u)) v = "XXXX-" + seasonCode(u);
                    else if (u.equals("weekend")) v = "XXXX-WXX-WE";
                    else if (u.matches("(?i)" + WEEKDAY)) v = "XXXX-WXX-" + dayOf(u).getValue();
                    else v = durationValue(n, u);
                }
            }
            return absolute(h, TimexType.SET, v);
        }

        private Timex clock(Hit h, Matcher m) {
            int hour, minute = 0;
            if (groupOrNull(m, "w") != null) {
                String w = m.group("w").toLowerCase(Locale.ROOT);
                hour = w.equals("midnight") ? 24 : 12;
            } else if (groupOrNull(m, "hh") != null) {
                hour = Integer.parseInt(m.group("hh"));
                minute = Integer.parseInt(m.group("mm"));
            } else {
                hour = Integer.parseInt(m.group("h"));
                if (groupOrNull(m, "mi") != null) minute = Integer.parseInt(m.group("mi"));
                boolean pm = m.group("ap").toLowerCase(Locale.ROOT).startsWith("p");
                if (hour < 1 || hour > 12) return null;
                if (pm && hour != 12) hour += 12;
                if (!pm && hour == 12) hour = 0;
            }
            if (hour > 24 || minute > 59) return null;
            String wd = groupOrNull(m, "wd");
            String time = String.format(Locale.ROOT, "T%02d:%02d", hour, minute);
            if (anchor == null) return relative(h, TimexType.TIME, null);
            LocalDate d = anchor;
            if (groupOrNull(m, "cm") != null) {
                // "5 p.m. EST Nov. 9": the clock on that day
                int mon = month(m.group("cm")), day = Integer.parseInt(m.group("cd"));
                d = date(yearFor(mon, day, future(h.start, h.end) || futureDate(h.start, h.end)), mon, day);
                if (d == null) return null;
            } else if (wd != null) {
                String w = wd.toLowerCase(Locale.ROOT);
                if (w.equals("yesterday")) d = anchor.minusDays(1);
                else if (w.equals("tomorrow")) d = anchor.plusDays(1);
                // the weekday as a weekday alone is read ("will leave at 4 a.m. Thursday" ahead, "was seen at 10 p.m. Friday"
                // behind): it was read by the sentence's tense alone, so the same day came out a week apart with and without a time
                else if (!w.equals("today")) d = weekdayAhead(h.start, h.end) ? anchor.with(TemporalAdjusters.nextOrSame(dayOf(wd)))
                        : anchor.with(TemporalAdjusters.previousOrSame(dayOf(wd)));
            }
            return relative(h, TimexType.TIME, d + time);
        }

        private Timex season(Hit h, Matcher m) {
            String s = m.group("s").toLowerCase(Locale.ROOT);
            Integer y = yearOf(groupOrNull(m, "y"));
            if (y != null) return absolute(h, TimexType.DATE, y + "-" + seasonCode(s));
            if (anchor == null) return relative(h, TimexType.DATE, null);
            String rel = m.group("rel") == null ? "" : m.group("rel").trim().toLowerCase(Locale.ROOT);
            int step = rel.contains("last") || rel.contains("past") ? -1 : rel.contains("next") || rel.contains("coming") ? 1 : 0;
            boolean tense = step == 0 && !rel.equals("this");
            return relative(h, TimexType.DATE, seasonValue(s, step, tense && future(h.start, h.end)));
        }

        /** The season {@code step} seasons of its name away from the anchor's (0: this year's, or the coming one when {@code ahead}). */
        private String seasonValue(String s, int step, boolean ahead) {
            String code = seasonCode(s);
            int order = switch (code) { case "SP" -> 1; case "SU" -> 2; case "FA" -> 3; default -> 4; };
            int m = anchor.getMonthValue();
            int now = m >= 3 && m <= 5 ? 1 : m >= 6 && m <= 8 ? 2 : m >= 9 && m <= 11 ? 3 : 4;
            int y = anchor.getYear();
            if (now == 4 && m <= 2) y--; // January's winter began the year before
            int year;
            if (step < 0) year = order < now ? y : y - 1;
            else if (step > 0) year = order > now ? y : y + 1;
            else year = ahead && order < now ? y + 1 : y;
            return year + "-" + code;
        }

        private Timex holiday(Hit h, Matcher m) {
            String name = m.group("h").toLowerCase(Locale.ROOT).replace('’', '\'');
            Integer y = yearOf(groupOrNull(m, "y"));
            boolean rel = y == null;
            if (rel && anchor == null) return relative(h, TimexType.DATE, null);
            int year = y != null ? y : anchor.getYear();
            LocalDate d = holidayDate(name, year);
            if (d == null) return null;
            if (rel) {
                String r = m.group("rel") == null ? "" : m.group("rel").trim().toLowerCase(Locale.ROOT);
                if (r.equals("last") && !d.isBefore(anchor)) d = holidayDate(name, year - 1);
                else if (r.equals("next") && !d.isAfter(anchor)) d = holidayDate(name, year + 1);
                else if (r.isEmpty() && d.isAfter(anchor.plusMonths(6))) d = holidayDate(name, year - 1);
                return relative(h, TimexType.DATE, d.toString());
            }
            return absolute(h, TimexType.DATE, d.toString());
        }

        /**
         * Whether a weekday without "last" or "next" lies ahead: its own verb decides ("said Friday" is past,
         * "would leave Friday", "as soon as Tuesday" ahead), read from the few words next to it, since a
         * news sentence often holds both ("said Wednesday they will appeal").
         */
        private boolean weekdayAhead(int s, int e) {
            int from = s, words = 0;
            int at = s;
            String prev = previousWord(text, at);
            while (Set.of("on", "for", "early", "late", "the", "of").contains(prev) && at > 0) {
                at = previousWordStart(text, at);
                prev = previousWord(text, at);
            }
            // "the meeting scheduled on Friday", "talks planned for Monday": a participle of a plan points ahead
            if (AHEAD_PARTICIPLE.contains(prev)) return true;
            if (PAST_VERB.matcher(prev).matches()) return false;
            while (from > 0 && words < 7 && !sentenceEnd(text, from - 1)) {
                from--;
                if (text.charAt(from) == ' ') words++;
            }
            int to = e, after = 0;
            while (to < text.length() && after < 3 && !sentenceEnd(text, to)) {
                if (text.charAt(to) == ' ') after++;
                to++;
            }
            if (NEAR_FUTURE.matcher(text).region(from, to).find()) return true;
            // a future verb earlier in the clause ("Kenyans will finally vote in the referendum on Monday")
            int clause = from;
            // within 300 characters: a clause is not longer, and a text without stops (a list, a dump) must not cost its square
            while (clause > 0 && from - clause < 300 && !sentenceEnd(text, clause - 1) && text.charAt(clause - 1) != ',') clause--;
            return clause < from && STRONG_FUTURE.matcher(text).region(clause, s).find(); // up to the day: a verb may straddle the window
        }

        /** Whether "since" comes right before {@code s}: "since March" is behind, whatever the sentence says of the future. */
        private boolean since(int s) { return previousWord(text, s).equals("since"); }

        /** Whether the words around {@code [s, e)} in its sentence speak of the future. */
        private boolean future(int s, int e) { return cue(FUTURE, s, e); }

        /** Whether the words around a date point it ahead (broader than {@link #future}: "by", "until", "would"). */
        private boolean futureDate(int s, int e) {
            int from = s;
            while (from > 0 && s - from < 40 && !sentenceEnd(text, from - 1)) from--;
            return FUTURE_DATE.matcher(text).region(from, s).find() || cue(FUTURE_DATE, s, e) && cue(FUTURE, s, e);
        }

        private boolean cue(Pattern p, int s, int e) {
            int from = s, to = e;
            while (from > 0 && s - from < 120 && !sentenceEnd(text, from - 1)) from--;
            while (to < text.length() && to - e < 60 && !sentenceEnd(text, to)) to++;
            return p.matcher(text).region(from, to).find();
        }
    }

    /** Whether the character at {@code i} ends a sentence: a full stop after an abbreviation (Mr., Feb., U.S.) does not. */
    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '!' || c == '?' || c == '\n' || c == ';') return true;
        if (c != '.') return false;
        if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) return false;
        int s = i;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
        int len = i - s;
        return len >= 4 || len >= 2 && Character.isLowerCase(text.charAt(s));
    }

    private static String groupOrNull(Matcher m, String g) {
        try {
            return m.group(g);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer yearOf(String y) {
        if (y == null) return null;
        if (y.matches("\\d{4}")) return Integer.parseInt(y);
        return null;
    }

    private static String minusYear(String v) {
        Matcher m = Pattern.compile("^(\\d{4})(.*)$").matcher(v);
        return m.matches() ? (Integer.parseInt(m.group(1)) - 1) + m.group(2) : v;
    }

    private static LocalDate date(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1 || d > 31) return null;
        LocalDate first = LocalDate.of(y, m, 1);
        return d > first.lengthOfMonth() ? null : first.withDayOfMonth(d);
    }

    /** {@code d} written at the granularity of {@code unit}. */
    private static String at(LocalDate d, String unit) {
        return switch (unit) {
            case "day" -> d.toString();
            case "week" -> String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "weekend" -> String.format(Locale.ROOT, "%d-W%02d-WE", d.get(IsoFields.WEEK_BASED_YEAR),
                    d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "month" -> String.format(Locale.ROOT, "%d-%02d", d.getYear(), d.getMonthValue());
            case "quarter" -> d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
            case "decade" -> String.valueOf(d.getYear() / 10);
            case "century" -> String.format(Locale.ROOT, "%02d", d.getYear() / 100);
            default -> String.valueOf(d.getYear());
        };
    }

    private static String singular(String u) {
        String s = u.toLowerCase(Locale.ROOT);
        if (s.equals("centuries")) return "century";
        return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    /** P3D, PT2H, PXY; {@code n} below 0 is TimeML's X. */
    static String durationValue(double n, String unitWord) {
        String u = singular(unitWord);
        if (n > 0 && n != Math.rint(n)) {
            // a fraction in the unit below, as TimeML writes it: 2 1/2 years is P2Y6M, a minute and a half PT1M30S
            long whole = (long) n;
            double rest = n - whole;
            String lower = switch (u) {
                case "year" -> rest * 12 == Math.rint(rest * 12) ? (long) (rest * 12) + "M" : null;
                case "day" -> rest * 24 == Math.rint(rest * 24) ? "T" + (long) (rest * 24) + "H" : null;
                case "hour" -> rest * 60 == Math.rint(rest * 60) ? (long) (rest * 60) + "M" : null;
                case "minute" -> rest * 60 == Math.rint(rest * 60) ? (long) (rest * 60) + "S" : null;
                default -> null;
            };
            if (lower != null) {
                String head = durationValue(whole, unitWord);
                return whole == 0 ? head.substring(0, head.length() - 2) + lower : head + lower;
            }
        }
        String num = n < 0 ? "X" : n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
        return switch (u) {
            case "second" -> "PT" + num + "S";
            case "minute" -> "PT" + num + "M";
            case "hour" -> "PT" + num + "H";
            case "day" -> "P" + num + "D";
            case "week", "weekend" -> "P" + num + "W";
            case "fortnight" -> n < 0 ? "PXW" : "P" + (long) (2 * n) + "W";
            case "month" -> "P" + num + "M";
            case "quarter" -> "P" + num + "Q";
            case "decade" -> n < 0 ? "PXDE" : "P" + fmt(10 * n) + "Y";
            case "century" -> n < 0 ? "PXCE" : "P" + fmt(100 * n) + "Y";
            default -> "P" + num + "Y";
        };
    }

    private static String fmt(double n) { return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n); }

    private static boolean isSeason(String u) { return u.matches("spring|summer|fall|autumn|winter"); }

    private static String seasonCode(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) { case "spring" -> "SP"; case "summer" -> "SU"; case "fall",
                "autumn" -> "FA"; default -> "WI"; };
    }

    private static String part(String p) {
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "morning" -> "MO";
            case "afternoon" -> "AF";
            case "evening" -> "EV";
            default -> "NI";
        };
    }

    private static DayOfWeek dayOf(String w) { return DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT)); }

    private static String name(DayOfWeek d) {
        String s = d.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static LocalDate holidayDate(String name, int year) {
        return switch (name) {
            case "christmas", "christmas day" -> LocalDate.of(year, 12, 25);
            case "christmas eve" -> LocalDate.of(year, 12, 24);
            case "new year's day" -> LocalDate.of(year, 1, 1);
            case "new year's eve" -> LocalDate.of(year, 12, 31);
            case "independence day" -> LocalDate.of(year, 7, 4);
            case "halloween" -> LocalDate.of(year, 10, 31);
            case "valentine's day" -> LocalDate.of(year, 2, 14);
            case "thanksgiving", "thanksgiving day" -> LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4,
                    DayOfWeek.THURSDAY));
            case "labor day" -> LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
            case "memorial day" -> LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
            // the United States' general election: the Tuesday after the first Monday of November
            case "election day" -> LocalDate.of(year, 11, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)).plusDays(1);
            default -> null;
        };
    }
}
