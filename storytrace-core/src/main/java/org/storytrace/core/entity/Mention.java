package org.storytrace.core.entity;

import java.io.Serializable;

/**
 * One name in one article's text: characters {@code [start, end)} of the article's text (the name itself,
 * without a title or possessive), its type, and the title written before it ({@code Dr.}, {@code Prime
 * Minister}) or null.
 */
public record Mention(int start, int end, String text, EntityType type, String role) implements Serializable {
    public Mention {
        if (start < 0 || end <= start) throw new IllegalArgumentException("mention [" + start + ", " + end + ") is empty or negative");
        if (text == null || text.length() != end - start) throw new IllegalArgumentException("mention text does not span [" + start + ", "
                + end + ")");
        if (type == null) throw new IllegalArgumentException("a mention needs a type");
    }
}
