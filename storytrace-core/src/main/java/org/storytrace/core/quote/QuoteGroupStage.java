package org.storytrace.core.quote;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.pipeline.Embedder;

/**
 * The story stage that lists a story's quotes, article by article, and groups those that report the same words ({@link QuoteGrouper}).
 *
 * <p>With sentence embeddings ({@link #withEmbedder}) it also joins two wordings that share their meaning but few words: a
 * statement translated twice, a paraphrase ("We will rebuild every classroom before the rains come back next year" / "We are
 * going to repair all the classrooms before the next rainy season": cosine 0.88 with all-MiniLM-L6-v2, where two different
 * things one minister said score below 0.45). Both must be {@value #MIN_WORDS} words or more, the shorter at least
 * {@value #MIN_LENGTH_RATIO} of the longer, share a content word, come
 * from different articles, and not be given to two different speakers (each speaker's entity, when both have one); their
 * cosine must reach {@value #REWORDED}. Without an embedder (the Spark job, {@code --no-embeddings}) words alone decide.
 */
public final class QuoteGroupStage implements StoryStage<QuoteGroupStage.StoryQuotes> {
    /** A story's quotes in article order, and their groups (indexes into {@code items}). */
    public record StoryQuotes(List<QuoteGrouper.Item> items, List<QuoteGrouper.Group> groups) implements Serializable {
        public StoryQuotes {
            items = List.copyOf(items);
            groups = List.copyOf(groups);
        }
    }

    public static final Layer<StoryQuotes> LAYER = Layer.of("quote-groups", StoryQuotes.class);

    /** The cosine at which two wordings say the same thing. */
    static final double REWORDED = 0.8;
    /** Words a quote needs before its meaning is compared: short ones ("We will see") say what many statements say. */
    static final int MIN_WORDS = 6;
    /**
     * A rewording is about as long as what it rewords (a translation, a paraphrase); a trimmed quote keeps its words and
     * is matched by them. A short line beside a long statement on the same subject ("It's official: I'm hosting the
     * #Oscars!" / a 25-word statement about hosting) is another thing said.
     */
    static final double MIN_LENGTH_RATIO = 0.6;

    private final Embedder embedder;

    public QuoteGroupStage() { this(null); }

    private QuoteGroupStage(Embedder embedder) { this.embedder = embedder; }

    @Override public StoryStage<StoryQuotes> withEmbedder(Embedder e) { return e == null ? this : new QuoteGroupStage(e); }

    @Override public String name() { return "quote-groups"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Quotes.LAYER); }
    @Override public Layer<StoryQuotes> adds() { return LAYER; }
    @Override public String describe() {
        return "quote-groups: the same quote across articles by word alignment (shared share " + QuoteGrouper.MIN_SHARE + ")"
                + (embedder == null ? "" : "; rewordings by sentence embeddings (cosine " + REWORDED + ", " + embedder.describe() + ")");
    }

    @Override public StoryQuotes apply(StoryView story) {
        List<QuoteGrouper.Item> items = new ArrayList<>();
        for (Document d : story.documents()) {
            for (Quote q : d.find(Quotes.LAYER).orElse(Quotes.NONE).list()) items.add(new QuoteGrouper.Item(d.article().id(), q));
        }
        if (items.size() < 2) return new StoryQuotes(items, List.of());
        return new StoryQuotes(items, QuoteGrouper.group(items, embedder == null ? null : rewording(story, items)));
    }

    /** Whether two quotes say the same in other words: the checks above, then the embeddings (each quote's made once). */
    private QuoteGrouper.Rewording rewording(StoryView story, List<QuoteGrouper.Item> items) {
        Map<String, String> speakers = new HashMap<>(); // article@mention start -> the speaker entity's canonical name
        story.find(EntityStage.LAYER).ifPresent(es -> {
            for (Entity e : es.entities()) for (Entity.At at : e.mentions()) speakers.put(at.article() + "@" + at.start(), e.canonical());
        });
        Map<Integer, Integer> lengths = new HashMap<>(); // each quote's words counted once, however many pairs ask
        Map<Integer, Set<String>> stems = new HashMap<>();
        Map<Integer, float[]> vectors = new HashMap<>();
        return (a, b) -> {
            Quote x = items.get(a).quote(), y = items.get(b).quote();
            int nx = lengths.computeIfAbsent(a, i -> QuoteGrouper.words(items.get(i).quote().text()).size());
            int ny = lengths.computeIfAbsent(b, i -> QuoteGrouper.words(items.get(i).quote().text()).size());
            if (Math.min(nx, ny) < MIN_WORDS || Math.min(nx, ny) < MIN_LENGTH_RATIO * Math.max(nx, ny)) return false;
            String sx = speakers.get(items.get(a).article() + "@" + x.speakerMention());
            String sy = speakers.get(items.get(b).article() + "@" + y.speakerMention());
            if (sx != null && sy != null && !sx.equals(sy)) return false;
            Set<String> shared = new HashSet<>(stems.computeIfAbsent(a, i -> QuoteGrouper.contentStems(items.get(i).quote().text())));
            shared.retainAll(stems.computeIfAbsent(b, i -> QuoteGrouper.contentStems(items.get(i).quote().text())));
            if (shared.isEmpty()) return false;
            float[] va = vectors.computeIfAbsent(a, i -> embedder.embed(items.get(i).quote().text()));
            float[] vb = vectors.computeIfAbsent(b, i -> embedder.embed(items.get(i).quote().text()));
            return Embedder.cosine(va, vb) >= REWORDED;
        };
    }
}
