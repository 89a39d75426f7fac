package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;

class LinkerTest {
    /** A plain-text article, for the linker tests of this package. */
    static Article article(String id, String text, LocalDate published) {
        return new Article(id, id, text, null, published, null, null, null, 0, text.length(), List.of(), "text", "UTF-8", null, null,
                "eng");
    }

    @Test
    void aPartialReprintIsLinkedWithItsDirectionAndPassageOffsets() throws Exception {
        List<String> docs = TestCorpora.newsPool(30);
        String original = docs.get(3);
        int cut = original.indexOf(' ', original.length() / 3);
        String reprint = docs.get(7) + "\n\n" + original.substring(0, cut);
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            links.addAll(linker.add(article("d" + (100 + i), docs.get(i), LocalDate.of(2020, 1, 1).plusDays(i))));
        }
        links.addAll(linker.add(article("r", reprint, LocalDate.of(2021, 1, 1))));
        List<Link> toReprint = links.stream().filter(l -> l.b().equals("r")).toList();
        assertEquals(2, toReprint.size(), toReprint.toString());
        Link fromOriginal = toReprint.stream().filter(l -> l.a().equals("d103")).findFirst().orElseThrow();
        assertEquals(Link.Direction.A_TO_B, fromOriginal.direction());
        assertEquals(1, fromOriginal.passages().size());
        var p = fromOriginal.passages().get(0);
        assertEquals(original.substring(p.aStart(), p.aEnd()), reprint.substring(p.bStart(), p.bEnd()));
        assertTrue(fromOriginal.reusedShareA() > 0.25 && fromOriginal.reusedShareA() < 0.4, "a third of the original: "
                + fromOriginal.reusedShareA());
    }

    @Test
    void aDisclaimerEveryArticleCarriesIsCommonTalkNotReuse() throws Exception {
        List<String> docs = TestCorpora.newsPool(60);
        String disclaimer = "\n\nThis report was produced by the newsroom of the Valley Courier and may not be republished, rewritten or "
                + "redistributed in any form without the prior written permission of the copyright holder and its partners.";
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) links.addAll(linker.add(article("d" + (100 + i), docs.get(i) + disclaimer, null)));
        assertFalse(links.isEmpty(), "before the corpus shows the disclaimer to be common, it links articles");
        List<Link> pruned = linker.pruneCommon(links);
        for (Link l : pruned) {
            assertFalse(l.passages().stream().anyMatch(p -> (docs.get(Integer.parseInt(l.a().substring(1)) - 100) + disclaimer)
                    .substring(p.aStart(), p.aEnd()).contains("written permission")),
                    "the disclaimer is no passage of " + l);
        }
        assertTrue(pruned.size() < links.size() / 2, pruned.size() + " of " + links.size() + " links remain");
    }

    @Test
    void aWireStoryQuotedAtLengthByManyArticlesIsReuseNotCommonTalk() throws Exception {
        // a collection on one theme: every local article quotes seven paragraphs of one wire story, each its own run; more
        // articles carry each of its anchors than the anchor look-up reads (anchorMaxDocFreq, 100), so the later ones find
        // the wire through the earliest holders of those anchors
        List<String> docs = TestCorpora.newsPool(403);
        String wire = docs.get(2);
        String[] paragraphs = wire.split("\\n\\s*\\n");
        assertTrue(paragraphs.length >= 14, paragraphs.length + " paragraphs");
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>(linker.add(article("wire", wire, LocalDate.of(1997, 4, 1))));
        for (int i = 3; i < docs.size(); i++) {
            int from = (i * 5) % (paragraphs.length - 7);
            String quoted = String.join("\n\n", List.of(paragraphs).subList(from, from + 7));
            links.addAll(linker.add(article("local" + i, docs.get(i) + "\n\nIn other news, AFP reported:\n\n" + quoted,
                    LocalDate.of(1997, 4, 2))));
        }
        List<Link> kept = linker.pruneCommon(links);
        long toWire = kept.stream().filter(l -> l.a().equals("wire") || l.b().equals("wire")).count();
        assertTrue(toWire >= (docs.size() - 3) * 0.9, toWire + " of " + (docs.size() - 3) + " local articles still linked to the wire");
        long lateToWire = kept.stream().filter(l -> l.a().equals("wire") || l.b().equals("wire"))
                .filter(l -> Integer.parseInt((l.a().equals("wire") ? l.b() : l.a()).substring(5)) >= 300).count();
        assertTrue(lateToWire >= (docs.size() - 300) * 0.9, lateToWire + " of the " + (docs.size() - 300) + " last");
    }

    @Test
    void aThousandReprintsOfOneStoryAreLinkedToTheirEarliestAndClosestNotToEveryOneAndKeepTheirWholeText() throws Exception {
        // a wire story reprinted by a thousand outlets, each dropping a paragraph and reordering the rest under its own intro:
        // each paragraph is a passage under COMMON_MAX_CHARS that most of the collection carries
        List<String> docs = TestCorpora.newsPool(160);
        String wire = docs.get(2);
        List<String> paragraphs = List.of(wire.split("\\n\\s*\\n"));
        assertTrue(paragraphs.size() >= 14, paragraphs.size() + " paragraphs");
        Random random = new Random(11);
        List<Article> batch = new ArrayList<>();
        int copies = 1000;
        for (int i = 0; i < copies; i++) {
            batch.add(article("copy" + (1000 + i), TestCorpora.reprint(paragraphs, i, random), LocalDate.of(1997, 4, 1).plusDays(i / 500)));
            if (i % 4 == 3) batch.add(article("other" + i, docs.get(3 + i / 8), LocalDate.of(1997, 4, 1 + i / 40)));
        }
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += 300) {
            links.addAll(linker.addAll(batch.subList(from, Math.min(batch.size(), from + 300)), true));
        }
        links = linker.pruneCommon(links);
        Map<String, Integer> linksOf = new HashMap<>();
        int toFirst = 0;
        for (Link l : links) {
            if (!l.a().startsWith("copy") || !l.b().startsWith("copy")) continue;
            assertTrue(Math.min(l.reusedShareA(), l.reusedShareB()) >= 0.8, "copies share their text, not some paragraphs: " + l.a() + " "
                    + l.b() + " " + l.reusedShareA() + " / " + l.reusedShareB());
            linksOf.merge(l.a(), 1, Integer::sum);
            linksOf.merge(l.b(), 1, Integer::sum);
            if (l.a().equals("copy1000")) toFirst++;
        }
        assertEquals(copies, linksOf.size(), "every copy is linked");
        assertTrue(toFirst >= (copies - 1) * 0.95, toFirst + " of " + (copies - 1) + " copies linked to the earliest");
        long copyLinks = links.stream().filter(l -> l.a().startsWith("copy") && l.b().startsWith("copy")).count();
        assertTrue(copyLinks <= copies * (Linker.COPIES_VERIFIED + 2), copyLinks + " links among " + copies + " copies");
        // a few copies of a story are linked pairwise, as before
        Linker few = new Linker();
        List<Link> fewLinks = new ArrayList<>();
        for (int i = 0; i < Linker.COPIES_VERIFIED; i++) fewLinks.addAll(few.add(batch.get(i + i / 4)));
        assertEquals(Linker.COPIES_VERIFIED * (Linker.COPIES_VERIFIED - 1) / 2, fewLinks.size());
    }
}
