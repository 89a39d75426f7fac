package org.storytrace.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.storytrace.core.index.LongIntMap;

/**
 * Places articles added after a grouping into its stories and topics without grouping again: what keeps a
 * server that takes articles one post at a time answering, where {@link StoryGrouper#group} costs seconds
 * for the whole collection each time.
 *
 * <p>A new article is scored against its candidates exactly as the grouping scores pairs (the same candidate
 * rule over the items' top terms, the same reuse partners, {@link StoryGrouper#score}), and then treated as
 * average linkage treats a singleton merged last: it joins the story whose average score with it (the sum
 * of its pair scores with the story's members over the story's size, absent pairs 0) is highest, if that is
 * at least the story threshold; else it starts a story, which joins the topic whose average with it reaches
 * the topic threshold, else starts a topic. New stories and topics are numbered after the existing ones, so
 * every existing id stays what it was.
 *
 * <p>What it does not do, and a full grouping does: merge two existing stories that a new article bridges,
 * split a story, or reweigh old pairs as document frequencies drift, and it uses no embeddings. The result
 * is therefore close to, not equal to, grouping everything again; callers group again from time to time
 * (the server when the placed articles reach a share of the collection). Not thread-safe.
 */
public final class StoryPlacement {
    private final StoryGrouper grouper;
    private final IntFunction<StoryGrouper.Profile> groupedProfiles;
    private final int grouped;
    private final ArrayList<StoryGrouper.Profile> placedProfiles = new ArrayList<>();
    private int n;
    private int[] story;
    private int[] topicOfStory, storySize, topicSize;
    private int stories, topics;
    // every item's top terms: term id by term, then the items holding each term id
    private LongIntMap termIds;
    private int[][] holders;
    private int[] holderCount;
    private int termCount;

    /**
     * @param story    each grouped item's story label (labels numbered from 0 in order of first item)
     * @param topic    each grouped item's topic label, numbered likewise
     * @param profiles each grouped item's profile, read as needed (they may live on disk)
     */
    public StoryPlacement(StoryGrouper grouper, int[] story, int[] topic, IntFunction<StoryGrouper.Profile> profiles) {
        if (story.length != topic.length) throw new IllegalArgumentException("story and topic labels differ in length");
        this.grouper = grouper;
        this.groupedProfiles = profiles;
        this.grouped = story.length;
        this.n = story.length;
        this.story = Arrays.copyOf(story, Math.max(16, n + n / 8));
        for (int s : story) stories = Math.max(stories, s + 1);
        for (int t : topic) topics = Math.max(topics, t + 1);
        topicOfStory = new int[Math.max(16, stories + stories / 8)];
        storySize = new int[topicOfStory.length];
        topicSize = new int[Math.max(16, topics + topics / 8)];
        for (int i = 0; i < n; i++) {
            topicOfStory[story[i]] = topic[i];
            storySize[story[i]]++;
            topicSize[topic[i]]++;
        }
    }

    /** Items grouped or placed so far. */
    public int size() { return n; }

    /** How many topics there are. */
    public int topics() { return topics; }

    /** How many stories there are. */
    public int stories() { return stories; }

    /** Items that were grouped (the rest were placed). */
    public int grouped() { return grouped; }

    /** Items placed since the grouping. */
    public int placed() { return n - grouped; }

    /** Each item's story label. */
    public int[] storyLabels() { return Arrays.copyOf(story, n); }

    /** Each item's topic label. */
    public int[] topicLabels() {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = topicOfStory[story[i]];
        return t;
    }

    /** Where one placed item went: its story and topic labels, and whether each is new. */
    public record Placed(int story, int topic, boolean newStory, boolean newTopic) {}

