package org.storytrace.core.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English number words: the one table the time tagger ("two weeks", "nineteen ninety-six"), quote comparison
 * ("eleventh" / "11th") and ingest's date lines ("the twenty-first") read.
 */
public final class NumberWords {
    private NumberWords() {}

    /** Cardinals from zero to nineteen, by value. */
    public static final List<String> CARDINALS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");

    /** The tens by value / 10 ("" for 0 and 10, which {@link #CARDINALS} hold). */
    public static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    /** Ordinals from zeroth to twentieth, by value. */
    public static final List<String> ORDINALS = List.of("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth");

    /** The value of one number word ("seven", "forty", "hundred", "thousand"), or -1. */
    public static int cardinal(String word) {
        int i = CARDINALS.indexOf(word);
        if (i >= 0) return i;
        i = TENS.indexOf(word);
        if (i >= 2) return i * 10;
        if (word.equals("hundred")) return 100;
        if (word.equals("thousand")) return 1000;
        return -1;
    }

    private static final Pattern DIGIT_ORDINAL = Pattern.compile("(\\d{1,3})(st|nd|rd|th)");

    /** 1 for "first" or "1st", ..., 20 for "twentieth", any number for its digits with a suffix; -1 otherwise. */
    public static int ordinal(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int i = ORDINALS.indexOf(w);
        if (i >= 1) return i;
        Matcher m = DIGIT_ORDINAL.matcher(w);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The English suffix of an ordinal in digits: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
    public static String suffix(int n) {
        int last = n % 10, lastTwo = n % 100;
        if (lastTwo >= 11 && lastTwo <= 13) return "th";
        return last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
    }
}
