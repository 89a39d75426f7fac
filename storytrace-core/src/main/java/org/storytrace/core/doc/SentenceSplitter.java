package org.storytrace.core.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.storytrace.core.index.LongSet;
import org.storytrace.core.text.CalendarWords;
import org.storytrace.core.text.Tokens;

/**
 * Splits an article's body into sentences over its tokens (requires {@link Layers#TOKENS}, adds
 * {@link Layers#SENTENCES}). A sentence ends at a line break (the extracted text holds one paragraph, or
 * a headline, a line), or where a terminator ({@code . ! ? …}), with the closing quotes and brackets after
 * it, is followed by white space and a word that opens a sentence (a capital, a digit, or an opening
 * quote). A full stop after a known abbreviation (Dr., Gen., Jan.) or after a single capital (an initial:
 * George W. Bush, U.S.) ends nothing. A sentence starts at the opening quote or bracket before its first
 * word and ends after its last closing quote. One pass over the gaps between tokens; thread-safe.
 */
public final class SentenceSplitter implements ArticleStage {
    private static final LongSet ABBREVIATIONS;
    static {
        String[] words = {"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "st", "jr", "sr", "lt", "col", "capt", "cpt", "sgt", "gov",
            "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
            "ft", "rev", "hon", "pres", "messrs", "adm", "maj", "cpl", "pvt", "supt", "det", "insp", "brig", "cmdr", "gens", "reps", "sens",
            "ave", "blvd", "dept", "univ", "approx", "est", "fig", "al"};
        long[] hashes = new long[words.length];
        for (int i = 0; i < words.length; i++) hashes[i] = Tokens.hashOf(words[i]);
        ABBREVIATIONS = LongSet.of(hashes);
    }
    private static final long NO = Tokens.hashOf("no");
    /**
     * Words that carry on a sentence after a clock time's "a.m." or "p.m.": a weekday, a month, a time zone ("at 10:35 a.m.
     * Friday", "9 a.m. EST Tuesday"); news writes them so, where a new sentence after "a.m." is rare (none in the news pool,
     * TempEval-3's texts, PolNeAR's or ECB+'s, against 23 weekdays and zones and 17 "(0735 GMT)").
     */
    private static final LongSet AFTER_CLOCK;
    static {
        List<String> words = new ArrayList<>(CalendarWords.WEEKDAYS);
        words.addAll(CalendarWords.MONTHS);
        words.addAll(List.of("gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eastern",
                "central", "pacific", "mountain", "local"));
        long[] hashes = new long[words.size()];
        for (int i = 0; i < hashes.length; i++) hashes[i] = Tokens.hashOf(words.get(i));
        AFTER_CLOCK = LongSet.of(hashes);
    }

