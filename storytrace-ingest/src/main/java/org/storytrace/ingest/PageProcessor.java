package org.storytrace.ingest;

import java.time.LocalDate;
import org.storytrace.core.model.Article;
import org.storytrace.ingest.clean.CleanPage;
import org.storytrace.ingest.clean.Headlines;
import org.storytrace.ingest.clean.TextPageCleaner;
import org.storytrace.ingest.html.HtmlExtractor;
import org.storytrace.ingest.lang.LanguageIdentifier;
import org.storytrace.ingest.read.Page;
import org.storytrace.ingest.url.Urls;

/**
 * A page to an article: main text by the format's extractor (readability on jsoup for HTML, the element
 * text for other XML, the page as it is for plain text), then the plain-text cleaner for furniture and
 * metadata, then the metadata merged with its evidence. Publication date, most trusted first: HTML meta
 * tags, JSON-LD {@code datePublished}, {@code <time>}; a dateline or a date the text proves; a date in the
 * URL's path; the date a feed or JSON Lines object declares. Stateless and thread-safe.
 */
public final class PageProcessor {
    private final TextPageCleaner cleaner = new TextPageCleaner();
    private final HtmlExtractor html = new HtmlExtractor();
    private final LanguageIdentifier languages = new LanguageIdentifier();

    public Article process(Page page, String id) {
        String text;
        HtmlExtractor.Extracted x = null;
        String format = page.format();
        if (page.isHtml()) {
            x = html.extract(page.content(), page.url());
            text = x.text();
        } else if (page.format().endsWith("xml")) {
            x = html.extractXml(page.content());
            text = x.text();
        } else {
            text = page.content();
        }
        CleanPage p = cleaner.clean(text);
        // the first headline that is one once the agencies' marks are off (a feed's record may give "URGENT ..." or a byline)
        String title = Headlines.clean(page.title());
        if (title == null && x != null) title = Headlines.clean(x.title());
        if (title == null) title = Headlines.clean(p.title());
        LocalDate published = null;
        String evidence = null;
        if (x != null && x.published() != null) { published = x.published(); evidence = x.publishedEvidence(); }
        else if (p.published() != null) { published = p.published(); evidence = p.publishedEvidence(); }
        else if (Urls.pathDate(page.url()) != null) { published = Urls.pathDate(page.url()); evidence = "date in the URL path"; }
        else if (page.published() != null) { published = page.published(); evidence = "declared by the " + container(format); }
        String author = page.author() != null ? page.author() : x != null && x.author() != null ? x.author() : p.author();
        String url = Urls.canonical(x != null && x.canonicalUrl() != null && Urls.canonical(x.canonicalUrl()) != null ? x.canonicalUrl()
                : page.url());
        String outlet = page.outlet() != null ? page.outlet() : x != null && x.siteName() != null ? x.siteName() : Urls.host(url);
        Article a = new Article(id, page.origin() + (page.position() == null ? "" : " (" + page.position() + ")"), text, title, published,
                evidence,
                p.source(), author, p.bodyStart(), p.bodyEnd(), p.boilerplate(), format, page.encoding(), url, outlet, page.language());
        return a.language() != null ? a : a.withLanguage(languages.identify(a.cleanText(), a.bodyStart(), a.bodyEnd()));
    }

    private static String container(String format) {
        if (format.startsWith("feed")) return "feed";
        if (format.startsWith("jsonl")) return "JSON Lines object";
        if (format.startsWith("json")) return "JSON object";
        if (format.startsWith("csv")) return "CSV row";
        if (format.startsWith("parquet")) return "Parquet row";
        return format;
    }
}
