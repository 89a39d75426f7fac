package org.storytrace.core.time;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;

/** A story's timeline on the seeds' three reports of one story (two undated), and on small made-up reports. */
class TimelineStageTest {
    private static Document doc(String id, String text, LocalDate published) {
        Article a = new Article(id, id, text, null, published, published == null ? null : "test", null, null, 0, text.length(), List.of(),
                "text", "UTF-8", null, null, "eng");
        Document d = Document.of(a).with(Layers.TOKENS, TokenLayer.of(a));
        d = new SentenceSplitter().apply(d);
        return new TimeTagger().apply(d);
    }

    private static Document seed(String name, LocalDate published) throws Exception {
        Path f = TestCorpora.root().resolve("seeds").resolve(name + ".txt");
        return doc(name, Files.readString(f), published);
    }

    @Test
    void theSeedsUndatedReportsTakeTheStorysDateAndTheBasraVisitIsDisputed() throws Exception {
        List<Document> docs = List.of(seed("000_8fce433b631a5525", null), seed("002_e924190dd1f865ae", LocalDate.of(2020, 8, 24)),
                seed("003_a823ca92ff81a94e", null));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s1", docs));
        TimelineStage.ArticleTime undated = t.of("003_a823ca92ff81a94e").orElseThrow();
        assertEquals("story", undated.basis());
        assertEquals(LocalDate.of(2020, 8, 24), undated.anchor());
        assertEquals("medium", undated.confidence(), "one dated report of the story");
        assertEquals(LocalDate.of(2020, 8, 24), undated.earliest());
        Timex september = undated.timexes().stream().filter(x -> x.text().equals("Sunday, 23 September")).findFirst().orElseThrow();
        assertEquals("2020-09-23", september.value());
        assertEquals("inferred", september.anchor());
        assertTrue(september.note().contains("Wednesday"));
        assertEquals("2020-08-19", t.of("000_8fce433b631a5525").orElseThrow().timexes().stream()
                .filter(x -> x.text().equals("August 19")).findFirst().orElseThrow().value());

        List<TimelineStage.Event> disputed = t.timeline().stream().filter(e -> !e.disputed().isEmpty()).toList();
        assertEquals(2, disputed.size(), "the visit's two dates, each disputed by the other: " + disputed);
        TimelineStage.Event august = disputed.get(0), september23 = disputed.get(1);
        assertEquals("2020-08-23", august.date());
        assertEquals(List.of("000_8fce433b631a5525", "002_e924190dd1f865ae"), august.mentions().stream().map(TimelineStage.Mention::article)
                .toList());
        assertEquals("2020-09-23", august.disputed().get(0).date());
        assertEquals(List.of("003_a823ca92ff81a94e"), august.disputed().get(0).articles());
        assertEquals("2020-09-23", september23.date());
        assertTrue(september23.mentions().get(0).context().contains("Basra"), september23.mentions().get(0).context());
        // the assassination's "August 19", "last week" and "a few days ago" agree: no dispute
        assertTrue(disputed.stream().flatMap(e -> e.mentions().stream()).noneMatch(m -> m.text().equals("August 19")));
        // in date order
        List<String> dates = t.timeline().stream().map(TimelineStage.Event::date).toList();
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(null);
        assertEquals(sorted, dates);
    }

