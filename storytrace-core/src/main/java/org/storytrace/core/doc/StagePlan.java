package org.storytrace.core.doc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ordered list of stages, checked when it is built: every layer a stage requires must be given (the
 * layers the engine itself makes, such as {@link Layers#TOKENS}) or added by an earlier article stage,
 * and no two stages may add the same layer. A plan in the wrong order is refused with a message naming
 * the stage and the layer it misses. Immutable and thread-safe once built.
 */
public final class StagePlan {
    private final List<ArticleStage> articleStages;
    private final List<StoryStage<?>> storyStages;
    private final Set<Layer<?>> given;

    private StagePlan(Set<Layer<?>> given, List<ArticleStage> articleStages, List<StoryStage<?>> storyStages) {
        this.given = Set.copyOf(given);
        this.articleStages = List.copyOf(articleStages);
        this.storyStages = List.copyOf(storyStages);
    }

    /**
     * Checks and builds a plan.
     *
     * @param given layers every document carries before the first stage
     * @throws IllegalArgumentException naming the first stage whose needs no earlier stage meets
     */
    public static StagePlan of(Set<Layer<?>> given, List<ArticleStage> articleStages, List<StoryStage<?>> storyStages) {
        Map<Layer<?>, String> madeBy = new LinkedHashMap<>();
        for (Layer<?> l : given) madeBy.put(l, "the engine");
        for (ArticleStage s : articleStages) {
            List<String> missing = new ArrayList<>();
            String hints = "";
            for (Layer<?> need : s.requires()) {
                if (madeBy.containsKey(need)) continue;
                missing.add(need.name());
                hints += laterHint(need, articleStages, s);
            }
            if (!missing.isEmpty()) {
                missing.sort(null);
                throw new IllegalArgumentException("stage " + s.name() + " requires the " + String.join(" and ", missing)
                        + (missing.size() == 1 ? " layer, which no earlier stage adds" : " layers, which no earlier stage adds")
                        + " (present before it: " + madeBy.keySet() + ")" + hints);
            }
            for (Layer<?> add : s.adds()) {
                String other = madeBy.putIfAbsent(add, s.name());
                if (other != null) throw new IllegalArgumentException("stages " + other + " and " + s.name() + " both add the " + add
                        + " layer");
            }
        }
        Map<Layer<?>, String> storyMadeBy = new LinkedHashMap<>();
        for (StoryStage<?> s : storyStages) {
            for (Layer<?> need : s.requiresStory()) {
                if (!storyMadeBy.containsKey(need)) {
                    throw new IllegalArgumentException("story stage " + s.name() + " requires the story layer " + need
                            + ", which no earlier story stage adds"
                            + " (made before it: " + storyMadeBy.keySet() + ")");
                }
            }
            String other = storyMadeBy.putIfAbsent(s.adds(), s.name());
            if (other != null) throw new IllegalArgumentException("story stages " + other + " and " + s.name() + " both add the " + s.adds()
                    + " layer");
            for (Layer<?> need : s.requires()) {
                if (!madeBy.containsKey(need)) {
                    throw new IllegalArgumentException("story stage " + s.name() + " requires the " + need
                            + " layer, which no article stage adds"
                            + " (present: " + madeBy.keySet() + ")");
                }
                if (need.codec().isEmpty()) {
                    throw new IllegalArgumentException("story stage " + s.name() + " requires the " + need + " layer, which is not stored"
                            + " (give it a codec with Layer.stored): a story stage reads its documents back from the store");
                }
            }
        }
        return new StagePlan(given, articleStages, storyStages);
    }

    private static String laterHint(Layer<?> need, List<ArticleStage> stages, ArticleStage at) {
        boolean after = false;
        for (ArticleStage s : stages) {
            if (s == at) { after = true; continue; }
            if (after && s.adds().contains(need)) return "; stage " + s.name() + " adds it but runs later";
        }
        return "";
    }

    /** Runs every article stage on {@code doc}, in order. Thread-safe. */
    public Document apply(Document doc) { return apply(doc, null); }

    /** Where the time of each stage goes: called with the stage's name and the nanoseconds it took on one document or story. */
    @FunctionalInterface
    public interface Clock {
        void record(String stage, long nanos);
    }

    /**
     * Runs every article stage on {@code doc}, in order, telling {@code clock} (if not null) how long each took.
     * A stage whose layers the document already carries (a document a store kept from an earlier run) does not
     * run again. Thread-safe.
     */
    public Document apply(Document doc, Clock clock) { return apply(doc, clock, null); }

    /**
     * As {@link #apply(Document, Clock)}; a stage that throws on this document is reported to {@code failures} (if not
     * null, else the error propagates) and the document goes on without its layers; a later stage that requires
     * one of them is skipped for this document (a story stage then leaves the document out: see
     * {@link #carriesEvery}). The stage's error is not retried: the same text fails the same way.
     */
    public Document apply(Document doc, Clock clock, StageFailure.Sink failures) {
        for (Layer<?> l : given) {
            if (!doc.has(l)) throw new IllegalStateException("article " + doc.id() + " lacks the " + l
                    + " layer the plan was built to be given");
        }
        for (ArticleStage s : articleStages) {
            if (carriesAll(doc, s.adds())) continue;
            if (failures != null && !carriesEvery(doc, s.requires())) continue; // an earlier stage failed on it: reported there
            long t = clock == null ? 0 : System.nanoTime();
            try {
                doc = s.apply(doc);
            } catch (RuntimeException | StackOverflowError e) {
                if (failures == null) throw e;
                failures.failed(StageFailure.of(s.name(), "article " + doc.id(), e));
            }
            if (clock != null) clock.record(s.name(), System.nanoTime() - t);
        }
        return doc;
    }

    /**
     * Runs {@code stages} on one story, in order, as every entry point does (the engine, the Spark job): each stage
     * gets the view with the layers the earlier ones made and adds its own. With {@code failures} (else errors
     * propagate), a stage that throws is reported with the story's id and the story goes on without its layer; a
     * stage whose story layers an earlier failure left out is skipped; and a stage is given only the documents
     * that carry the article layers it requires (an article stage may have failed on one of them), so one bad
     * article costs its story that article's share, not the stage.
     */
    public static StoryView runStory(List<StoryStage<?>> stages, StoryView view, Clock clock, StageFailure.Sink failures) {
        for (StoryStage<?> stage : stages) {
            if (failures != null && !view.layers().keySet().containsAll(stage.requiresStory())) continue;
            StoryView in = failures == null ? view : carrying(view, stage.requires());
            long t0 = clock == null ? 0 : System.nanoTime();
            try {
                view = applyTo(stage, view, in);
            } catch (RuntimeException | StackOverflowError e) {
                if (failures == null) throw e;
                failures.failed(StageFailure.of(stage.name(), "story " + view.storyId(), e));
            }
            if (clock != null) clock.record(stage.name(), System.nanoTime() - t0);
        }
        return view;
    }

    private static <R> StoryView applyTo(StoryStage<R> stage, StoryView view, StoryView in) {
        return view.with(stage.adds(), stage.apply(in));
    }

    /** {@code view} with only the documents that carry every layer of {@code layers} (itself when all do). */
    private static StoryView carrying(StoryView view, Set<Layer<?>> layers) {
        List<Document> kept = new ArrayList<>(view.documents().size());
        for (Document d : view.documents()) if (carriesEvery(d, layers)) kept.add(d);
        return kept.size() == view.documents().size() ? view : new StoryView(view.storyId(), kept, view.links(), view.layers());
    }

    /** Whether {@code doc} carries every layer of {@code layers} (none: true for requirements, false for additions). */
    public static boolean carriesEvery(Document doc, Set<Layer<?>> layers) {
        for (Layer<?> l : layers) if (!doc.has(l)) return false;
        return true;
    }

    /** Whether {@code doc} already carries what a stage adds (a stage that adds nothing always runs). */
    private static boolean carriesAll(Document doc, Set<Layer<?>> layers) { return !layers.isEmpty() && carriesEvery(doc, layers); }

    public List<ArticleStage> articleStages() { return articleStages; }
    public List<StoryStage<?>> storyStages() { return storyStages; }

    /** Every layer a document carries after the article stages. */
    public Set<Layer<?>> layers() {
        Set<Layer<?>> all = new LinkedHashSet<>(given);
        for (ArticleStage s : articleStages) all.addAll(s.adds());
        return all;
    }

    /** What each stage is and how it is set, for provenance. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (ArticleStage s : articleStages) out.add(s.describe());
        for (StoryStage<?> s : storyStages) out.add(s.describe());
        return out;
    }
}
