package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;

/**
 * An outlet's standing notice at the end of its articles (HuffPost's 2016 editor's note on Donald Trump closed 19 of
 * PolNeAR's 839 pages) is text the articles share, but not a story they report: it chained twelve unrelated pages into one.
 */
class StandingNoticeTest {
    private static final String NOTICE = "Editor's note: The Daily Ledger is funded by its readers. We take no money from parties, "
            + "governments or the companies we cover, and every correction we make is listed on our corrections page with the date "
            + "it was made. If you value reporting that answers to you alone, please consider becoming a member today: it takes "
            + "two minutes and helps us keep our reporters on the street.";

    @Test
    void aNoticeClosingUnrelatedReportsLinksThemButMakesNoStory() throws Exception {
        List<String> pool = TestCorpora.newsPool(240);
        LocalDate day = LocalDate.of(1997, 4, 1);
        List<Article> plain = new ArrayList<>(), noticed = new ArrayList<>();
        List<Integer> carriers = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            String text = pool.get(i);
            // every fifth report of 1,600 to 3,000 characters carries the notice, as one outlet's pages among others' in a
            // collection: it is 13-25% of each, a share that made pairs one story, and not a copy (40%)
            boolean carries = i % 5 == 0 && text.length() >= 1_600 && text.length() < 3_000;
            if (carries) carriers.add(i);
            plain.add(LinkerTest.article("a" + i, text, day.plusDays(i % 3)));
            noticed.add(LinkerTest.article("a" + i, carries ? text + "\n\n" + NOTICE : text, day.plusDays(i % 3)));
        }
        assertTrue(carriers.size() >= 12 && carriers.size() < 20, carriers.size() + " carriers, fewer than the common-talk rule drops");

        int[] without = stories(plain, null);
        List<Link> noticeLinks = new ArrayList<>();
        int[] with = stories(noticed, noticeLinks);
        // the shared text is still reported: it is there, and the reuse view shows it
        long carrierPairsLinked = noticeLinks.stream().filter(l -> carriers.contains(Integer.parseInt(l.a().substring(1)))
                && carriers.contains(Integer.parseInt(l.b().substring(1)))).count();
        assertTrue(carrierPairsLinked >= carriers.size(), carrierPairsLinked + " links between the notice's carriers");
        assertTrue(noticeLinks.stream().anyMatch(l -> Math.max(l.reusedShareA(), l.reusedShareB()) >= 0.1),
                "the notice is a tenth of a short report or more");
        // but the carriers are grouped as their own words group them, not by the notice
        for (int x : carriers) {
            for (int y : carriers) {
                if (x < y) {
                    assertEquals(without[x] == without[y], with[x] == with[y], "a" + x + " and a" + y + " in one story with the notice: "
                            + (with[x] == with[y]));
                }
            }
        }
    }

    @Test
    void aPassageSharedWithFewIsStoryEvidenceAndACopyAlways() {
        List<Link> links = new ArrayList<>();
        // six pages closing on one notice, each pair sharing 3% of the longer page and 15% of the shorter
        for (int a = 0; a < 6; a++) for (int b = a + 1; b < 6; b++) links.add(link("n" + a, "n" + b, 0.03, 0.15));
        links.add(link("n0", "n1x", 0.45, 0.5)); // a reprint of a carrier: a copy
        links.add(link("r0", "r1", 0.12, 0.3)); // two reports sharing a paragraph no one else has
        links.add(link("n2", "r0", 0.05, 0.12)); // a carrier sharing another paragraph with one of them: r0 has two partners
        Map<String, Integer> number = new HashMap<>();
        for (Link l : links) { number.putIfAbsent(l.a(), number.size()); number.putIfAbsent(l.b(), number.size()); }
        ToIntFunction<String> docOf = id -> number.getOrDefault(id, -1);
        double[] shares = StoryGrouper.storyShares(links, docOf);
        for (int i = 0; i < 15; i++) assertEquals(0, shares[i], "notice pair " + links.get(i));
        assertEquals(0.5, shares[15], "a copy");
        assertEquals(0.3, shares[16]);
        assertEquals(0.12, shares[17], "a hub and an article with two partners");
        // the incremental form: the partners counted as the links come, the shares asked of the new ones
        StoryGrouper.ReusePartners partners = new StoryGrouper.ReusePartners();
        partners.add(links.subList(0, 1), docOf);
        assertEquals(0.15, partners.storyShare(links.get(0), docOf), "one pair alone shares no notice");
        partners.add(links.subList(1, links.size()), docOf);
        assertEquals(0, partners.storyShare(links.get(0), docOf), "once the notice is seen on six pages");
        assertEquals(0.12, partners.storyShare(links.get(17), docOf));
        assertEquals(0.3, partners.storyShare(new Link("x", "y", 0.05, 0.3, 0.1, null, List.of()), docOf), "articles it does not know");
    }

    private static Link link(String a, String b, double shareA, double shareB) {
        return new Link(a, b, 0.05, shareA, shareB, null, List.of());
    }

    private static int[] stories(List<Article> articles, List<Link> out) {
        Linker linker = new Linker();
        List<Link> links = new ArrayList<>();
        for (Article a : articles) links.addAll(linker.add(a));
        links = linker.pruneCommon(links);
        if (out != null) out.addAll(links);
        return new StoryGrouper().group(articles.stream().map(StoryGrouper.Item::of).toList(), links).story();
    }
}
