package org.storytrace.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.entity.EntityResolver;
import org.storytrace.core.model.Story;
import org.storytrace.core.doc.ArticleStage;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.Pronouns;
import org.storytrace.core.fact.FactStage;
import org.storytrace.core.quote.Quote;
import org.storytrace.core.quote.QuoteFinder;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.Quotes;
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
        return List.of(new EntityStage(new EntityResolver(), DeepTier::speeches), new QuoteGroupStage(), new TimelineStage(),
                new FactStage(), new SummaryStage(summarySentences));
    }

    /** An article's direct quotes and who says each, for the entities' first-person references. */
    static List<Pronouns.Speech> speeches(Document d) {
        List<Pronouns.Speech> out = new ArrayList<>();
        for (Quote q : d.find(Quotes.LAYER).orElse(Quotes.NONE).list()) {
            out.add(new Pronouns.Speech(q.start(), q.end(), q.speakerMention()));
        }
        return out;
    }

    /**
     * What the deep tier does once every story has its layers and the collection its entities: a place's country
     * compared across the stories of each topic ({@link FactStage#acrossTopics}). Returns the layers with the facts of
     * the stories it changed replaced (the same map when none changed).
     */
    public static Map<String, Map<Layer<?>, Object>> acrossTopics(List<Story> stories, Map<String, Map<Layer<?>, Object>> storyLayers,
            EntityResolver.Collection entities) {
        if (storyLayers.isEmpty() || entities.idsByStory().isEmpty()) return storyLayers;
        List<String> topics = new ArrayList<>(stories.size());
        List<FactStage.StoryFacts> facts = new ArrayList<>(stories.size());
        for (Story s : stories) {
            topics.add(s.topic());
            Object f = storyLayers.getOrDefault(s.id(), Map.of()).get(FactStage.LAYER);
            facts.add(f instanceof FactStage.StoryFacts sf ? sf : null);
        }
        Map<Integer, FactStage.StoryFacts> changed = FactStage.acrossTopics(topics, facts, entities.idsByStory());
        if (changed.isEmpty()) return storyLayers;
        Map<String, Map<Layer<?>, Object>> out = new HashMap<>(storyLayers);
        changed.forEach((s, f) -> {
            Map<Layer<?>, Object> layers = new LinkedHashMap<>(storyLayers.get(stories.get(s).id()));
            layers.put(FactStage.LAYER, f);
            out.put(stories.get(s).id(), layers);
        });
        return out;
    }
}
