package org.storytrace.core.time;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.storytrace.core.cluster.UnionFind;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;
import org.storytrace.core.quote.Quote;
import org.storytrace.core.quote.Quotes;
import org.storytrace.core.text.Datelines;
import org.storytrace.core.text.NameKey;
import org.storytrace.core.text.StopWords;
import org.storytrace.core.text.Tokens;

/**
 * The story stage that dates what a story's articles report and orders it into a timeline.
 *
 * <p><b>Dates for undated articles.</b> An article without a publication date is resolved again against a
 * date inferred from its story (the median publication date of the story's dated articles: reports of one
 * story are written within days of each other) or, when no article of the story is dated, from its own
 * text (the latest full date it writes). {@link ArticleTime#basis()} says which, so a reader can weigh it.
 *
 * <p><b>Events.</b> Every expression that names a day is an event mention: the words around it in its
 * sentence (up to {@value #WINDOW} words either side) say what happened then. Mentions from different
 * articles whose words agree ({@link #similar}: shared content words, names compared by their
 * romanisation key, so Kadhimi meets Kazemi) are one event when their days agree, and a <em>disputed</em>
 * date when they do not: "visited Basra on Sunday" (the 23rd of August) against "went to Basra on Sunday,
 * 23 September". Two events do not dispute each other when one article names both (two moments of one
 * sentence), and a date inside a direct quote dates nothing (the speaker's "tonight"). Days agree when they overlap ("Saturday and Sunday,
 * August 22 and 23" holds Sunday the
 * 23rd). Only day-level dates are compared: "last week" or "a few days ago" confirm nothing and dispute
 * nothing.
 */
public final class TimelineStage implements StoryStage<TimelineStage.StoryTime> {
    /** Words either side of a date that describe its event. */
    static final int WINDOW = 10;
    /** Content words two mentions must share to be about one event. */
    static final int MIN_SHARED = 3;
    /** Dice overlap of their content words two mentions must reach as well. */
    static final double MIN_DICE = 0.3;
    /** Mentions compared pairwise in one story at most (a story of thousands of articles keeps its first ones). */
    static final int MAX_MENTIONS = 3000;

    /**
     * One article's time expressions as the story resolves them.
     *
     * @param article the article's id
     * @param anchor  the date relative expressions were resolved against, or null
     * @param basis   {@code published} (its own date), {@code story} (inferred from the story's dated articles),
     *                {@code text} (inferred from the latest full date it writes), or {@code none}
     * @param timexes its expressions, resolved against {@code anchor}
     * @param earliest   the earliest date it can have been written on, or null when nothing says
     * @param latest     the latest, or null when nothing bounds it
     * @param confidence how sure {@code anchor} is: {@code stated} (its own date), {@code high} (two or more dated
     *                   reports of its story within {@value #CLOSE_DAYS} days of each other), {@code medium} (one dated
     *                   report, or reports further apart), {@code low} (only the latest date its own text writes:
     *                   it was written that day or later), or null with no anchor
     */
    public record ArticleTime(String article, LocalDate anchor, String basis, List<Timex> timexes, LocalDate earliest, LocalDate latest,
                              String confidence) implements Serializable {
        public ArticleTime { timexes = List.copyOf(timexes); }

        /** An article dated by itself. */
        public static ArticleTime published(String article, LocalDate date, List<Timex> timexes) {
            return new ArticleTime(article, date, date == null ? "none" : "published", timexes, date, date, date == null ? null : "stated");
        }
    }

    /** How close the story's dated reports must be for an undated one's inferred date to be {@code high}. */
    static final int CLOSE_DAYS = 3;

    /** Where an event is reported: the date expression and the words around it. */
    public record Mention(String article, int start, int end, String text, int contextStart, int contextEnd,
            String context) implements Serializable {}

    /**
     * One dated event of a story.
     *
     * @param date      its first day ({@code 2020-08-23})
     * @param days      every day it covers
     * @param mentions  the articles and spans it rests on
     * @param disputed  other dates other articles give the same event (empty when none)
     */
    public record Event(String date, List<String> days, List<Mention> mentions, List<Dispute> disputed) implements Serializable {
        public Event {
            days = List.copyOf(days);
            mentions = List.copyOf(mentions);
            disputed = List.copyOf(disputed);
        }
    }

