package org.storytrace.core.model;

import java.util.List;

/** Articles that report the same events; {@code topic} is shared by stories on one theme. */
public record Story(String id, List<String> articles, String topic) implements java.io.Serializable {
    public Story { articles = List.copyOf(articles); }
}
