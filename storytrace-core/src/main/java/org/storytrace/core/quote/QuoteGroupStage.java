package org.storytrace.core.quote;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;

/** The story stage that lists a story's quotes, article by article, and groups those that report the same words ({@link QuoteGrouper}). */
public final class QuoteGroupStage implements StoryStage<QuoteGroupStage.StoryQuotes> {
    /** A story's quotes in article order, and their groups (indexes into {@code items}). */
    public record StoryQuotes(List<QuoteGrouper.Item> items, List<QuoteGrouper.Group> groups) implements Serializable {
        public StoryQuotes {
            items = List.copyOf(items);
            groups = List.copyOf(groups);
        }
    }

    public static final Layer<StoryQuotes> LAYER = Layer.of("quote-groups", StoryQuotes.class);

    @Override public String name() { return "quote-groups"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Quotes.LAYER); }
    @Override public Layer<StoryQuotes> adds() { return LAYER; }
    @Override public String describe() { return "quote-groups: the same quote across articles by word alignment (shared share "
            + QuoteGrouper.MIN_SHARE + ")"; }

    @Override public StoryQuotes apply(StoryView story) {
        List<QuoteGrouper.Item> items = new ArrayList<>();
        for (Document d : story.documents()) {
            for (Quote q : d.find(Quotes.LAYER).orElse(Quotes.NONE).list()) items.add(new QuoteGrouper.Item(d.article().id(), q));
        }
        return new StoryQuotes(items, items.size() < 2 ? List.of() : QuoteGrouper.group(items));
    }
}
