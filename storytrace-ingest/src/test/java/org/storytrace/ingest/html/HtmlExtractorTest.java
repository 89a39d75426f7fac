package org.storytrace.ingest.html;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
    @Test
    void extractsTheArticleAndItsDeclaredMetadataFromTheBundledPage() throws Exception {
        String html = Files.readString(Path.of("../examples/corpus/valmora-port-strike-rewrite.html"));
        HtmlExtractor.Extracted x = new HtmlExtractor().extract(html, "file:///x.html");
        assertEquals("Harbour strike strands ships off Valmora", x.title());
        assertEquals(LocalDate.of(2024, 3, 5), x.published());
        assertEquals("Petra Lindqvist", x.author());
        assertTrue(x.text().contains("More than forty freighters lay at anchor"));
        assertFalse(x.text().contains("ferry timetable changes"), "the ticker is not article text");
        assertFalse(x.text().contains("All rights reserved"));
    }

    @Test
    void datesComeFromJsonLdOrTimeWhenMetaTagsAreMissing() {
        String html = "<html><head><script "
                + "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-02T10:00:00Z\"}</script></head>"
                + "<body><article><h1>Council votes to close the bridge</h1><p>"
                        + "The council voted on Thursday to close the bridge. ".repeat(8) + "</p></article></body></html>";
        var x = new HtmlExtractor().extract(html, null);
        assertEquals(LocalDate.of(2019, 11, 2), x.published());
        assertEquals("JSON-LD datePublished", x.publishedEvidence());
    }

    @Test
    void brokenMarkupNeverThrows() {
        var x = new HtmlExtractor().extract("<html><body><p>Unclosed <b>bold <i>text" + "<div>".repeat(5000), null);
        assertNotNull(x.text());
    }
}