    /**
     * Places the next item (numbered {@link #size()}), whose profile is {@code profile} and whose verified
     * reuse partners are {@code reusePartners} (earlier items) with the reused shares {@code reuseShares}.
     */
    public Placed place(StoryGrouper.Profile profile, int[] reusePartners, double[] reuseShares) {
        prepare();
        int d = n;
        StoryGrouper.Settings st = grouper.settings();
        // candidates: the rule of TermVectors.CandidateIndex.partners (the item itself counted among a term's holders)
        Map<Integer, Integer> shared = new HashMap<>();
        long[] top = profile.candidateTerms();
        for (long term : top) {
            int id = termIds.get(term, -1);
            if (id < 0) continue;
            int add = holderCount[id] + 1 <= st.candidateRareDocs() ? st.candidateMinShared() : 1;
            int[] h = holders[id];
            for (int k = 0; k < holderCount[id]; k++) shared.merge(h[k], add, Integer::sum);
        }
        TreeSet<Integer> partners = new TreeSet<>();
        // small collections score every pair, as the grouping does
        if (d < StoryGrouper.EXHAUSTIVE) for (int o = 0; o < d; o++) partners.add(o);
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) if (e.getValue() >= st.candidateMinShared()) partners.add(e.getKey());
        Map<Integer, Double> reuse = new HashMap<>();
        for (int i = 0; i < reusePartners.length; i++) {
            if (reusePartners[i] < 0 || reusePartners[i] >= d) continue;
            partners.add(reusePartners[i]);
            reuse.merge(reusePartners[i], reuseShares[i], Math::max);
        }
        // the average score with each story and topic the partners belong to
        Map<Integer, Double> byStory = new HashMap<>(), byTopic = new HashMap<>();
        Set<Integer> copied = new HashSet<>(); // stories holding an article this one copies or is a copy of
        for (int o : partners) {
            double s = grouper.score(profileOf(o), profile, reuse.getOrDefault(o, 0.0));
            if (!(s > 0)) continue;
            byStory.merge(story[o], s, Double::sum);
            byTopic.merge(topicOfStory[story[o]], s, Double::sum);
            if (s >= StoryGrouper.COPY) copied.add(story[o]);
        }
        // a copy joins the story of what it copies, as the grouping joins copies before averaging (of several, the closest)
        if (!copied.isEmpty()) byStory.keySet().retainAll(copied);
        int best = best(byStory, storySize, copied.isEmpty() ? st.storyThreshold() : 0);
        boolean newStory = best < 0, newTopic = false;
        int topic;
        if (!newStory) {
            topic = topicOfStory[best];
        } else {
            int bestTopic = best(byTopic, topicSize, st.topicThreshold());
            newTopic = bestTopic < 0;
            if (newTopic) {
                if (topics == topicSize.length) topicSize = Arrays.copyOf(topicSize, topics * 2);
                topic = topics++;
            } else {
                topic = bestTopic;
            }
            if (stories == storySize.length) {
                storySize = Arrays.copyOf(storySize, stories * 2);
                topicOfStory = Arrays.copyOf(topicOfStory, stories * 2);
            }
            best = stories++;
            topicOfStory[best] = topic;
            addTopicStory(topic, best);
        }
        if (n == story.length) story = Arrays.copyOf(story, n * 2);
        story[n++] = best;
        storySize[best]++;
        topicSize[topic]++;
        placedProfiles.add(profile);
        for (long term : top) addHolder(term, d);
        return new Placed(best, topic, newStory, newTopic);
    }

    /**
     * The cluster whose average score (its sum over its size) is highest and at least {@code threshold}, ties to the
     * lower label; -1 for none.
     */
    private static int best(Map<Integer, Double> sums, int[] sizes, double threshold) {
        int best = -1;
        double bestAverage = 0;
        for (Map.Entry<Integer, Double> e : sums.entrySet()) {
            double avg = e.getValue() / sizes[e.getKey()];
            if (avg > bestAverage || avg == bestAverage && best >= 0 && e.getKey() < best) {
                best = e.getKey();
                bestAverage = avg;
            }
        }
        return best >= 0 && bestAverage >= threshold ? best : -1;
    }

    private StoryGrouper.Profile profileOf(int i) { return i < grouped ? groupedProfiles.apply(i) : placedProfiles.get(i - grouped); }

    /** Indexes the grouped items' top terms, which the first placement does otherwise; once. */
    public void prepare() {
        if (termIds != null) return;
        indexGroupedTerms();
        topicStories = new int[Math.max(16, topics)][];
        topicStoryCount = new int[topicStories.length];
        for (int st = 0; st < stories; st++) addTopicStory(topicOfStory[st], st);
    }

    // each topic's stories, ascending: what a topic's element lists
    private int[][] topicStories;
    private int[] topicStoryCount;

    private void addTopicStory(int topic, int story) {
        if (topic >= topicStories.length) {
            topicStories = Arrays.copyOf(topicStories, Math.max(topic + 1, topicStories.length * 2));
            topicStoryCount = Arrays.copyOf(topicStoryCount, topicStories.length);
        }
        int[] s = topicStories[topic];
        if (s == null) topicStories[topic] = s = new int[2];
        if (topicStoryCount[topic] == s.length) topicStories[topic] = s = Arrays.copyOf(s, s.length * 2);
        s[topicStoryCount[topic]++] = story;
    }

    /** The labels of a topic's stories, ascending. */
    public int[] storiesOfTopic(int topic) {
        prepare();
        return topic < topicStories.length && topicStories[topic] != null ? Arrays.copyOf(topicStories[topic], topicStoryCount[topic])
                : new int[0];
    }

    /** The grouped items' top terms, indexed once, at the first placement. */
    private void indexGroupedTerms() {
        termIds = new LongIntMap(Math.max(16, grouped * 2));
        holders = new int[Math.max(16, grouped)][];
        holderCount = new int[holders.length];
        for (int i = 0; i < grouped; i++) for (long term : groupedProfiles.apply(i).candidateTerms()) addHolder(term, i);
    }

    private void addHolder(long term, int item) {
        int id = termIds.putIfAbsent(term, termCount);
        if (id == termCount) {
            if (termCount == holders.length) {
                holders = Arrays.copyOf(holders, termCount * 2);
                holderCount = Arrays.copyOf(holderCount, termCount * 2);
            }
            holders[termCount++] = new int[2];
        }
        int[] h = holders[id];
        if (holderCount[id] == h.length) holders[id] = h = Arrays.copyOf(h, h.length * 2);
        h[holderCount[id]++] = item;
    }

    /** The labels of the stories (or, with {@code topicsToo}, the topics) that placed items went to, ascending, each once. */
    public static int[] touched(List<Placed> placed, boolean topicsToo) {
        TreeSet<Integer> s = new TreeSet<>();
        for (Placed p : placed) s.add(topicsToo ? p.topic() : p.story());
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
