package org.storytrace.core.text;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A word's spelling key: what two outlets' spellings of one word share when they differ only in house style. Used
 * to compare wordings (quotes told by several outlets, titles such as "Defence Secretary" / "Defense Secretary"),
 * never to index or to display.
 */
public final class Spelling {
    private Spelling() {}

    private static final Pattern OUR = Pattern.compile("(?<=[a-z]{2}[^aeiou])our(?=s?$|ed$|ing$|ite|able|hood|ly$|er)");
    private static final Pattern RE_END = Pattern.compile("(?<=[a-z]{2}[^aeiou])re(s?)$");
    private static final Pattern ISE = Pattern.compile("(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$");
    private static final Pattern YSE = Pattern.compile("(?<=[a-z]{2})ys(e|ed|es|ing)$");
    private static final Pattern ELLED = Pattern.compile("(?<=[a-z]{2})ell(ed|ing|er|ers)$");
    private static final Pattern ENCE = Pattern.compile("(?<=[a-z]{2})ence(s?)$");
    private static final Pattern OGUE = Pattern.compile("(?<=[a-z]{3})ogue(s?)$");

    /**
     * A word's key for comparison: without apostrophes, number words as digits, and in American spelling where
     * British spelling differs by a regular pattern (-our, -re, -ise, -yse, -elled, -ence, -ogue) or is one of a few
     * listed variants (ok / okay, towards / toward, programme / program). Applied to both sides, so a
     * rule that also touches a word with no variant ("sentence", "exercise") changes nothing.
     */
    public static String key(String word) {
        String number = NUMBERS.get(word);
        if (number != null) return number;
        String variant = VARIANTS.get(word);
        if (variant != null) return variant;
        String k = word.replace("'", "");
        if (k.length() < 5 || !k.chars().allMatch(Character::isLetter)) return k;
        k = OUR.matcher(k).replaceFirst("or");
        k = RE_END.matcher(k).replaceFirst("er$1");
        k = ISE.matcher(k).replaceFirst("iz$1");
        k = YSE.matcher(k).replaceFirst("yz$1");
        k = ELLED.matcher(k).replaceFirst("el$1");
        k = ENCE.matcher(k).replaceFirst("ense$1");
        return OGUE.matcher(k).replaceFirst("og$1");
    }

    private static final Map<String, String> NUMBERS = numbers();

    /** Variants no pattern covers: one spelling each. */
    private static final Map<String, String> VARIANTS = Map.ofEntries(Map.entry("ok", "okay"), Map.entry("towards", "toward"),
            Map.entry("amongst", "among"), Map.entry("whilst", "while"), Map.entry("grey", "gray"), Map.entry("afterwards", "afterward"),
            Map.entry("learnt", "learned"), Map.entry("spelt", "spelled"), Map.entry("burnt", "burned"), Map.entry("dreamt", "dreamed"),
            Map.entry("programme", "program"), Map.entry("programmes", "programs"), Map.entry("tyre", "tire"), Map.entry("tyres", "tires"),
            Map.entry("cheque", "check"), Map.entry("pyjamas", "pajamas"), Map.entry("aluminium", "aluminum"), Map.entry("plough", "plow"));

    /** Number words and ordinals as digits ("eleventh" / "11th", "three" / "3"), up to twenty and the tens ({@link NumberWords}). */
    private static Map<String, String> numbers() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < NumberWords.CARDINALS.size(); i++) m.put(NumberWords.CARDINALS.get(i), String.valueOf(i));
        m.put("twenty", "20");
        for (int i = 0; i < NumberWords.ORDINALS.size(); i++) m.put(NumberWords.ORDINALS.get(i), i + NumberWords.suffix(i));
        for (int i = 3; i < NumberWords.TENS.size(); i++) m.put(NumberWords.TENS.get(i), String.valueOf(10 * i));
        return Map.copyOf(m);
    }


    /**
     * Whether two different words are one word mistyped: the same first letter, six letters or more, and one letter
     * added, dropped, changed or two swapped ("beween" / "between", "exectuive" / "executive"). Shorter words are left
     * alone: "man" / "men", "was" / "has" are other words. A plural's s dropped or added on a word of three letters or
     * more is a slip too ("the massacre of Jew" / "of Jews": a quote's words are the speaker's, and no outlet rewords
     * a statement by its number alone).
     */
    public static boolean typo(String a, String b) {
        if (plural(a, b) || plural(b, a)) return true;
        if (a.equals(b) || Math.min(a.length(), b.length()) < 6 || Math.abs(a.length() - b.length()) > 1 || a.charAt(0) != b.charAt(0)
                || !a.chars().allMatch(Character::isLetter) || !b.chars().allMatch(Character::isLetter)) return false;
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        if (a.length() == b.length()) {
            // one changed letter, or two neighbours swapped
            if (a.substring(i + 1).equals(b.substring(i + 1))) return true;
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        // one letter more in the longer
        String longer = a.length() > b.length() ? a : b, shorter = longer == a ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    /** Whether {@code a} is {@code b} with an s after it, {@code b} three letters or more. */
    private static boolean plural(String a, String b) {
        return b.length() >= 3 && a.length() == b.length() + 1 && a.endsWith("s") && a.startsWith(b)
                && b.chars().allMatch(Character::isLetter);
    }
}
