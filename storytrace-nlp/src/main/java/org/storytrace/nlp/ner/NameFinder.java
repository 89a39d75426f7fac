package org.storytrace.nlp.ner;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.entity.Titles;
import org.storytrace.core.fact.Countries;

/**
 * The article stage that finds names: Stanford CoreNLP's 4-class CRF (CoNLL 2003 news: person,
 * organisation, location, other) run sentence by sentence over the {@link Layers#SENTENCES} layer, and
 * nothing else of CoreNLP (no part-of-speech tagger, no SUTime, no fine-grained classes: the full NER
 * annotator is several times slower for nothing the entities need). The model (18 MB) is read once, when
 * the first article needs it, and shared by every thread.
 *
 * <p>What the CRF gets wrong in these texts is put right after it: hyphenated names stay whole
 * (the tokenizer keeps {@code Al-Kadhimi} one token); a name the CRF split at a particle
 * ({@code Asa'ib Ahl} + {@code al-Haq}) is joined; a title before a person ({@code Dr.}, {@code Prime
 * Minister}) is left out of the name and kept as its role ({@link Titles}); a possessive is left out.
 * Other names (nationalities, events) are not kept.
 */
public final class NameFinder implements ArticleStage {
    /** The CRF model inside this module's jar (unpacked from CoreNLP's models jar at build time). */
    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static volatile CRFClassifier<CoreLabel> classifier;
    private static final TokenizerFactory<CoreLabel> TOKENIZER = PTBTokenizer.factory(new CoreLabelTokenFactory(),
            "invertible=true,ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,"
                    + "untokenizable=noneDelete,tokenizeNLs=false,"
                    + "splitForwardSlash=false");

    /** Longest sentence given to the CRF, in characters; longer ones (tables, lists run together) are cut. */
    static final int MAX_SENTENCE = 2000;

    /** The shared classifier, loaded on first use. */
    static CRFClassifier<CoreLabel> classifier() {
        CRFClassifier<CoreLabel> c = classifier;
        if (c != null) return c;
        synchronized (NameFinder.class) {
            if (classifier == null) {
                try {
                    classifier = CRFClassifier.getClassifier(MODEL);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot load the name model " + MODEL + ": " + e, e);
                }
            }
            return classifier;
        }
    }

