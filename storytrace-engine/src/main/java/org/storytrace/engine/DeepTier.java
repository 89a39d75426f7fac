package org.storytrace.engine;

import java.util.List;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.quote.QuoteFinder;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.summary.SummaryStage;
import org.storytrace.core.time.TimeTagger;
import org.storytrace.core.time.TimelineStage;
import org.storytrace.nlp.ner.NameFinder;

/**
 * The deep tier's stages, in the order they run, in one place: the engine ({@link Engine.Builder#deepTier})
 * and the Spark job take them from here, so both run the same stages the same way.
 */
public final class DeepTier {
    private DeepTier() {}

    /** Per article, after the sentences: names, direct quotes, time expressions. */
    public static List<ArticleStage> articleStages() { return List.of(new NameFinder(), new QuoteFinder(), new TimeTagger()); }

    /** Per story: entities, quote groups, the timeline, facts and discrepancies, the summary. */
    public static List<StoryStage<?>> storyStages(int summarySentences) {
        return List.of(new EntityStage(), new QuoteGroupStage(), new TimelineStage(), new FactStage(), new SummaryStage(summarySentences));
    }
}
