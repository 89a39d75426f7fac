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

    /**
     * A name's text with each space of another kind (a no-break space, a line break, a tab) written as a plain one,
     * character for character so that it still spans its place in the text: "Donald\u00a0Trump" is a spelling of
     * Donald Trump. The one definition of a space inside a name: the name finder writes mentions through it and
     * {@link Name} reads spellings through it.
     */
    public static String plainSpaces(String name) {
        char[] c = null;
        for (int i = 0; i < name.length(); i++) {
            char x = name.charAt(i);
            if (x != ' ' && (Character.isWhitespace(x) || Character.isSpaceChar(x))) {
                if (c == null) c = name.toCharArray();
                c[i] = ' ';
            }
        }
        return c == null ? name : new String(c);
    }
}
