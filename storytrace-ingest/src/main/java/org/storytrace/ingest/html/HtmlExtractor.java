package org.storytrace.ingest.html;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.processor.MetadataParser;
import net.dankito.readability4j.processor.Postprocessor;
import net.dankito.readability4j.processor.Preprocessor;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.storytrace.ingest.clean.Dates;
import org.storytrace.ingest.clean.Headlines;

/**
 * Main text and metadata of an HTML page: jsoup parses it (never throws on bad markup), readability4j finds
 * the article's main content, and the page's own metadata supplies what it declares (title, publication
 * date from meta tags, JSON-LD {@code datePublished} or {@code <time>}, author, site name). The text handed
 * on is the headline, a blank line, then one paragraph a line, so the plain-text cleaner can read it too.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlExtractor {
    /** The extracted text and what the markup declared. Nullable fields were not declared. */
    public record Extracted(String text, String title, LocalDate published, String publishedEvidence, String author, String siteName,
            String canonicalUrl) {}

    private static final Pattern JSONLD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ISO_DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    public Extracted extract(String html, String uri) {
        Document doc = Jsoup.parse(html, uri == null ? "" : uri);
        String metaTitle = firstMeta(doc, "meta[property=og:title]", "meta[name=twitter:title]");
        LocalDate published = null;
        String evidence = null;
        for (String q : new String[] {"meta[property=article:published_time]", "meta[name=article:published_time]",
                "meta[itemprop=datePublished]",
            "meta[name=date]", "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=DC.date.issued]", "meta[name=dc.date]"}) {
            Optional<LocalDate> d = isoDay(attr(doc.selectFirst(q), "content"));
            if (d.isPresent()) { published = d.get(); evidence = "HTML " + q; break; }
        }
        if (published == null) {
            for (Element s : doc.select("script[type=application/ld+json]")) {
                Matcher m = JSONLD_DATE.matcher(s.data());
                if (m.find()) {
                    Optional<LocalDate> d = isoDay(m.group(1));
                    if (d.isPresent()) { published = d.get(); evidence = "JSON-LD datePublished"; break; }
                }
            }
        }
        if (published == null) {
            Element t = doc.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
            Optional<LocalDate> d = isoDay(attr(t, "datetime"));
            if (d.isPresent()) { published = d.get(); evidence = "HTML <time datetime>"; }
        }
        String author = firstMeta(doc, "meta[name=author]", "meta[property=article:author]");
        String site = firstMeta(doc, "meta[property=og:site_name]", "meta[name=application-name]");

        // readability's scoring is far worse than linear on pathologically nested markup: past a sane depth,
        // take the body's text as it is
        boolean deep = depth(doc) > MAX_DEPTH;
        Article article = deep ? null : readability(uri == null ? "" : uri, doc.clone(), true).parse();
        String title = metaTitle != null ? metaTitle : article == null ? null : blankToNull(article.getTitle());
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? blankToNull(doc.title()) : blankToNull(h1.text());
        }
        if (author == null && article != null) author = blankToNull(article.getByline());
        StringBuilder text = new StringBuilder();
        if (title != null) text.append(title.strip()).append("\n\n");
        Element content = article == null ? null : article.getArticleContent();
        if (content == null) content = doc.body();
        appendParagraphs(content, text);
        Element canon = doc.selectFirst("link[rel=canonical][href]");
        String canonical = canon == null ? firstMeta(doc, "meta[property=og:url]") : canon.absUrl("href").isEmpty() ? canon.attr("href")
                : canon.absUrl("href");
        return new Extracted(text.toString(), title, published, evidence, author, site, canonical);
    }

    /**
     * Text of a generic XML document (not a feed): the text of its elements, with line breaks kept, tags
     * dropped (of NITF's {@code body.content} when there is one); the title from its first {@code title} or
     * {@code headline} element; the author from its byline ({@link #byline}); the publication date from
     * TimeML's creation time, a news date element (LDC {@code DATE_TIME}, NITF {@code date.issue}, NewsML
     * {@code firstCreated}, {@code pubDate}, {@code dc:date}) or the dateline ({@code DCT}, {@code DATELINE}), whose
     * bracketed agency ("(AFP)") is the outlet.
     */
    public Extracted extractXml(String xml) {
        Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
        Element t = doc.selectFirst("title, TITLE, headline, HEADLINE, hl1");
        String given = t == null ? null : blankToNull(t.text());
        // an agency's headline field may hold a note to its clients or a byline: no title, though the line stays in the text
        // (before the body, as the page gave it)
        String title = Headlines.clean(given);
        StringBuilder text = new StringBuilder();
        if (given != null) text.append(given.strip()).append("\n\n");
        // NITF's body.content holds the story alone (its body also holds the headline, byline and dateline)
        Element body = doc.selectFirst("body\\.content");
        if (body == null) body = doc.selectFirst("text, TEXT, body, BODY");
        String whole = (body != null ? body : doc).wholeText();
        for (String para : whole.split("\\n\\s*\\n")) {
            String p = para.replaceAll("\\s+", " ").strip();
            if (!p.isEmpty()) text.append(p).append("\n\n");
        }
        LocalDate published = null;
        String evidence = null;
        // TimeML's document creation time: <DCT><TIMEX3 functionInDocument="CREATION_TIME" value="1997-04-01">
        Element created = doc.selectFirst("[functionInDocument=CREATION_TIME][value]");
        Optional<LocalDate> c = isoDay(attr(created, "value"));
        if (c.isPresent()) { published = c.get(); evidence = "TimeML creation time (DCT)"; }
        // the date elements of news XML: LDC's DATE_TIME, NITF's date.issue, NewsML's firstCreated, RSS's pubDate, Dublin Core
        for (String q : XML_DATES) {
            if (published != null) break;
            Element e = doc.selectFirst(q);
            if (e == null) continue;
            Optional<LocalDate> d = xmlDay(e.hasAttr("norm") ? e.attr("norm") : e.text());
            if (d.isPresent()) { published = d.get(); evidence = "XML <" + e.tagName() + ">"; }
        }
        // the dateline ("KUALA LUMPUR, April 1, 1997 (AFP)"): its date when nothing else gives one, and the agency in brackets
        Element line = doc.selectFirst("DCT, dct, DATELINE, dateline");
        String site = null;
        if (line != null) {
            String dl = line.text().replaceAll("\\s+,", ",").replaceAll("\\s+", " ").strip();
            Matcher m = Dates.datePattern().matcher(dl);
            if (published == null && m.find()) {
                Optional<LocalDate> d = Dates.fromGroups(m, 1);
                if (d.isPresent()) { published = d.get(); evidence = "dateline '" + dl + "'"; }
            }
            Matcher w = WIRE.matcher(dl);
            if (w.find()) site = w.group(1);
        }
        if (site == null) site = ldcSource(doc);
        return new Extracted(text.toString(), title, published, evidence, byline(doc), site, null);
    }

    /**
     * The news service an LDC document id names, for a document whose dateline names none: Gigaword's and TimeML's
     * {@code AFP_ENG_20061223.0092}, TDT's and TimeBank's {@code APW19980227.0489}, TIPSTER's {@code WSJ900813-0157} and
     * {@code wsj_0152}, in {@code DOCID}, {@code DOCNO} or the {@code DOC} element's {@code id}. The codes are the LDC's
     * (its catalogue's source lists for English Gigaword, TDT, TIPSTER and TimeBank); an unknown code gives null. Why
     * (session 34): 649 of the news pool's 1,082 AFP reports (those of 2005-2006) carry no "(AFP)" in their dateline and
     * had no outlet, so the story list showed none and every entity's spellings were counted under each article's id.
     */
    private static String ldcSource(Document doc) {
        Element e = doc.selectFirst("DOCID, docid, DOCNO, docno");
        String id = e != null ? e.text().strip() : null;
        if (id == null || id.isEmpty()) {
            Element d = doc.selectFirst("DOC[id], doc[id]");
            id = d == null ? null : d.attr("id").strip();
        }
        if (id == null) return null;
        Matcher m = LDC_ID.matcher(id);
        return m.matches() ? LDC_SOURCES.get(m.group(1).toUpperCase(Locale.ROOT)) : null;
    }

    private static final Pattern LDC_ID = Pattern.compile("([A-Za-z]{2,4})(?:_ENG)?_?\\d[\\d._-]*");
    private static final Map<String, String> LDC_SOURCES = Map.ofEntries(Map.entry("AFP", "AFP"), Map.entry("APW", "AP"),
            Map.entry("AP", "AP"), Map.entry("NYT", "New York Times"), Map.entry("XIN", "Xinhua"), Map.entry("XIE", "Xinhua"),
            Map.entry("LTW", "Los Angeles Times-Washington Post"), Map.entry("WPB", "Washington Post-Bloomberg"),
            Map.entry("CNA", "Central News Agency"), Map.entry("WSJ", "Wall Street Journal"), Map.entry("SJMN", "San Jose Mercury News"),
            Map.entry("PRI", "Public Radio International"), Map.entry("VOA", "Voice of America"), Map.entry("CNN", "CNN"),
            Map.entry("ABC", "ABC News"), Map.entry("NBC", "NBC News"), Map.entry("MNB", "MSNBC"));

    /**
     * The author a news XML document names: NITF's and LDC's {@code byline} (its {@code person} when it marks one, as
     * NITF does beside the writer's title in {@code byttl}), else NewsML's or Dublin Core's {@code creator}; without a
     * leading "By".
     */
    private static String byline(Document doc) {
        Element by = doc.selectFirst("byline, BYLINE");
        if (by != null && by.selectFirst("person") != null) by = by.selectFirst("person");
        if (by == null) by = doc.selectFirst("dc|creator, creator");
        if (by == null) return null;
        String name = by.text().replaceAll("\\s+", " ").strip().replaceFirst("(?i)^by\\s+", "");
        return name.isEmpty() || name.length() > 200 ? null : name;
    }

    /** News XML's publication date elements, most specific first. */
    private static final String[] XML_DATES = {"DATE_TIME", "date_time", "date\\.issue", "pubdata[date.publication]", "firstCreated",
        "versionCreated", "pubDate", "dc|date", "DATE", "date"};
    /** A news agency in brackets ending a dateline: "(AFP)", "(Xinhua)", "(AP)". */
    private static final Pattern WIRE = Pattern.compile("\\(([A-Z][A-Za-z&.-]{1,20}(?: [A-Z][A-Za-z&.-]+){0,2})\\)$");
    private static final Pattern COMPACT_DAY = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T|$)");

    /** A day written as ISO ("1997-04-01..."), compact ("19970401T..."), or as a dateline writes it ("April 1, 1997"). */
    private static Optional<LocalDate> xmlDay(String v) {
        if (v == null || v.isBlank()) return Optional.empty();
        String s = v.strip();
        Optional<LocalDate> iso = isoDay(s);
        if (iso.isPresent()) return iso;
        Matcher c = COMPACT_DAY.matcher(s);
        if (c.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        // LDC's SGML news (DUC, TDT, AQUAINT) writes its DATE_TIME month first: "10/16/1998 08:12:00"
        Matcher us = US_DAY.matcher(s);
        if (us.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2))));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        Matcher m = Dates.datePattern().matcher(s.replaceAll("\\s+,", ","));
        return m.find() ? Dates.fromGroups(m, 1) : Optional.empty();
    }

    /** A news XML date element's month-first numeric day, "10/16/1998", at its start. */
    private static final Pattern US_DAY = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");

    /** Nesting beyond which main-text extraction is skipped. */
    static final int MAX_DEPTH = 400;

    /**
     * readability4j as its two-argument constructor makes it, with {@link #REGEX} (one for all pages, not 13 patterns a page)
     * and the {@link LeanArticleGrabber} (the page serialised only when a retry needs it); with {@code lean} false, the
     * library's own grabber, which the tests compare it with.
     */
    static Readability4J readability(String uri, Document doc, boolean lean) {
        ReadabilityOptions options = new ReadabilityOptions();
        return new Readability4J(uri, doc, options, REGEX, new Preprocessor(REGEX), new MetadataParser(REGEX),
                lean ? new LeanArticleGrabber(options, REGEX) : new ArticleGrabber(options, REGEX), new Postprocessor());
    }

    private static final RegExUtil REGEX = new WhitespaceRuns();

    /**
     * readability4j's patterns, with its whitespace normaliser ({@code \s{2,}} to one space, run on the text of every node it
     * scores) as a scan that returns the text itself when it holds no such run, which after jsoup's {@code text()} it almost
     * never does. Why (session 20): on 20,000 generated pages (a news template around each article) the regular expression
     * was a fifth of the extractor's CPU samples; the result is the same string. Patterns are thread-safe, so one instance
     * serves every thread.
     */
    static final class WhitespaceRuns extends RegExUtil {
        WhitespaceRuns() {
            super(UnlikelyCandidatesDefaultPattern, OkMaybeItsACandidateDefaultPattern, PositiveDefaultPattern, NegativeDefaultPattern,
                    ExtraneousDefaultPattern, BylineDefaultPattern, ReplaceFontsDefaultPattern, NormalizeDefaultPattern,
                    VideosDefaultPattern, NextLinkDefaultPattern, PrevLinkDefaultPattern, WhitespaceDefaultPattern,
                    HasContentDefaultPattern);
        }

        @Override public String normalize(String text) {
            int n = text.length(), i = 1;
            while (i < n && !(space(text.charAt(i)) && space(text.charAt(i - 1)))) i++;
            if (i >= n) return text;
            StringBuilder b = new StringBuilder(n).append(text, 0, i - 1);
            for (int k = i - 1; k < n; ) {
                char c = text.charAt(k);
                if (space(c) && k + 1 < n && space(text.charAt(k + 1))) {
                    while (k < n && space(text.charAt(k))) k++;
                    b.append(' ');
                } else {
                    b.append(c);
                    k++;
                }
            }
            return b.toString();
        }

        /** {@code \s} of {@link Pattern}: space, tab, line feed, vertical tab, form feed, carriage return. */
        private static boolean space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'; }
    }

    /** The document's deepest element nesting, found without recursion. */
    static int depth(Document doc) {
        int[] max = {0};
        NodeTraversor.traverse((node, depth) -> { if (depth > max[0]) max[0] = depth; }, doc);
        return max[0];
    }

    private static void appendParagraphs(Element root, StringBuilder out) {
        Elements blocks = root == null ? new Elements() : root.select("p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption");
        int count = 0;
        for (Element b : blocks) {
            if (b.parents().stream().anyMatch(p -> p.tagName().equals("p") || p.tagName().equals("li") || p.tagName()
                    .equals("blockquote"))) continue;
            String t = b.text().strip();
            if (t.isEmpty()) continue;
            out.append(t).append("\n\n");
            count++;
        }
        if (count == 0 && root != null) {
            String t = root.wholeText().strip();
            for (String para : t.split("\\s*\\n\\s*\\n\\s*|\\s*\\n\\s*")) if (!para.isBlank()) out.append(para.strip()).append("\n\n");
        }
    }

    private static String firstMeta(Document doc, String... queries) {
        for (String q : queries) {
            String v = blankToNull(attr(doc.selectFirst(q), "content"));
            if (v != null) return v.strip();
        }
        return null;
    }

    private static String attr(Element e, String name) { return e == null ? null : e.attr(name); }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    private static Optional<LocalDate> isoDay(String v) {
        if (v == null) return Optional.empty();
        Matcher m = ISO_DAY.matcher(v.strip());
        if (!m.find()) return Optional.empty();
        try { return Optional.of(LocalDate.parse(m.group(1))); } catch (DateTimeParseException e) { return Optional.empty(); }
    }
}
