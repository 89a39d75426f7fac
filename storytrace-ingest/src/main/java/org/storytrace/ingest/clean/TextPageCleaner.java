package org.storytrace.ingest.clean;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.model.Span;

/**
 * Separates the article from the page furniture in a web page saved as plain text, and reads its metadata.
 *
 * <p>The page is read as lines in three zones, told apart by the shape of the lines rather than by any
 * site's wording:
 * <ul>
 *   <li><b>header</b>, before the first line of prose: a date alone on a line (before the headline, the
 *       day the page was viewed; after it, the byline date), breadcrumbs ("Home" run into section names,
 *       or segments between » › | separators), tag lists (three or more short capitalised items between
 *       commas), bylines and credit lines ("By ...", "Reporting by ..."), the headline (the first other
 *       line of three words or more that is not a sentence), a deck under it (eight words or more: part of
 *       the article) and captions (shorter lines after the headline);</li>
 *   <li><b>body</b>, from the first prose line (a dozen words or more, or a sentence) to the last one before
 *       the tail; short lines inside it are section headings and stay;</li>
 *   <li><b>tail</b>, from the first tail marker (author box, comment form, "Source »" line, share and
 *       related-links headings) or after the last prose line: all furniture.</li>
 * </ul>
 * The publication date is taken, in order of trust, from a dateline opening the body ("Iran, August 24,
 * 2020—"), a date the text itself proves ("today is the seventh anniversary of the September 1, 2013
 * massacre"), or a date line under the headline. Stateless and thread-safe.
 */
