package org.storytrace.core.entity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.model.Article;

/**
 * The story stage that joins the mentions of one story's articles into entities ({@link
 * EntityResolver#story}); the engine then joins the stories' entities across the collection
 * ({@link EntityResolver#collection}).
 */
public final class EntityStage implements StoryStage<EntityStage.StoryEntities> {
    /** One story's entities, in order of first mention. */
    public record StoryEntities(List<Entity> entities) implements Serializable {
        public StoryEntities { entities = List.copyOf(entities); }
    }

    /** The story layer this stage adds. */
    public static final Layer<StoryEntities> LAYER = Layer.of("entities", StoryEntities.class);

    private final EntityResolver resolver;
    private final Function<Document, List<Pronouns.Speech>> speeches;

    /**
     * @param speeches what each article quotes and whose name says it (from the quotes layer, which this package does not
     *                 know: the deep tier wires it), for the first person inside quotes
     */
    public EntityStage(EntityResolver resolver, Function<Document, List<Pronouns.Speech>> speeches) {
        this.resolver = resolver;
        this.speeches = speeches;
    }
    public EntityStage(EntityResolver resolver) { this(resolver, d -> List.of()); }
    public EntityStage() { this(new EntityResolver()); }

    public EntityResolver resolver() { return resolver; }

    @Override public String name() { return "entities"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Mentions.LAYER); }
    @Override public Layer<StoryEntities> adds() { return LAYER; }
    @Override public String describe() { return "entities: romanisation-aware names within a story, full names across stories, "
            + "built-in aliases"; }

    @Override public StoryEntities apply(StoryView story) {
        List<EntityResolver.Source> sources = new ArrayList<>();
        for (Document d : story.documents()) {
            Article a = d.article();
            sources.add(new EntityResolver.Source(a.id(), outletOf(a), a.text(), d.find(Mentions.LAYER).orElse(Mentions.NONE).list(),
                    speeches.apply(d)));
        }
        return new StoryEntities(resolver.story(sources));
    }

    /** The outlet an article's spellings are counted under: {@link Article#creditedOutlet()}, else its id. */
    public static String outletOf(Article a) {
        String o = a.creditedOutlet();
        return o != null ? o : a.id();
    }
}
