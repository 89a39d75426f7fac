package org.storytrace.core.time;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verb a date is told with: the nearest verb before the date in its clause ("Hamas has accused ... of targeting
 * the prime minister on Thursday": targeting), else the nearest one after it ("On Friday, Hamas accused": accused),
 * reduced to a stem ("targeted" and "targeting" are "target", "said" is "say"). Where one mention of a day is told
 * with a verb of speech ({@link #reporting}: said, accused, reported) and the other with a verb of what happened,
 * they are the day of a statement and the day of an event ("targeting on Thursday", "accused on Friday"), however
 * many words they share. Two verbs of events are not compared: outlets tell one event with different verbs ("a fire
 * broke out on Thursday" / "a fire tore through the souq on Wednesday"; "visited Basra" / "went to Basra").
 *
 * <p>No part-of-speech tagger: the deep tier's only model is the name finder, and this runs on the few mentions a
 * dispute would join. A word is a verb by its form (a past or -ing form of five letters or more, a listed irregular
 * form) or by what comes before it ("will meet", "to visit", "did not leave"); auxiliaries ("was", "has") are
 * passed over, so "was killed on Friday" is "kill", and so are a plan's participles ("the meeting scheduled on Friday"
 * is the meeting's day). Where no verb is found the date has none, and nothing is vetoed.
 */
final class EventVerb {
    private EventVerb() {}

    /** Stems of verbs that report what someone said ({@link #stem} forms): the day of a statement, not of what it tells. */
    private static final Set<String> REPORTING = Stream.of("say", "tell", "report", "announc", "accus", "claim", "confirm", "deni",
            "deny", "stat", "declar", "insist", "warn", "urg", "quot", "add", "explain", "acknowledg", "admit", "alleg", "predict",
            "disclos", "reveal", "assert", "comment", "tweet", "writ", "speak", "testifi", "testify").map(EventVerb::tidy)
            .collect(Collectors.toUnmodifiableSet());

    /** Whether a verb's stem reports speech ("said", "accused", "reported", "announced"). */
    static boolean reporting(String stem) { return stem != null && REPORTING.contains(stem); }

    /**
     * Stems of the steps of a legal process (arrested, charged, convicted, sentenced, remanded): each has its own day,
     * after the deed it answers, so the day of a conviction and the day of the shooting it punishes are two events.
     */
    private static final Set<String> LEGAL = Stream.of("arrest", "detain", "charg", "indict", "arraign", "convict", "sentenc",
            "acquitt", "acquit", "plead", "jail", "imprison", "remand", "prosecut", "extradit", "bail", "fin", "trial", "hearing",
            "conviction", "arraignment", "indictment", "sentencing")
            .map(EventVerb::tidy).collect(Collectors.toUnmodifiableSet());

    /** What a verb tells of: speech, a step of a legal process, or anything else that happens. */
    enum Kind { SPEECH, LEGAL, DEED }

    /** The kind of a verb's stem (null: none). */
    static Kind kind(String stem) {
        if (stem == null) return null;
        if (REPORTING.contains(stem)) return Kind.SPEECH;
        return LEGAL.contains(stem) ? Kind.LEGAL : Kind.DEED;
    }

    /** Words scanned before the date, then after it, within its clause. */
    private static final int BEFORE = 8, AFTER = 6;

    /** The stem of the verb {@code text[start, end)} (a date) is told with, within {@code [floor, ceiling)}; null for none. */
    static String of(String text, int start, int end, int floor, int ceiling) {
        String named = eventNoun(text, start, end, ceiling);
        if (named != null) return named;
        int at = start;
        for (int w = 0; w < BEFORE; w++) {
            int e = at;
            while (e > floor && text.charAt(e - 1) == ' ') e--;
            if (e <= floor || CLAUSE_END.indexOf(text.charAt(e - 1)) >= 0) break;
            int s = e;
            while (s > floor && wordChar(text.charAt(s - 1))) s--;
            if (s == e) break;
            String word = text.substring(s, e).toLowerCase(Locale.ROOT);
            String before = TimeTagger.previousWord(text, s);
            String stem = verb(word, before);
            if (stem != null) return stem;
            at = s;
        }
        at = end;
        for (int w = 0; w < AFTER; w++) {
            int s = at;
            while (s < ceiling && text.charAt(s) == ' ') s++;
            if (s >= ceiling || CLAUSE_END.indexOf(text.charAt(s)) >= 0 && w > 0) break;
            if (CLAUSE_END.indexOf(text.charAt(s)) >= 0) { s++; while (s < ceiling && text.charAt(s) == ' ') s++; }
            int e = s;
            while (e < ceiling && wordChar(text.charAt(e))) e++;
            if (e == s) break;
            String word = text.substring(s, e).toLowerCase(Locale.ROOT);
            String stem = verb(word, TimeTagger.previousWord(text, s));
            if (stem != null) return stem;
            at = e;
        }
        return null;
    }

    /**
     * The event a date names as a modifier: "the June 20 shooting", "Sunday's coal mine fire", "the Sept. 11 attacks":
     * the last of the lower-case words after the date (or after its "'s"; at most three, up to a function word), stemmed
     * when it is an -ing form. Null where the date is no modifier (no "the" or "a" before it and no "'s" after it).
     */
    static String eventNoun(String text, int start, int end, int ceiling) {
        int at = end;
        if (at + 2 <= ceiling && (text.startsWith("'s", at) || text.startsWith("\u2019s", at))) at += 2;
        else if (!Set.of("the", "a", "an").contains(TimeTagger.previousWord(text, start))) return null;
        String head = null;
        for (int w = 0; w < 3; w++) {
            int s = at;
            if (s >= ceiling || text.charAt(s) != ' ') break;
            s++;
            int e = s;
            while (e < ceiling && (Character.isLowerCase(text.charAt(e)) || text.charAt(e) == '-')) e++;
            if (e == s || e < ceiling && Character.isLetterOrDigit(text.charAt(e))) break;
            String word = text.substring(s, e);
            if (FUNCTION.contains(word) || AUXILIARY.contains(word)) break;
            head = word;
            at = e;
        }
        if (head == null) return null;
        String noun = tidy(head);
        // "the March 3 hearing" is a step of a trial, whatever "heard" is
        if (LEGAL.contains(noun)) return noun;
        return head.endsWith("ing") && head.length() >= 6 ? stem(head) : noun;
    }

    /** Words that end the noun phrase a date modifies. */
    private static final Set<String> FUNCTION = Set.of("in", "on", "at", "of", "for", "to", "from", "by", "with", "and", "or", "that",
            "which", "who", "as", "near", "after", "before", "when", "where", "than", "into", "over", "against");

    private static boolean wordChar(char c) { return Character.isLetterOrDigit(c) || c == '-' || c == '\'' || c == '\u2019'; }

    private static final String CLAUSE_END = ",;:.!?()\n\u2014\u201c\u201d\"";

    /** The stem of {@code word} if it is a verb (by its form, or by the word before it), else null. */
    static String verb(String word, String before) {
        if (AUXILIARY.contains(word) || NOT_VERBS.contains(word)) return null;
        String irregular = IRREGULAR.get(word);
        if (irregular != null) return tidy(irregular);
        if (word.length() >= 5 && word.endsWith("ed") || word.length() >= 6 && word.endsWith("ing")) {
            // after a determiner or a possessive a form is a noun or an adjective: "the leaders' meeting", "the injured"
            boolean noun = DETERMINER.contains(before) || before.endsWith("'s") || before.endsWith("\u2019s") || before.endsWith("'")
                    || before.endsWith("\u2019");
            return noun ? null : stem(word);
        }
        if (MODAL.contains(before) && word.length() >= 3 && word.chars().allMatch(Character::isLetter)) return stem(word);
        return null;
    }

    /** A verb's stem: -ing, -ed, -es, -s and a final e or doubled consonant taken off ("raised", "raising": rais). */
    static String stem(String w) {
        String s = w;
        if (s.endsWith("ing")) s = s.substring(0, s.length() - 3);
        else if (s.endsWith("ied")) s = s.substring(0, s.length() - 3) + "y";
        else if (s.endsWith("ed")) s = s.substring(0, s.length() - 2);
        else if (s.endsWith("es") && s.length() > 4) s = s.substring(0, s.length() - 2);
        else if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) s = s.substring(0, s.length() - 1);
        return tidy(s);
    }

    /**
     * A base form's final e and doubled consonant taken off, so every form of a verb meets: "tells", "telling" and
     * "told" are all "tel"; "added", "adds" "ad". Applied to the listed irregular forms and to {@link #REPORTING} too.
     */
    static String tidy(String base) {
        String s = base;
        if (s.endsWith("e") && s.length() > 3) s = s.substring(0, s.length() - 1);
        int n = s.length();
        if (n > 2 && s.charAt(n - 1) == s.charAt(n - 2) && "aeiou".indexOf(s.charAt(n - 1)) < 0) s = s.substring(0, n - 1);
        return s;
    }

    private static final Set<String> DETERMINER = Set.of("the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
            "her", "our", "my", "your", "whose", "every", "each", "no", "any", "some");

    private static final Set<String> AUXILIARY = Set.of("was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
            "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do", "not", "also");

    /** Words before which a bare form is a verb ("will meet", "to visit", "did not leave" is read through "not"). */
    private static final Set<String> MODAL = Set.of("will", "would", "shall", "should", "can", "could", "may", "might", "must", "to",
            "did", "does", "do", "not", "'ll");

    /** -ed and -ing words that are not verbs of an event. */
    private static final Set<String> NOT_VERBS = Set.of("hundred", "united", "indeed", "speed", "need", "seed", "feed", "breed",
            "morning", "evening", "during", "according", "building", "something", "nothing", "anything", "everything", "beijing",
            "spring", "string", "ceiling", "wedding", "king", "thing", "ring", "wing", "ongoing", "following", "including",
            "concerning", "regarding", "pending", "notwithstanding", "alleged", "so-called", "based", "related", "armed",
            "scheduled", "expected", "planned", "slated");

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("said", "say"), Map.entry("says", "say"), Map.entry("told", "tell"), Map.entry("tells", "tell"),
            Map.entry("met", "meet"), Map.entry("meets", "meet"), Map.entry("held", "hold"), Map.entry("holds", "hold"),
            Map.entry("made", "mak"), Map.entry("took", "tak"), Map.entry("went", "go"), Map.entry("came", "com"),
            Map.entry("left", "leav"), Map.entry("began", "begin"), Map.entry("begun", "begin"), Map.entry("saw", "se"),
            Map.entry("won", "win"), Map.entry("lost", "los"), Map.entry("gave", "giv"), Map.entry("got", "get"),
            Map.entry("found", "find"), Map.entry("fell", "fall"), Map.entry("rose", "ris"), Map.entry("sent", "send"),
            Map.entry("spoke", "speak"), Map.entry("wrote", "writ"), Map.entry("led", "lead"), Map.entry("shot", "shoot"),
            Map.entry("struck", "strik"), Map.entry("paid", "pay"), Map.entry("sold", "sell"), Map.entry("bought", "buy"),
            Map.entry("brought", "bring"), Map.entry("thought", "think"), Map.entry("ran", "run"), Map.entry("flew", "fly"),
            Map.entry("died", "die"), Map.entry("dies", "die"), Map.entry("arrives", "arriv"), Map.entry("visits", "visit"),
            Map.entry("kept", "keep"), Map.entry("broke", "break"), Map.entry("chose", "choos"), Map.entry("fought", "fight"),
            Map.entry("hit", "hit"), Map.entry("quit", "quit"), Map.entry("sworn", "swear"), Map.entry("swore", "swear"),
            Map.entry("stood", "stand"), Map.entry("sat", "sit"), Map.entry("heard", "hear"), Map.entry("felt", "feel"));
}
