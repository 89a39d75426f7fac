package org.storytrace.core.text;

import java.util.BitSet;
import java.util.Set;

/**
 * Where sentences start and what lies inside quotation marks, read straight off news text: what the quote finder
 * and the pronoun resolver both need, without a sentence layer. Stateless.
 */
public final class Prose {
    private Prose() {}

    private static final Set<String> ABBREVIATIONS = Set.of("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
            "St", "Jr", "Sr", "U.S", "Mt");

    /** A closing curly quotation mark or guillemet. */
    public static boolean isClose(char c) { return c == '\u201d' || c == '\u00bb'; }

    /**
     * Where the sentence holding {@code i} starts (at most 300 characters back, never before {@code from}): after a
     * line break or a full stop, question or exclamation mark followed by a space; with {@code atQuotes}, a closing
     * quotation mark before it also bounds it.
     */
    public static int sentenceStart(String text, int from, int i, boolean atQuotes) {
        int start = Math.max(from, i - 300);
        for (int j = i - 1; j >= start; j--) {
            char c = text.charAt(j);
            if (c == '\n' || atQuotes && isClose(c)) return j + 1;
            if ((c == '.' || c == '!' || c == '?') && j + 1 < i && text.charAt(j + 1) == ' ' && !abbreviation(text, j)) return j + 1;
        }
        return start;
    }

    /**
     * A full stop after a title or a single letter (Dr. Yacoub, J. Smith, 9 a. m.) does not end the sentence. A lower-case
     * letter too: "a. m." and "p. m." as tokenised text writes them cut a date line into three sentences otherwise.
     */
    public static boolean abbreviation(String text, int dot) {
        int i = dot - 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) i--;
        String w = text.substring(i + 1, dot);
        if (w.length() == 1 || ABBREVIATIONS.contains(w)) return true;
        if (w.isEmpty() || w.length() > 5 || !Character.isUpperCase(w.charAt(0))) return false;
        char before = i >= 0 ? text.charAt(i) : ' ', after = dot + 1 < text.length() ? text.charAt(dot + 1) : ' ';
        // a short capitalised word in parentheses: "Sen. Bernie Sanders (Vt.)"
        if (before == '(' && after == ')') return true;
        // a party and a state, as US papers tag lawmakers: "Rep. John Mica (R-Fla.) said", "McConnell, R-Ky., said" (the
        // party's letter, a hyphen, the state's short form, then a bracket or a comma: not "the X-Men. Then")
        char party = i >= 1 ? text.charAt(i - 1) : ' ';
        return before == '-' && (party == 'R' || party == 'D' || party == 'I') && (i < 2 || !Character.isLetter(text.charAt(i - 2)))
                && (after == ')' || after == ',');
    }

    /**
     * Whether offset {@code at} lies inside quotation marks of its paragraph: a name a speaker says ("place this above
     * God") is not who a later "he said" stands for. Curly marks open and close; straight ones toggle.
     */
    public static boolean quoted(String text, int at) {
        int from = text.lastIndexOf('\n', at - 1) + 1;
        boolean open = false;
        for (int i = from; i < at; i++) open = openAfter(open, text.charAt(i));
        return open;
    }

    /** Whether a quotation is open after {@code c}, given whether it was before: the one rule both readers apply. */
    private static boolean openAfter(boolean open, char c) {
        if (c == '\n') return false; // a paragraph ends every quote (only the map reads across paragraphs)
        if (c == '\u201c' || c == '\u00ab') return true;
        if (isClose(c)) return false;
        return c == '"' ? !open : open;
    }

    /**
     * For every offset of {@code text}, whether {@link #quoted} holds there, in one pass: what a caller asking about many
     * offsets of one long paragraph uses instead, since each {@link #quoted} call reads back to the paragraph's start.
     */
    public static BitSet quotedMap(String text) {
        BitSet map = new BitSet(text.length());
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            if (open) map.set(i);
            open = openAfter(open, text.charAt(i));
        }
        return map;
    }
}
