package org.storytrace.core.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.entity.Pronouns;
import org.storytrace.core.text.Prose;

/**
 * The article stage that finds direct quotes and who said them.
 *
 * <p>Quoted spans are read in every quotation-mark style: curly and straight double quotes, guillemets,
 * and single quotes where no double ones are used; inner quotes stay inside the outer one; a paragraph that
 * ends inside a quote and a next one that reopens it make one quote. A quoted span is a direct quote when it
 * reads as speech: it stands at the start of a sentence or after a colon or comma, or ends with sentence
 * punctuation inside the marks, or a cue attaches to it, and it has more than a few words. Short quoted
 * phrases inside a sentence are scare quotes, titles or partial quotes ("strategic depth", "October
 * Revolution") and are not kept.
 *
 * <p>The speaker comes from the cue next to the quote: {@code ," he said}, {@code ," said X}, {@code X said:
 * "...}, {@code according to X,}, {@code the Keyhan daily wrote:}. The speaker's words are kept as written
 * (a name, a pronoun, "a source"); a name is linked to its mention, a pronoun to the nearest person named
 * before it. A quote with no cue of its own that follows another quote of the same paragraph or the one
 * before takes that quote's speaker (a speech quoted over several paragraphs).
 */
public final class QuoteFinder implements ArticleStage {
    private static final String CUE_WORDS = "said|says|say|told|tells|added|adds|wrote|writes|stated|states|declared|declares|"
            + "announced|asked|asks"
            + "|explained|explains|noted|notes|warned|warns|claimed|claims|insisted|insists|argued|argues|continued|continues|"
                    + "stressed|stresses"
            + "|emphasized|emphasised|tweeted|tweets|posted|replied|replies|responded|responds|recalled|recalls|acknowledged|"
                    + "admitted|admits"
            + "|conceded|concluded|observed|remarked|reported|reports|read|reads|quipped|sings|sang|urged|urges|vowed|vows|pledged|promised"
            + "|threatened|swore|shouted|chanted|whispered|suggested|suggests|predicted|complained|complains|boasted|demanded|"
                    + "demands|cautioned"
            + "|answered|commented|comments|charged|alleged|announces|lamented|joked|exclaimed|mused|agreed|agrees|wondered|"
                    + "wonders|confirmed"
            + "|confirms|denied|denies|disclosed|revealed|reveals|surmised|recounted|offered|retorted|countered|scoffed|sniffed|shot back"
            + "|cracked|gushed|marveled|marvelled|sighed|laughed|opined|estimated|texted|emailed|e-mailed|recounts|explain|insist|say|tell"
            + "|pointed out|went on|put it|testified|screamed|yelled|cried|pleaded|advised|assured|reminded|boasts|warn|predicts"
            + "|interjected|interjects|elaborated|demurred|blogged|snapped|grumbled|muttered|chimed in|acknowledges|observes";
    private static final Pattern CUE = Pattern.compile("\\b(" + CUE_WORDS + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACCORDING = Pattern.compile("\\baccording to\\b", Pattern.CASE_INSENSITIVE);
    private static final Pronouns PRONOUN_RESOLVER = new Pronouns(Pronouns.Genders.fromClasspath());
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we", "it", "you");
    /** Words that end a speaker phrase read backwards from a cue. */
    private static final Set<String> STOP = Set.of("and", "but", "as", "while", "when", "that", "which", "who", "because", "so", "then",
            "if",
            "after", "before", "where", "also", "has", "had", "have", "was", "is", "later", "once", "again", "earlier", "recently");

    @Override public String name() { return "quotes"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Mentions.LAYER); }
    @Override public Set<Layer<?>> adds() { return Set.of(Quotes.LAYER); }
    @Override public String describe() { return "quotes: quotation marks of every style, cues and speakers by rule"; }

    @Override public Document apply(Document doc) {
        String text = doc.article().text();
        List<Mention> mentions = doc.find(Mentions.LAYER).orElse(Mentions.NONE).list();
        return doc.with(Quotes.LAYER, new Quotes(find(text, doc.article().bodyStart(), doc.article().bodyEnd(), mentions)));
    }

    /** A quoted span: the marks at {@code open} and {@code close} (-1 when the quote runs to its paragraph's end), the words between. */
    record Span(int open, int start, int end, int close, boolean continued) {
        Span(int open, int start, int end, int close) { this(open, start, end, close, false); }
    }

    /** The direct quotes of {@code text[from, to)}. */
    public static List<Quote> find(String text, int from, int to, List<Mention> mentions) {
        try {
            return quotes(text, from, to, mentions);
        } finally {
            RESOLVED.remove(); // the text's resolved pronouns are not kept past the call
        }
    }