public final class TextPageCleaner {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-./]*");
    private static final Pattern SOURCE_LINE = Pattern.compile("^(?:Source|Via|Originally published "
            + "(?:at|by|in|on))\\s*(?:[»:›>|]|&raquo;)?\\s*(\\S.{0,60})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE_ARROW = Pattern.compile("^(?:Source|Via)\\s*(?:[»:›>|]|&raquo;)\\s*(\\S.{0,60})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_LINE = Pattern.compile("^(?:Reporting|Reported|Written|Compiled|Edited|Posted|"
            + "Additional reporting)\\s+by\\s+(\\S.{0,60})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("^(?:By|Author:?)"
            + "\\s+(\\p{Lu}[\\p{L}.'’\\-]+(?:\\s+\\p{Lu}[\\p{L}.'’\\-]+){0,3})(?:\\s*[,|–—-].*)?$");
    private static final Pattern AUTHOR_BOX = Pattern.compile("^About\\s+(?:the\\s+author\\s*:?\\s*)" + "?(\\p{Lu}[\\p{L}.'’\\-]"
            + "+(?:\\s+\\p{Lu}[\\p{L}.'’\\-]+){0,3})\\s*(?:\\(\\s*\\d[\\d,]*\\s+(?:Articles?|Posts?|Stories)\\s*\\))?\\s*$");
    private static final Pattern TAIL_MARKER = Pattern.compile("^(?:Leave a (?:Reply|Comment)|Post a Comment|Add a "
            + "comment|\\d+\\s+Comments?|Comments?|Related(?: Posts| Articles| Stories| News| Content)?|"
            + "You (?:may|might) also like|More (?:from|stories|news)\\b.*|Read (?:more|next)\\b.*|Share this(?: article| "
                    + "story| post)?:?|Share on\\b.*|Like this:?|"
            + "Tags?:.*|Filed under\\b.*|Post navigation|Previous (?:article|post|story)\\b.*|Next (?:article|post|story)\\b.*|"
            + "Your email address will not be published\\..*|Required fields are marked.*|Subscribe\\b.*|Sign up\\b.*|Follow "
                    + "us\\b.*|Copyright\\b.*|©.*|All rights reserved\\.?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FURNITURE = Pattern.compile("^(?:News Ticker|Breaking News|Breaking|Trending(?: "
            + "Now)?|Latest(?: News)?|Menu|Search|Skip to (?:main )?content|Home|"
            + "Advertisement|Sponsored|Log ?in|Sign "
                    + "?in|Subscribe|Share|Print|Email|Facebook|Twitter|WhatsApp|Telegram|LinkedIn|Close|Top Stories)$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern BREADCRUMB = Pattern.compile("^Home(?:\\p{Lu}|\\s*[»›>/|]).*");
    private static final Pattern SEPARATED = Pattern.compile(".*\\S\\s*[»›|]\\s*\\S.*\\S\\s*[»›|]\\s*\\S.*");
    /**
     * A brief's bare dateline, "October 10, 2020 — ...": a date and a dash opening a paragraph (not a colon: a chronology's "March 3, 2020:
     * ...").
     */
    private static final Pattern BARE_DATELINE = Pattern.compile("^\\s*" + Dates.WEEKDAY + "?" + Dates.DATE + "\\s*(?:[—–]|-{1,2})\\s*\\S");
    private static final Pattern DATELINE = Pattern.compile("^\\s*(\\p{Lu}[\\p{L} .'’\\-]{1,40}?),\\s+" + Dates.WEEKDAY + "?" + Dates.DATE
            + "\\s*(?:[—–]|-{1,2}|:)");
    private static final Pattern ANNIVERSARY = Pattern.compile("\\b(?:today|this|it)\\s+(?:is|"
            + "marks)\\s+the\\s+(\\w+)\\s+anniversary\\s+of\\s+(?:the\\s+)?" + Dates.DATE, Pattern.CASE_INSENSITIVE);
    private static final Pattern TODAY = Pattern.compile("\\b[Tt]oday,?\\s+" + Dates.WEEKDAY + "?" + Dates.DATE);

    /** A non-blank line, trimmed; {@code words} counted up to {@link #WORDS_ENOUGH}. */
    private record Line(int start, int end, String text, int words) {}

    private enum Kind { TITLE, DECK, BODY, FURNITURE }

    public CleanPage clean(String text) {
        List<Line> lines = lines(text);
        Kind[] kind = new Kind[lines.size()];
        String title = null, source = null, author = null;
        LocalDate published = null;
        String evidence = null;
        LocalDate bylineDate = null;
        List<String> tags = new ArrayList<>();

        int firstProse = -1, lastProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse(lines.get(i))) { if (firstProse < 0) firstProse = i; lastProse = i; }
        }
        // a page that opens with a one-sentence line of up to 25 words standing alone above a longer
        // paragraph opens with its headline, even when a full stop was added to it
        if (firstProse == 0 && lines.size() > 1 && looksLikeHeadline(text, lines)) {
            firstProse = -1;
            for (int i = 1; i < lines.size() && firstProse < 0; i++) if (isProse(lines.get(i))) firstProse = i;
            if (firstProse < 0) firstProse = 1;
        }
        int headerEnd = firstProse < 0 ? 0 : firstProse;
        // tail: the first tail marker after the body starts, else after the last prose line
        int tail = lines.size();
        for (int i = Math.max(0, firstProse); i < lines.size(); i++) {
            String t = lines.get(i).text;
            if (isTailMarker(t)) { tail = i; break; }
        }
        if (tail == lines.size() && lastProse >= 0) tail = lastProse + 1;
        if (firstProse < 0) { headerEnd = 0; tail = lines.size(); }

        // header
        boolean titleSeen = false;
        for (int i = 0; i < headerEnd; i++) {
            Line l = lines.get(i);
            String t = l.text;
            Optional<LocalDate> d = Dates.dateOnlyLine(t);
            Matcher m;
            if (d.isPresent()) {
                kind[i] = Kind.FURNITURE;
                if (titleSeen && bylineDate == null) bylineDate = d.get();
            } else if (BREADCRUMB.matcher(t).matches() || SEPARATED.matcher(t).matches()) {
                kind[i] = Kind.FURNITURE;
            } else if (isTagList(t)) {
                kind[i] = Kind.FURNITURE;
                for (String s : t.split(",")) if (!s.isBlank()) tags.add(s.trim());
            } else if ((m = CREDIT_LINE.matcher(t)).matches()) {
                kind[i] = Kind.FURNITURE;
                String who = m.group(1).trim();
                if (looksLikePerson(who)) author = author == null ? who : author; else source = source == null ? who : source;
            } else if ((m = BYLINE.matcher(t)).matches()) {
                kind[i] = Kind.FURNITURE;
                if (author == null) author = m.group(1).trim();
            } else if ((m = SOURCE_ARROW.matcher(t)).matches()) {
                kind[i] = Kind.FURNITURE;
                if (source == null) source = m.group(1).trim();
            } else if (FURNITURE.matcher(t).matches() || TAIL_MARKER.matcher(t).matches()) {
                kind[i] = Kind.FURNITURE;
            } else if (!titleSeen && l.words >= 3 && (!t.endsWith(".") || i == 0 && looksLikeHeadline(text, lines))) {
                kind[i] = Kind.TITLE;
                title = stripFullStop(t);
                titleSeen = true;
            } else if (titleSeen && l.words >= 8 && !hasFurnitureBefore(kind, i)) {
                kind[i] = Kind.DECK;
            } else {
                kind[i] = Kind.FURNITURE; // site names before the headline, captions after it
            }
        }
        // body and furniture inside it
        for (int i = headerEnd; i < tail; i++) {
            String t = lines.get(i).text;
            Matcher m;
            if (opens(t, SOURCE_WORDS) && (m = SOURCE_ARROW.matcher(t)).matches()) {
                kind[i] = Kind.FURNITURE;
                if (source == null) source = m.group(1).trim();
            } else if (opens(t, CREDIT_WORDS) && (m = CREDIT_LINE.matcher(t)).matches()) {
                kind[i] = Kind.FURNITURE;
                String who = m.group(1).trim();
                if (looksLikePerson(who)) { if (author == null) author = who; } else if (source == null) source = who;
            } else if (t.length() <= FURNITURE_LONGEST && FURNITURE.matcher(t).matches()) {
                kind[i] = Kind.FURNITURE;
            } else {
                kind[i] = Kind.BODY;
            }
        }
        // tail
        for (int i = tail; i < lines.size(); i++) {
            kind[i] = Kind.FURNITURE;
            String t = lines.get(i).text;
            Matcher m;
            if ((m = SOURCE_LINE.matcher(t)).matches()) {
                if (source == null) source = m.group(1).trim();
            } else if ((m = AUTHOR_BOX.matcher(t)).matches()) {
                if (author == null) author = m.group(1).trim();
            } else if ((m = CREDIT_LINE.matcher(t)).matches()) {
                String who = m.group(1).trim();
                if (looksLikePerson(who)) { if (author == null) author = who; } else if (source == null) source = who;
            }
        }
        // body bounds: first deck or body line to the last body line
        int bodyStart = -1, bodyEnd = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (kind[i] == Kind.DECK || kind[i] == Kind.BODY) {
                if (bodyStart < 0) bodyStart = lines.get(i).start;
                bodyEnd = lines.get(i).end;
            }
        }
        if (bodyStart < 0) { bodyStart = 0; bodyEnd = 0; }
        List<Span> boilerplate = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (kind[i] == Kind.FURNITURE) boilerplate.add(new Span(lines.get(i).start, lines.get(i).end, lines.get(i).text));
        }
        // publication date, most trusted first
        String body = text.substring(bodyStart, bodyEnd);
        int paragraphs = 0;
        for (int i = 0; i < tail && published == null && paragraphs < 3; i++) {
            if (kind[i] != Kind.BODY && kind[i] != Kind.DECK) continue;
            paragraphs++; // a dateline opens one of the first paragraphs (a deck may come first)
            Matcher m = DATELINE.matcher(lines.get(i).text);
            if (m.lookingAt()) { // the pattern is anchored at the start: find() would try every position in vain
                Optional<LocalDate> d = Dates.fromGroups(m, 2);
                if (d.isPresent()) { published = d.get(); evidence = "dateline '" + m.group().trim() + "'"; }
            } else if ((m = BARE_DATELINE.matcher(lines.get(i).text)).lookingAt()) {
                Optional<LocalDate> d = Dates.fromGroups(m, 1);
                if (d.isPresent()) { published = d.get(); evidence = "dateline '" + m.group().substring(0, m.group().length() - 1).trim()
                        + "'"; }
            }
        }
        // the date proofs are rare: a plain substring test keeps their patterns off most bodies
        if (published == null && (body.contains("nniversary") || body.contains("NNIVERSARY"))) {
            Matcher m = ANNIVERSARY.matcher(body);
            while (m.find()) {
                int n = Dates.ordinal(m.group(1));
                Optional<LocalDate> d = Dates.fromGroups(m, 2);
                if (n > 0 && d.isPresent()) { published = d.get().plusYears(n); evidence = "'" + m.group() + "'"; break; }
            }
        }
        if (published == null && body.contains("oday")) {
            Matcher m = firstToday(body);
            if (m != null) {
                Optional<LocalDate> d = Dates.fromGroups(m, 1);
                if (d.isPresent()) { published = d.get(); evidence = "'" + m.group() + "'"; }
            }
        }
        if (published == null && bylineDate != null) { published = bylineDate; evidence = "date line under the headline"; }
        return new CleanPage(title, published, evidence, source, author, bodyStart, bodyEnd, boilerplate, tags);
    }

    /**
     * {@code TODAY.matcher(body)} after its first successful {@code find()}, or null. A match starts at a "T" or "t"
     * right before "oday", so the pattern is tried only there, leftmost first, as find() would (it tried every
     * position of every body that says "today" anywhere: the most expensive line of the cleaner).
     */
    private static Matcher firstToday(String body) {
        Matcher m = TODAY.matcher(body).useTransparentBounds(true).useAnchoringBounds(false);
        for (int k = body.indexOf("oday", 1); k > 0; k = body.indexOf("oday", k + 1)) {
            char t = body.charAt(k - 1);
            if (t != 'T' && t != 't') continue;
            if (m.region(k - 1, body.length()).lookingAt()) return m;
        }
        return null;
    }

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<!\\b(?:Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Jr|"
            + "Sr|Inc|Co|Corp|No|vs|v|[A-Z]))[.!?][”\"’']?\\s+\\p{Lu}");

    static boolean looksLikeHeadline(String text, List<Line> lines) {
        Line first = lines.get(0);
        if (first.words < 3 || first.words > 25 || lines.size() < 2) return false;
        if (SENTENCE_BREAK.matcher(first.text).find() && !headlineCase(first.text)) return false;
        String gap = text.substring(first.end, lines.get(1).start);
        if (gap.indexOf('\n') == gap.lastIndexOf('\n')) return false; // no blank line under it
        for (int i = 1; i < Math.min(lines.size(), 4); i++) if (lines.get(i).words > first.words) return true;
        return false;
    }

    /** Most longer words capitalised, as headlines in title case are. */
    static boolean headlineCase(String t) {
        int longWords = 0, capital = 0;
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            if (m.end() - m.start() < 4) continue;
            longWords++;
            if (Character.isUpperCase(t.codePointAt(m.start()))) capital++;
        }
        return longWords >= 3 && capital * 10 >= longWords * 7;
    }

    /** A headline's trailing full stop, unless it ends an abbreviation ("U.S."). */
    private static final Pattern DOTTED_ABBREVIATION = Pattern.compile("(?:^|[\\s(])(?:\\p{L}\\.){2,}$|\\b(?:Jr|Sr|Inc|Co|Corp|"
            + "Ltd|St)\\.$");

    static String stripFullStop(String t) {
        int n = t.length();
        if (t.endsWith(".") && n > 2 && !DOTTED_ABBREVIATION.matcher(t).find()) return t.substring(0, n - 1);
        if (n > 3 && t.charAt(n - 2) == '.' && "”\"’'".indexOf(t.charAt(n - 1)) >= 0 && !DOTTED_ABBREVIATION.matcher(t.substring(0, n - 1))
                .find()) {
            return t.substring(0, n - 2) + t.charAt(n - 1); // Nature.’ -> Nature’
        }
        return t;
    }

    private static boolean hasFurnitureBefore(Kind[] kind, int i) {
        for (int j = i - 1; j >= 0 && kind[j] != Kind.TITLE; j--) if (kind[j] == Kind.FURNITURE) return true;
        return false;
    }

    static boolean isTailMarker(String t) {
        return mayOpenTailMarker(t.charAt(0)) && TAIL_MARKER.matcher(t).matches()
                || opens(t, SOURCE_WORDS) && SOURCE_ARROW.matcher(t).matches()
                || t.startsWith("About") && AUTHOR_BOX.matcher(t).matches();
    }

    /*
     * Cheap tests that a line cannot match a pattern, tried first because every line of every page meets the
     * patterns: each is implied by its pattern (which matches whole lines, ASCII case-insensitively), so the
     * result is the pattern's own.
     */
    private static final String[] SOURCE_WORDS = {"source", "via"};
    private static final String[] CREDIT_WORDS = {"report", "written", "compiled", "edited", "posted", "additional"};
    /** The longest line {@link #FURNITURE} matches ("Skip to main content"). */
    private static final int FURNITURE_LONGEST = 20;

    /** Whether {@code t} starts with one of {@code words}, ignoring ASCII case. */
    private static boolean opens(String t, String[] words) {
        for (String w : words) if (t.regionMatches(true, 0, w, 0, w.length())) return true;
        return false;
    }

    /** Whether a line starting with {@code c} may be a {@link #TAIL_MARKER}: its alternatives start with these. */
    private static boolean mayOpenTailMarker(char c) {
        char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return "lpacrymstfn\u00a9".indexOf(l) >= 0 || c >= '0' && c <= '9';
    }

    /** A line of running text: a dozen words or more, or six or more ending like a sentence. */
    static boolean isProse(Line l) {
        // a date alone on a line is at most four words (weekday, month, day, year)
        if (isTailMarker(l.text) || isTagList(l.text) || l.words <= 4 && Dates.dateOnlyLine(l.text).isPresent()) return false;
        if (l.words >= 14) return true;
        if (l.words < 6) return false;
        char last = l.text.charAt(l.text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '”' || last == '"' || last == '’';
    }

    /** Three or more comma-separated items of one to five words, most capitalised, not a sentence. */
    static boolean isTagList(String t) {
        if (t.endsWith(".") || t.endsWith(":") || t.indexOf(',') < 0) return false;
        String[] items = COMMA_LIST.split(t);
        if (items.length < 3) return false;
        int capital = 0;
        for (String it : items) {
            if (it.isEmpty()) return false;
            int w = countWords(it);
            if (w < 1 || w > 5) return false;
            if (Character.isUpperCase(it.codePointAt(0)) || Character.isDigit(it.codePointAt(0))) capital++;
        }
        return capital * 4 >= items.length * 3;
    }

    private static final Pattern COMMA_LIST = Pattern.compile("\\s*,\\s*");
    private static final Pattern PERSON = Pattern.compile("(?:(?:Dr|Mr|Mrs|Ms|" + "Prof)\\.?\\s+)"
            + "?\\p{Lu}\\p{Ll}[\\p{L}'’\\-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}\\p{Ll}[\\p{L}'’\\-]*|(?:al|el|de|van|von|bin)-?\\p{L}*)){1,3}");

    static boolean looksLikePerson(String s) {
        return PERSON.matcher(s).matches();
    }

    /** Words as {@link #WORD} defines them (a letter or digit, then letters, digits, ' ’ - . /), counted by hand: it runs on every line. */
    static int countWords(String s) { return countWords(s, Integer.MAX_VALUE); }

    /**
     * No rule of the cleaner asks whether a line has more than 25 words (headline: at most 25; prose: a dozen or
     * more), so lines are counted only that far: a paragraph is not read to its end to learn it is long.
     */
    private static final int WORDS_ENOUGH = 26;

    /** {@link #countWords(String)}, but at most {@code cap}: counting stops there. */
    static int countWords(String s, int cap) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                if (!in) {
                    if (++n >= cap) return n;
                    in = true;
                }
            } else if (!(in && (c == '\'' || c == '’' || c == '-' || c == '.' || c == '/'))) {
                in = false;
            }
        }
        return n;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int i = 0, n = text.length();
        int nextNl = text.indexOf('\n'), nextCr = text.indexOf('\r');
        while (i < n) {
            // the next line break, by the string's own (vectorised) search rather than a character at a time
            if (nextNl >= 0 && nextNl < i) nextNl = text.indexOf('\n', i);
            if (nextCr >= 0 && nextCr < i) nextCr = text.indexOf('\r', i);
            int e = nextNl < 0 ? (nextCr < 0 ? n : nextCr) : nextCr < 0 ? nextNl : Math.min(nextNl, nextCr);
            int s = i, t = e;
            while (s < t && Character.isWhitespace(text.charAt(s))) s++;
            while (t > s && Character.isWhitespace(text.charAt(t - 1))) t--;
            if (t > s) {
                String line = text.substring(s, t);
                out.add(new Line(s, t, line, countWords(line, WORDS_ENOUGH)));
            }
            i = e + 1;
            if (e < n && text.charAt(e) == '\r' && e + 1 < n && text.charAt(e + 1) == '\n') i++;
        }
        return out;
    }

}
