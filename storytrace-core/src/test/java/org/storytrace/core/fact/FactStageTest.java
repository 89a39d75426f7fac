package org.storytrace.core.fact;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.quote.QuoteFinder;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.time.TimeTagger;
import org.storytrace.core.time.TimelineStage;

/** Facts aligned across small stories written the way outlets write them, with the differences planted in them. */
class FactStageTest {
    /** An article whose listed words are place names (the name finder's job, done by hand here). */
    private static Document doc(String id, String text, LocalDate published, String... places) {
        return doc(id, text, published, EntityType.LOCATION, places);
    }

    private static Document doc(String id, String text, LocalDate published, EntityType type, String... places) {
        Article a = new Article(id, id, text, null, published, published == null ? null : "test", null, null, 0, text.length(), List.of(),
                "text", "UTF-8", null, id.replaceAll("\\d", ""), "eng");
        List<Mention> ms = new ArrayList<>();
        for (String p : places) {
            for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) ms.add(new Mention(i, i + p.length(), p, type, null));
        }
        ms.sort(Comparator.comparingInt(Mention::start));
        Document d = Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)).with(Mentions.LAYER, new Mentions(ms));
        d = new SentenceSplitter().apply(d);
        d = new QuoteFinder().apply(d);
        return new TimeTagger().apply(d);
    }

    private static FactStage.StoryFacts facts(List<Link> links, Document... docs) {
        StoryView v = new StoryView("s", List.of(docs), links, Map.of());
        v = v.with(EntityStage.LAYER, new EntityStage().apply(v));
        v = v.with(QuoteGroupStage.LAYER, new QuoteGroupStage().apply(v));
        v = v.with(TimelineStage.LAYER, new TimelineStage().apply(v));
        return new FactStage().apply(v);
    }

    @Test
    void aPlacePutInAnotherCountryByOneOutletIsADiscrepancy() {
        Document a = doc("wire1",
                "Protesters stormed militia offices in Karbala, southern Iraq, on Friday. Police in Iraq said the crowd dispersed. "
                + "Officials in Iraq called for calm.", LocalDate.of(2021, 5, 8), "Karbala");
        Document b = doc("daily2",
                "Crowds stormed militia offices in Karbala on Friday, police said. The protests in Iraq spread. Leaders in Iraq met.",
                LocalDate.of(2021, 5, 8), "Karbala");
        Document c = doc("post3", "Protesters in the city of Karbala, western Iran, stormed militia offices on Friday.", LocalDate.of(2021,
                5, 9), "Karbala");
        FactStage.StoryFacts f = facts(List.of(), a, b, c);
        FactStage.Fact place = f.discrepancies().stream().filter(x -> x.kind().equals("place")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals("country of Karbala", place.fact());
        assertEquals("Iraq", place.values().get(0).value());
        assertEquals(List.of("wire1", "daily2"), place.values().get(0).articles());
        assertEquals("Iran", place.values().get(1).value());
        assertEquals("Karbala, western Iran", place.values().get(1).evidence().get(0).text());
        assertFalse(place.values().get(1).evidence().get(0).implied());
    }

    @Test
    void placesTheArticlesAgreeOnAndUnstatedOnesAreNoDiscrepancy() {
        Document a = doc("wire1", "Flooding hit Sylhet, northeastern Bangladesh, on Monday. Rescuers in Bangladesh worked all night.",
                LocalDate.of(2022, 6, 21), "Sylhet");
        Document b = doc("daily2", "Floods in Sylhet in Bangladesh displaced thousands on Monday.", LocalDate.of(2022, 6, 21), "Sylhet");
        Document c = doc("post3", "In Sylhet, water rose on Monday. Aid groups in India and in India's east prepared supplies.",
                LocalDate.of(2022, 6, 22), "Sylhet");
        FactStage.StoryFacts f = facts(List.of(), a, b, c);
        assertTrue(f.discrepancies().stream().noneMatch(x -> x.kind().equals("place")),
                "an article that only implies another country is no contradiction: " + f.discrepancies());
        assertTrue(f.facts().stream().anyMatch(x -> x.fact().equals("country of Sylhet") && x.values().get(0).value().equals("Bangladesh")),
                f.facts().toString());
    }

    @Test
    void aCountrysAdjectiveBeforeItsCapitalPlacesTheCapital() {
        LocalDate d = LocalDate.of(1998, 8, 8);
        FactStage.StoryFacts f = facts(List.of(),
                doc("a1", "A car bomb exploded outside the U.S. embassy in the Tanzanian capital Dar es Salaam on Friday, killing six.", d,
                        "Dar es Salaam"),
                doc("b2", "A car bomb exploded outside the U.S. embassy in Dar es Salaam, Kenya, on Friday, killing six.", d,
                        "Dar es Salaam"));
        FactStage.Fact place = f.discrepancies().stream().filter(x -> x.kind().equals("place")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("Kenya", "Tanzania"), place.values().stream().map(FactStage.Value::value).sorted().toList());
        assertTrue(place.values().stream().flatMap(v -> v.evidence().stream()).anyMatch(e -> e.text().startsWith("Tanzanian capital")),
                place.toString());
    }

    @Test
    void aCountTooLargeForAnyTollIsNoCountAndNoError() {
        LocalDate d1 = LocalDate.of(2023, 2, 6);
        FactStage.StoryFacts f = facts(List.of(),
                doc("a1", "Some 10,000,000,000,000,000,000 people were injured when a bus fell into a ravine, officials said.", d1),
                doc("b2", "12 people were injured when a bus fell into a ravine near the mountain town, police said.", d1));
        assertTrue(f.facts().stream().filter(x -> x.kind().equals("count")).allMatch(x -> x.values().stream()
                .allMatch(v -> v.value().equals("12"))), f.toString());
        assertTrue(f.discrepancies().isEmpty(), f.discrepancies().toString());
    }

    @Test
    void countsThatConflictAreDiscrepanciesRoundingAgreesAndALaterLargerTollIsAnUpdate() {
        LocalDate d1 = LocalDate.of(2023, 2, 6), d2 = LocalDate.of(2023, 2, 7);
        FactStage.StoryFacts conflict = facts(List.of(),
                doc("a1", "At least 12 people were killed when a bus fell into a ravine near the mountain town, officials said.", d1),
                doc("b2", "Twenty people were killed when a bus fell into a ravine near the mountain town, police said.", d1));
        assertEquals(1, conflict.discrepancies().stream().filter(x -> x.kind().equals("count")).count(), conflict.toString());

        FactStage.StoryFacts rounding = facts(List.of(),
                doc("a1", "About 50 people were injured when a bus fell into a ravine near the mountain town, officials said.", d1),
                doc("b2", "52 people were injured when a bus fell into a ravine near the mountain town, police said.", d1));
        assertTrue(rounding.discrepancies().isEmpty(), rounding.discrepancies().toString());

        FactStage.StoryFacts update = facts(List.of(),
                doc("a1", "The earthquake killed 1,200 people in the border region, rescuers said as they searched the rubble.", d1),
                doc("b2", "The earthquake killed 3,400 people in the border region, rescuers said as they searched the rubble.", d2));
        assertTrue(update.discrepancies().isEmpty(), update.discrepancies().toString());
        assertEquals(1, update.updates().size(), update.toString());
        assertEquals(List.of("1200", "3400"), update.updates().get(0).values().stream().map(FactStage.Value::value).toList());

        // two accidents of one story of road safety: close words join their tolls as one fact, but a dispute needs the
        // words of one toll (Dice 0.4), as a date's does
        FactStage.StoryFacts twoAccidents = facts(List.of(),
                doc("a1", "Eight primary school children were killed and 39 injured when their minibus hit a truck in a traffic "
                        + "accident in northeast China's Heilongjiang Province, local police said.", LocalDate.of(2006, 11, 21)),
                doc("b2", "Six people were killed and one was injured in a traffic accident on Friday afternoon in the county of "
                        + "Songming, Southwest China's Yunnan Province.", LocalDate.of(2006, 11, 24)));
        assertTrue(twoAccidents.discrepancies().isEmpty(), twoAccidents.discrepancies().toString());
    }

    @Test
    void countsToldOfDifferentPlacesAreTwoFactsAndOfTheSamePlaceDispute() {
        String words = " poultry, the agriculture ministry said on Thursday as vets culled birds across the province.";
        String hubei = "Bird flu killed 3,500 geese at a farm in Shishou of Hubei Province and infected other" + words;
        LocalDate d = LocalDate.of(2005, 11, 22);
        FactStage.StoryFacts apart = facts(List.of(), doc("a1", hubei, d, "Shishou", "Hubei"),
                doc("b2", "Bird flu killed 2,500 chickens at a farm in Chuxiong of Yunnan Province and infected other" + words, d,
                        "Chuxiong", "Yunnan"));
        assertTrue(apart.discrepancies().isEmpty(), apart.discrepancies().toString());
        FactStage.StoryFacts same = facts(List.of(), doc("a1", hubei, d, "Shishou", "Hubei"),
                doc("b2", hubei.replace("3,500", "2,500"), d, "Shishou", "Hubei"));
        assertEquals(1, same.discrepancies().size(), same.toString());
    }

    @Test
    void aTollThatRoseIsAnUpdateAndTwoOutletsThatDifferOnOneDayAreADiscrepancyOfThatDay() {
        String words = " in the Andean town of Alausi, the risk management agency said as rescuers dug through the mud.";
        FactStage.StoryFacts f = facts(List.of(),
                doc("a1", "A landslide buried dozens of homes and killed 7 people" + words, LocalDate.of(2023, 3, 27)),
                doc("b2", "The landslide that buried dozens of homes has killed 16 people" + words, LocalDate.of(2023, 3, 28)),
                doc("c3", "The death toll from the landslide that buried dozens of homes reached 23" + words, LocalDate.of(2023, 3, 28)));
        assertEquals(1, f.updates().size(), f.toString());
        assertEquals(List.of("7", "16"), f.updates().get(0).values().stream().map(FactStage.Value::value).toList());
        FactStage.Fact day = f.discrepancies().stream().filter(x -> x.kind().equals("count")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("16", "23"), day.values().stream().map(FactStage.Value::value).toList());
        assertEquals(List.of("c3"), day.values().get(1).articles());
    }

    @Test
    void sumsOfMoneyAndBuildingsAreCountsTooAndRoundFiguresAgree() {
        LocalDate d = LocalDate.of(2022, 4, 21);
        FactStage.StoryFacts money = facts(List.of(),
                doc("a1", "The government announced a military aid package worth $2 billion on Thursday, officials said in the capital.",
                        d),
                doc("b2", "The government announced a military aid package worth $3 billion on Thursday, officials said in the capital.",
                        d));
        assertEquals(1, money.discrepancies().stream().filter(x -> x.kind().equals("amount")).count(), money.toString());
        FactStage.StoryFacts round = facts(List.of(),
                doc("a1", "The government announced a military aid package worth $2 billion on Thursday, officials said in the capital.",
                        d),
                doc("b2", "The government announced a military aid package worth $2.05 billion on Thursday, officials said in the capital.",
                        d));
        assertTrue(round.discrepancies().isEmpty(), round.toString());
        FactStage.StoryFacts homes = facts(List.of(),
                doc("a1", "The cyclone destroyed 40 homes on the island of Vanua Levu, officials said on Friday.", d),
                doc("b2", "The cyclone destroyed 400 homes on the island of Vanua Levu, officials said on Friday.", d));
        assertEquals("buildings destroyed: destroyed 40 homes", homes.discrepancies().get(0).fact(), homes.toString());
    }

    @Test
    void financeWritingOfSumsIsReadAndARateIsNotTheTotal() {
        assertEquals(160_000_000L, FactStage.money("160", "MM"));
        assertEquals(50_000L, FactStage.money("50", "k"));
        LocalDate d = LocalDate.of(2008, 12, 20);
        // "$143-billion" and "$143 billion" agree; the finance "MM" is a million
        FactStage.StoryFacts hyphen = facts(List.of(),
                doc("a1", "Greece has been kept afloat since agreeing a $143-billion debt bailout with the EU and IMF last year.", d),
                doc("b2", "Greece has been kept afloat since agreeing a $143 billion debt bailout with the EU and IMF last year.", d),
                doc("c3", "Greece has been kept afloat since agreeing a $143MM debt bailout with the EU and IMF last year.", d));
        List<FactStage.Fact> sums = hyphen.discrepancies().stream().filter(x -> x.kind().equals("amount")).toList();
        assertEquals(1, sums.size(), hyphen.toString());
        assertEquals(List.of("143000000", "143000000000"), sums.get(0).values().stream().map(FactStage.Value::value).toList());
        // a yearly sum and a contract's total are two facts, not one told two ways
        FactStage.StoryFacts rate = facts(List.of(),
                doc("a1", "The Red Sox offered the first baseman an eight-year contract worth $200 million, a source said on Friday.", d),
                doc("b2", "The Red Sox offered the first baseman an eight-year contract worth $22 million per year, a source said on "
                        + "Friday.", d));
        assertTrue(rate.discrepancies().isEmpty(), rate.toString());
        // a range is its lower end, approximate, with the upper end's scale
        FactStage.StoryFacts range = facts(List.of(),
                doc("a1", "The Orioles offered the first baseman a seven-year contract worth $140-150 million, a source said on Friday.",
                        d),
                doc("b2", "The Orioles offered the first baseman a seven-year contract worth $150 million, a source said on Friday.", d));
        assertTrue(range.discrepancies().isEmpty(), range.toString());
        // a slip of scale is a thousandfold (above); sums further apart are two sums, not one misreported
        FactStage.StoryFacts far = facts(List.of(),
                doc("a1", "Thieves who stole gems worth \u00a320 from a Graff store in London were jailed on Friday, police said.", d),
                doc("b2", "Thieves who stole gems worth \u00a388m from a Graff store in London were jailed on Friday, police said.", d));
        assertTrue(far.discrepancies().stream().noneMatch(x -> x.kind().equals("amount")), far.toString());
        // text rebuilt from a tokenised corpus writes separators with a space: "£1. 7m" is 1.7 million, "£35, 000" 35,000
        FactStage.StoryFacts spaced = facts(List.of(),
                doc("a1", "Thieves who stole gems worth \u00a31. 7m from a Graff store in London were jailed on Friday, police said.", d),
                doc("b2", "Thieves who stole gems worth \u00a31.2m from a Graff store in London were jailed on Friday, police said.", d));
        assertEquals(List.of("1200000", "1700000"), spaced.discrepancies().get(0).values().stream().map(FactStage.Value::value).toList(),
                spaced.toString());
        FactStage.StoryFacts thousands = facts(List.of(),
                doc("a1", "The gang took \u00a335, 000 of jewellery from the Graff store in London on Friday, police said.", d),
                doc("b2", "The gang took \u00a335,000 of jewellery from the Graff store in London on Friday, police said.", d));
        assertTrue(thousands.discrepancies().isEmpty(), thousands.toString());
    }

    @Test
    void aVagueCountHoldsTheCountsInItsRange() {
        LocalDate d = LocalDate.of(2005, 11, 10);
        FactStage.StoryFacts agree = facts(List.of(),
                doc("a1", "The suicide bombings on three Amman hotels killed 57 people and injured hundreds, officials said on "
                        + "Thursday.", d),
                doc("b2", "The suicide bombings on three Amman hotels killed 57 people and injured 110, officials said on Thursday.", d));
        assertTrue(agree.discrepancies().isEmpty(), agree.toString());
        FactStage.StoryFacts conflict = facts(List.of(),
                doc("a1", "The suicide bombings on three Amman hotels killed 57 people and injured dozens, officials said on Thursday.", d),
                doc("b2", "The suicide bombings on three Amman hotels killed 57 people and injured 300, officials said on Thursday.", d));
        assertEquals(1, conflict.discrepancies().size(), conflict.toString());
    }

    @Test
    void sumsOfTwoOrganisationsAreTwoSumsAndOneOrganisationsSumsDispute() {
        LocalDate d = LocalDate.of(1989, 11, 2);
        EntityType org = EntityType.ORGANIZATION;
        FactStage.StoryFacts two = facts(List.of(),
                doc("a1", "Telerate Inc. reported its results on Friday. In composite trading on the exchange, Telerate shares closed at "
                        + "$19.50, up 12.5 cents.", d, org, "Telerate"),
                doc("b2", "Dow Jones Co. reported its results on Friday. In composite trading on the exchange, Dow Jones shares closed at "
                        + "$36.125, down 50 cents.", d, org, "Dow Jones"));
        assertTrue(two.discrepancies().isEmpty(), two.toString());
        // the sentence names none: the organisation named last before it owns the sum
        FactStage.StoryFacts before = facts(List.of(),
                doc("a1", "Travelers Corp. said its third-quarter net income rose 11%.\nRevenue declined to $3 billion from $3.2 billion "
                        + "in the quarter.", d, org, "Travelers"),
                doc("b2", "Aetna Co. said its third-quarter net income fell 22%.\nRevenue declined to $7 billion from $7.4 billion "
                        + "in the quarter.", d, org, "Aetna"));
        assertTrue(before.discrepancies().isEmpty(), before.toString());
        FactStage.StoryFacts one = facts(List.of(),
                doc("a1", "Travelers Corp. said its third-quarter net income rose 11%.\nRevenue declined to $3 billion from $3.2 billion "
                        + "in the quarter.", d, org, "Travelers"),
                doc("b2", "Travelers Corp. said its third-quarter net income rose 11%.\nRevenue declined to $3 billion from $3.4 billion "
                        + "in the quarter.", d, org, "Travelers"));
        assertEquals(1, one.discrepancies().stream().filter(x -> x.kind().equals("amount")).count(), one.toString());
    }

    @Test
    void aCountIsReadWithinOneLine() {
        LocalDate d = LocalDate.of(2005, 11, 28);
        FactStage.StoryFacts f = facts(List.of(),
                doc("a1", "The island was shaken in November 2005\nTen people were killed when the quake struck the island of Qeshm.", d),
                doc("b2", "The island was shaken in November 2005\nTen people were killed when the quake struck the island of Qeshm.", d));
        assertTrue(f.facts().stream().filter(x -> x.kind().equals("count")).allMatch(x -> x.values().get(0).value().equals("10")),
                f.toString());
        assertTrue(f.facts().stream().anyMatch(x -> x.kind().equals("count")), f.toString());
    }

    @Test
    void twoOfficesOfOneKindConflictButATitleAndItsShortFormDoNot() {
        assertTrue(FactStage.rolesConflict("Finance Minister", "Foreign Minister"));
        assertTrue(FactStage.rolesConflict("Prime Minister", "Foreign Minister"));
        assertFalse(FactStage.rolesConflict("Minister", "Finance Minister"));
        assertFalse(FactStage.rolesConflict("Dr.", "Prime Minister"));
        assertFalse(FactStage.rolesConflict("Defence Secretary", "Defense Secretary"), "British and American spelling of one title");
        assertTrue(FactStage.closesPlace("in Basra, Iraq, on Sunday", "in Basra, Iraq".length()));
        assertTrue(FactStage.closesPlace("in Basra, Iraq.", "in Basra, Iraq".length()));
        assertFalse(FactStage.closesPlace("advanced on Baidoa, Ethiopia moved to shore up", "advanced on Baidoa, Ethiopia".length()),
                "a country that starts a clause");
        assertFalse(FactStage.closesPlace("Swaziland, Tanzania, Zambia and Malawi", "Swaziland, Tanzania".length()), "a list of countries");
        assertFalse(FactStage.closesPlace("Swaziland, Tanzania and Zambia", "Swaziland, Tanzania".length()), "a list of countries");
        assertFalse(FactStage.rolesConflict("President", "President"));
    }

    @Test
    void aQuoteWithChangedWordsIsAWordingDiscrepancyAndCopiesCountAsOneSource() {
        LocalDate d = LocalDate.of(2020, 8, 24);
        String body = " The minister spoke after meeting the families of the victims in the southern city.";
        Document a = doc("a1", "He said: \u201cWe will never forget the victims, and justice will come for every family.\u201d" + body, d);
        Document b = doc("b2", "He said: \u201cWe shall never forget the victims, and justice is coming for every family.\u201d" + body, d);
        Document c = doc("c3", "He said: \u201cWe will never forget the victims, and justice will come for every family.\u201d" + body, d);
        Link copy = new Link("a1", "c3", 0.9, 0.95, 0.95, null, List.of());
        FactStage.StoryFacts f = facts(List.of(copy), a, b, c);
        FactStage.Fact wording = f.discrepancies().stream().filter(x -> x.kind().equals("quote")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(2, wording.values().size());
        FactStage.Value will = wording.values().stream().filter(v -> v.value().contains("will come")).findFirst().orElseThrow();
        assertEquals(List.of("a1", "c3"), will.articles());
        assertEquals(1, will.sources(), "a reprint is not a second source");

        // trimmed, not reworded: the same words
        Document t = doc("t4", "He said: \u201cWe will never forget the victims.\u201d" + body, d);
        FactStage.StoryFacts trimmed = facts(List.of(), a, t);
        assertTrue(trimmed.discrepancies().stream().noneMatch(x -> x.kind().equals("quote")), trimmed.toString());

        // an editor's bracket put for a word is not another wording
        Document e = doc("e5", "He said: \u201c[The minister] will never forget the victims, and justice will come for every family.\u201d"
                + body, d);
        Document g = doc("g6", "He said: \u201cWe will never forget the victims, and justice will come for every family.\u201d" + body, d);
        FactStage.StoryFacts bracket = facts(List.of(), e, g);
        assertTrue(bracket.discrepancies().stream().noneMatch(x -> x.kind().equals("quote")), bracket.toString());
        assertTrue(FactStage.bracketed("[the minister]"));
        assertFalse(FactStage.bracketed("[the minister] and [we]"));

        // an article that quotes both wordings quotes two things the speaker said; it does not disagree with itself
        Document h = doc("h7", "He said: \u201cWe will never forget the victims, and justice will come for every family.\u201d Later "
                + "he added: \u201cWe shall never forget the victims, and justice is coming for every family.\u201d" + body, d);
        FactStage.StoryFacts both = facts(List.of(), h, b);
        assertTrue(both.discrepancies().stream().noneMatch(x -> x.kind().equals("quote")), both.toString());
    }

    /** An article whose listed words are names of {@code type}. */
    private static Document named(String id, String text, EntityType type, String... names) {
        Document d = doc(id, text, LocalDate.of(2022, 12, 7));
        List<Mention> ms = new ArrayList<>();
        for (String p : names) {
            for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) ms.add(new Mention(i, i + p.length(), p, type, null));
        }
        ms.sort(Comparator.comparingInt(Mention::start));
        return d.with(Mentions.LAYER, new Mentions(ms));
    }

    /** The collection ids of one story's entities when every story names one place, as the resolver joins them. */
    private static List<String> samePlace(FactStage.StoryFacts f) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= f.places().stream().mapToInt(FactStage.PlaceClaim::entity).max().orElse(0); i++) ids.add("e1");
        return ids;
    }

    @Test
    void aPlaceTwoStoriesOfOneTopicPutInDifferentCountriesIsOneDiscrepancyListedInBoth() {
        Document a = doc("wire1", "Protesters stormed militia offices in Karbala, southern Iraq, on Friday. Police in Iraq said the crowd "
                + "dispersed. Officials in Iraq called for calm.", LocalDate.of(2021, 5, 8), "Karbala");
        Document b = doc("daily2", "Crowds stormed militia offices in Karbala on Friday, police said. The protests in Iraq spread. "
                + "Leaders in Iraq met.", LocalDate.of(2021, 5, 8), "Karbala");
        Document c = doc("post3", "Militia offices were stormed in Karbala, a city in western Iran, on Friday.", LocalDate.of(2021, 5, 9),
                "Karbala");
        FactStage.StoryFacts two = facts(List.of(), a, b), brief = facts(List.of(), c);
        assertTrue(two.facts().stream().anyMatch(x -> x.fact().equals("country of Karbala")), two.toString());
        assertTrue(brief.facts().stream().noneMatch(x -> x.kind().equals("place")), "one article alone states no place fact of its story");
        assertEquals(1, brief.places().size(), "but what it says of the place is kept for its topic");
        List<List<String>> ids = List.of(samePlace(two), samePlace(brief));

        Map<Integer, FactStage.StoryFacts> changed = FactStage.acrossTopics(List.of("t1", "t1"), List.of(two, brief), ids);
        assertEquals(2, changed.size(), changed.toString());
        FactStage.Fact d = changed.get(0).discrepancies().get(0);
        assertEquals(d, changed.get(1).discrepancies().get(0), "one discrepancy, listed in both stories");
        assertEquals("country of Karbala", d.fact());
        assertEquals("Iraq", d.values().get(0).value());
        assertEquals(List.of("wire1", "daily2"), d.values().get(0).articles());
        assertEquals("Iran", d.values().get(1).value());
        assertEquals(List.of("post3"), d.values().get(1).articles());
        assertTrue(changed.get(0).facts().stream().noneMatch(x -> x.fact().equals("country of Karbala")), "the agreed fact gives way");

        assertTrue(FactStage.acrossTopics(List.of("t1", "t2"), List.of(two, brief), ids).isEmpty(),
                "stories of two topics are not compared");
        Document agree = doc("post3", "Militia offices were stormed in Karbala, a city in southern Iraq, on Friday.",
                LocalDate.of(2021, 5, 9), "Karbala");
        FactStage.StoryFacts same = facts(List.of(), agree);
        assertTrue(FactStage.acrossTopics(List.of("t1", "t1"), List.of(two, same), List.of(samePlace(two), samePlace(same))).isEmpty());
        // a dispute one story already holds is its own: another story repeating one side adds nothing
        FactStage.StoryFacts three = facts(List.of(), a, b, c);
        assertEquals(1, three.discrepancies().size(), three.toString());
        assertTrue(FactStage.acrossTopics(List.of("t1", "t1"), List.of(three, same), List.of(samePlace(three), samePlace(same))).isEmpty());
    }

    @Test
    void anAppositionOrAPossessiveSaysWhichCountryAPlaceIsIn() {
        Document a = doc("fortune1", "Electricity was restored to Mekelle, the capital of Ethiopia's Tigray region, on Tuesday.",
                LocalDate.of(2022, 12, 7), "Mekelle");
        Document b = doc("briefs2", "Electricity returned on Tuesday to Mekelle, a city in northern Eritrea, according to residents.",
                LocalDate.of(2022, 12, 7), "Mekelle");
        FactStage.Fact d = facts(List.of(), a, b).discrepancies().get(0);
        assertEquals("country of Mekelle", d.fact());
        assertEquals(List.of("Eritrea", "Ethiopia"), d.values().stream().map(FactStage.Value::value).sorted().toList());
        Document c = doc("herald3", "Floods swept through Derna, in eastern Libya, after two dams burst.", LocalDate.of(2023, 9, 12),
                "Derna");
        Document e = doc("wire4", "Thousands were missing in Derna, Libya, after the dams burst.", LocalDate.of(2023, 9, 12), "Derna");
        FactStage.StoryFacts f = facts(List.of(), c, e);
        FactStage.Fact derna = f.facts().stream().filter(x -> x.fact().equals("country of Derna")).findFirst()
                .orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("herald3", "wire4"), derna.values().get(0).articles());
        assertFalse(derna.values().get(0).evidence().get(0).implied(), "\", in eastern Libya\" says so outright");
    }

    @Test
    void aPersonAndAStretchOfWaterHaveNoCountryToDispute() {
        Document a = named("summit1", "The leaders met: Angela Merkel, Germany, and Tony Blair, Britain, spoke first.", EntityType.PERSON,
                "Angela Merkel", "Tony Blair");
        Document b = named("summit2", "Angela Merkel, Britain's guest, spoke first. Angela Merkel, France, was wrong.", EntityType.PERSON,
                "Angela Merkel");
        assertTrue(facts(List.of(), a, b).places().isEmpty(), "a full name in a list of leaders is a person, not a place");
        Document c = named("sea1", "Pirates struck in the Gulf of Aden, Yemen, on Monday.", EntityType.LOCATION, "Gulf of Aden");
        Document d = named("sea2", "Pirates struck in the Gulf of Aden, Somalia, on Monday.", EntityType.LOCATION, "Gulf of Aden");
        assertTrue(facts(List.of(), c, d).places().isEmpty(), "waters lie between countries");
        Document e = named("flood1", "Floods devastated Ahrweiler, Belgium, on Thursday.", EntityType.PERSON, "Ahrweiler");
        Document f = named("flood2", "Floods devastated Ahrweiler, western Germany, on Thursday.", EntityType.PERSON, "Ahrweiler");
        assertEquals(1, facts(List.of(), e, f).discrepancies().size(), "a one-word name the finder called a person may be a place");
    }

    @Test
    void aQuoteFactNamesItsSpeakerInTheRightPossessive() {
        // ECB+ 19_11ecbplus: "March participants chanted"
        assertEquals("March participants'", FactStage.possessive("March participants"));
        assertEquals("officials'", FactStage.possessive("officials"));
        assertEquals("Kadhimi's", FactStage.possessive("Kadhimi"));
        assertEquals("Jamal Williams's", FactStage.possessive("Jamal Williams"));
        assertEquals("the police's", FactStage.possessive("the police"));
        assertEquals("the boss's", FactStage.possessive("the boss"));
    }
}