    private static List<Quote> quotes(String text, int from, int to, List<Mention> mentions) {
        List<Quote> out = new ArrayList<>();
        Quote previous = null;
        // who spoke the last quoted words, and where they ended: a kept quote's speaker (none if it had none), or the named
        // speaker of words kept out as a fragment ("not meeting the demand," says Paul Rieckhoff, ... . "We often ...")
        Attribution lastSaid = null;
        int lastEnd = -1;
        for (Span s : spans(text, from, to)) {
            String inner = text.substring(s.start(), s.end());
            int words = words(inner);
            Attribution a = attribution(text, from, to, s, mentions);
            boolean standalone = standsAlone(text, from, s.open());
            boolean punctuated = endsWithPunctuation(inner);
            boolean fragment = startsLowercase(inner) || titleCase(inner, words);
            boolean continues = s.continued() && previous != null && previous.end() < s.open() && sameOrNextParagraph(text, previous.end(),
                    s.open());
            // a short run of capitalised words is a title even with a verb near it ("on \"The Axe Files,\" he said")
            boolean title = titleCase(inner, words) && words <= 5 && looksLikeTitle(inner);
            boolean direct = continues && words >= 1
                    || a != null && words >= 2 && (!startsLowercase(inner) || standalone) && !title
                    // "Absolutely," he said: one word, its cue right after the mark
                    || a != null && words == 1 && punctuated && a.cueStart() > s.end() && cueRightAfter(text, s, a)
                    || !fragment && words >= 3 && (standalone && (punctuated || words >= 6) || punctuated && words >= 5 && !embedded(text,
                            from, s.open()));
            if (!direct && words >= 4 && !title && s.close() >= 0) {
                // "Elliott said “there is no great man ...”": a cue verb right before the mark, no comma between
                Attribution verb = cueRightBefore(text, from, s.open(), mentions);
                if (verb != null) { a = verb; direct = true; }
            }
            if (!direct || STAGE_DIRECTION.matcher(inner).matches() || a == null && FOLLOW_LINE.matcher(inner).matches()) {
                // only a speaker that is a name the text names (a scare quote's "cue" can be any verb-like word)
                if (a != null && a.mention >= 0 && a.cueStart >= 0) { lastSaid = a; lastEnd = s.end(); }
                continue;
            }
            Attribution label = transcriptLabel(text, s, mentions);
            if (label != null) {
                // the turn's words are what follows "NAME:"; the name and its colon are its speaker and cue
                int words0 = label.cueEnd;
                while (words0 < s.end() && Character.isWhitespace(text.charAt(words0))) words0++;
                if (words0 >= s.end()) continue;
                a = label;
                s = new Span(s.open(), words0, s.end(), s.close(), s.continued());
                inner = text.substring(s.start(), s.end());
            }
            if (a == null) a = subjectOfClauseIntroducing(text, from, s.open(), mentions);
            if (a == null && lastSaid != null && sameOrNextParagraph(text, lastEnd, s.open())) {
                a = new Attribution(lastSaid.speakerStart, lastSaid.speakerEnd, lastSaid.speaker, -1, -1, null, lastSaid.mention);
            }
            if (a == null && opensParagraph(text, from, s.open())) a = subjectOfSentenceBefore(text, from, s.open(), mentions);
            Quote q = a == null ? new Quote(s.start(), s.end(), inner, -1, -1, null, -1, -1, null, -1)
                    : new Quote(s.start(), s.end(), inner, a.speakerStart, a.speakerEnd, a.speaker, a.cueStart, a.cueEnd, a.cue, a.mention);
            out.add(q);
            previous = q;
            lastSaid = a != null && a.speakerStart >= 0 ? a : null;
            lastEnd = q.end();
        }
        return out;
    }

    private static boolean opensParagraph(String text, int from, int open) {
        int i = open - 1;
        while (i >= from && text.charAt(i) == ' ') i--;
        return i < from || text.charAt(i) == '\n';
    }