    /** Another date given for the same event, and the articles that give it. */
    public record Dispute(String date, List<String> articles) implements Serializable {
        public Dispute { articles = List.copyOf(articles); }
    }

    /** The story's time: each article's expressions, and its timeline in date order. */
    public record StoryTime(List<ArticleTime> articles, List<Event> timeline) implements Serializable {
        public StoryTime {
            articles = List.copyOf(articles);
            timeline = List.copyOf(timeline);
        }

        /** The expressions of {@code article} as the story resolved them, if it is one of the story's. */
        public Optional<ArticleTime> of(String article) {
            return articles.stream().filter(a -> a.article().equals(article)).findFirst();
        }
    }

    public static final Layer<StoryTime> LAYER = Layer.of("timeline", StoryTime.class);

    @Override public String name() { return "timeline"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Timexes.LAYER); }
    @Override public Layer<StoryTime> adds() { return LAYER; }
    @Override public String describe() {
        return "timeline: undated articles resolved against their story's dates; events by date, disputed where outlets disagree (window "
                + WINDOW + " words, " + MIN_SHARED + " shared, dice " + MIN_DICE + ")";
    }

    @Override public StoryTime apply(StoryView story) {
        List<LocalDate> dated = new ArrayList<>();
        for (Document d : story.documents()) if (d.article().published() != null) dated.add(d.article().published());
        dated.sort(null);
        LocalDate storyDate = dated.isEmpty() ? null : dated.get((dated.size() - 1) / 2);
        LocalDate first = dated.isEmpty() ? null : dated.get(0), last = dated.isEmpty() ? null : dated.get(dated.size() - 1);
        String confidence = dated.isEmpty() ? null : dated.size() >= 2 && last.toEpochDay() - first.toEpochDay() <= CLOSE_DAYS ? "high"
                : "medium";
        List<ArticleTime> times = new ArrayList<>();
        for (Document d : story.documents()) times.add(articleTime(d, storyDate, first, last, confidence));
        return new StoryTime(times, timeline(story.documents(), times));
    }

    /** The article's expressions: its own when it is dated, else resolved again against the story's date or its text's. */
    static ArticleTime articleTime(Document d, LocalDate storyDate, LocalDate first, LocalDate last, String confidence) {
        Article a = d.article();
        Timexes own = d.find(Timexes.LAYER).orElse(Timexes.NONE);
        if (a.published() != null) return ArticleTime.published(a.id(), a.published(), own.list());
        LocalDate anchor = storyDate;
        String basis = "story";
        if (anchor == null) {
            for (Timex t : own.list()) {
                if (t.relative() || t.value() == null || !t.value().matches("\\d{4}-\\d{2}-\\d{2}")) continue;
                LocalDate v = LocalDate.parse(t.value());
                if (anchor == null || v.isAfter(anchor)) anchor = v;
            }
            basis = "text";
        }
        if (anchor == null) return new ArticleTime(a.id(), null, "none", own.list(), null, null, null);
        List<Timex> again = TimeTagger.tag(a.cleanText(), a.bodyStart(), a.bodyEnd(), anchor, "inferred");
        if (basis.equals("text")) return new ArticleTime(a.id(), anchor, basis, again, anchor, null, "low");
        return new ArticleTime(a.id(), anchor, basis, again, first, last, confidence);
    }

    /**
     * A mention's days and the content-word keys of the words around it. {@code weak}: a day the article does not
     * date itself, so it can confirm an event but not dispute one. Either its expression was resolved against a date
     * the article's own text suggests (no article of the story is dated: such an anchor is often another event's date,
     * "born on April 22, 1923"), or the article is undated and the expression names its day only relative to the
     * anchor ("Tuesday", "yesterday", "last Friday": an undated report may have been written days after its story's
     * dated ones). A day it writes ("Sunday, 23 September", "June 20": {@link #writesDay}) takes only its year from
     * the anchor and disputes as before. On ECB+'s 766 articles (most undated) this took the date discrepancies from 57 to 13.
     * A day after "since" is the start of a span ("its lowest close since July 21"), and one after "by", "until", "till"
     * or "before" its bound ("admitted to hospitals by Thursday evening", "must act by May 9"): a reference rather than an
     * event, weak too ({@link #BOUND}).
     */
    private record Dated(Mention mention, List<String> days, long[] keys, boolean weak, LocalDate anchor, long offset, boolean relative,
            String verb, List<long[]> places, long[] subject) {
        Dated withDays(List<String> other) { return new Dated(mention, other, keys, weak, anchor, offset, relative, verb, places,
                subject); }
    }

    /**
     * Whether one mention is told with a verb of speech and the other with a verb of an event ({@link EventVerb}): the
     * day something was said and the day something happened ("accused of targeting the prime minister on Thursday" /
     * "On Friday, Hamas accused"), whatever words they share. Either without a verb found: no veto.
     */
    private static boolean twoEvents(Dated a, Dated b) {
        return a.verb != null && b.verb != null && EventVerb.kind(a.verb) != EventVerb.kind(b.verb);
    }

    /**
     * Generic heads of names of places and institutions: two names with the same head and different words before it
     * ("Taunton Deane Magistrates' Court" / "Taunton Crown Court", "Shanxi Province" / "Hebei Province") are two places
     * of one kind, so days told of them are two events (a first hearing and the trial). A person's name is left out:
     * "Robert Pitman" and "Mr Pitman" are one man.
     */
    private static final Set<String> PLACE_HEADS = Set.of("court", "province", "county", "district", "street", "road", "avenue",
            "square", "bridge", "airport", "station", "hospital", "university", "college", "school", "prison", "jail", "mine",
            "church", "mosque", "temple", "stadium", "arena", "park", "hotel", "centre", "center", "ministry", "council",
            "committee", "party", "island", "valley", "village", "mall", "market", "base", "camp", "port", "harbour", "harbor");

    /**
     * The names in {@code text[from, to)} whose last word is a {@link #PLACE_HEADS} head: per name, the head's hash
     * first, then the {@link NameKey} of each capitalised word before it. A run of capitalised words ("Magistrates'"
     * counts) opening the sentence is still read: a name often opens one.
     */
    static List<long[]> placeNames(String text, int from, int to) {
        List<long[]> out = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        int i = from;
        while (i < to) {
            int gap = i;
            while (i < to && !Character.isLetter(text.charAt(i))) i++;
            if (i - gap != 1 || text.charAt(gap) != ' ') run.clear(); // a name's words are one space apart
            int s = i;
            while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-' || text.charAt(i) == '\'')) i++;
            if (s == i) break;
            String w = text.substring(s, i);
            if (!Character.isUpperCase(w.charAt(0))) { run.clear(); continue; }
            String bare = w.endsWith("'") ? w.substring(0, w.length() - 1) : w;
            if (!run.isEmpty() && PLACE_HEADS.contains(bare.toLowerCase(Locale.ROOT))) {
                long[] name = new long[run.size() + 1];
                name[0] = Tokens.hashOf(bare.toLowerCase(Locale.ROOT));
                for (int k = 0; k < run.size(); k++) name[k + 1] = run.get(k);
                out.add(name);
            }
            run.add(NameKey.of(bare.startsWith("Al-") || bare.startsWith("al-") ? bare.substring(3) : bare));
        }
        return out;
    }

    /**
     * The organisation a sentence opens with, as the subject of what it tells of ("ONEIDA Ltd. declared a 10% stock
     * dividend, payable Dec. 15"; "The Cambrex Corp. ... declared"): the {@link NameKey}s of its words, or null when the
     * sentence {@code [from, ...)} opens otherwise or the date comes first.
     */
    static long[] subject(String text, Mentions names, int from, int date) {
        int at = from;
        while (at < date && Character.isWhitespace(text.charAt(at))) at++;
        if (text.startsWith("The ", at)) at += 4;
        for (var m : names.list()) {
            if (m.start() > at) break;
            if (m.start() == at && m.end() <= date && m.type() == EntityType.ORGANIZATION) return nameKeys(m.text());
        }
        return null;
    }

    private static long[] nameKeys(String name) {
        List<Long> keys = new ArrayList<>();
        for (String w : name.split("[\\s,]+")) {
            String bare = w.replaceAll("[^\\p{L}\\p{N}]", "");
            if (bare.isEmpty() || CORPORATE.contains(bare.toLowerCase(Locale.ROOT))) continue;
            keys.add(NameKey.of(bare));
        }
        long[] out = new long[keys.size()];
        for (int i = 0; i < out.length; i++) out[i] = keys.get(i);
        return out;
    }

    /** Words of a company's name that say what kind of company it is, not which. */
    private static final Set<String> CORPORATE = Set.of("inc", "corp", "co", "ltd", "plc", "llc", "group", "company",
            "corporation", "holdings", "sa", "ag", "nv", "the");

    /**
     * Whether two days are told of what two different organisations did: each sentence opens with an organisation and
     * neither name's words hold the other's ("ONEIDA Ltd. declared a dividend payable Dec. 15" / "Cambrex Corp. declared
     * its quarterly payable Dec. 1": two companies' dividends, however alike the formula).
     */
    static boolean otherSubjects(long[] a, long[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) return false;
        return !holds(a, b) && !holds(b, a);
    }

    /** Whether every key of {@code x} is among {@code y}'s. */
    private static boolean holds(long[] x, long[] y) {
        outer:
        for (long k : x) {
            for (long l : y) if (k == l) continue outer;
            return false;
        }
        return true;
    }

    /** Whether {@code a} and {@code b} name two places of one kind ({@link #placeNames}): neither name's words hold the other's. */
    static boolean namesApart(List<long[]> a, List<long[]> b) {
        for (long[] x : a) {
            for (long[] y : b) {
                if (x[0] == y[0] && !within(x, y) && !within(y, x)) return true;
            }
        }
        return false;
    }

    /** Whether every word before {@code x}'s head is among {@code y}'s. */
    private static boolean within(long[] x, long[] y) {
        outer:
        for (int i = 1; i < x.length; i++) {
            for (int j = 1; j < y.length; j++) if (x[i] == y[j]) continue outer;
            return false;
        }
        return true;
    }

    /**
     * Words that make a day another occurrence of the story's kind of event than the story's own: "The last such
     * out-of-band patch ... was released on Oct. 23", "a similar attack on May 3", "the previous raid": a point of
     * comparison, weak like a bound.
     */
    private static final Pattern PRIOR = Pattern.compile("(?i)\\b(?:(?:last|previous|prior|earlier|latest|another) such"
            + "|the previous (?!day|night|week|weekend|month|year|morning|afternoon|evening)\\w+)\\b");

    /**
     * Whether {@code a} is dated outright (its year written: not {@link Timex#relative}) and {@code b} writes the same
     * day of the month without a year ({@link #writesDay}, read against its article's date): then {@code b}'s year is a
     * guess ("after the Sept. 11 terrorist attacks" in March 2016 is not 2015), and the written year is the event's. A
     * weekday or "yesterday" counts its day from the article and keeps it.
     */
    private static boolean yearOf(Dated a, Dated b) {
        return !a.relative && b.relative && b.offset == NOT_RELATIVE && a.days.size() == 1 && b.days.size() == 1
                && a.days.get(0).substring(4).equals(b.days.get(0).substring(4));
    }

    /** A month's name or a numeric date: an expression that writes its day rather than counting it from the article's date. */
    private static final Pattern WRITES_DAY = Pattern.compile("(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b"
            + "|\\d{1,4}[/.-]\\d{1,2}");

    /**
     * Whether a relative expression writes its day ("Sunday, 23 September", "June 20", "3/14"), taking only its year from
     * the article's date; "Tuesday", "yesterday", "5 p.m." count their day from it.
     */
    static boolean writesDay(String text) { return WRITES_DAY.matcher(text).find(); }

    /** Words before a day that make it the start or the bound of a span rather than the day of an event. */
    private static final Set<String> BOUND = Set.of("since", "by", "until", "till", "before");

    /** Words between the two ends of a span of days ("from Oct. 29 to Nov. 2", "between March 3 and 5"). */
    private static final Pattern SPAN_JOIN = Pattern.compile("\\s*(?:to|through|until|till|and|-|\u2013)\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * The days of spans written as two expressions ("a visit to China from Oct. 29 to Nov. 2", "between March 3 and
     * March 5"): both ends name every day of the span, so "on Wednesday visited Shandong" (Nov. 1) in another report
     * falls inside the visit rather than disputing its first day. At most 31 days.
     */
    static Map<Timex, List<String>> spans(String text, List<Timex> tx) {
        Map<Timex, List<String>> out = new HashMap<>();
        for (int i = 0; i + 1 < tx.size(); i++) {
            Timex a = tx.get(i), b = tx.get(i + 1);
            List<String> da = days(a), db = days(b);
            if (da.size() != 1 || db.size() != 1 || b.start() < a.end()) continue;
            String first = TimeTagger.previousWord(text, a.start());
            if (!first.equals("from") && !first.equals("between")) continue;
            if (!SPAN_JOIN.matcher(text.substring(a.end(), b.start())).matches()) continue;
            LocalDate from = LocalDate.parse(da.get(0)), to = LocalDate.parse(db.get(0));
            if (!to.isAfter(from) || to.toEpochDay() - from.toEpochDay() > 31) continue;
            List<String> all = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) all.add(d.toString());
            out.put(a, all);
            out.put(b, all);
        }
        return out;
    }

    /** Whether the word before {@code at}, or before its "the" ("by the May 9 deadline"), is a {@link #BOUND}. */
    private static boolean bounds(String text, int at) {
        String w = TimeTagger.previousWord(text, at);
        if (w.equals("the")) w = TimeTagger.previousWord(text, TimeTagger.previousWordStart(text, at));
        return BOUND.contains(w);
    }

    /** {@link Dated#offset} of a day not named relative to its article's date. */
    private static final long NOT_RELATIVE = Long.MIN_VALUE;

    private static List<Event> timeline(List<Document> docs, List<ArticleTime> times) {
        List<Dated> all = new ArrayList<>();
        for (int k = 0; k < docs.size(); k++) {
            Document d = docs.get(k);
            Article a = d.article();
            String text = a.cleanText();
            Sentences s = d.find(Layers.SENTENCES).orElse(null);
            List<Quote> quotes = d.find(Quotes.LAYER).orElse(Quotes.NONE).list();
            Mentions names = d.find(Mentions.LAYER).orElse(Mentions.NONE);
            List<Timex> tx = times.get(k).timexes();
            Map<Timex, List<String>> spans = spans(text, tx);
            for (Timex t : tx) {
                List<String> days = spans.getOrDefault(t, days(t));
                if (days.isEmpty() || dateline(a, t) || insideQuote(quotes, t) || Datelines.isStampLine(text, t.start(), t.end())) continue;
                int from = a.bodyStart(), to = a.bodyEnd();
                if (s != null) {
                    int i = s.at(t.start());
                    if (i >= 0) { from = s.starts()[i]; to = s.ends()[i]; }
                }
                int cs = wordsBefore(text, t.start(), from, WINDOW), ce = wordsAfter(text, t.end(), to, WINDOW);
                Mention m = new Mention(a.id(), t.start(), t.end(), t.text(), cs, ce, text.substring(cs, ce).strip());
                String basis = times.get(k).basis();
                boolean weak = t.relative() && (basis.equals("text")
                        || !basis.equals("published") && !writesDay(t.text()))
                        // "its lowest close since July 21": the start of a span, a point of reference rather than an event
                        || bounds(text, t.start())
                        // "the last such patch ... was released on Oct. 23": an earlier occurrence, for comparison
                        // (within 400 characters before it: a sentence of a text without stops must not cost its square)
                        || PRIOR.matcher(text).region(Math.max(from, t.start() - 400), t.start()).find();
                // a day named only relative to the article's date ("Tuesday", "yesterday"): how many days from that date
                LocalDate anchor = times.get(k).anchor();
                long offset = t.relative() && anchor != null && !writesDay(t.text())
                        ? LocalDate.parse(days.get(0)).toEpochDay() - anchor.toEpochDay() : NOT_RELATIVE;
                all.add(new Dated(m, days, keys(text, cs, t.start(), t.end(), ce), weak, anchor, offset,
                        t.relative(), EventVerb.of(text, t.start(), t.end(), from, to), placeNames(text, cs, ce),
                        subject(text, names, from, t.start())));
                if (all.size() >= MAX_MENTIONS) break;
            }
        }
        int n = all.size();
        // every day each article names (outside quotes and its dateline): an article that names both days of a would-be
        // dispute knows of both, so in its account they are two moments, not one in doubt
        Map<String, Set<String>> named = new HashMap<>();
        for (Dated d : all) named.computeIfAbsent(d.mention.article(), k -> new HashSet<>()).addAll(d.days);
        UnionFind same = new UnionFind(n);
        List<int[]> conflicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Dated x = all.get(i), y = all.get(j);
                if (x.mention.article().equals(y.mention.article())) continue;
                if (!similar(x.keys, y.keys)) continue;
                if (yearOf(x, y)) all.set(j, y = y.withDays(x.days));
                else if (yearOf(y, x)) all.set(i, x = x.withDays(y.days));
                if (overlap(x.days, y.days)) same.union(i, j);
                else if (!x.weak && !y.weak && !series(x, y) && !afterTheOther(x, y) && !afterTheOther(y, x)
                        && !namesBoth(named, x, y) && !namesBoth(named, y, x) && !twoEvents(x, y)
                        && !namesApart(x.places, y.places) && !otherSubjects(x.subject, y.subject)
                        && disputeWords(x.keys, y.keys)) conflicts.add(new int[] {i, j});
            }
        }
        // mentions of one day with no word in common across articles are still that day's events: join same-day mentions
        // of one article only through the words, so two events of one day stay apart
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(same.find(i), r -> new ArrayList<>()).add(i);
        Map<Integer, Integer> eventOf = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>(groups.values());
        for (int e = 0; e < members.size(); e++) for (int i : members.get(e)) eventOf.put(i, e);
        List<Map<String, Set<String>>> disputes = new ArrayList<>();
        for (int e = 0; e < members.size(); e++) disputes.add(new LinkedHashMap<>());
        for (int[] c : conflicts) {
            int ex = eventOf.get(c[0]), ey = eventOf.get(c[1]);
            if (ex == ey) continue; // the same event through other mentions: their days agree elsewhere
            // articles that each name both days in these words speak of two moments ("on Saturday ... tonight"), not of one in dispute
            if (sharesArticle(members.get(ex), members.get(ey), all)) continue;
            disputes.get(ex).computeIfAbsent(all.get(c[1]).days.get(0), k -> new LinkedHashSet<>()).add(all.get(c[1]).mention.article());
            disputes.get(ey).computeIfAbsent(all.get(c[0]).days.get(0), k -> new LinkedHashSet<>()).add(all.get(c[0]).mention.article());
        }
        List<Event> events = new ArrayList<>();
        for (int e = 0; e < members.size(); e++) {
            Set<String> days = new TreeSet<>();
            List<Mention> ms = new ArrayList<>();
            for (int i : members.get(e)) {
                days.addAll(all.get(i).days);
                ms.add(all.get(i).mention);
            }
            List<Dispute> ds = new ArrayList<>();
            disputes.get(e).forEach((date, arts) -> ds.add(new Dispute(date, new ArrayList<>(arts))));
            // the event's own day: the one most of its mentions name (a range's mention names all of its days)
            String first = mostNamed(members.get(e), all);
            events.add(new Event(first, new ArrayList<>(days), ms, ds));
        }
        events.sort(Comparator.comparing(Event::date).thenComparing(ev -> ev.mentions().get(0).article())
                .thenComparingInt(ev -> ev.mentions().get(0).start()));
        return events;
    }

    /**
     * Whether {@code a}'s article also names a day of {@code b} somewhere else: it tells of both days ("the June 24 murder
     * of Ortiz and on June 20, when a man was shot"), so its day for {@code a}'s words is another moment than {@code b}'s,
     * not a different account of it. On the judged pool most date "disputes" between articles that each name both
     * days were two events of one story joined by their shared words.
     */
    private static boolean namesBoth(Map<String, Set<String>> named, Dated a, Dated b) {
        Set<String> days = named.get(a.mention.article());
        for (String d : b.days) if (days.contains(d)) return true;
        return false;
    }

    private static boolean sharesArticle(List<Integer> x, List<Integer> y, List<Dated> all) {
        Set<String> a = new HashSet<>();
        for (int i : x) a.add(all.get(i).mention.article());
        for (int j : y) if (a.contains(all.get(j).mention.article())) return true;
        return false;
    }

    /** Whether {@code t} lies inside a direct quote: its "tonight" is the speaker's, not the article's, so it dates nothing here. */
    private static boolean insideQuote(List<Quote> quotes, Timex t) {
        for (Quote q : quotes) if (t.start() >= q.start() && t.end() <= q.end()) return true;
        return false;
    }

    private static String mostNamed(List<Integer> members, List<Dated> all) {
        Map<String, Integer> count = new TreeMap<>();
        for (int i : members) for (String d : all.get(i).days) count.merge(d, 1, Integer::sum);
        String best = null;
        int most = -1;
        for (Map.Entry<String, Integer> c : count.entrySet()) if (c.getValue() > most) { most = c.getValue(); best = c.getKey(); }
        return best;
    }

    /**
     * Whether two mentions that would dispute a day are more likely two occurrences of a recurring event: reports of
     * different days that each name their day the same way relative to their own date ("shares rose on Monday" in
     * Monday's report, "shares fell on Tuesday" in Tuesday's; "the talks resumed yesterday" in two daily reports).
     * Their days differ only because their reports' dates do, which says nothing of a disagreement. On the news pool's
     * 2,452 dated wire reports this was most of the date discrepancies: daily market reports, successive meetings.
     */
    private static boolean series(Dated x, Dated y) {
        return x.offset != NOT_RELATIVE && x.offset == y.offset && !x.anchor.equals(y.anchor);
    }

    /**
     * Whether {@code b} names a day after {@code a} was written while {@code a} reports a day already past: then
     * {@code a} cannot have reported {@code b}'s event, so they are two events (the spokesman who "said Thursday" and
     * "said Tuesday" in a report five days later; a toll "as of 8 p.m." after the explosion "last Sunday").
     */
    private static boolean afterTheOther(Dated a, Dated b) {
        if (a.anchor == null || b.anchor == null || !b.anchor.isAfter(a.anchor)) return false;
        LocalDate dayA = LocalDate.parse(a.days.get(0)), dayB = LocalDate.parse(b.days.get(0));
        return !dayA.isAfter(a.anchor) && dayB.isAfter(a.anchor);
    }

    /** The days a time expression names: its day, or the days of a range; none for weeks, months, durations. */
    static List<String> days(Timex t) {
        if (t.type() != TimexType.DATE && t.type() != TimexType.TIME || t.value() == null) return List.of();
        if (!t.values().isEmpty()) return t.values();
        String v = t.value();
        if (v.length() >= 10 && v.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) return List.of(v.substring(0, 10));
        return List.of();
    }

    /** Whether {@code t} is the article's own dateline ("Iran, August 24, 2020—"), which dates the report, not an event. */
    private static boolean dateline(Article a, Timex t) {
        if (a.published() != null && a.published().toString().equals(t.value()) && a.publishedEvidence() != null
                && a.publishedEvidence().contains(t.text())) return true;
        // a wire dateline in the text: "NAIROBI, Nov. 2 (Xinhua) --", "BEIRUT, Lebanon, March 3 (AP) —"
        return Datelines.isDatelineDate(a.cleanText(), t.start(), t.end());
    }

    static boolean overlap(List<String> a, List<String> b) {
        for (String x : a) if (b.contains(x)) return true;
        return false;
    }

    /** Whether two passages' content words ({@link #contentKeys}) say they report one event: the test dates and counts share. */
    public static boolean similarWords(long[] a, long[] b) { return similar(a, b); }

    /**
     * Whether two passages' content words are close enough for their values to dispute each other (Dice at least
     * {@value #DISPUTE_DICE}): more than {@link #similarWords}, which only joins mentions of one event; the test a date,
     * a count or a sum must pass with the mention it disagrees with, not through a chain of others.
     */
    public static boolean disputeWords(long[] a, long[] b) { return dice(a, b) >= DISPUTE_DICE; }

    /**
     * The sorted keys of the content words of {@code text[from, to)} outside {@code [skipStart, skipEnd)} (names by their romanisation
     * key).
     */
    public static long[] contentKeys(String text, int from, int skipStart, int skipEnd, int to) { return keys(text, from, skipStart,
            skipEnd, to); }

    /** Dice overlap of two sorted key lists. */
    static double dice(long[] a, long[] b) {
        return a.length == 0 || b.length == 0 ? 0 : 2.0 * shared(a, b) / (a.length + b.length);
    }

    /** How many keys two sorted key lists share. */
    private static int shared(long[] a, long[] b) {
        int shared = 0, i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    /**
     * Dice overlap of their content words two mentions of different days must reach to dispute one event: more than
     * joining one day's mentions needs ({@value #MIN_DICE}). A dispute is a claim that outlets disagree, and in a story
     * followed over days the words around successive events overlap ("Mobutu ... on Friday", "Mobutu ... Sunday"): on
     * the 2,452 dated wire reports of the news pool 0.4 took the date discrepancies from 106 to 61, with every planted
     * date discrepancy of the two test sets still found (0.5 lost one).
     */
    static final double DISPUTE_DICE = 0.4;

    /** Whether two mentions' words say they report one event. */
    static boolean similar(long[] a, long[] b) {
        return a.length > 0 && b.length > 0 && shared(a, b) >= MIN_SHARED && dice(a, b) >= MIN_DICE;
    }

    /** The sorted, distinct romanisation keys of the content words in {@code [from, to)} outside the date itself. */
    static long[] keys(String text, int from, int dateStart, int dateEnd, int to) {
        Set<Long> out = new HashSet<>();
        int i = from;
        while (i < to) {
            if (!Tokens.isWordChar(text.charAt(i))) { i++; continue; }
            int s = i;
            while (i < to && (Tokens.isWordChar(text.charAt(i)) || Tokens.isApostrophe(text.charAt(i)) && i + 1 < to
                    && Tokens.isWordChar(text.charAt(i + 1))
                    || text.charAt(i) == '-' && i + 1 < to && Tokens.isWordChar(text.charAt(i + 1)))) i++;
            if (s >= dateStart && s < dateEnd) continue;
            String w = text.substring(s, i);
            if (w.length() < 3 || Character.isDigit(w.charAt(0)) || StopWords.contains(Tokens.hashOf(w))
                    || TIME_WORDS.contains(w.toLowerCase(Locale.ROOT))) continue;
            // "Al-Kadhimi" and "Kazemi": the name after its particle
            int dash = w.indexOf('-');
            if (dash > 0 && dash <= 3) w = w.substring(dash + 1);
            out.add(NameKey.of(w));
        }
        long[] k = new long[out.size()];
        int n = 0;
        for (long x : out) k[n++] = x;
        Arrays.sort(k);
        return k;
    }

    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
                    "yesterday",
            "tomorrow", "week", "month", "year", "day", "days", "hours", "ago", "last", "earlier", "later", "said", "says", "told");

    private static int wordsBefore(String text, int at, int floor, int words) {
        int i = at, seen = 0;
        while (i > floor) {
            i--;
            if (Character.isWhitespace(text.charAt(i)) && i + 1 < at && !Character.isWhitespace(text.charAt(i + 1))
                    && ++seen > words) return i + 1;
        }
        return floor;
    }

    private static int wordsAfter(String text, int at, int ceiling, int words) {
        int i = at, seen = 0;
        while (i < ceiling) {
            if (Character.isWhitespace(text.charAt(i)) && i > at && !Character.isWhitespace(text.charAt(i - 1)) && ++seen > words) return i;
            i++;
        }
        return ceiling;
    }
}
