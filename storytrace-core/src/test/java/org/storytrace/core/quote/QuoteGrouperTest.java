package org.storytrace.core.quote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteGrouperTest {
    private static QuoteGrouper.Item item(String article, String text) {
        return new QuoteGrouper.Item(article, new Quote(0, text.length(), text, -1, -1, null, -1, -1, null, -1));
    }

    @Test
    void twoTranslationsOfOneQuoteAreOneGroupWithTheirWordDifferences() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "I swear by the martyrs\u2019 blood that there will be no escape from justice for their crimes."),
                item("b", "I swear on the martyrs\u2019 blood that there is no escape from justice for their crimes,"),
                item("b", "The visit showed no success in attracting investment."));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        assertEquals(1, groups.size());
        assertEquals(List.of(0, 1), groups.get(0).items());
        QuoteGrouper.Difference d = groups.get(0).differences().get(0);
        assertEquals(List.of(), d.inserted());
        assertEquals(List.of(), d.omitted());
        assertEquals(2, d.changed().size());
        assertArrayEquals(new String[] {"by", "on"}, d.changed().get(0));
        assertArrayEquals(new String[] {"will be", "is"}, d.changed().get(1));
    }

    @Test
    void anEditorialBracketIsAnInsertionAndQuotesOfOneArticleAreNotGrouped() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "Iraqi parties expected Al-Kadhimi to finalize two issues during this visit."),
                item("b", "Iraqi parties [read Iran-backed militia groups] expected Al-Kadhimi to finalize two issues during this visit."),
                item("b", "Iraqi parties expected Al-Kadhimi to finalize two issues during this visit."));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        assertEquals(1, groups.size());
        assertEquals(List.of(0, 1, 2), groups.get(0).items(), "linked through article a");
        assertEquals(1, groups.get(0).reference(), "the most complete wording is the reference");
        assertEquals(List.of("[read iran backed militia groups]"), groups.get(0).differences().get(0).omitted());
    }
}