    /**
     * For a quote that opens a paragraph with no cue: the person or organisation the sentence before it opens
     * with ("The Keyhan daily, known as ..., expressed fear ... \n\n “Last year ..."), a speaker named in an
     * earlier sentence.
     */
    private static Attribution subjectOfSentenceBefore(String text, int from, int open, List<Mention> mentions) {
        int end = open;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end <= from) return null;
        int start = sentenceStart(text, from, end - 1, false);
        Mention m = firstMentionIn(mentions, start, end);
        if (m == null || words(text.substring(start, m.start())) > 5) return null;
        return new Attribution(m.start(), m.end(), m.text(), -1, -1, null, m.start());
    }

    private static boolean sameOrNextParagraph(String text, int a, int b) {
        int breaks = 0;
        for (int i = a; i < b; i++) if (text.charAt(i) == '\n' && i + 1 < b && text.charAt(i + 1) == '\n') breaks++;
        return breaks <= 1 && b - a < 1500;
    }

    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) n++;
            in = w;
        }
        return n;
    }

    /** A quoted span that begins with a lower-case word is a fragment of the sentence around it (a partial quote). */
    private static boolean startsLowercase(String inner) {
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (Character.isLetter(c)) return Character.isLowerCase(c);
            if (Character.isDigit(c)) return false;
        }
        return false;
    }

    /** A short quoted span whose words are mostly capitalised is a title ("October Revolution", "Voices of Hope"). */
    private static boolean titleCase(String inner, int words) {
        if (words > 6) return false;
        int caps = 0;
        for (String w : inner.split("[^\\p{L}]+")) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) caps++;
        return caps * 3 >= words * 2 && words >= 1;
    }

    /** Whether capitalised words read as a name of a work rather than an utterance: no "I", no "!" or "?", no comma inside. */
    private static boolean looksLikeTitle(String inner) {
        String t = inner.strip();
        if (t.endsWith(",")) t = t.substring(0, t.length() - 1);
        if (t.indexOf('!') >= 0 || t.indexOf('?') >= 0 || t.indexOf(',') >= 0) return false;
        for (String w : t.split("[^\\p{L}]+")) if (w.equals("I")) return false;
        return true;
    }

    private static boolean endsWithPunctuation(String inner) {
        String t = inner.strip();
        if (t.isEmpty()) return false;
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == ',' || c == '!' || c == '?' || c == '\u2026' || c == ';' || c == ':' || c == '-' || c == '\u2014';
    }

    /** Whether the mark at {@code open} begins a paragraph or a sentence, or follows a colon or comma. */
    private static boolean standsAlone(String text, int from, int open) {
        int i = open - 1;
        while (i >= from && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0')) i--;
        if (i < from) return true;
        char c = text.charAt(i);
        return c == '\n' || c == ':' || c == ',' || c == '.' || c == '!' || c == '?' || c == '\u2014' || c == '-' || c == '(';
    }

    /** Whether the mark at {@code open} follows a word of the same sentence (a partial quote: to "keep it quiet."). */
    private static boolean embedded(String text, int from, int open) {
        int i = open - 1;
        while (i >= from && text.charAt(i) == ' ') i--;
        return i >= from && Character.isLetterOrDigit(text.charAt(i));
    }

    private static boolean isOpen(char c) { return c == '\u201c' || c == '\u00ab' || c == '\u201e'; }
    private static boolean isClose(char c) { return Prose.isClose(c); }

    /** The quoted spans of {@code text[from, to)}, outermost only, paragraphs that reopen a quote joined. */
    static List<Span> spans(String text, int from, int to) {
        boolean doubles = false;
        for (int i = from; i < to && !doubles; i++) {
            char c = text.charAt(i);
            doubles = c == '"' || isOpen(c) || isClose(c);
        }
        List<Span> out = new ArrayList<>();
        int open = -1, depth = 0;
        boolean continuing = false; // the open quote reopened a paragraph after one that ended inside a quote
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean opening, closing;
            if (doubles) {
                if (c == '"') {
                    if (open < 0) { opening = openingStraight(text, from, to, i); closing = false; }
                    else { closing = true; opening = false; }
                } else {
                    // a right mark at a line start or after a space, before a word, opens: scraped pages often turn the mark
                    // the wrong way (”Mr. Trump embodies ...”)
                    boolean reversedClose = c == '\u201c' && open >= 0 && depth == 1 && reversedClosing(text, to, i);
                    opening = !reversedClose && (isOpen(c) || c == '\u201d' && open < 0 && reversedOpening(text, from, to, i));
                    closing = reversedClose || !opening && isClose(c);
                }
            } else {
                opening = c == '\u2018' && i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1)) && (i == from
                        || !Character.isLetterOrDigit(text.charAt(i - 1)));
                closing = c == '\u2019' && open >= 0 && (i + 1 >= to || !Character.isLetterOrDigit(text.charAt(i + 1)));
            }
            if (c == '\n' && open >= 0 && i + 1 < to && (text.charAt(i + 1) == '\n' || reopens(text, i + 1, to, doubles))) {
                // a paragraph ends inside the quote: it goes on if the next paragraph reopens it (paragraphs one line each, as
                // many pages are extracted, count when the next line reopens the quote)
                int j = i;
                while (j < to && Character.isWhitespace(text.charAt(j))) j++;
                // one quote a paragraph: the next paragraph's reopening mark starts the next one, which takes this one's speaker
                out.add(new Span(open, open + 1, trimEnd(text, open + 1, i), -1, continuing));
                open = -1;
                depth = 0;
                continuing = false;
                if (j < to && (text.charAt(j) == '"' || isOpen(text.charAt(j)) || !doubles
                        && text.charAt(j) == '\u2018')) { open = j; depth = 1; i = j; continuing = true; }
                continue;
            }
            if (opening && open < 0) { open = i; depth = 1; continuing = false; continue; }
            if (opening && c != '"') { depth++; continue; }
            if (closing && open >= 0) {
                if (--depth > 0) continue;
                // the words end before any space inside the mark ("… the orchestra “")
                if (i > open + 1) out.add(new Span(open, open + 1, trimEnd(text, open + 1, i), i, continuing));
                open = -1;
                continuing = false;
            }
        }
        if (open >= 0 && to > open + 1) out.add(new Span(open, open + 1, trimEnd(text, open + 1, to), -1, continuing));
        // the words start after any space inside the mark ("” … they")
        out.replaceAll(x -> {
            int st = x.start();
            while (st < x.end() && (text.charAt(st) == ' ' || text.charAt(st) == '\u00a0')) st++;
            return st == x.start() ? x : new Span(x.open(), st, x.end(), x.close(), x.continued());
        });
        return out;
    }

    /** Whether the line at {@code i} starts with a mark that opens a quote. */
    private static boolean reopens(String text, int i, int to, boolean doubles) {
        int j = i;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\u00a0')) j++;
        if (j >= to) return false;
        char c = text.charAt(j);
        return doubles ? c == '"' || isOpen(c) : c == '\u2018';
    }

    /**
     * Whether the right mark at {@code i} opens a quote: at a line start or after a space, before a word, or before an
     * ellipsis that cuts the quote's start ("” … they are so not like him,” she said").
     */
    private static boolean reversedOpening(String text, int from, int to, int i) {
        boolean before = i == from || Character.isWhitespace(text.charAt(i - 1)) || "([{\u2014-:".indexOf(text.charAt(i - 1)) >= 0;
        if (!before || i + 1 >= to) return false;
        char next = text.charAt(i + 1);
        return Character.isLetterOrDigit(next) || next == '\u2026' || next == ' ' && nextNonSpace(text, i + 1, to) == '\u2026';
    }

    /**
     * Whether the left mark at {@code i}, inside an open quote, closes it: scraped pages turn that mark too ("there goes
     * the orchestra “, the comedian said"; "“Twilight “author"). It does when it follows a word or a sentence's end
     * with no space (an opening mark follows a space, a bracket, a dash or a colon), or when a comma, a full stop or
     * the line's end comes next (an opening mark comes before a word).
     */
    private static boolean reversedClosing(String text, int to, int i) {
        char prev = text.charAt(i - 1);
        if (Character.isLetterOrDigit(prev) || ".,!?".indexOf(prev) >= 0) return true;
        char next = nextNonSpace(text, i + 1, to);
        return next == ',' || next == '.' || next == '\n' || next == '\0';
    }

    /** The first character at or after {@code i} that is not a space ('\0' at the end). */
    private static char nextNonSpace(String text, int i, int to) {
        int j = i;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) j++;
        return j < to ? text.charAt(j) : '\0';
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }

    /** A straight double quote opens when it follows a space, a line start or an opening bracket and precedes a non-space. */
    private static boolean openingStraight(String text, int from, int to, int i) {
        boolean before = i == from || Character.isWhitespace(text.charAt(i - 1)) || "([{\u2014-:".indexOf(text.charAt(i - 1)) >= 0;
        boolean after = i + 1 < to && !Character.isWhitespace(text.charAt(i + 1));
        return before && after;
    }

    private record Attribution(int speakerStart, int speakerEnd, String speaker, int cueStart, int cueEnd, String cue, int mention) {}

    /** The cue and speaker of a quoted span: after it in its sentence, else before it in its sentence. */
    private static Attribution attribution(String text, int from, int to, Span s, List<Mention> mentions) {
        int after = s.close() >= 0 ? s.close() + 1 : s.end();
        if (s.close() >= 0) {
            Attribution byline = dashByline(text, after, to, mentions);
            if (byline != null) return byline;
        }
        int afterEnd = sentenceEnd(text, after, to);
        Attribution a = after < afterEnd ? cueAfter(text, after, afterEnd, mentions) : null;
        int beforeStart = sentenceStart(text, from, s.open());
        Attribution before = cueBefore(text, beforeStart, s.open(), mentions);
        // "March participants chanted, "...", witnesses reported.": a cue verb that closes the clause right before the mark says
        // who spoke the words; the cue after them says who reported that
        if (a != null && before != null && before.cueEnd() > 0 && closesAtMark(text, before.cueEnd(), s.open())
                && !text.regionMatches(true, before.cueStart(), "according", 0, 9)) return before;
        if (a != null) return a;
        if (before != null) return before;
        return cueEndingSentenceBefore(text, from, s.open(), mentions);
    }

    /**
     * A quote right after a sentence that ends with its own cue ({@code ..., NEA President Lily Eskelsen García
     * said. "That's got to scare an educator."}): the speaker of that cue, when only spaces separate them.
     */
    private static Attribution cueEndingSentenceBefore(String text, int from, int open, List<Mention> mentions) {
        int i = open - 1;
        while (i >= from && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) i--;
        if (i < from || text.charAt(i) != '.') return null;
        int end = i; // the full stop
        int start = Math.max(from, end - 120);
        String seg = text.substring(start, end);
        Matcher m = CUE.matcher(seg);
        int cs = -1, ce = -1;
        while (m.find()) { cs = start + m.start(); ce = start + m.end(); }
        if (cs < 0 || ce != end) return null;
        // the clause of the cue: back to the closing mark of the quote before it, or the sentence start (a straight
        // mark closes as a curly one does: '"We cannot ... Constitution," Rep. John Mica (R-Fla.) said. "If ..."')
        int clause = sentenceStart(text, from, cs, true);
        int mark = text.lastIndexOf('"', cs - 1);
        if (mark >= clause) clause = mark + 1;
        Mention named = firstMentionIn(mentions, clause, cs);
        if (named != null && words(text.substring(named.end(), cs)) <= 12) {
            return new Attribution(named.start(), named.end(), named.text(), cs, ce, text.substring(cs, ce), named.start());
        }
        int ss = speakerStartBefore(text, clause, cs);
        if (ss >= cs - 1 || words(text.substring(ss, cs)) > 6) return null;
        return speaker(text, ss, lastLetter(text, ss, cs), mentions, cs, ce);
    }

    private static int sentenceEnd(String text, int i, int to) {
        int end = Math.min(to, i + 200);
        for (int j = i; j < end; j++) {
            char c = text.charAt(j);
            if (c == '\n' || c == '"' || isOpen(c)) return j;
            // a title or an initial does not end it: ," Mr. Clarke said.
            if ((c == '.' || c == '!' || c == '?') && j > i + 1 && !(c == '.' && abbreviation(text, j))) return j;
        }
        return end;
    }

    private static int sentenceStart(String text, int from, int i) { return sentenceStart(text, from, i, true); }

    private static int sentenceStart(String text, int from, int i, boolean atQuotes) {
        return Prose.sentenceStart(text, from, i, atQuotes);
    }

    private static boolean abbreviation(String text, int dot) { return Prose.abbreviation(text, dot); }

    /** Whether only spaces and one comma or colon stand between {@code from} and the opening mark at {@code open}. */
    private static boolean closesAtMark(String text, int from, int open) {
        String between = text.substring(from, open).strip();
        return between.equals(",") || between.equals(":");
    }

    /** {@code ," he said} / {@code ," said Smith} / {@code ," Smith told reporters}, right after the closing mark. */
    private static Attribution cueAfter(String text, int from, int to, List<Mention> mentions) {
        String seg = text.substring(from, to);
        Matcher m = CUE.matcher(seg);
        if (!m.find()) return null;
        int cs = from + m.start(), ce = from + m.end();
        String lead = text.substring(from, cs).strip();
        if (lead.startsWith(",") || lead.startsWith("\u2014") || lead.startsWith("-")) lead = lead.substring(1).strip();
        if (lead.isEmpty()) {
            // said X: the speaker follows the cue
            return speakerAfterCue(text, ce, to, mentions, cs, ce);
        }
        if (words(lead) > 15) return null;
        int leadWord = firstLetter(lead, 0, lead.length());
        if (leadWord >= 0) {
            int e = leadWord;
            while (e < lead.length() && Character.isLetter(lead.charAt(e))) e++;
            if (STOP.contains(lead.substring(leadWord, e).toLowerCase(Locale.ROOT))) return null; // ", while officials vowed": a new clause
        }
        // X said: the speaker is what stands between the mark and the cue, the name in it if there is one
        Mention named = firstMentionIn(mentions, from, cs);
        if (named != null) return new Attribution(named.start(), named.end(), named.text(), cs, ce, text.substring(cs, ce), named.start());
        if (words(lead) > 8) return null;
        int ss = firstLetter(text, from, cs), se = lastLetter(text, from, cs);
        if (ss < 0) return null;
        return speaker(text, ss, se, mentions, cs, ce);
    }

    /**
     * Whether {@code text[from, to)}, between a name and its cue, is one aside set off by commas, however long: "Rucker
     * Culpepper, who runs Clinton's get-out-the-vote effort for military veterans' families, said, ..." (PolNeAR).
     */
    private static boolean appositive(String text, int from, int to) {
        String between = text.substring(from, to).strip();
        if (between.length() < 3 || between.charAt(0) != ',' || between.charAt(between.length() - 1) != ',') return false;
        String inner = between.substring(1, between.length() - 1);
        return inner.indexOf(',') < 0 && inner.indexOf(';') < 0 && inner.indexOf('"') < 0 && words(inner) <= 30
                && !inner.matches("(?s).*[.!?]\\s+\\p{Lu}.*");
    }

    /**
     * A quote signed with a dash after its closing mark, as lists of readers' or experts' words are ({@code ” ― Sonya
     * Herridge}, {@code " -- John Smith, a teacher}): the name after the dash, which must start with a capital.
     */
    private static Attribution dashByline(String text, int after, int to, List<Mention> mentions) {
        int j = after;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) j++;
        if (j >= to) return null;
        int cueEnd;
        char c = text.charAt(j);
        if (c == '\u2015' || c == '\u2014' || c == '\u2013') cueEnd = j + 1;
        else if (text.startsWith("--", j)) cueEnd = j + 2;
        else return null;
        int k = cueEnd;
        while (k < to && (text.charAt(k) == ' ' || text.charAt(k) == '\u00a0')) k++;
        if (k >= to || !Character.isUpperCase(text.charAt(k))) return null;
        Mention m = mentionAt(mentions, k);
        if (m != null && m.start() == k) return new Attribution(m.start(), m.end(), m.text(), j, cueEnd, text.substring(j, cueEnd),
                m.start());
        // no name found there: the capitalised words (and initials) that follow, up to five
        int e = k, words = 0;
        while (e < to && words < 5 && Character.isUpperCase(text.charAt(e))) {
            int w = e;
            while (w < to && (Character.isLetter(text.charAt(w)) || text.charAt(w) == '\'' || text.charAt(w) == '\u2019'
                    || text.charAt(w) == '-' || text.charAt(w) == '.')) w++;
            words++;
            int next = w;
            while (next < to && text.charAt(next) == ' ') next++;
            e = w;
            if (next == w || next >= to) break;
            e = next;
        }
        int se = lastLetter(text, k, e);
        if (se <= k) return null;
        return speaker(text, k, se, mentions, j, cueEnd);
    }

    private static Attribution speakerAfterCue(String text, int ce, int to, List<Mention> mentions, int cs, int cueEnd) {
        int ss = firstLetter(text, ce, to);
        if (ss < 0) return null;
        Mention m = mentionAt(mentions, ss);
        if (m == null) {
            // "added Rep. Jim Clyburn": the name after a title's abbreviation
            int w = ss;
            while (w < to && Character.isLetter(text.charAt(w))) w++;
            if (w < to && text.charAt(w) == '.' && abbreviation(text, w)) {
                int k = w + 1;
                while (k < to && text.charAt(k) == ' ') k++;
                Mention named = mentionAt(mentions, k);
                if (named != null && named.start() == k) m = named;
            }
        }
        if (m != null) return new Attribution(m.start(), m.end(), m.text(), cs, cueEnd, text.substring(cs, cueEnd), m.start());
        int se = ss;
        int w = 0;
        while (se < to && w < 6) {
            int e = se;
            while (e < to && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '\'' || text.charAt(e) == '\u2019'
                    || text.charAt(e) == '-')) e++;
            if (e == se) break;
            se = e;
            w++;
            if (se < to && text.charAt(se) == ' ') se++; else break;
        }
        return speaker(text, ss, lastLetter(text, ss, se), mentions, cs, cueEnd);
    }

    /** {@code X said: "} / {@code according to X, "} / {@code X wrote, "}, the cue closing the words before the mark. */
    private static Attribution cueBefore(String text, int from, int open, List<Mention> mentions) {
        String seg = text.substring(from, open);
        String tail = seg.replace('\u00a0', ' ').stripTrailing();
        if (tail.isEmpty()) return null;
        char last = tail.charAt(tail.length() - 1);
        Matcher acc = ACCORDING.matcher(seg);
        int accAt = -1;
        while (acc.find()) accAt = acc.start();
        if (accAt >= 0 && (last == ',' || last == ':')) {
            int cs = from + accAt, ce = cs + "according to".length(), end = from + tail.length();
            // "according to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that ..., "": the source ends at its comma,
            // and a speaker named with a cue of their own after it is the one who said the words
            int comma = text.indexOf(',', ce);
            if (comma >= 0 && comma < end - 1) {
                Matcher m = CUE.matcher(text).region(comma, end);
                if (m.find()) {
                    Mention named = null;
                    for (Mention x : mentions) if (x.start() > comma && x.end() <= m.start() && x.type() != EntityType.LOCATION) named = x;
                    if (named != null && words(text.substring(named.end(), m.start())) <= 2) {
                        return new Attribution(named.start(), named.end(), named.text(), m.start(), m.end(), m.group(), named.start());
                    }
                }
                end = comma;
            }
            int ss = firstLetter(text, ce, end), se = lastLetter(text, ce, end);
            if (ss >= 0) return speaker(text, ss, se, mentions, cs, ce);
        }
        if (last != ':' && last != ',') return null;
        Matcher m = CUE.matcher(seg);
        int cs = -1, ce = -1;
        while (m.find()) { cs = from + m.start(); ce = from + m.end(); }
        if (cs < 0) return null;
        if (words(text.substring(ce, from + tail.length())) > 4) return null; // the cue must close the clause before the mark
        // the speaker: the last name in the clause before the cue (X, a pastor of Y, said:), the words before the cue back
        // to a clause boundary, or the words right after it (read the NCRI's report)
        // the clause that runs to the cue first ("On the violence between Sunni and Shiite Muslims in Iraq, Annan said:" is
        // Annan's), then the sentence's first name ("Smith, a pastor of Grace Church, said:")
        Mention named = firstMentionIn(mentions, clauseStart(text, from, cs), cs);
        if (named == null) named = firstMentionIn(mentions, from, cs);
        if (named != null && (words(text.substring(named.end(), cs)) <= 12 || appositive(text, named.end(), cs))) {
            return new Attribution(named.start(), named.end(), named.text(), cs, ce, text.substring(cs, ce), named.start());
        }
        // an adverb before the cue is not its speaker ("and repeatedly says,")
        int before = adverbsBefore(text, from, cs);
        int ss = speakerStartBefore(text, from, before);
        if (ss < before - 1) return speaker(text, ss, lastLetter(text, ss, before), mentions, cs, ce);
        // "... and said:": the subject opens the sentence, before any quoted words in it
        if (precededByConjunction(text, from, before)) {
            int start = sentenceStart(text, from, cs, false);
            Mention subject = firstMentionIn(mentions, start, cs);
            if (subject != null) return new Attribution(subject.start(), subject.end(), subject.text(), cs, ce, text.substring(cs, ce),
                    subject.start());
            // or a pronoun opens it ("She then urges her husband ... and repeatedly says,"), resolved as pronoun speakers are
            int ws = firstLetter(text, start, cs);
            if (ws >= 0) {
                int we = ws;
                while (we < cs && Character.isLetter(text.charAt(we))) we++;
                if (PRONOUNS.contains(text.substring(ws, we).toLowerCase(Locale.ROOT))) return speaker(text, ws, we, mentions, cs, ce);
            }
        }
        return speakerAfterCue(text, ce, from + tail.length(), mentions, cs, ce);
    }

    /**
     * A quote that a clause introduces with a colon or a comma but no cue verb next to the mark ({@code Sanders
     * responded with a phrase that could have come from Trump himself: "}, {@code Trump issued a statement, "}):
     * the subject of the clause that runs to the mark, the first person or organisation it names, when the
     * clause opens with it. No cue is recorded: the words that say so are not one verb.
     */
    private static Attribution subjectOfClauseIntroducing(String text, int from, int open, List<Mention> mentions) {
        int i = open - 1;
        while (i >= from && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) i--;
        if (i < from || text.charAt(i) != ':' && text.charAt(i) != ',') return null;
        // the clause that runs to the mark: back to the last clause boundary of its sentence
        int start = clauseStart(text, from, i);
        Mention subject = firstMentionIn(mentions, start, i);
        if (subject == null || words(text.substring(start, subject.start())) > 2) return null;
        return new Attribution(subject.start(), subject.end(), subject.text(), -1, -1, null, subject.start());
    }

    /** Whether the cue of {@code a} starts right after the closing mark of {@code s}, a comma or spaces between. */
    private static boolean cueRightAfter(String text, Span s, Attribution a) {
        int i = s.close() + 1;
        while (i < a.cueStart() && (text.charAt(i) == ' ' || text.charAt(i) == ',' || text.charAt(i) == '\u00a0')) i++;
        if (i == a.cueStart()) return true;
        // ," he said / ," Smith replied: the speaker may stand between
        return a.speakerStart() >= s.close() && a.speakerStart() <= a.cueStart()
                && words(text.substring(s.close() + 1, a.cueStart())) <= 3;
    }

    /** Where the clause that runs to {@code i} starts: after the last comma, colon, dash, bracket or mark of its sentence. */
    private static int clauseStart(String text, int from, int i) {
        int start = sentenceStart(text, from, i);
        for (int k = i - 1; k > start; k--) {
            char c = text.charAt(k);
            if (c == ',' || c == ';' || c == ':' || c == '\u2014' || c == '\u2013' || c == '(' || c == ')' || c == '"' || isOpen(c)
                    || isClose(c)) return k + 1;
        }
        return start;
    }

    /** A transcript's note in brackets, quoted as a turn of its own ("(CROSSTALK.)", "[inaudible]"): nobody's words. */
    private static final Pattern STAGE_DIRECTION = Pattern.compile("\\s*[(\\[][^()\\[\\]]{1,40}[)\\]][.,]?\\s*");

    /**
     * An outlet's line that closes a quoted transcript ({@code "Follow Pam Key on Twitter @pamkeyNEN."}): with no cue of its
     * own it is nobody's words, though the turn before it would otherwise lend it a speaker. A handle is required, so that
     * a speaker's own "Follow me on Twitter" with a cue stays a quote.
     */
    private static final Pattern FOLLOW_LINE = Pattern.compile("(?i)\\s*follow\\s+[^.!?\\n]{1,60}?\\s+on\\s+(?:twitter|x|facebook|"
            + "instagram|threads|tiktok|bluesky|mastodon)\\b[^\\n]{0,40}?@\\w+[^\\n]{0,40}");

    private static final Pattern LABEL = Pattern.compile("\\p{Lu}[\\p{Lu}.'\u2019 -]{1,30}(?=:\\s)");

    /**
     * A transcript's turn quoted whole ({@code "WALLACE: Let's start with ...}, {@code "PENCE: Well, look, ...}): the
     * speaker is the name in capitals before the colon, whatever cue stands outside the quote.
     */
    private static Attribution transcriptLabel(String text, Span s, List<Mention> mentions) {
        Matcher m = LABEL.matcher(text).region(s.start(), Math.min(s.end(), s.start() + 40));
        if (!m.lookingAt()) return null;
        String name = m.group().strip();
        if (name.length() < 2 || name.chars().filter(Character::isLetter).count() < 2) return null;
        int ss = s.start(), se = s.start() + name.length();
        Mention named = mentionAt(mentions, ss);
        return new Attribution(ss, se, name, m.end(), m.end() + 1, ":", named != null ? named.start() : -1); // the colon follows the match
    }

    /**
     * A cue verb standing right before the opening mark with nothing between ({@code Elliott said “there is ...”},
     * {@code she admitted “emails have been wonderful”}): the speaker is what stands before the verb in its clause, as for
     * {@code X said,}.
     */
    private static Attribution cueRightBefore(String text, int from, int open, List<Mention> mentions) {
        int e = open;
        while (e > from && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\u00a0')) e--;
        int b = e;
        while (b > from && Character.isLetter(text.charAt(b - 1))) b--;
        if (b == e) return null;
        String w = text.substring(b, e);
        if (!CUE.matcher(w).matches() || Character.isUpperCase(w.charAt(0))) return null;
        // "Ginsburg's comments “...”", "the notes “...”": a noun after a determiner or a possessive, not a verb
        int pe = b;
        while (pe > from && text.charAt(pe - 1) == ' ') pe--;
        int pb = pe;
        while (pb > from && (Character.isLetter(text.charAt(pb - 1)) || text.charAt(pb - 1) == '\''
                || text.charAt(pb - 1) == '\u2019')) pb--;
        String prev = text.substring(pb, pe).toLowerCase(Locale.ROOT);
        if (DETERMINERS.contains(prev) || prev.endsWith("'s") || prev.endsWith("\u2019s")) return null;
        int start = clauseStart(text, from, b);
        Mention named = null;
        for (Mention m : mentions) {
            if (m.start() >= b) break;
            if (m.start() >= start && m.type() != EntityType.LOCATION) named = m;
        }
        if (named != null && words(text.substring(named.end(), b)) <= 3) {
            return new Attribution(named.start(), named.end(), named.text(), b, e, w, named.start());
        }
        int ss = firstLetter(text, start, b), se = lastLetter(text, start, b);
        if (ss < 0 || words(text.substring(ss, se)) > 6) return new Attribution(-1, -1, null, b, e, w, -1);
        Attribution sp = speaker(text, ss, se, mentions, b, e);
        return sp != null ? sp : new Attribution(-1, -1, null, b, e, w, -1);
    }

    /**
     * Where a run of lower-case adverbs (in -ly, or {@link #ADVERBS}) right before {@code cs} starts ({@code cs} when there
     * is none). A word in -ly after a determiner is a noun or an adjective, not an adverb ("the family said", "the Keyhan daily wrote").
     */
    private static int adverbsBefore(String text, int from, int cs) {
        int i = cs;
        while (true) {
            int e = i;
            while (e > from && text.charAt(e - 1) == ' ') e--;
            int b = e;
            while (b > from && Character.isLetter(text.charAt(b - 1))) b--;
            if (e - b < 3 || !Character.isLowerCase(text.charAt(b))) return i;
            if (!text.startsWith("ly", e - 2) || e - b < 4) {
                if (!ADVERBS.contains(text.substring(b, e))) return i;
                i = b; // "she still says", "Smith later said": no determiner makes these nouns
                continue;
            }
            int pe = b;
            while (pe > from && text.charAt(pe - 1) == ' ') pe--;
            int pb = pe;
            while (pb > from && Character.isLetter(text.charAt(pb - 1))) pb--;
            if (DETERMINERS.contains(text.substring(pb, pe).toLowerCase(Locale.ROOT))) return i;
            i = b;
        }
    }

    /** Adverbs without -ly that stand between a speaker and the cue ("she still says", "Smith later said"). */
    private static final Set<String> ADVERBS = Set.of("still", "also", "then", "again", "later", "now", "often", "never", "always", "once",
            "just", "even", "soon", "already", "ever", "first", "twice");

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
            "that");

    private static boolean precededByConjunction(String text, int from, int cs) {
        int e = cs;
        while (e > from && text.charAt(e - 1) == ' ') e--;
        int b = e;
        while (b > from && Character.isLetter(text.charAt(b - 1))) b--;
        String w = text.substring(b, e).toLowerCase(Locale.ROOT);
        return w.equals("and") || w.equals("but") || w.equals("then") || w.equals("also");
    }

    private static int speakerStartBefore(String text, int from, int cs) {
        int i = cs;
        int w = 0;
        while (i > from && w < 7) {
            int e = i;
            while (e > from && text.charAt(e - 1) == ' ') e--;
            int b = e;
            while (b > from && (Character.isLetterOrDigit(text.charAt(b - 1)) || text.charAt(b - 1) == '\''
                    || text.charAt(b - 1) == '\u2019'
                    || text.charAt(b - 1) == '-' || text.charAt(b - 1) == '.')) b--;
            if (b == e) break;
            String word = text.substring(b, e).toLowerCase(Locale.ROOT);
            if (STOP.contains(word)) break;
            i = b;
            // a pronoun right before the verb is its subject whatever precedes it ("even now at 86 she still says")
            if (w == 0 && PRONOUNS.contains(word) && !word.equals("it") && !word.equals("you")) break;
            w++;
        }
        return i;
    }

    /**
     * What a pronoun speaker stands for: he and she what {@link Pronouns} resolves them to, when it does; else (and
     * for the rest) he, she, I a person, they, we, it an organisation; the one that opens
     * the pronoun's sentence (its subject), else the one that opens a sentence before, else the nearest
     * before it ("Al-Kadhimi met the family of Dr. Yaqoub. During this visit he said": Al-Kadhimi).
     */
    private static int antecedent(String text, String pronoun, int at, List<Mention> mentions) {
        String p = pronoun.toLowerCase(Locale.ROOT);
        if (p.equals("he") || p.equals("she")) {
            // the entities' resolver first (gender-aware), so a quote's speaker and the entity's reference agree
            Integer ref = resolvedPronouns(text, mentions).get(at);
            if (ref != null) return ref;
        }
        EntityType want = p.equals("they") || p.equals("we") || p.equals("it") ? EntityType.ORGANIZATION : EntityType.PERSON;
        int end = at;
        for (int back = 0; back < 3; back++) {
            int start = sentenceStart(text, 0, end, false);
            for (Mention m : mentions) {
                if (m.start() >= end) break;
                if (m.start() >= start && m.type() == want && words(text.substring(start, m.start())) <= 6
                        && !quoted(text, m.start())) return m.start();
            }
            if (start <= 0) break;
            end = start - 1;
        }
        int nearest = -1;
        for (Mention m : mentions) {
            if (m.end() > at) break;
            if (m.type() == want && !quoted(text, m.start())) nearest = m.start();
        }
        return nearest;
    }

    /** The text's resolved pronouns during one {@link #find} on this thread: pronoun start -> the start of its mention. */
    private record ResolvedPronouns(String text, List<Mention> mentions, Map<Integer, Integer> at) {}

    private static final ThreadLocal<ResolvedPronouns> RESOLVED = new ThreadLocal<>();

    /** {@link Pronouns#resolve} of a text once, however many of its quotes have a pronoun speaker. */
    private static Map<Integer, Integer> resolvedPronouns(String text, List<Mention> mentions) {
        ResolvedPronouns r = RESOLVED.get();
        if (r == null || r.text() != text || r.mentions() != mentions) {
            Map<Integer, Integer> at = new HashMap<>();
            for (Pronouns.Reference x : PRONOUN_RESOLVER.resolve(text, mentions)) at.put(x.start(), mentions.get(x.mention()).start());
            r = new ResolvedPronouns(text, mentions, at);
            RESOLVED.set(r);
        }
        return r.at();
    }

    /** Whether offset {@code at} lies inside quotation marks of its paragraph ({@link Prose#quoted}). */
    static boolean quoted(String text, int at) { return Prose.quoted(text, at); }

    private static int firstLetter(String text, int from, int to) {
        for (int i = from; i < to; i++) if (Character.isLetterOrDigit(text.charAt(i))) return i;
        return -1;
    }

    private static int lastLetter(String text, int from, int to) {
        for (int i = to; i > from; i--) if (Character.isLetterOrDigit(text.charAt(i - 1))) return i;
        return from;
    }

    /** The first person or organisation named in {@code [from, to)}: the subject of a clause ("X, a pastor of Y, said"). */
    private static Mention firstMentionIn(List<Mention> mentions, int from, int to) {
        for (Mention m : mentions) {
            if (m.start() >= to) break;
            if (m.start() >= from && m.end() <= to && m.type() != EntityType.LOCATION) return m;
        }
        return null;
    }

    private static Mention mentionAt(List<Mention> mentions, int at) {
        for (Mention m : mentions) if (m.start() <= at && at < m.end()) return m;
        return null;
    }

    /** The speaker {@code text[ss, se)}: linked to the name mention inside it, or for a pronoun to the nearest person named before. */
    private static Attribution speaker(String text, int ss, int se, List<Mention> mentions, int cs, int ce) {
        if (se <= ss) return null;
        String words = text.substring(ss, se);
        // "During this visit he said": the pronoun is the speaker
        int lastSpace = words.lastIndexOf(' ');
        if (lastSpace > 0 && PRONOUNS.contains(words.substring(lastSpace + 1).toLowerCase(Locale.ROOT))) {
            ss += lastSpace + 1;
            words = text.substring(ss, se);
        }
        if (STOP.contains(words.toLowerCase(Locale.ROOT)) || words(words) == 0) return null;
        Mention inside = null;
        for (Mention m : mentions) if (m.start() >= ss && m.end() <= se && (inside == null
                || m.end() - m.start() > inside.end() - inside.start())) inside = m;
        // "the New York businessman", "a Baghdad resident": a place that qualifies the speaker's noun is not the speaker
        int after = inside == null ? -1 : firstLetter(text, inside.end(), se);
        if (inside != null && inside.type() == EntityType.LOCATION && after >= 0 && Character.isLowerCase(text.charAt(after))) {
            inside = null;
        }
        int ref = inside == null ? -1 : inside.start();
        if (inside == null) {
            // a title standing for the person (the Iraqi Prime Minister): the last person named before with that role
            for (Mention m : mentions) {
                if (m.end() > ss) break;
                if (m.type() == EntityType.PERSON && m.role() != null && words.endsWith(m.role().replace(".", "")) && m.role()
                        .length() > 3) ref = m.start();
            }
        }
        if (inside == null && PRONOUNS.contains(words.toLowerCase(Locale.ROOT))) ref = antecedent(text, words, ss, mentions);
        return new Attribution(ss, se, words, cs, ce, text.substring(cs, ce), ref);
    }
}
