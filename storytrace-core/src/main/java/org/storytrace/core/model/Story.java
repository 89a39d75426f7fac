package org.storytrace.core.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Articles that report the same events; {@code topic} is shared by stories on one theme. */
public record Story(String id, List<String> articles, String topic) implements Serializable {
    public Story { articles = List.copyOf(articles); }

    /**
     * Stories from a story and a topic label per article (labels numbered from 0 in order of first
     * article): ids {@code s1, s2, ...} with topics {@code t1, t2, ...}, in order of their first article.
     */
    public static List<Story> fromLabels(List<String> ids, int[] story, int[] topic) {
        Map<Integer, List<String>> byStory = new LinkedHashMap<>();
        Map<Integer, Integer> topicOf = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byStory.computeIfAbsent(story[i], k -> new ArrayList<>()).add(ids.get(i));
            topicOf.put(story[i], topic[i]);
        }
        List<Story> stories = new ArrayList<>(byStory.size());
        for (Map.Entry<Integer, List<String>> e : byStory.entrySet()) {
            stories.add(new Story("s" + (e.getKey() + 1), e.getValue(), "t" + (topicOf.get(e.getKey()) + 1)));
        }
        return stories;
    }
}
