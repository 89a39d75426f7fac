package org.storytrace.core.quote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.text.Spelling;

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

    @Test
    void typographyContractionsNumbersAndBritishSpellingAreNotAnotherWording() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "Police locked down the neighbourhood and I \u2019 m sure it won't reopen before the eleventh hour of the "
                        + "day, it\u2019s a defence matter"),
                item("b", "Police locked down the neighborhood and I am sure it will not reopen before the 11th hour of the day, "
                        + "it's a defense matter"));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        assertEquals(1, groups.size());
        assertTrue(groups.get(0).differences().get(0).isEmpty(), () -> groups.get(0).differences().get(0).changed().stream()
                .map(c -> c[0] + " -> " + c[1]).toList().toString());
        assertEquals("neighborhood", Spelling.key("neighbourhood"));
        assertEquals("fiber", Spelling.key("fibre"));
        assertEquals("organization", Spelling.key("organisation"));
        assertEquals("traveled", Spelling.key("travelled"));
        assertEquals(Spelling.key("ok"), Spelling.key("okay"));
        assertEquals(Spelling.key("programme"), Spelling.key("program"));
        assertEquals(Spelling.key("sentence"), Spelling.key("sentence"));
        assertNotEquals(Spelling.key("killed"), Spelling.key("filled"));
        assertTrue(Spelling.typo("beween", "between"));
        assertTrue(Spelling.typo("exectuive", "executive"));
        assertFalse(Spelling.typo("killed", "filled"), "another first letter is another word");
        assertFalse(Spelling.typo("men", "man"), "short words are other words");
        assertTrue(Spelling.typo("jew", "jews"), "a plural's s dropped: one outlet's slip");
        assertTrue(Spelling.typo("leaders", "leader"));
        assertFalse(Spelling.typo("it", "its"), "two letters are too few to tell");
        assertFalse(Spelling.typo("jews", "jewels"));
        List<QuoteGrouper.Item> plural = List.of(
                item("a", "If somebody denies the myth of the massacre of Jews, the Zionist loudspeakers will start to scream"),
                item("b", "If somebody denies the myth of the massacre of Jew, the Zionist loudspeakers will start to scream"));
        assertTrue(QuoteGrouper.group(plural).get(0).differences().get(0).isEmpty());
        List<QuoteGrouper.Item> typo = List.of(
                item("a", "The controversy between China and the United States on the Taiwan issue revolves around one point"),
                item("b", "The controversy beween China and the United States on the Taiwan issue revolves around one point"));
        assertTrue(QuoteGrouper.group(typo).get(0).differences().get(0).isEmpty());
        // clock times in house style: 12- or 24-hour, with or without a zone, "0241 GMT" or "02:41 GMT"
        List<QuoteGrouper.Item> clock = List.of(
                item("a", "My dear friend and client passed away at 6:41pm PST this evening (0241 GMT Friday) in a Los Angeles "
                        + "hospital"),
                item("b", "My dear friend and client passed away at 18:41 this evening (02:41 GMT Friday) in a Los Angeles hospital"));
        assertTrue(QuoteGrouper.group(clock).get(0).differences().get(0).isEmpty(),
                () -> QuoteGrouper.group(clock).get(0).differences().toString());
        assertEquals(List.of("at", "18h41", "or", "00h15"), QuoteGrouper.words("at 6.41 p.m. or 12:15 a.m. EST"));
    }

    @Test
    void differentQuotesOfOneSpeakerSharingFunctionWordsAreNotGroupedNorChained() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "I tried to open up my door and they said close your door, lock your door."),
                item("b", "I tried not to listen."),
                item("c", "I can not emphasize enough how traumatic this would have been for the people in there, and I tried to "
                        + "open up my door"),
                item("d", "There's a lot of anger here,"),
                item("e", "They have a hard time because there's a lot of crime in the neighborhood,"));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        for (QuoteGrouper.Group g : groups) {
            assertFalse(g.items().contains(1), "a run of function words is not the same quote: " + g);
            assertFalse(g.items().contains(3) && g.items().contains(4), "'there's a lot of' is not the same quote: " + g);
        }
    }

    @Test
    void aTrimmedQuoteJoinedByTheReportersWordIsNoChange() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "I think everyone who knows me knows how much I love this program and to be a small part of this "
                        + "historic moment for Tyler is a dream come true for me,"),
                item("b", "It's a dream come true for me,"));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        assertEquals(1, groups.size());
        assertEquals(List.of(), groups.get(0).differences().get(0).changed());
    }
    @Test
    void aShortQuoteWhoseWordsLieScatteredOverALongOneIsAnotherQuote() {
        List<QuoteGrouper.Item> items = List.of(
                item("a", "Right now there's no indication that we have that there's any connection there. We just don't have any "
                        + "leads at all as far as the intent or motive in this"),
                item("b", "We have no information on intent or motive."),
                item("c", "We just don't have any leads as far as the intent or motive in this"));
        List<QuoteGrouper.Group> groups = QuoteGrouper.group(items);
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of(0, 2), groups.get(0).items(), "the trimmed quote joins, the scattered one does not");
        List<String> ref = QuoteGrouper.words(items.get(0).quote().text());
        assertEquals(4, QuoteGrouper.denseLcs(ref, QuoteGrouper.words(items.get(1).quote().text())),
                "'have ... intent or motive' within twelve words; 'we have ... intent or motive' only over eighteen");
    }

    /** A quote of {@code article} said by {@code speaker} (null: none), with a cue or not, its speaker's mention at {@code mention}. */
    private static QuoteGrouper.Item said(String article, String text, String speaker, boolean cue, int mention) {
        int at = text.length() + 2;
        return new QuoteGrouper.Item(article, new Quote(0, text.length(), text, speaker == null ? -1 : at, speaker == null ? -1
                : at + speaker.length(), speaker, cue ? 0 : -1, cue ? 4 : -1, cue ? "said" : null, mention));
    }

    @Test
    void aGroupIsGivenTheSpeakerThatItsWordingsNameBest() {
        String words = "I am pleased to announce that the two leaders have agreed to face-to-face talks,";
        // news pool, 1997-04-30: one outlet's "he said" stood for Mobutu, the other wrote "Richardson said"
        List<QuoteGrouper.Item> items = List.of(said("a", words + " soon", "he", true, 10), said("b", words, "Richardson", true, 20));
        QuoteGrouper.Group g = QuoteGrouper.group(items).get(0);
        assertEquals(0, g.reference(), "the longer wording is the reference");
        assertEquals(1, QuoteGrouper.speakerItem(g, items, it -> it.quote().speakerMention() >= 0), "a name beats a pronoun");
        // a pronoun that stands for a name beats a description, a description beats no one, a cue breaks a tie
        items = List.of(said("a", words + " soon", "officials", true, -1), said("b", words, "he", true, 5));
        assertEquals(1, QuoteGrouper.speakerItem(QuoteGrouper.group(items).get(0), items, it -> it.quote().speakerMention() >= 0));
        items = List.of(said("a", words + " soon", null, false, -1), said("b", words, "the coalition", true, -1));
        assertEquals(1, QuoteGrouper.speakerItem(QuoteGrouper.group(items).get(0), items, it -> false));
        items = List.of(said("a", words + " soon", "Zico", false, 3), said("b", words, "Han Meilin", true, 7));
        assertEquals(1, QuoteGrouper.speakerItem(QuoteGrouper.group(items).get(0), items, it -> true));
        items = List.of(said("a", words + " soon", "he", true, 3), said("b", words, "he", true, 7));
        assertEquals(0, QuoteGrouper.speakerItem(QuoteGrouper.group(items).get(0), items, it -> true), "a tie keeps the reference's");
        // ECB+ 22_11ecbplus / 22_2ecbplus: "a statement reads" and "the company said in a statement"
        items = List.of(said("a", words + " soon", "a statement", true, -1), said("b", words, "the company", true, -1));
        assertEquals(1, QuoteGrouper.speakerItem(QuoteGrouper.group(items).get(0), items, it -> false), "a speaker beats a document");
    }

    @Test
    void theWordsTwoQuotesShareBoundTheirLongestCommonRun() {
        // the bound that lets a large story's grouping skip most pairs without changing a group
        Random r = new Random(37);
        String[] vocabulary = {"we", "will", "not", "stop", "until", "justice", "is", "done", "the", "people", "said", "no"};
        for (int t = 0; t < 2000; t++) {
            List<String> a = new ArrayList<>(), b = new ArrayList<>();
            for (int i = r.nextInt(15); i > 0; i--) a.add(vocabulary[r.nextInt(vocabulary.length)]);
            for (int i = r.nextInt(15); i > 0; i--) b.add(vocabulary[r.nextInt(vocabulary.length)]);
            String[] sa = a.toArray(new String[0]), sb = b.toArray(new String[0]);
            Arrays.sort(sa);
            Arrays.sort(sb);
            assertTrue(QuoteGrouper.shared(sa, sb) >= QuoteGrouper.lcs(a, b), a + " / " + b);
        }
        assertEquals(2, QuoteGrouper.shared(new String[] {"a", "b", "b"}, new String[] {"b", "b", "c"}));
    }
}
