package org.storytrace.core.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.model.Article;

/** Extractive summaries with citations, on three reports of one strike and on the news pool. */
class SummaryStageTest {
    private static Document doc(String id, String text) {
        Article a = new Article(id, id, text, null, LocalDate.of(2024, 3, 4), "test", null, null, 0, text.length(), List.of(), "text",
                "UTF-8", null, id, "eng");
        return new SentenceSplitter().apply(Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)));
    }

    @Test
    void whatEveryOutletReportsIsSaidOnceAndCitesEachOutlet() {
        String strike = "Thousands of dockworkers walked off the job at the port of Valmora on Monday, halting the loading of grain ships.";
        Document a = doc("wire", strike + " The union said dockworkers had waited eleven months for a pay offer from the harbour board. "
                + "Talks between the union and the harbour board over pay broke down late on Sunday night.");
        Document b = doc("daily",
                "Thousands of dockworkers walked off the job at the port of Valmora on Monday, halting grain ship loading. "
                + "A local bakery reopened after a fire last year, its owner said with relief at the weekend.");
        Document c = doc("radio", "Dockworkers at the port of Valmora walked off the job on Monday, halting the loading of grain ships. "
                + "The governor urged the union and the harbour board to accept mediation over pay before the harvest.");
        SummaryStage.Summary s = new SummaryStage(3).apply(new StoryView("s", List.of(a, b, c)));
        assertEquals(3, s.sentences().size(), s.toString());
        long strikes = s.sentences().stream().filter(l -> l.text().contains("walked off the job")).count();
        assertEquals(1, strikes, "the strike is said once: " + s);
        SummaryStage.Line first = s.sentences().stream().filter(l -> l.text().contains("walked off the job")).findFirst().orElseThrow();
        assertEquals(3, first.citations().size(), "its sentence cites the three outlets that report it: " + first);
        for (SummaryStage.Line l : s.sentences()) {
            SummaryStage.Citation own = l.citations().get(0);
            Document d = List.of(a, b, c).stream().filter(x -> x.id().equals(own.article())).findFirst().orElseThrow();
            assertEquals(l.text(), d.article().text().substring(own.start(), own.end()).strip(),
                    "the first citation is where the sentence is written");
        }
        assertTrue(s.sentences().stream().noneMatch(l -> l.text().contains("bakery")), "one outlet's aside is not the story: " + s);
    }

    @Test
    void aSummaryOfRealNewsHasItsLengthAndNoRepeatedSentence() throws Exception {
        List<String> texts = TestCorpora.newsPool(6);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) docs.add(doc("n" + i, texts.get(i)));
        SummaryStage.Summary s = new SummaryStage(4).apply(new StoryView("s", docs));
        assertEquals(4, s.sentences().size(), s.toString());
        assertEquals(4, s.sentences().stream().map(SummaryStage.Line::text).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> new SummaryStage(0));
        assertTrue(new SummaryStage().apply(new StoryView("e", List.of(doc("x", "Too short.")))).sentences().isEmpty());
    }

    @Test
    void aDatelineIsNoPartOfTheSentenceItOpens() {
        String text = "Offices stormed\n\nBAGHDAD, May 8, 2021 \u2014 Protesters stormed militia offices in Karbala on Friday after the "
                + "killing of a local activist, police said.";
        SummaryStage.Summary s = new SummaryStage(1).apply(new StoryView("d", List.of(doc("x", text))));
        assertEquals("Protesters stormed militia offices in Karbala on Friday after the killing of a local activist, police said.",
                s.sentences().get(0).text());
        assertEquals(text.indexOf("Protesters"), s.sentences().get(0).citations().get(0).start());
    }

    @Test
    void aTablesLeadInAndItsRowsAreNoSummarySentences() {
        // Xinhua's market and sports reports of the news pool
        String text = "Rubber prices\n\nWednesday's noon rubber prices in Singapore cents per kilo provided by the Singapore Commodity "
                + "Exchange:\n\nRSS 1 Jan 215.50 216.50 Feb 218.00 219.00 Mar 220.50 221.50\n\nTottenham 2 (Defoe 58, 77) Aston Villa 1 "
                + "(Barry 81) 2006 12 03\n\nPrices of natural rubber rose on Wednesday on strong buying from Chinese tyre makers, "
                + "dealers in Singapore said.";
        SummaryStage.Summary s = new SummaryStage(3).apply(new StoryView("d", List.of(doc("x", text))));
        assertEquals(List.of("Prices of natural rubber rose on Wednesday on strong buying from Chinese tyre makers, dealers in Singapore "
                + "said."), s.sentences().stream().map(SummaryStage.Line::text).toList());
        assertTrue(SummaryStage.tabular("Tottenham 2 (Defoe 58, 77) Aston Villa 1 (Barry 81)"));
        assertFalse(SummaryStage.tabular("Ten people were killed and 50 injured in the 2005 earthquake on Qeshm island."));
    }

    @Test
    void aSentenceThatLeansOnTheOneBeforeItIsChosenOnlyWhenNothingStandingAloneSaysAsMuch() {
        String bad = "Officials in Tanzania and Kenya, where she arrived next, hoped for aid after the blasts killed 257.";
        assertFalse(SummaryStage.leansBack(bad, 0, bad.length(), null), "the article's names unknown: a capitalised word may be one");
        // the article's names known: none of them a person, or one elsewhere in the article
        assertTrue(SummaryStage.leansBack(bad, 0, bad.length(), List.of()), "no person is named in it");
        assertTrue(SummaryStage.leansBack(bad, 0, bad.length(), List.of(-1)), "no person is named in it");
        String named = "After she left a rehab clinic on Thursday, Lindsay Lohan checked into the Betty Ford Center.";
        assertFalse(SummaryStage.leansBack(named, 0, named.length(), List.of(named.indexOf("Lindsay"))), "she is named in it");
        for (String opening : List.of("But the toll rose on Monday as rescuers dug through the rubble of the embassy.",
                "The following are the latest figures for the dead and injured in the bombings.",
                "\u201cThey will pay for this,\u201d the minister told reporters outside the embassy.")) {
            assertTrue(SummaryStage.leansBack(opening, 0, opening.length(), List.of(-1)), opening);
        }
        String alone = "The embassy bombings in Nairobi and Dar es Salaam on Aug. 7 killed 257 people, officials said on Monday.";
        assertFalse(SummaryStage.leansBack(alone, 0, alone.length(), List.of(-1)), alone);
        // two reports: the lead of one leans back ("But ..."); the other says the same further down, standing alone
        Document a = doc("a", "But the embassy bombings in Nairobi and Dar es Salaam killed 257 people, officials said on Monday. "
                + "Rescuers worked through the night with cranes and bare hands to reach survivors under the rubble.");
        Document b = doc("b", "Rescue work went on through the night at the two ruined buildings in the capitals of East Africa. "
                + "The embassy bombings in Nairobi and Dar es Salaam killed 257 people, the police said on Monday.");
        SummaryStage.Summary s = new SummaryStage(1).apply(new StoryView("s", List.of(a, b)));
        assertEquals(1, s.sentences().size(), s.toString());
        assertFalse(s.sentences().get(0).text().startsWith("But"), s.toString());
    }
}
