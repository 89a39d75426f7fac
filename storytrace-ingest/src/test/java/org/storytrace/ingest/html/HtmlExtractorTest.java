package org.storytrace.ingest.html;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.dankito.readability4j.util.RegExUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

class HtmlExtractorTest {
    @Test
    void theWhitespaceScanGivesWhatReadabilitysPatternGives() {
        HtmlExtractor.WhitespaceRuns fast = new HtmlExtractor.WhitespaceRuns();
        Pattern runs = Pattern.compile(RegExUtil.NormalizeDefaultPattern);
        char[] alphabet = {'a', 'b', ' ', '\t', '\n', '\r', '\f', 0x0B, '\u00a0', '\u2003', 'é'};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) b.append(alphabet[random.nextInt(alphabet.length)]);
            String t = b.toString();
            assertEquals(runs.matcher(t).replaceAll(" "), fast.normalize(t), "[" + t + "]");
        }
        String clean = "A sentence with single spaces.";
        assertSame(clean, fast.normalize(clean), "no run, no copy");
    }

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

    @Test
    void newsXmlGivesItsPublicationDateAndTheDatelinesAgency() throws Exception {
        // a real TimeML document of the shared news pool: the date is its creation time, the outlet the dateline's "(AFP)"
        String tml = Files.readString(TestCorpora.root().resolve("news-pool/AFP_ENG_19970401.0006.tml"));
        var x = new HtmlExtractor().extractXml(tml);
        assertEquals(LocalDate.of(1997, 4, 1), x.published());
        assertEquals("TimeML creation time (DCT)", x.publishedEvidence());
        assertEquals("AFP", x.siteName());
        assertEquals("Malaysian share market falls 1.1 percent at midday", x.title());
        // LDC Gigaword: the compact DATE_TIME; NITF: date.issue's norm; a dateline alone
        var giga = new HtmlExtractor().extractXml("<DOC id=\"NYT_ENG_19980112.0001\"><DATE_TIME>19980112T0830</DATE_TIME>"
                + "<HEADLINE>Storm hits coast</HEADLINE><TEXT><P>A storm hit the coast on Monday.</P></TEXT></DOC>");
        assertEquals(LocalDate.of(1998, 1, 12), giga.published());
        var nitf = new HtmlExtractor().extractXml("<nitf><head><title>Dam opens</title><docdata><date.issue norm=\"20210305T000000\"/>"
                + "</docdata></head><body><body.head><hedline><hl1>Dam opens after ten years</hl1></hedline><byline>By <person>Ana "
                + "Ruiz</person>, <byttl>Staff Writer</byttl></byline><dateline>VALMORA</dateline></body.head>"
                + "<body.content><p>The dam opened.</p></body.content></body></nitf>");
        assertEquals(LocalDate.of(2021, 3, 5), nitf.published());
        assertEquals("Ana Ruiz", nitf.author(), "the byline's person, not the writer's title");
        assertEquals("Dam opens\n\nThe dam opened.", nitf.text().strip(), "the story alone: no byline in the text");
        assertEquals("Maria Lopez", new HtmlExtractor().extractXml("<DOC><BYLINE>By Maria Lopez</BYLINE><TEXT>Rain fell.</TEXT></DOC>")
                .author());
        var dateline = new HtmlExtractor().extractXml("<DOC><DATELINE>NAIROBI, Aug. 7 , 1998 (Xinhua)</DATELINE>"
                + "<TEXT>Blasts hit two embassies.</TEXT></DOC>");
        assertEquals(LocalDate.of(1998, 8, 7), dateline.published());
        assertEquals("Xinhua", dateline.siteName());
        assertNull(new HtmlExtractor().extractXml("<DOC><TEXT>No date here.</TEXT></DOC>").published());
        // DUC and TDT: the LDC's month-first DATE_TIME
        var duc = new HtmlExtractor().extractXml("<DOC><DOCNO> APW19981016.0240 </DOCNO><DATE_TIME> 10/16/1998 08:12:00 </DATE_TIME>"
                + "<BODY><HEADLINE> Storm hits coast </HEADLINE><TEXT>A storm hit the coast on Friday.</TEXT></BODY></DOC>");
        assertEquals(LocalDate.of(1998, 10, 16), duc.published());
        assertEquals("Storm hits coast", duc.title());
        assertNull(new HtmlExtractor().extractXml("<DOC><DATE_TIME>13/45/1998</DATE_TIME><TEXT>x</TEXT></DOC>").published(),
                "no such day");
    }

    @Test
    void anAgencysNoteInTheHeadlineFieldIsNoTitle() throws Exception {
        // real news-pool documents: a note to AFP's clients, a byline and an URGENT mark where the headline goes
        var note = new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve("news-pool/AFP_ENG_20061223.0092.tml")));
        assertNull(note.title(), note.title());
        assertNull(new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve("news-pool/XIN_ENG_20051113.0052.tml")))
                .title());
        var urgent = new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve("news-pool/AFP_ENG_19970422.0638.tml")));
        assertEquals("Japanese ambassador among freed hostages", urgent.title());
    }

    @Test
    void anLdcDocumentIdNamesTheServiceWhenTheDatelineDoesNot() throws Exception {
        // "MOGADISHU, Dec 23, 2006, 2006": no agency in the dateline; the id is AFP_ENG_20061223.0092
        assertEquals("AFP", new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve(
                "news-pool/AFP_ENG_20061223.0092.tml"))).siteName());
        assertEquals("Wall Street Journal", new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve(
                "tempeval3/TBAQ-cleaned/TimeBank/wsj_0152.tml"))).siteName());
        assertEquals("AP", new HtmlExtractor().extractXml("<DOC id=\"APW_ENG_20081016.0240\"><TEXT>Rain fell.</TEXT></DOC>").siteName());
        assertEquals("New York Times", new HtmlExtractor().extractXml("<DOC><DOCNO> NYT19980206.0460 </DOCNO><TEXT>x</TEXT></DOC>")
                .siteName());
        assertNull(new HtmlExtractor().extractXml("<DOC><DOCNO>ea980120.1830.0071</DOCNO><TEXT>x</TEXT></DOC>").siteName(), "unknown code");
        assertNull(new HtmlExtractor().extractXml("<DOC><DOCID>report-7</DOCID><TEXT>x</TEXT></DOC>").siteName());
        assertEquals("Xinhua", new HtmlExtractor().extractXml(Files.readString(TestCorpora.root().resolve(
                "news-pool/XIN_ENG_20051113.0052.tml"))).siteName(), "the dateline's own agency first");
    }

    /**
     * The lean grabber (no page serialisation unless a retry needs it) extracts what readability4j's own does, on real
     * newswire text in page layouts that take each of its paths: a news template with navigation, related links, a
     * script and a style sheet; paragraphs as bare divs; a table layout; text straight in the body; and short pages,
     * whose text is under readability's 500 characters, so that it tries again with each of its rules relaxed and puts
     * the page back each time.
     */
    @Test
    void theLeanGrabberExtractsWhatReadabilitysOwnDoes() throws Exception {
        List<String> pool = TestCorpora.newsPool(120);
        Random random = new Random(7);
        int pages = 0, retried = 0;
        for (String text : pool) {
            List<String> paras = Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(x -> !x.isEmpty())
                    .toList();
            if (paras.isEmpty()) continue;
            StringBuilder p = new StringBuilder(), d = new StringBuilder(), t = new StringBuilder(), b = new StringBuilder();
            for (String x : paras) {
                String e = Entities.escape(x);
                p.append("<p>").append(e).append("</p>\n");
                d.append("<div class=\"para\">").append(e).append("</div>\n");
                t.append("<tr><td>").append(e).append("</td></tr>\n");
                b.append(e).append("<br><br>\n");
            }
            StringBuilder nav = new StringBuilder();
            for (int k = 0; k < 10 + random.nextInt(30); k++) nav.append("<li><a href=\"/s/").append(k).append("\">Section ").append(k)
                    .append("</a></li>");
            String head = "<head><title>Story</title><style>.a{color:red}</style><script>var x = 1;</script></head>";
            String shortText = Entities.escape(paras.get(0).substring(0, Math.min(180, paras.get(0).length())));
            String[] layouts = {
                "<html>" + head + "<body><header><nav><ul>" + nav + "</ul></nav></header><main><article><h1>Story</h1>"
                        + "<div class=\"byline\">By Staff</div>" + p + "</article><aside class=\"related\"><ul>" + nav
                        + "</ul></aside></main><footer><p>Copyright. All rights reserved.</p></footer></body></html>",
                "<html>" + head + "<body><div id=\"content\">" + d + "</div><div class=\"comments\">" + nav + "</div></body></html>",
                "<html>" + head + "<body><table><tr><td>" + nav + "</td></tr>" + t + "</table></body></html>",
                "<html>" + head + "<body>" + b + "</body></html>",
                "<html>" + head + "<body><div class=\"sidebar\"><p>" + shortText + "</p></div><nav>" + nav + "</nav></body></html>",
                "<html>" + head + "<body><p>" + shortText + "</p></body></html>",
            };
            for (String page : layouts) {
                var lean = HtmlExtractor.readability("https://example.org/a", Jsoup.parse(page), true).parse();
                var own = HtmlExtractor.readability("https://example.org/a", Jsoup.parse(page), false).parse();
                assertEquals(own.getContent(), lean.getContent(), page);
                assertEquals(own.getTextContent(), lean.getTextContent());
                assertEquals(own.getTitle(), lean.getTitle());
                assertEquals(own.getByline(), lean.getByline());
                pages++;
                if (own.getTextContent() != null && own.getTextContent().strip().length() < 500) retried++;
            }
        }
        assertTrue(pages >= 600 && retried >= 100, pages + " pages, " + retried + " retried");
    }
}
