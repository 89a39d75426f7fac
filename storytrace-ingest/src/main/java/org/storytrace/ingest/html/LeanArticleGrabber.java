package org.storytrace.ingest.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kotlin.Pair;
import net.dankito.readability4j.model.ArticleGrabberOptions;
import net.dankito.readability4j.model.ArticleMetadata;
import net.dankito.readability4j.model.ReadabilityOptions;
import net.dankito.readability4j.processor.ArticleGrabber;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * readability4j 1.0.8's {@code ArticleGrabber.grabArticle}, step for step, without the page serialised on every call.
 * The original keeps {@code doc.html()} of the whole page before it starts, to put the page back when the text it
 * found is too short and it tries again with looser rules; and it serialises the article three more times as
 * arguments of debug log calls, evaluated whatever the log level. On 20,000 generated news pages that was 8% of
 * {@code analyze}'s CPU samples (session 21), for a retry that few pages need. Here the page is kept as a
 * {@link Document#clone()} (a copy of the nodes, no escaping: under 1% of the samples) and serialised only when a retry
 * puts it back, to the same string the original would have used; the debug serialisations are left out. Everything
 * else calls the grabber's own methods, in the same order, with the same state (including the original's list of
 * attempts made afresh on each pass, which makes its "longest attempt" the last one).
 *
 * <p>A subclass rather than a copy of the library: the other steps stay readability4j's. {@code
 * HtmlExtractorTest} and the html20k run compare extractions with the original's.
 */
final class LeanArticleGrabber extends ArticleGrabber {
    LeanArticleGrabber(ReadabilityOptions options, RegExUtil regEx) { super(options, regEx); }

    @Override
    public Element grabArticle(Document doc, ArticleMetadata metadata, ArticleGrabberOptions options, Element pageElement) {
        boolean isPaging = pageElement != null;
        Element page = pageElement != null ? pageElement : doc.body();
        if (page == null) return null;
        Document pageCache = doc.clone();
        String pageCacheHtml = null;
        while (true) {
            List<Element> elementsToScore = prepareNodes(doc, options);
            List<Element> candidates = scoreElements(elementsToScore, options);
            Pair<Element, Boolean> top = getTopCandidate(page, candidates, options);
            Element topCandidate = top.getFirst();
            boolean neededToCreateTopCandidate = top.getSecond();
            Element articleContent = createArticleContent(doc, topCandidate, isPaging);
            prepArticle(articleContent, options, metadata);
            if (neededToCreateTopCandidate) {
                topCandidate.attr("id", "readability-page-1");
                topCandidate.addClass("page");
            } else {
                Element div = doc.createElement("div");
                div.attr("id", "readability-page-1");
                div.addClass("page");
                for (Node child : new ArrayList<>(articleContent.childNodes())) {
                    child.remove();
                    div.appendChild(child);
                }
                articleContent.appendChild(div);
            }
            boolean parseSuccessful = true;
            List<Pair<Element, Integer>> attempts = new ArrayList<>();
            int textLength = getInnerText(articleContent, getRegEx(), true).length();
            if (textLength < getWordThreshold()) {
                parseSuccessful = false;
                if (pageCacheHtml == null) pageCacheHtml = pageCache.html();
                page.html(pageCacheHtml);
                if (options.getStripUnlikelyCandidates()) {
                    options.setStripUnlikelyCandidates(false);
                    attempts.add(new Pair<>(articleContent, textLength));
                } else if (options.getWeightClasses()) {
                    options.setWeightClasses(false);
                    attempts.add(new Pair<>(articleContent, textLength));
                } else if (options.getCleanConditionally()) {
                    options.setCleanConditionally(false);
                    attempts.add(new Pair<>(articleContent, textLength));
                } else {
                    attempts.add(new Pair<>(articleContent, textLength));
                    attempts.sort(Comparator.comparing(Pair::getSecond));
                    if (attempts.isEmpty() || attempts.get(0).getSecond() <= 0) return null;
                    articleContent = attempts.get(0).getFirst();
                    parseSuccessful = true;
                }
            }
            if (parseSuccessful) {
                getTextDirection(topCandidate, doc);
                return articleContent;
            }
        }
    }
}
