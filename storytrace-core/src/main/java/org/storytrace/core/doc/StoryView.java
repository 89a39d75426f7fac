package org.storytrace.core.doc;

import java.util.List;

/**
 * The articles of one story, with their layers, as a story-level stage sees them: documents in story
 * order (the order of the story's article ids). Immutable.
 *
 * @param storyId the story's id ({@code s1})
 */
public record StoryView(String storyId, List<Document> documents) {
    public StoryView {
        if (storyId == null) throw new IllegalArgumentException("a story view needs the story's id");
        documents = List.copyOf(documents);
    }
}
