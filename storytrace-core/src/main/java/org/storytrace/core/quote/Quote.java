package org.storytrace.core.quote;

import java.io.Serializable;

/**
 * One direct quote in an article: the quoted words {@code [start, end)} of the article's text (without the
 * marks; a quote that runs over paragraphs spans them), who said it, and the words that say so.
 *
 * @param speakerStart the speaker's words in the text ({@code Caddell}, {@code he}, {@code the Keyhan daily}), or -1
 * @param cueStart     the cue ({@code said}, {@code wrote:}, {@code according to}), or -1
 * @param speakerMention the start of the name mention the speaker is or refers to (a pronoun's antecedent), or -1
 */
public record Quote(int start, int end, String text, int speakerStart, int speakerEnd, String speaker, int cueStart, int cueEnd, String cue,
                    int speakerMention) implements Serializable {
    public Quote {
        if (start < 0 || end < start) throw new IllegalArgumentException("quote [" + start + ", " + end + ") is negative or reversed");
        if (text == null || text.length() != end - start) throw new IllegalArgumentException("quote text does not span [" + start + ", "
                + end + ")");
    }

    public boolean hasSpeaker() { return speakerStart >= 0; }
    public boolean hasCue() { return cueStart >= 0; }
}
