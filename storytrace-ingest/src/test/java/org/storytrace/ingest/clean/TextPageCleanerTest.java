package org.storytrace.ingest.clean;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Span;

class TextPageCleanerTest {
    private final TextPageCleaner cleaner = new TextPageCleaner();

    private static String seed(String prefix) throws Exception {
        try (var s = Files.list(TestCorpora.root().resolve("seeds"))) {
            return Files.readString(s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow());
        }
    }

    private static boolean isFurniture(CleanPage p, String line) {
        return p.boilerplate().stream().map(Span::text).anyMatch(t -> t.startsWith(line));
    }

    @Test
    void aPageHeaderDateIsNotThePublicationDateButADateTheTextProvesIs() throws Exception {
        String text = seed("001");
        CleanPage p = cleaner.clean(text);
        assertEquals(LocalDate.of(2020, 9, 1), p.published(), p.publishedEvidence());
        assertTrue(p.publishedEvidence().contains("seventh anniversary"));
        assertEquals("New Protests in Southern Iraq Against Iran Regime", p.title());
        assertTrue(isFurniture(p, "Saturday, September 23, 2023"));
        assertTrue(isFurniture(p, "HomeIran News Now"));
        assertTrue(isFurniture(p, "Protests in southern Iraq"), "a caption after the tags is furniture");
        assertTrue(p.tags().contains("Kazemi"));
        assertTrue(text.substring(p.bodyStart(), p.bodyEnd()).contains("The Iranian regime’s influence in Iraq and its outcome"),
                "a section heading stays in the body");
    }

    @Test
    void aDatelineGivesTheDateAndTheDeckStaysInTheBody() throws Exception {
        String text = seed("002");
        CleanPage p = cleaner.clean(text);
        assertEquals(LocalDate.of(2020, 8, 24), p.published());
        assertEquals("PMOI/MEK", p.source());
        assertTrue(text.substring(p.bodyStart(), p.bodyEnd()).startsWith("Protesters in the city of Nasiriyan, southern Iran"));
        assertTrue(isFurniture(p, "Reporting by PMOI/MEK"));
    }

    @Test
    void aBriefsBareDatelineIsItsDateButAChronologysColonAndAHeaderDateAreNot() {
        CleanPage brief = cleaner.clean("Two hostages freed\n\nOctober 10, 2020 — Two aid workers held for months were freed "
                + "near Gao on Thursday, a source said.\n");
        assertEquals(LocalDate.of(2020, 10, 10), brief.published(), brief.publishedEvidence());
        assertEquals("dateline 'October 10, 2020 —'", brief.publishedEvidence());
        CleanPage chronology = cleaner.clean("How the outbreak spread\n\nMarch 3, 2020: the first case is confirmed in the "
                + "capital after a traveller returns.\n\n"
                + "March 9, 2020: schools close across the country as cases rise.\n");
        assertNull(chronology.published(), chronology.publishedEvidence());
        CleanPage header = cleaner.clean("Saturday, September 23, 2023\n\nA headline here\n\nThe body of the article says "
                + "nothing about its own date at all today.\n");
        assertNull(header.published(), header.publishedEvidence());
    }

    @Test
    void authorBoxAndCommentFormEndTheArticle() throws Exception {
        String text = seed("003");
        CleanPage p = cleaner.clean(text);
        assertEquals("Siavosh Hosseini", p.author());
        assertEquals("Iraqi rebellious storm sites belonging to Iran-backed militias", p.title());
        assertNull(p.published());
        for (String l : new String[] {"News Ticker", "About Siavosh Hosseini", "My background is in the visual arts", "Leave a Reply",
                "Your email address"}) {
            assertTrue(isFurniture(p, l), l);
            assertFalse(text.substring(p.bodyStart(), p.bodyEnd()).contains(l), l);
        }
    }

    @Test
    void aSourceLineNamesTheOutletAndAPageWithoutHeadlineHasNoTitle() throws Exception {
        CleanPage p = cleaner.clean(seed("004"));
        assertEquals("iranfocus", p.source());
        assertNull(p.title());
        assertNull(p.published());
    }

    @Test
    void genericFurnitureIsRecognisedOnAnUnseenLayout() {
        String text = """
                Skip to content
                Home » World » Europe
                Floods force thousands from homes in river valley
                By Anna Keller
                June 3, 2021
                Rescue crews in boats worked through the night to reach villages cut off by the rising river, officials said on Thursday.

                The regional government said more than four thousand people had been moved to schools and sports halls on higher ground.
                Share this:
                Facebook
                Related Posts
                """;
        CleanPage p = cleaner.clean(text);
        assertEquals("Floods force thousands from homes in river valley", p.title());
        assertEquals("Anna Keller", p.author());
        assertEquals(LocalDate.of(2021, 6, 3), p.published(), "a date line under the headline is the byline date");
        String body = text.substring(p.bodyStart(), p.bodyEnd());
        assertTrue(body.startsWith("Rescue crews") && body.endsWith("higher ground."), body);
        assertTrue(isFurniture(p, "Share this:") && isFurniture(p, "Related Posts") && isFurniture(p, "Home » World"));
    }

    @Test
    void aHeadlineWithAnAddedFullStopIsStillTheHeadline() {
        String text = "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\n"
                + "WASHINGTON, June 10 (UPI) — Presumptive Democratic presidential nominee Hillary Clinton told a gathering in "
                        + "Washington that her rival would undo decades of law.\n";
        CleanPage p = cleaner.clean(text);
        assertEquals("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade", p.title());
        assertTrue(text.substring(p.bodyStart(), p.bodyEnd()).startsWith("WASHINGTON"));
        assertEquals("Talks on U.S.", TextPageCleaner.stripFullStop("Talks on U.S."));
        assertEquals("Appeals to ‘Bad Angels’", TextPageCleaner.stripFullStop("Appeals to ‘Bad Angels.’"));
    }
}
