package org.storytrace.core.model;

import java.util.List;

/** Articles that report the same events; {@code topic} is shared by stories on one theme. */
public record Story(String id, List<String> articles, String topic) implements java.io.Serializable {
    public Story { articles = List.copyOf(articles); }

    /**
     * Stories from a story and a topic label per article (labels numbered from 0 in order of first
     * article): ids {@code s1, s2, ...} with topics {@code t1, t2, ...}, in order of their first article.
     */
    public static List<Story> fromLabels(List<String> ids, int[] story, int[] topic) {
        java.util.Map<Integer, List<String>> byStory = new java.util.LinkedHashMap<>();
        java.util.Map<Integer, Integer> topicOf = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byStory.computeIfAbsent(story[i], k -> new java.util.ArrayList<>()).add(ids.get(i));
            topicOf.put(story[i], topic[i]);
        }
        List<Story> stories = new java.util.ArrayList<>(byStory.size());
        for (java.util.Map.Entry<Integer, List<String>> e : byStory.entrySet()) {
            stories.add(new Story("s" + (e.getKey() + 1), e.getValue(), "t" + (topicOf.get(e.getKey()) + 1)));
        }
        return stories;
    }
}