    @Override public String name() { return "sentences"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Layers.TOKENS); }
    @Override public Set<Layer<?>> adds() { return Set.of(Layers.SENTENCES); }
    @Override public String describe() { return "sentences: rule-based, over tokens (line breaks, terminators, abbreviations, initials)"; }

    @Override public Document apply(Document doc) {
        return doc.with(Layers.SENTENCES, split(doc.article().cleanText(), doc.article().bodyStart(), doc.article().bodyEnd(),
                doc.expect(Layers.TOKENS)));
    }

    private static final ThreadLocal<char[][]> BUFFER = ThreadLocal.withInitial(() -> new char[][] {new char[8192]});

    /** The characters of {@code text[from, to)} at indexes {@code [0, to - from)}, in a reused buffer: one bulk copy, no charAt calls. */
    private record Chars(char[] c, int base) {
        char at(int offset) { return c[offset - base]; }
    }

    /** The sentences of {@code text[from, to)} whose tokens are {@code t}. */
    public static Sentences split(CharSequence chars, int from, int to, TokenLayer t) {
        char[][] holder = BUFFER.get();
        if (holder[0].length < to - from) holder[0] = new char[Math.max(to - from, holder[0].length * 2)];
        char[] buf = holder[0];
        if (chars instanceof String str) str.getChars(from, to, buf, 0);
        else for (int k = from; k < to; k++) buf[k - from] = chars.charAt(k);
        Chars text = new Chars(buf, from);
        int n = t.size();
        if (n == 0) return new Sentences(new int[0], new int[0], new int[0], new int[0]);
        int[] starts = new int[16], ends = new int[16], first = new int[16], last = new int[16];
        int count = 0;
        int sentenceStart = openingBefore(text, t.starts()[0], from), firstToken = 0;
        for (int i = 0; i < n; i++) {
            int gapFrom = t.ends()[i], gapTo = i + 1 < n ? t.starts()[i + 1] : to;
            int end = -1, nextStart = -1;
            if (i + 1 == n) {
                end = closingAfter(text, gapFrom, gapTo);
            } else {
                int nl = indexOfLineBreak(text, gapFrom, gapTo);
                if (nl >= 0) {
                    end = closingAfter(text, gapFrom, nl);
                    nextStart = openingBefore(text, gapTo, nl);
                } else if (endsHere(text, t, i, gapFrom, gapTo)) {
                    int ws = gapFrom;
                    while (ws < gapTo && !Character.isWhitespace(text.at(ws))) ws++;
                    end = ws;
                    nextStart = openingBefore(text, gapTo, ws);
                }
            }
            if (end < 0) continue;
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2); ends = Arrays.copyOf(ends, count * 2);
                first = Arrays.copyOf(first, count * 2); last = Arrays.copyOf(last, count * 2);
            }
            starts[count] = sentenceStart; ends[count] = Math.max(end, sentenceStart + 1);
            first[count] = firstToken; last[count] = i + 1;
            count++;
            sentenceStart = nextStart;
            firstToken = i + 1;
        }
        return new Sentences(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), Arrays.copyOf(first, count), Arrays.copyOf(last,
                count));
    }

    /** Whether the gap after token {@code i} (no line break in it) ends a sentence. */
    private static boolean endsHere(Chars text, TokenLayer t, int i, int gapFrom, int gapTo) {
        int k = gapFrom;
        // closing quotes or brackets may stand between the word and the terminator ("win”.)
        while (k < gapTo && isClosing(text.at(k))) k++;
        if (k >= gapTo || !isTerminator(text.at(k))) return false;
        boolean fullStop = text.at(k) == '.';
        boolean directlyAfterWord = k == gapFrom;
        while (k < gapTo && (isTerminator(text.at(k)) || isClosing(text.at(k)))) k++;
        if (k >= gapTo || !Character.isWhitespace(text.at(k))) return false;
        while (k < gapTo && Character.isWhitespace(text.at(k))) k++;
        int opening = k;
        while (k < gapTo && isOpening(text.at(k))) k++;
        if (k < gapTo) return false; // something other than quotes and space before the next word (a dash, a bullet): be careful
        char next = text.at(t.starts()[i + 1]);
        boolean opensSentence = Character.isUpperCase(next) || Character.isDigit(next) || opening < k || Character.isTitleCase(next)
                || (!Character.isLowerCase(next) && Character.isLetter(next)); // scripts without case
        if (!opensSentence) return false;
        if (fullStop && directlyAfterWord) {
            int ws = t.starts()[i], we = t.ends()[i];
            if (we - ws == 1 && Character.isUpperCase(text.at(ws))) return false; // an initial
            long h = t.hashes()[i];
            if (Character.isUpperCase(text.at(ws)) && ABBREVIATIONS.contains(h)) return false;
            if (h == NO && Character.isUpperCase(text.at(ws)) && Character.isDigit(next)) return false; // No. 5
            if (dottedLetter(text, ws, we) && (opening < k || Character.isDigit(next) || AFTER_CLOCK.contains(t.hashes()[i + 1]))) {
                return false; // "10:35 a.m. (0735 GMT) Friday", "9 a.m. Tuesday"
            }
        }
        return true;
    }

    /** Whether the word at {@code [ws, we)} is the last letter of an abbreviation written with full stops (a.m., p.m., i.e.). */
    private static boolean dottedLetter(Chars text, int ws, int we) {
        return we - ws == 1 && Character.isLowerCase(text.at(ws)) && ws - 2 >= text.base() && text.at(ws - 1) == '.'
                && Character.isLetter(text.at(ws - 2));
    }

    /** The end of the sentence whose last word ends at {@code from}: after the terminators and closing marks that follow it. */
    private static int closingAfter(Chars text, int from, int limit) {
        int k = from;
        while (k < limit && !Character.isWhitespace(text.at(k))) k++;
        return k;
    }

    /** Where a sentence whose first word starts at {@code word} begins: at the opening marks right before it, not before {@code limit}. */
    private static int openingBefore(Chars text, int word, int limit) {
        int k = word;
        while (k > limit && !Character.isWhitespace(text.at(k - 1))) k--;
        return k;
    }

    private static int indexOfLineBreak(Chars text, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = text.at(k);
            if (c == '\n' || c == '\r' || c == '\u2029') return k;
        }
        return -1;
    }

    private static boolean isTerminator(char c) { return c == '.' || c == '!' || c == '?' || c == '…' || c == '。'; }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == '›' || c == ')' || c == ']' || c == '}';
    }

    private static boolean isOpening(char c) {
        return c == '"' || c == '\'' || c == '“' || c == '‘' || c == '«' || c == '‹' || c == '(' || c == '[' || c == '„' || c == '{';
    }
}