    @Test
    void twoReportsOfOneDayAreOneEventAndDifferentEventsOnDifferentDaysAreNotADispute() {
        LocalDate day = LocalDate.of(2021, 3, 10);
        Document a = doc("a", "The central bank raised interest rates by half a point on Tuesday, surprising investors in Ankara.", day);
        Document b = doc("b", "Investors in Ankara were surprised when the central bank raised interest rates on Tuesday.", day);
        Document c = doc("c", "A ferry sank off the coast of Izmir on Monday with forty passengers aboard.", day);
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b, c)));
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        TimelineStage.Event rates = t.timeline().stream().filter(e -> e.date().equals("2021-03-09")).findFirst().orElseThrow();
        assertEquals(2, rates.mentions().size(), rates.toString());
        assertEquals(2, t.timeline().size());
    }

    @Test
    void reportsOfOneEventOnDifferentDaysAreDisputedAndAStoryWithoutDatesInfersNone() {
        // two reports of one day: one puts the rise on Tuesday, the other on Thursday (a report cannot have told of a day
        // after its own, nor are reports of different days naming their day alike one event: see below)
        Document a = doc("a", "The central bank raised interest rates by half a point on Tuesday, surprising investors in Ankara.",
                LocalDate.of(2021, 3, 11));
        Document b = doc("b", "Investors in Ankara were surprised when the central bank raised interest rates on Thursday.",
                LocalDate.of(2021, 3, 11));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertEquals(2, t.timeline().stream().filter(e -> !e.disputed().isEmpty()).count(), t.timeline().toString());

        Document undated = doc("u", "On Sunday the minister spoke.", null);
        TimelineStage.StoryTime none = new TimelineStage().apply(new StoryView("s", List.of(undated)));
        assertEquals("none", none.of("u").orElseThrow().basis());
        assertNull(none.of("u").orElseThrow().timexes().get(0).value());
        assertTrue(none.timeline().isEmpty());
    }

    @Test
    void aDayAnUndatedReportNamesOnlyByItsWeekdayConfirmsButDoesNotDispute() {
        Document a = doc("a", "The central bank raised interest rates by half a point on Tuesday, surprising investors in Ankara.",
                LocalDate.of(2021, 3, 10));
        // undated: its "Thursday" is read against the story's date, but it may have been written days later
        Document b = doc("b", "Investors in Ankara were surprised when the central bank raised interest rates on Thursday.", null);
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertEquals("story", t.of("b").orElseThrow().basis());
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        // a day it writes in digits takes only its year from the story, and disputes
        Document c = doc("c", "Investors in Ankara were surprised when the central bank raised interest rates on Thursday, 11 March.",
                null);
        TimelineStage.StoryTime d = new TimelineStage().apply(new StoryView("s", List.of(a, c)));
        assertEquals(2, d.timeline().stream().filter(e -> !e.disputed().isEmpty()).count(), d.timeline().toString());
        // with no dated report at all, the anchor is a date the text writes: nothing read against it disputes
        Document e = doc("e", "Rates were last raised on March 1, 2021. The central bank raised interest rates by half a point on "
                + "Tuesday, surprising investors in Ankara.", null);
        Document f = doc("f", "Rates were last raised on March 1, 2021. Investors in Ankara were surprised when the central bank "
                + "raised interest rates on Thursday.", null);
        TimelineStage.StoryTime g = new TimelineStage().apply(new StoryView("s", List.of(e, f)));
        assertEquals("text", g.of("e").orElseThrow().basis());
        assertTrue(g.timeline().stream().allMatch(x -> x.disputed().isEmpty()), g.timeline().toString());
    }

    @Test
    void dailyReportsOfARecurringEventAreASeriesNotADispute() {
        Document mon = doc("a", "Share prices on the Athens Stock Exchange rose on Monday, traders in the Greek capital said.",
                LocalDate.of(2021, 3, 8));
        Document tue = doc("b", "Share prices on the Athens Stock Exchange fell on Tuesday, traders in the Greek capital said.",
                LocalDate.of(2021, 3, 9));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(mon, tue)));
        assertEquals(2, t.timeline().size(), t.timeline().toString());
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        // the same two days given of one event by reports of one day do dispute
        Document tue2 = doc("c", "Share prices on the Athens Stock Exchange rose on Tuesday, traders in the Greek capital said.",
                LocalDate.of(2021, 3, 10));
        Document mon2 = doc("d", "Share prices on the Athens Stock Exchange rose on Monday, traders in the Greek capital said.",
                LocalDate.of(2021, 3, 10));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(tue2, mon2)));
        assertEquals(2, u.timeline().stream().filter(e -> !e.disputed().isEmpty()).count(), u.timeline().toString());
    }

    @Test
    void aWireDatelineInTheTextDatesNoEventAndFewSharedWordsDisputeNothing() {
        Document a = doc("a", "NAIROBI, Nov. 2 (Xinhua) -- Tension looms in Somalia as talks aimed at averting a war stall.",
                LocalDate.of(2006, 11, 2));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a)));
        assertTrue(t.timeline().isEmpty(), t.timeline().toString());
        // four content words in common of eleven and twelve (Dice 0.35): two events of one story, not one event on two days
        Document b = doc("b", "Rebel fighters seized the airport at Kisangani on Wednesday after heavy shelling overnight, witnesses "
                + "and aid workers reported.", LocalDate.of(1997, 4, 10));
        Document c = doc("c", "Rebel fighters entered Kisangani on Thursday, and residents began leaving the city by road, officials "
                + "reported.", LocalDate.of(1997, 4, 10));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(b, c)));
        assertTrue(u.timeline().stream().allMatch(e -> e.disputed().isEmpty()), u.timeline().toString());
    }

    @Test
    void aReportCannotDisputeADayThatCameAfterIt() {
        // Saturday's report of what the spokesman said on Thursday; Tuesday's report of what he said that day
        Document sat = doc("a", "Chinese Foreign Ministry spokesman Liu Jianchao said Thursday that the talks on regional issues "
                + "would go on.", LocalDate.of(2005, 11, 19));
        Document tue = doc("b", "Chinese Foreign Ministry spokesman Liu Jianchao said here Tuesday that the talks on regional issues "
                + "would go on.", LocalDate.of(2005, 11, 22));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(sat, tue)));
        assertEquals(2, t.timeline().size(), t.timeline().toString());
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
    }
    @Test
    void aReportThatNamesBothDaysTellsOfTwoMomentsAndADeadlineIsNoEvent() {
        // one report names both days, the killing on June 24 and a hearing on March 20 (in other words); the other puts the
        // killing on March 20: the report that names both days knows of two moments, so no dispute
        Document a = doc("a", "Orozco was convicted of the murder of Deputy Ortiz, who was killed on June 24 in Hawaiian Gardens. "
                + "A jury heard on March 20 how he had been arrested in Mexico.", LocalDate.of(2005, 6, 28));
        Document b = doc("b", "Orozco was convicted of the murder of Deputy Ortiz, who was killed on March 20 in Hawaiian Gardens.",
                LocalDate.of(2005, 6, 28));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        // the same words, and a report that names no other day: a dispute
        Document c = doc("c", "Orozco was convicted of the murder of Deputy Ortiz, who was killed on June 24 in Hawaiian Gardens.",
                LocalDate.of(2005, 6, 28));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(c, b)));
        assertEquals(2, u.timeline().stream().filter(e -> !e.disputed().isEmpty()).count(), u.timeline().toString());
        // a count "by Thursday evening" bounds a tally; it dates no event, so it disputes no "Monday"
        Document d = doc("d", "More than 4,000 patients with dengue fever have been admitted to hospitals across Pakistan by Thursday "
                + "evening, the health ministry said.", LocalDate.of(2006, 11, 10));
        Document e = doc("e", "More than 4,000 patients with dengue fever have been admitted to hospitals across Pakistan on Monday, "
                + "the health ministry said.", LocalDate.of(2006, 11, 10));
        TimelineStage.StoryTime v = new TimelineStage().apply(new StoryView("s", List.of(d, e)));
        assertTrue(v.timeline().stream().allMatch(x -> x.disputed().isEmpty()), v.timeline().toString());
        Document f = doc("f", "More than 4,000 patients with dengue fever have been admitted to hospitals across Pakistan on Thursday "
                + "evening, the health ministry said.", LocalDate.of(2006, 11, 10));
        TimelineStage.StoryTime w = new TimelineStage().apply(new StoryView("s", List.of(f, e)));
        assertEquals(2, w.timeline().stream().filter(x -> !x.disputed().isEmpty()).count(), w.timeline().toString());
        // "by the May 9 deadline" too
        Document g = doc("g", "The secretary has not said whether he will act on the rules of the Endangered Species Act by the May 9 "
                + "deadline.", LocalDate.of(2009, 4, 27));
        Document h = doc("h", "The secretary has not said whether he will act on the rules of the Endangered Species Act on May 12.",
                LocalDate.of(2009, 4, 27));
        TimelineStage.StoryTime x = new TimelineStage().apply(new StoryView("s", List.of(g, h)));
        assertTrue(x.timeline().stream().allMatch(ev -> ev.disputed().isEmpty()), x.timeline().toString());
    }

    @Test
    void aSpanOfDaysHoldsEveryDayFromItsFirstToItsLast() {
        Document a = doc("a", "Prime Minister Hun Sen's official visit to China from Oct. 29 to Nov. 2 was fruitful, the Chinese foreign "
                + "ministry said.", LocalDate.of(2006, 11, 2));
        Document b = doc("b", "Prime Minister Hun Sen's official visit to China on Nov. 1 was fruitful, the Chinese foreign ministry "
                + "said.", LocalDate.of(2006, 11, 2));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        assertTrue(t.timeline().stream().anyMatch(e -> e.days().contains("2006-10-31") && e.mentions().size() >= 2),
                t.timeline().toString());
        // a day outside the span disputes it
        Document c = doc("c", "Prime Minister Hun Sen's official visit to China on Oct. 25 was fruitful, the Chinese foreign ministry "
                + "said.", LocalDate.of(2006, 11, 2));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(a, c)));
        assertTrue(u.timeline().stream().anyMatch(e -> !e.disputed().isEmpty()), u.timeline().toString());
    }
    @Test
    void aDayOfTheMonthWithoutAYearTakesTheYearAnotherReportWritesForIt() {
        Document a = doc("a", "He voted against the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11, 2001, "
                + "terrorist attack.", LocalDate.of(2016, 3, 15));
        Document b = doc("b", "He voted against the Iraq war, the Wall Street bailout and the Patriot Act after the Sept. 11 "
                + "terrorist attack.", LocalDate.of(2016, 3, 16));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        assertEquals(1, t.timeline().size(), t.timeline().toString());
        assertEquals("2001-09-11", t.timeline().get(0).date());
        assertEquals(2, t.timeline().get(0).mentions().size());
        // a weekday counts its day from its article: "on Sunday" (2016-09-11) keeps its year beside "Sept. 11, 2001"
        Document c = doc("c", "He voted against the Iraq war, the Wall Street bailout and the Patriot Act on Sunday after the "
                + "terrorist attack.", LocalDate.of(2016, 9, 12));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(a, c)));
        assertTrue(u.timeline().stream().anyMatch(e -> e.date().equals("2016-09-11")), u.timeline().toString());
    }
    @Test
    void theDayOfAStatementAndTheDayOfWhatHappenedAreTwoEventsButTwoVerbsOfOneEventStillDispute() {
        Document a = doc("a", "Hamas has accused Fatah loyalists of targeting prime minister Ismail Haniya on Thursday by firing "
                + "on his convoy at the Rafah crossing.", LocalDate.of(2006, 12, 16));
        Document b = doc("b", "On Friday, Hamas accused Fatah loyalists of targeting prime minister Ismail Haniya with gunfire "
                + "at the Rafah crossing.", LocalDate.of(2006, 12, 16));
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(a, b)));
        assertTrue(t.timeline().stream().allMatch(e -> e.disputed().isEmpty()), t.timeline().toString());
        Document c = doc("c", "A fire broke out in Manama's old souq on Thursday and destroyed dozens of shops, the civil defence said.",
                LocalDate.of(2024, 2, 16));
        Document d = doc("d", "A fire tore through the old souq in Manama on Wednesday, destroying dozens of shops, the civil defence "
                + "said.", LocalDate.of(2024, 2, 16));
        TimelineStage.StoryTime u = new TimelineStage().apply(new StoryView("s", List.of(c, d)));
        assertEquals(2, u.timeline().stream().filter(e -> !e.disputed().isEmpty()).count(), u.timeline().toString());
    }

    @Test
    void aPagesPublicationStampIsNoEvent() {
        // ECB+ 35_6ecbplus: the stamps under the headline were the story's first events
        String text = "City Attorney Weighs Filing DUI Charges Against Chargers' Jamal Williams\n"
                + "Posted: Apr 02, 2009 11: 06 PM CEST\nUpdated: Apr 02, 2009 11: 06 PM CEST\n"
                + "Williams was arrested on Feb. 1, 2009 on suspicion of drunken driving on state Route 94.";
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(doc("a", text, null))));
        assertEquals(List.of("2009-02-01"), t.timeline().stream().map(TimelineStage.Event::date).toList(), t.timeline().toString());
    }

    private static long disputedEvents(Document... docs) {
        TimelineStage.StoryTime t = new TimelineStage().apply(new StoryView("s", List.of(docs)));
        return t.timeline().stream().filter(e -> !e.disputed().isEmpty()).count();
    }

    @Test
    void aConvictionAndTheShootingItPunishesAreTwoEventsButTwoArrestDaysDispute() {
        LocalDate day = LocalDate.of(2005, 9, 1);
        assertEquals(0, disputedEvents(
                doc("a", "Orozco was convicted March 20 of first-degree murder for the killing of the deputy in Hawaiian Gardens.", day),
                doc("b", "The complaint named Orozco for the murder of the deputy in Hawaiian Gardens on June 20, when a man "
                        + "was shot and wounded.", day)));
        assertEquals(2, disputedEvents(
                doc("c", "Police arrested Orozco on March 20 over the murder of the deputy in Hawaiian Gardens.", day),
                doc("d", "Police arrested Orozco on March 22 over the murder of the deputy in Hawaiian Gardens.", day)));
    }

    @Test
    void daysToldOfTwoPlacesOfOneKindAreTwoEvents() {
        LocalDate day = LocalDate.of(2013, 7, 20);
        assertEquals(0, disputedEvents(
                doc("a", "Robert Pitman, 24, from the town is due to appear before Taunton Deane Magistrates' Court on Tuesday.", day),
                doc("b", "Robert Pitman was remanded in custody to appear before Taunton Crown Court on 19 August.", day)));
        // the same court, named in full once and in short once: one hearing, two days
        assertEquals(2, disputedEvents(
                doc("c", "Robert Pitman, 24, from the town is due to appear before Taunton Crown Court on Tuesday.", day),
                doc("d", "Robert Pitman, 24, from the town is due to appear before Crown Court on Wednesday.", day)));
        assertTrue(TimelineStage.namesApart(TimelineStage.placeNames("in Shanxi Province on", 0, 21),
                TimelineStage.placeNames("in Hebei Province on", 0, 20)));
        assertTrue(!TimelineStage.namesApart(TimelineStage.placeNames("at Al-Rasheed Street", 0, 20),
                TimelineStage.placeNames("at Rashid Street", 0, 16)), "one street in two spellings");
    }

    @Test
    void aDayOfAnEarlierOccurrenceComparedWithTheStorysIsNoDispute() {
        LocalDate day = LocalDate.of(2008, 12, 17);
        assertEquals(0, disputedEvents(
                doc("a", "The last such out-of-band patch for Internet Explorer, Microsoft Security Bulletin, was released on "
                        + "Oct. 23.", day),
                doc("b", "Microsoft released the out-of-band patch for Internet Explorer, a security bulletin, on Dec. 9.", day)));
        assertEquals(2, disputedEvents(
                doc("c", "The out-of-band patch for Internet Explorer, Microsoft Security Bulletin, was released on Oct. 23.", day),
                doc("d", "Microsoft released the out-of-band patch for Internet Explorer, a security bulletin, on Dec. 9.", day)));
    }

    @Test
    void daysOfWhatTwoOrganisationsDidAreTwoEvents() {
        LocalDate day = LocalDate.of(1989, 10, 26);
        String a = "ONEIDA Ltd. declared a 10% stock dividend, payable Dec. 15 to stock of record Nov. 17.";
        String b = "Cambrex Corp. declared its initial quarterly of five cents a share, payable Dec. 1 to stock of record Nov. 10.";
        assertEquals(0, disputedEvents(withOrg(doc("a", a, day), "ONEIDA Ltd."), withOrg(doc("b", b, day), "Cambrex Corp.")));
        // one company in both, its name in full once: one dividend, two days
        String c = "Cambrex declared its initial quarterly of five cents a share, payable Dec. 3 to stock of record Nov. 12.";
        assertEquals(4, disputedEvents(withOrg(doc("b", b, day), "Cambrex Corp."), withOrg(doc("c", c, day), "Cambrex")));
    }

    private static Document withOrg(Document d, String name) {
        String text = d.article().cleanText();
        int at = text.indexOf(name);
        return d.with(Mentions.LAYER, new Mentions(List.of(new Mention(at, at + name.length(), name, EntityType.ORGANIZATION, null))));
    }
}