    @Override public String name() { return "names"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Layers.SENTENCES); }
    @Override public Set<Layer<?>> adds() { return Set.of(Mentions.LAYER); }
    @Override public String describe() { return "names: Stanford CoreNLP 4.5.10 CRF " + MODEL.substring(MODEL.lastIndexOf('/') + 1); }

    @Override public Document apply(Document doc) {
        String text = doc.article().text();
        Sentences s = doc.expect(Layers.SENTENCES);
        List<Mention> out = new ArrayList<>();
        List<int[]> headlines = new ArrayList<>(); // title-cased stretches of text: [from, to)
        // the headline, where it is written in the text before the body (names there are often the story's main ones)
        String title = doc.article().title();
        int bodyStart = doc.article().bodyStart(), headline = -1, headlineEnd = -1;
        if (title != null && !title.isBlank()) {
            int t = text.lastIndexOf(title, Math.max(0, bodyStart - title.length()));
            if (t >= 0 && t + title.length() <= bodyStart) {
                int to = Math.min(t + title.length(), t + MAX_SENTENCE);
                find(text, t, to, out);
                if (titleCased(text, t, to)) headlines.add(new int[] {t, to});
                headline = t;
                headlineEnd = to;
            }
        }
        for (int i = 0; i < s.size(); i++) {
            int from = s.starts()[i], to = Math.min(s.ends()[i], from + MAX_SENTENCE);
            find(text, from, to, out);
            if (titleCased(text, from, to)) headlines.add(new int[] {from, to});
        }
        if (!headlines.isEmpty()) out = readHeadlines(text, out, merged(headlines));
        // the headline too, where it stands before the body (not what lies between them: a page's menus and bylines):
        // "Colts beat Chiefs 20 - 13 to clinch playoff berth" above a body that names both teams, which the CRF, reading
        // the line alone, did not find there
        out = repeated(text, bodyStart, doc.article().bodyEnd(), out, s, headline, headlineEnd);
        return doc.with(Mentions.LAYER, new Mentions(out));
    }

    /**
     * Whether {@code text[from, to)} is written in title case (a headline: {@code Lindsay Lohan Checks Into Rehab}):
     * of its words of four letters or more, at least three, and four in five begin with a capital.
     */
    static boolean titleCased(String text, int from, int to) {
        int words = 0, capitalised = 0;
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(text.charAt(i))) i++;
            int w = i;
            while (i < to && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) i++;
            if (i - w >= 4) {
                words++;
                if (Character.isUpperCase(text.charAt(w))) capitalised++;
            }
        }
        return words >= 3 && capitalised * 5 >= words * 4;
    }

    /**
     * Names in title-cased lines, put right by the names the rest of the article writes. In a headline every
     * word is capitalised, and the CRF reads verbs and nouns into names ({@code Lindsay Lohan Checks Into Rehab},
     * {@code Hire Maurice Cheeks}) or misses a name it finds in the body ({@code Luck}). So in such a line, the
     * names the body writes (longest first, whole words, any case) are the mentions wherever they occur, of the
     * type the body gives them; a name the CRF found there that overlaps none of them is kept as it was (keeping
     * only the names the body also writes was tried in session 6 and lost ECB+ three points of mention recall).
     * An article that is all headline keeps what the CRF found.
     */
    static List<Mention> readHeadlines(String text, List<Mention> found, List<int[]> headlines) {
        List<Mention> body = new ArrayList<>(), inHeadlines = new ArrayList<>();
        for (Mention m : found) (within(headlines, m.start()) ? inHeadlines : body).add(m);
        if (body.isEmpty()) return found;
        // the body's names, longest first, once each (lower-cased), with the type most of their mentions have
        Map<String, Map<EntityType, Integer>> types = new HashMap<>();
        for (Mention m : body) types.computeIfAbsent(m.text().toLowerCase(Locale.ROOT), x -> new EnumMap<>(
                EntityType.class)).merge(m.type(), 1, Integer::sum);
        List<String> names = new ArrayList<>(types.keySet());
        names.sort(Comparator.comparing((String n) -> -n.length()).thenComparing(n -> n));
        BodyWords words = null; // read once, when a headline's name needs it
        List<Mention> out = new ArrayList<>(body);
        for (int[] h : headlines) {
            String line = text.substring(h[0], h[1]), lower = line.toLowerCase(Locale.ROOT);
            boolean[] taken = new boolean[line.length()];
            for (String n : names) {
                if (n.length() < 2) continue;
                for (int at = lower.indexOf(n); at >= 0; at = lower.indexOf(n, at + 1)) {
                    int end = at + n.length();
                    if (!wordBoundary(line, at - 1) || !wordBoundary(line, end) || anyTaken(taken, at, end)) continue;
                    if (!Character.isUpperCase(line.charAt(at))) continue;
                    Arrays.fill(taken, at, end, true);
                    EntityType type = types.get(n).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
                    out.add(new Mention(h[0] + at, h[0] + end, line.substring(at, end), type, null));
                }
            }
            for (Mention m : inHeadlines) {
                if (m.start() < h[0] || m.start() >= h[1] || runsOnIntoTheHeadline(m.text())) continue;
                if (anyTaken(taken, m.start() - h[0], Math.min(m.end(), h[1]) - h[0])) continue;
                // a line of its own (a headline, a heading); a run of capitalised names inside a paragraph ("the International
                // Covenant on Economic, Social and Cultural Rights") is not a headline's words
                if (!wholeLine(text, h)) { out.add(m); continue; }
                if (words == null) words = bodyWords(text, headlines, body);
                out.addAll(withoutCommonWords(m, words));
            }
        }
        out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return out;
    }

    /**
     * The words of the article outside its title-cased lines, lower-cased: {@code common}, those it writes in lower case
     * and never with a capital inside a sentence ("rehab", "host", "actress"); {@code named}, those it writes only with a
     * capital ("Lohan", "Bush"). A name the CRF read in a headline that holds a common word ({@code Lindsay Lohan Checks
     * Into Rehab}, {@code Oscars Host For 2014 Academy Awards}, {@code Actress Dies Aged}, {@code Teen Arrested in
     * Shooting of Hero Brooklyn Mom}: 40 such names on ECB+) ran on into the headline's words; a name whose words the
     * article also capitalises inside its sentences ("White House" beside "a house") is not one.
     */
    record BodyWords(Set<String> common, Set<String> named, Set<String> nameWords, Set<String> oneWordNames) {}

    /** @param names the names the CRF found outside the title-cased lines (their words make {@code nameWords}) */
    static BodyWords bodyWords(String text, List<int[]> headlines, List<Mention> names) {
        Set<String> lower = new HashSet<>(), capitalised = new HashSet<>(), upper = new HashSet<>();
        int i = 0, n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) { i++; continue; }
            int w = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) i++;
            if (within(headlines, w)) continue;
            String word = text.substring(w, i), key = word.toLowerCase(Locale.ROOT);
            if (Character.isLowerCase(word.charAt(0))) lower.add(key);
            else {
                upper.add(key);
                if (!sentenceInitial(text, w)) capitalised.add(key);
            }
        }
        upper.removeAll(lower);
        lower.removeAll(capitalised);
        Set<String> nameWords = new HashSet<>(), oneWordNames = new HashSet<>();
        for (Mention m : names) {
            String[] ws = m.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
            for (String w : ws) if (!w.isEmpty()) nameWords.add(w);
            // a name of one word, or a person's surname
            if (ws.length == 1 || m.type() == EntityType.PERSON && ws.length > 0) oneWordNames.add(ws[ws.length - 1]);
        }
        return new BodyWords(lower, upper, nameWords, oneWordNames);
    }

    /** Whether the word at {@code w} opens a sentence or a line (after a full stop, a mark, a bracket, or nothing). */
    private static boolean sentenceInitial(String text, int w) {
        int k = w - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\u00a0')) k--;
        if (k < 0) return true;
        char c = text.charAt(k);
        return c == '\n' || c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\u201c' || c == '(' || c == '-'
                || c == '\u2014' || c == '\u2018' || c == '\'';
    }

    private static boolean nameHead(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return NAME_HEADS.contains(w) || w.endsWith("s") && NAME_HEADS.contains(w.substring(0, w.length() - 1));
    }

    /** The nouns that close names of organisations, places and prizes ("... Company", "... Beach", "... Awards"). */
    private static final Set<String> NAME_HEADS = Set.of("company", "corporation", "corp", "inc", "service", "society", "center",
            "centre", "council", "association", "party", "union", "institute", "university", "college", "school", "academy",
            "agency", "ministry", "department", "committee", "commission", "bank", "group", "foundation", "federation", "board",
            "court", "church", "hospital", "airport", "army", "force", "navy", "police", "club", "team", "league", "network",
            "times", "post", "news", "journal", "herald", "tribune", "beach", "park", "river", "lake", "island", "mountain",
            "street", "square", "bridge", "county", "city", "state", "province", "district", "valley", "award", "prize", "cup",
            "games", "festival", "museum", "library", "office", "bureau", "authority", "administration", "front", "movement");

    /**
     * A name the CRF read in a headline without the article's {@link BodyWords#common} words that it capitalises (four
     * letters or more: "Of", "For", "The" are in names too, "Bank Of America"): each piece between them, its leading and
     * trailing words trimmed to words the article writes only with a capital, is a mention of the name's type when one
     * of its words is a word of a name the article's sentences hold ({@code Lindsay Lohan Checks Into Rehab}: {@code
     * Lindsay Lohan}; {@code Overturn Bush Rules That Cut Science}: {@code Bush}; {@code Actress Dies Aged}: none). A name
     * with no common word stays as the CRF read it.
     */
    static List<Mention> withoutCommonWords(Mention m, BodyWords body) {
        String t = m.text();
        List<int[]> words = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < t.length();) {
            if (Character.isWhitespace(t.charAt(i))) { i++; continue; }
            int w = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) i++;
            words.add(new int[] {w, i});
            keys.add(t.substring(w, i).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", ""));
        }
        boolean[] cut = new boolean[words.size()];
        boolean any = false;
        for (int k = 0; k < words.size(); k++) {
            String w = keys.get(k);
            cut[k] = w.length() >= 4 && Character.isUpperCase(w.charAt(0)) && body.common().contains(w.toLowerCase(Locale.ROOT));
            any |= cut[k];
        }
        if (!any) return List.of(m);
        // a name whose head is what names end in is one ("Medill News Service", "Mt Cook National Park", "Greek Socialist
        // Workers Party", "Muslim American Society of Boston"); a person's first two words are their name ("Will Folks",
        // "Scott Conroy Video": Scott Conroy)
        for (int k = 1; k < keys.size(); k++) {
            boolean last = k == keys.size() - 1;
            if (nameHead(keys.get(k)) && (last || keys.get(k + 1).equals("of") || keys.get(k + 1).equals("for"))) return List.of(m);
        }
        if (m.type() == EntityType.PERSON && keys.size() >= 2) {
            int k = 2;
            while (k < keys.size() && !cut[k]) k++;
            int to = words.get(k - 1)[1];
            return List.of(new Mention(m.start(), m.start() + to, t.substring(0, to), m.type(), null));
        }
        List<Mention> out = new ArrayList<>();
        for (int k = 0; k < words.size();) {
            if (cut[k]) { k++; continue; }
            int a = k;
            while (k < words.size() && !cut[k]) k++;
            int b = k;
            while (a < b && !body.named().contains(keys.get(a).toLowerCase(Locale.ROOT))) a++;
            while (b > a && !body.named().contains(keys.get(b - 1).toLowerCase(Locale.ROOT))) b--;
            boolean named = false;
            for (int x = a; x < b; x++) named |= body.nameWords().contains(keys.get(x).toLowerCase(Locale.ROOT));
            if (!named || b - a == 1 && !body.oneWordNames().contains(keys.get(a).toLowerCase(Locale.ROOT))) continue;
            int from = words.get(a)[0], to = words.get(b - 1)[1];
            while (to > from && !Character.isLetter(t.charAt(to - 1))) to--;
            out.add(new Mention(m.start() + from, m.start() + to, t.substring(from, to), m.type(), null));
        }
        return out;
    }

    /**
     * Words that a headline capitalises and a name never holds: auxiliaries, modals, pronouns and question words ("Trump
     * Would Put Liberals On Court", "White Supremacists Are Capitalizing On Trump To Expand Their Movement", "Hillary
     * Just Got Blindsided": 40 such names on PolNeAR's texts). Not "Will" or "May", which are names (George Will,
     * Theresa May).
     */
    private static final Set<String> HEADLINE_WORDS = Set.of("Would", "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Does", "Did",
            "Do", "Can", "Could", "Should", "Must", "Might", "Just", "Says", "Gets", "Got", "To", "Their", "His", "Her", "Its", "Not",
            "Why", "How", "What", "Who", "Be", "Been", "Being");

    /** Whether a name the CRF found in a title-cased line runs on into the headline's words: one of them after its first word. */
    static boolean runsOnIntoTheHeadline(String name) {
        String[] words = name.split("\\s+");
        for (int i = 1; i < words.length; i++) if (HEADLINE_WORDS.contains(words[i])) return true;
        return false;
    }

    /**
     * The names the article has written, found again where the CRF missed them: a person's surname standing alone
     * ("Andrew Luck" ... "Luck threw for 300 yards"), or a name written in full again. Only capitalised whole words
     * that no mention covers; at the start of a sentence only when the article never writes the word in lower case
     * ("Luck was on his side" in an article that speaks of luck is left alone). Coreference sieves start with this
     * exact-match pass; the CRF, reading one sentence at a time, cannot. {@code text[headline, headlineEnd)} (-1: none),
     * a headline outside the body, is scanned too, its first word opening a sentence as the sentences' first words do.
     */
    static List<Mention> repeated(String text, int from, int to, List<Mention> found, Sentences sentences, int headline,
                                  int headlineEnd) {
        Map<String, EntityType> names = new HashMap<>();
        for (Mention m : found) {
            names.putIfAbsent(m.text(), m.type());
            if (m.type() == EntityType.PERSON) {
                int sp = m.text().lastIndexOf(' ');
                String last = sp < 0 ? null : m.text().substring(sp + 1);
                if (last != null && last.length() >= 3 && Character.isUpperCase(last.charAt(0)) && !last.endsWith(".")) {
                    names.putIfAbsent(last, EntityType.PERSON);
                }
            }
        }
        if (names.isEmpty()) return found;
        boolean[] taken = new boolean[text.length()];
        for (Mention m : found) Arrays.fill(taken, m.start(), Math.min(m.end(), text.length()), true);
        String lowerText = text.toLowerCase(Locale.ROOT);
        Set<Integer> sentenceStarts = new HashSet<>();
        if (headline >= 0) {
            int k = headline;
            while (k < text.length() && !Character.isLetterOrDigit(text.charAt(k))) k++;
            sentenceStarts.add(k);
        }
        for (int i = 0; i < sentences.size(); i++) {
            int k = sentences.starts()[i];
            while (k < text.length() && !Character.isLetterOrDigit(text.charAt(k))) k++;
            sentenceStarts.add(k);
        }
        List<String> ordered = new ArrayList<>(names.keySet());
        ordered.sort(Comparator.comparing((String n) -> -n.length()).thenComparing(n -> n));
        List<Mention> out = new ArrayList<>(found);
        int[][] spans = headline < 0 ? new int[][] {{from, to}} : new int[][] {{from, to}, {headline, headlineEnd}};
        for (String n : ordered) {
            if (n.length() < 3 || n.endsWith(".") || Titles.isTitleWord(n)) continue;
            // a word the article also writes in lower case is a common word at a sentence's start
            boolean common = n.indexOf(' ') < 0 && containsLowerCaseWord(text, lowerText, n.toLowerCase(Locale.ROOT));
            for (int[] span : spans) {
                for (int at = text.indexOf(n, span[0]); at >= 0 && at < span[1]; at = text.indexOf(n, at + 1)) {
                    int end = at + n.length();
                    if (end > span[1] || !wordBoundary(text, at - 1) || !wordBoundary(text, end) || anyTaken(taken, at, end)) continue;
                    boolean joined = at > 0 && (text.charAt(at - 1) == '-' || text.charAt(at - 1) == '@')
                            || end < text.length() && text.charAt(end) == '-';
                    if (joined) continue;
                    if (common && sentenceStarts.contains(at)) continue;
                    Arrays.fill(taken, at, end, true);
                    out.add(new Mention(at, end, n, names.get(n), null));
                }
            }
        }
        if (out.size() == found.size()) return found;
        out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return out;
    }

    private static boolean containsLowerCaseWord(String text, String lower, String w) {
        for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
            int end = at + w.length();
            if (wordBoundary(text, at - 1) && wordBoundary(text, end) && Character.isLowerCase(text.charAt(at))) return true;
        }
        return false;
    }

    /** Spans sorted, overlapping ones made one. */
    private static List<int[]> merged(List<int[]> spans) {
        spans.sort(Comparator.comparingInt((int[] x) -> x[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] x : spans) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && x[0] < last[1]) last[1] = Math.max(last[1], x[1]);
            else out.add(x.clone());
        }
        return out;
    }

    /** Whether {@code text[h[0], h[1])} is a line of its own, spaces aside. */
    private static boolean wholeLine(String text, int[] h) {
        int a = h[0] - 1, b = h[1];
        while (a >= 0 && (text.charAt(a) == ' ' || text.charAt(a) == '\t')) a--;
        while (b < text.length() && (text.charAt(b) == ' ' || text.charAt(b) == '\t' || text.charAt(b) == '\r')) b++;
        return (a < 0 || text.charAt(a) == '\n') && (b >= text.length() || text.charAt(b) == '\n');
    }

    private static boolean within(List<int[]> spans, int at) {
        for (int[] s : spans) if (at >= s[0] && at < s[1]) return true;
        return false;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, taken.length); i++) if (taken[i]) return true;
        return false;
    }

    private static boolean wordBoundary(String line, int i) {
        return i < 0 || i >= line.length() || !Character.isLetterOrDigit(line.charAt(i));
    }

    /**
     * Sentences read lately and their names: a sentence met again (a reprint, an outlet's boilerplate) is not read
     * by the CRF again. 16,384 slots: a few MB.
     */
    static final SentenceMemo MEMO = new SentenceMemo(1 << 14);

    /** Sentences (of up to {@link SentenceMemo#LONGEST} characters) whose names came from the memo, in this process. */
    public static long sentencesRemembered() { return MEMO.hits(); }

    /** Sentences (of up to {@link SentenceMemo#LONGEST} characters) looked up in the memo, in this process. */
    public static long sentencesLookedUp() { return MEMO.hits() + MEMO.misses(); }

    /**
     * The mentions in {@code text[from, to)}, one sentence, appended to {@code out}. What is found depends on the
     * sentence's text alone (the CRF and the mending after it look no further), so a sentence's names are
     * remembered ({@link #MEMO}) and shifted to where it stands.
     */
    static void find(String text, int from, int to, List<Mention> out) {
        String sentence = text.substring(from, to);
        List<Mention> names = MEMO.get(sentence);
        if (names == null) {
            names = findIn(sentence);
            MEMO.put(sentence, names);
        }
        for (Mention m : names) out.add(from == 0 ? m : new Mention(from + m.start(), from + m.end(), m.text(), m.type(), m.role()));
    }

    /** The mentions in one sentence, at offsets within it. */
    static List<Mention> findIn(String sentence) {
        List<Mention> out = new ArrayList<>();
        List<CoreLabel> tokens = TOKENIZER.getTokenizer(new StringReader(sentence)).tokenize();
        if (tokens.isEmpty()) return out;
        List<CoreLabel> labelled = classifier().classifySentence(tokens);
        // runs of one label (the model writes no B-/I- prefixes)
        List<int[]> runs = new ArrayList<>(); // start token, end token, type ordinal
        List<String> types = new ArrayList<>();
        boolean[] breaks = nameBreaks(tokens);
        for (int t = 0; t < labelled.size(); t++) {
            String label = labelled.get(t).get(CoreAnnotations.AnswerAnnotation.class);
            if (label == null || label.equals("O")) continue;
            // "or" between two names is no part of either: the CRF runs "Washington Nationals or Baltimore Orioles" and "Fish
            // and Wildlife Service or National Marine Fisheries Service" together (ECB+), as its labels have no B- to part them
            if (tokens.get(t).word().equals("or")) continue;
            // nor a bracket or a loose quote mark: "Kimani (Kiki) Gray", "Kimani 'Kiki' Gray" were run into "Kiki) Gray"
            if (breaks[t]) continue;
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == t && types.get(types.size() - 1).equals(label)) {
                runs.get(runs.size() - 1)[1] = t + 1;
            } else {
                runs.add(new int[] {t, t + 1});
                types.add(label);
            }
        }
        // the CRF reads hyphenated names in pieces (Al - Kadhimi, Asa'ib Ahl + al - Haq): runs joined by a hyphen
        // or a particle and a hyphen are one name, of the first run's type, and a particle-hyphen before a run is its own
        for (int r = runs.size() - 1; r > 0; r--) {
            int[] cur = runs.get(r), prev = runs.get(r - 1);
            if (!joins(sentence, tokens, prev[1], cur[0])) continue;
            prev[1] = cur[1];
            runs.remove(r);
            types.remove(r);
        }
        // a nationality or other MISC word right before an organisation is part of its name (Iranian Quds Force)
        for (int r = runs.size() - 1; r > 0; r--) {
            if (!types.get(r).equals("ORGANIZATION") || !types.get(r - 1).equals("MISC") || runs.get(r - 1)[1] != runs.get(r)[0]) continue;
            runs.get(r - 1)[1] = runs.get(r)[1];
            types.set(r - 1, "ORGANIZATION");
            runs.remove(r);
            types.remove(r);
        }
        for (int[] run : runs) {
            int a = run[0];
            if (a >= 2 && tokens.get(a - 1).word().equals("-") && isParticle(tokens.get(a - 2).word()) && touching(tokens, a - 2, a
                    + 1)) run[0] = a - 2;
        }
        // a place name joined by a short lower-case word and two hyphens, which the CRF tags in pieces or by its last piece
        // only (Dar-es-Salaam, Mazar-e-Sharif, Bandar-e-Abbas): one name from its first piece, of the last piece's type
        for (int r = runs.size() - 1; r >= 0; r--) {
            int a = runs.get(r)[0];
            if (a < 4 || !tokens.get(a - 1).word().equals("-") || !tokens.get(a - 3).word().equals("-") || !infix(tokens.get(a - 2).word())
                    || !isCapitalised(tokens.get(a - 4).word()) || !touching(tokens, a - 4, a + 1)) continue;
            int prevEnd = r > 0 ? runs.get(r - 1)[1] : 0;
            if (prevEnd > a - 4 && prevEnd != a - 3) continue; // the first piece belongs to a longer name
            if (r > 0 && prevEnd == a - 3) { // the first piece is a run of its own: the two are one
                runs.get(r)[0] = runs.get(r - 1)[0];
                runs.remove(r - 1);
                types.remove(r - 1);
                r--;
            } else {
                runs.get(r)[0] = a - 4;
            }
        }
        tails(tokens, runs, types);
        designated(tokens, labelled, runs, types);
        defined(tokens, labelled, runs, types);
        for (int r = 0; r < runs.size(); r++) {
            EntityType type = EntityType.ofLabel(types.get(r));
            if (type == null) continue;
            int a = runs.get(r)[0], b = runs.get(r)[1];
            // leading articles and titles out of the name
            String role = null;
            while (a < b && (isArticle(tokens.get(a).word()) || EDITORIAL.contains(tokens.get(a).word()))) a++;
            // a sentence's first word, capitalised for being first, that cannot begin a name ("As Trump said", "Since NCLB")
            if (b - a >= 2 && opensClause(tokens, a)) a++;
            List<String> words = tokens.subList(a, b).stream().map(CoreLabel::word).toList();
            int titled = Math.max(Titles.leadingTitle(words), type == EntityType.PERSON ? Titles.leadingOffice(words) : 0);
            // a title word joined to the rest by "and", "of" or a possessive is the name's (the Justice and Equality Movement,
            // the Lord's Resistance Army)
            String after = titled > 0 && titled < b - a ? tokens.get(a + titled).word() : null;
            if (after != null && !JOINERS.contains(after) && !isPossessive(after) && !after.equals("'")) {
                role = join(sentence, tokens, a, a + titled);
                a += titled;
            }
            // a lower-case word before the name is the text's, not the name's ("mob don Vincent Gigante", "the nonpartisan
            // Congressional Budget Office", "the upscale Place Vendome"), unless it is a particle (de Klerk, van Gogh, al-Assad);
            // a tail with no capitalised words before it ({@link #tails}) is dropped
            if (startsTail(tokens, a)) continue;
            while (b - a >= 2 && isLowerWord(tokens.get(a).word()) && !LOWER_PARTICLES.contains(tokens.get(a).word())) a++;
            while (b > a && isPossessive(tokens.get(b - 1).word())) b--;
            if (a >= b) continue;
            int start = tokens.get(a).beginPosition(), end = tokens.get(b - 1).endPosition();
            while (start < end && !Character.isLetterOrDigit(sentence.charAt(start))) start++;
            while (end > start && !Character.isLetterOrDigit(sentence.charAt(end - 1)) && sentence.charAt(end - 1) != '.') end--;
            if (start >= end) continue;
            String name = Mention.plainSpaces(sentence.substring(start, end));
            if (name.endsWith("\u2019s") || name.endsWith("'s")) { end -= 2; name = name.substring(0, name.length() - 2); }
            if (!looksLikeName(name)) continue;
            if (type != EntityType.LOCATION && isPlaceName(name)) type = EntityType.LOCATION;
            if (role == null && type == EntityType.PERSON) {
                int before = Titles.titleBefore(tokens.subList(0, a).stream().map(CoreLabel::word).toList());
                if (before > 0) role = join(sentence, tokens, a - before, a);
            }
            out.add(new Mention(start, end, name, type, role));
        }
        return out;
    }

    private static String join(String sentence, List<CoreLabel> tokens, int a, int b) {
        return sentence.substring(tokens.get(a).beginPosition(), tokens.get(b - 1).endPosition());
    }

    /** Lower-case words that, after "the" and a capitalised name, make it an organisation: "the Hekmah group". */
    private static final Set<String> DESIGNATORS = Set.of("group", "movement", "militia", "party", "daily", "newspaper", "brigade",
            "brigades", "front", "faction", "network", "agency");

    /**
     * Names the CRF left untagged but the text marks as organisations: "the" + capitalised words + a designator
     * ({@code the Hekmah group}). Added as runs of type ORGANIZATION covering the name and its designator.
     */
    private static void designated(List<CoreLabel> tokens, List<CoreLabel> labelled, List<int[]> runs, List<String> types) {
        for (int t = 1; t + 1 < tokens.size(); t++) {
            if (!DESIGNATORS.contains(tokens.get(t + 1).word())) continue;
            int a = t;
            while (a > 0 && isCapitalised(tokens.get(a).word()) && untyped(labelled.get(a)
                    .get(CoreAnnotations.AnswerAnnotation.class))) a--;
            if (a == t || !isArticle(tokens.get(a).word())) continue;
            int from = a + 1, to = t + 2;
            // drop a MISC run the name was read as, then insert the organisation in order
            for (int r = runs.size() - 1; r >= 0; r--) {
                if (runs.get(r)[0] >= from && runs.get(r)[1] <= to && types.get(r).equals("MISC")) { runs.remove(r); types.remove(r); }
            }
            int at = 0;
            while (at < runs.size() && runs.get(at)[0] < from) at++;
            if (at > 0 && runs.get(at - 1)[1] > from || at < runs.size() && runs.get(at)[0] < to) continue;
            runs.add(at, new int[] {from, to});
            types.add(at, "ORGANIZATION");
        }
    }

    /**
     * An acronym in parentheses right after an organisation's name is that organisation's
     * ({@code National Council of Resistance of Iran (NCRI)}, {@code (PMOI/MEK)}), tagged or not.
     */
    private static void defined(List<CoreLabel> tokens, List<CoreLabel> labelled, List<int[]> runs, List<String> types) {
        for (int r = runs.size() - 1; r >= 0; r--) {
            int end = runs.get(r)[1];
            if (!types.get(r).equals("ORGANIZATION") || end + 2 >= tokens.size()) continue;
            if (!tokens.get(end).word().equals("(") || !tokens.get(end + 2).word().equals(")")) continue;
            String w = tokens.get(end + 1).word();
            if (!isAcronymLike(w)) continue;
            if (r + 1 < runs.size() && runs.get(r + 1)[0] == end + 1) { types.set(r + 1, "ORGANIZATION"); continue; }
            runs.add(r + 1, new int[] {end + 1, end + 2});
            types.add(r + 1, "ORGANIZATION");
        }
    }

    /** The states of the United States whose names are two words or more (CLDR gives the countries, not these). */
    private static final Set<String> STATES = Set.of("New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
            "North Dakota", "Rhode Island", "South Carolina", "South Dakota", "West Virginia");

    /**
     * Whether a name of two words or more is a country's ({@link Countries}) or a state's of the United States: the CRF
     * tags "New Hampshire" in "the New Hampshire primary" as an organisation and "Puerto Rico" now and then as a person
     * (PolNeAR's texts: New Hampshire was an organisation of 353 mentions). A name of one word is left as tagged: Jordan,
     * Georgia and Chad are people too, and Iowa or Ohio a team.
     */
    static boolean isPlaceName(String name) {
        if (name.indexOf(' ') < 0) return false;
        String plain = name.replaceAll("\\s+", " ");
        return STATES.contains(plain) || Countries.byName(plain) != null;
    }

    /** Capitals (two at least), digits, and slashes or ampersands between them: NCRI, PMOI/MEK, AT&T. */
    private static boolean isAcronymLike(String w) {
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isUpperCase(c)) upper++;
            else if (!Character.isDigit(c) && c != '/' && c != '&' && c != '.') return false;
        }
        return upper >= 2 && w.length() <= 12;
    }

    private static boolean untyped(String label) { return label == null || label.equals("O") || label.equals("MISC"); }

    private static boolean isCapitalised(String w) { return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && w.chars()
            .anyMatch(Character::isLowerCase); }

    /** Whether the tokens {@code [from, to)} between two runs make them one hyphenated name: "-", "al -", "- al". */
    private static boolean joins(String sentence, List<CoreLabel> tokens, int from, int to) {
        int gap = to - from;
        if (gap < 1 || gap > 2) return false;
        if (gap == 1) return tokens.get(from).word().equals("-") && touching(tokens, from - 1, to + 1);
        String x = tokens.get(from).word(), y = tokens.get(from + 1).word();
        if (isParticle(x) && y.equals("-")) return touching(tokens, from, to + 1); // Nuri al-Maliki
        return x.equals("-") && isParticle(y) && touching(tokens, from - 1, from + 1); // Nuri-al Maliki
    }

    /**
     * The tokens no name runs across: brackets, double quotes, and single quotes that open and close within a few words
     * ("Kimani 'Kiki' Gray"; not the apostrophe of "Workers' Party"). A nickname in brackets or quotes between a given
     * name and a surname is a name of its own.
     */
    private static boolean[] nameBreaks(List<CoreLabel> tokens) {
        boolean[] breaks = new boolean[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            String w = tokens.get(t).word();
            if (w.equals("``") || w.equals("''")) breaks[t] = true; // a wire's double quotes
            if (w.length() != 1) continue;
            char c = w.charAt(0);
            if ("()[]{}\"\u201C\u201D`".indexOf(c) >= 0) {
                breaks[t] = true;
            } else if ((c == '\'' || c == '\u2018' || c == '\u2019') && t + 1 < tokens.size() && touching(tokens, t, t + 2)
                    && (t == 0 || !touching(tokens, t - 1, t + 1))) {
                // an opening single quote: broken with its closing one
                for (int u = t + 2; u < Math.min(tokens.size(), t + 6); u++) {
                    String x = tokens.get(u).word();
                    if ((x.equals("'") || x.equals("\u2019")) && touching(tokens, u - 1, u + 1)) {
                        breaks[t] = true;
                        breaks[u] = true;
                        break;
                    }
                }
            }
        }
        return breaks;
    }

    /** Whether tokens {@code [from, to)} are written with nothing between them. */
    private static boolean touching(List<CoreLabel> tokens, int from, int to) {
        for (int i = from + 1; i < to; i++) if (tokens.get(i).beginPosition() != tokens.get(i - 1).endPosition()) return false;
        return true;
    }

    /** A short lower-case word between the hyphens of a name ("es" of Dar-es-Salaam, "e" of Mazar-e-Sharif). */
    private static boolean infix(String w) { return w.length() <= 3 && w.chars().allMatch(c -> c >= 'a' && c <= 'z'); }

    /**
     * A run the CRF began at "and" or at a possessive's "s" is the tail of a longer name whose first words it left out
     * ("Justice" of the Justice and Equality Movement, "Democratic People" of the Democratic People's Republic of Korea,
     * "Lord" of the Lord's Resistance Army: "and Equality Movement", "s Republic of Korea", "s Resistance Army" on the news
     * pool): it begins at the capitalised words right before, and a run of those words is part of it. The Republic of Korea
     * is the other Korea, so the tail is never kept alone ({@link #startsTail}: such a run is dropped).
     */
    private static void tails(List<CoreLabel> tokens, List<int[]> runs, List<String> types) {
        for (int r = 0; r < runs.size(); r++) {
            int a = runs.get(r)[0];
            if (runs.get(r)[1] - a < 2 || !startsTail(tokens, a)) continue;
            int c = a;
            if (tokens.get(c).word().equals("s") && c > 0 && isApostrophe(tokens.get(c - 1).word())) c--;
            int first = c;
            while (first > 0 && isCapitalised(tokens.get(first - 1).word())) first--;
            if (first == c) continue;
            runs.get(r)[0] = first;
            while (r > 0 && runs.get(r - 1)[1] > first) { // the first words, run on their own, are this name's
                if (runs.get(r - 1)[0] < first) runs.get(r)[0] = runs.get(r - 1)[0];
                runs.remove(r - 1);
                types.remove(r - 1);
                r--;
            }
        }
    }

    /** Whether token {@code a} begins the tail of a longer name ({@link #tails}): "and", "&", "'s" or a possessive's "s". */
    private static boolean startsTail(List<CoreLabel> tokens, int a) {
        String w = tokens.get(a).word();
        return w.equals("and") || w.equals("&") || isPossessive(w) && w.length() > 1 || w.equals("s") && a > 0
                && isApostrophe(tokens.get(a - 1).word());
    }

    private static boolean isApostrophe(String w) { return w.equals("'") || w.equals("\u2019"); }

    /** Words that join the words of a name. */
    private static final Set<String> JOINERS = Set.of("and", "of", "&");

    /** Lower-case words that begin names: particles of many languages (de Klerk, van Gogh, bin Laden, al-Assad, dos Santos). */
    private static final Set<String> LOWER_PARTICLES = Set.of("al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "de", "del", "della",
            "der", "den", "des", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "ten", "ter", "zu", "y", "e", "ben", "st");

    /** Whether a token is a word of lower-case letters only (not "eBay", "iPhone"). */
    private static boolean isLowerWord(String w) {
        for (int i = 0; i < w.length(); i++) if (!Character.isLowerCase(w.charAt(i))) return false;
        return !w.isEmpty();
    }

    private static boolean isParticle(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("al") || l.equals("el") || l.equals("ul") || l.equals("bin") || l.equals("ibn") || l.equals("abu")
                || l.equals("abd");
    }

    /**
     * The words a news agency writes to its clients in a headline ("ATTENTION - UPDATES, ADDS quotes ///", "(ADDS
     * details)", "URGENT", "RECASTS"): in capitals, and read by the CRF as organisations (the news pool's AFP copy held an
     * organisation "ADDS" of 89 mentions, and "ADDS EU", "ADDS Likud" beside the EU and Likud). Never a name, so never
     * the first word of one.
     */
    private static final Set<String> EDITORIAL = Set.of("ATTENTION", "ADDS", "URGENT", "PICTURE", "PICTURES", "UPDATES", "UPDATE",
            "RECASTS", "GRAPHIC", "INCORPORATES", "RELEASABLE", "INSERTS", "CORRECTS", "CORRECTION", "REPEATS", "REFILES", "WRITETHRU",
            "ADVISORY", "RETRANSMITTING", "FIXES");

    /**
     * Conjunctions and prepositions that begin clauses: at the start of a sentence they are capitalised, and the CRF
     * reads them into the name after them ({@code As Trump}, {@code Before Justice Scalia}, {@code Like Oakland}). Only
     * words that do not begin names themselves: not "No" (No Child Left Behind), "Will" (Will Rogers) or "Meet" (Meet the
     * Press); "In" and "On" are {@link #PHRASE_OPENERS}.
     */
    private static final Set<String> CLAUSE_OPENERS = Set.of("As", "Before", "After", "Since", "While", "Whilst", "When", "Whenever",
            "If", "Unless", "Until", "Although", "Though", "Because", "Whether", "Once", "Like", "Unlike", "Among", "Amid", "Despite",
            "Absent", "Without", "Thanks", "Thank", "Whereas", "Why", "How");

    /**
     * Prepositions and adverbs that open a sentence before a name ("In Congress, ...", "Meanwhile Mozilla said", "On Nice,
     * ...", "Both The New York Times and ..."): read into the name by the CRF as {@link #CLAUSE_OPENERS} are, on ECB+,
     * PolNeAR and the news pool, but also the first word of a few names ("In-Q-Tel", which the tokenizer splits at its
     * hyphens). Taken off only when a space follows them. Not "Under" (Under Armour), "Inside" (Inside Edition), "Near"
     * (Near East), "Outside", "At" (At Home), "Said" or "So" (given names).
     */
    private static final Set<String> PHRASE_OPENERS = Set.of("In", "On", "With", "Within", "During", "Throughout", "Across",
            "Following", "Meanwhile", "However", "Moreover", "Furthermore", "Nevertheless", "Instead", "Indeed", "Also", "Both", "Yet",
            "Only");

    /** Whether token {@code a} is the first word of its sentence (after any opening quote) and opens a clause. */
    private static boolean opensClause(List<CoreLabel> tokens, int a) {
        String w = tokens.get(a).word();
        boolean opener = CLAUSE_OPENERS.contains(w)
                || PHRASE_OPENERS.contains(w) && a + 1 < tokens.size() && tokens.get(a + 1).beginPosition() > tokens.get(a).endPosition();
        if (!opener) return false;
        for (int t = 0; t < a; t++) if (Character.isLetterOrDigit(tokens.get(t).word().codePointAt(0))) return false;
        return true;
    }

    private static boolean isArticle(String w) { return w.equals("the") || w.equals("The"); }

    private static boolean isPossessive(String w) { return w.equals("'s") || w.equals("\u2019s") || w.equals("'") || w.equals("\u2019"); }

    /** A name has a capital letter or a letter of a caseless script, and more than one character. */
    private static boolean looksLikeName(String s) {
        if (s.codePointCount(0, s.length()) < 2) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isLetter(c) && !Character.isLowerCase(c) && !Character.isUpperCase(c)) return true;
        }
        return false;
    }
}
