package org.storytrace.nlp.ner;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.entity.Pronouns;
import org.storytrace.core.model.Article;

/** Names in a real scraped page: hyphenated names whole, titles as roles, acronyms the text defines. */
class NameFinderTest {
    private static List<Mention> mentions(String text) { return mentions(text, null, 0); }

    /** The names of a text whose title is {@code title}, its body starting at {@code bodyStart}. */
    private static List<Mention> mentions(String text, String title, int bodyStart) {
        Article a = new Article("t", "t", text, title, null, null, null, null, bodyStart, text.length(), List.of(), "text", "UTF-8", null,
                null, null);
        Document d = new SentenceSplitter().apply(Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)));
        return new NameFinder().apply(d).expect(Mentions.LAYER).list();
    }

    @Test
    void theSeedPageGivesItsNamesWholeWithTheirRoles() throws Exception {
        String text = Files.readString(TestCorpora.root().resolve("seeds/002_e924190dd1f865ae.txt"));
        List<Mention> ms = mentions(text);
        Map<String, Mention> byText = ms.stream().collect(Collectors.toMap(Mention::text, m -> m, (x, y) -> x));
        assertTrue(byText.containsKey("Mustafa Al-Kadhimi"), "a hyphenated name stays whole: " + byText.keySet());
        assertEquals(EntityType.PERSON, byText.get("Mustafa Al-Kadhimi").type());
        assertTrue(byText.containsKey("Asa'ib Ahl al-Haq"), "an organisation the CRF reads in pieces is joined: " + byText.keySet());
        assertEquals(EntityType.ORGANIZATION, byText.get("Asa'ib Ahl al-Haq").type());
        assertTrue(byText.containsKey("Hekmah group"), "the Hekmah group is an organisation: " + byText.keySet());
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("Reham Yaqoub") && "Dr.".equals(m.role())),
                "the title is a role, not part of the name");
        for (Mention m : ms) assertFalse(m.text().startsWith("Dr.") || m.text().endsWith("\u2019s") || m.text().endsWith("'s"),
                m.toString());
    }

    @Test
    void aNameWrittenWithANoBreakSpaceIsSpeltWithAPlainOneAndStillSpansItsPlace() {
        String text = "Republican front-runner Donald\u00a0Trump said on Tuesday that he would win Iowa.";
        List<Mention> ms = mentions(text);
        Mention m = ms.stream().filter(x -> x.text().equals("Donald Trump")).findFirst().orElseThrow(() -> new AssertionError(ms));
        assertEquals("Donald\u00a0Trump", text.substring(m.start(), m.end()));
    }

    @Test
    void aConjunctionThatOpensTheSentenceIsNotPartOfTheNameAfterIt() {
        // real sentences of PolNeAR's texts, where the CRF read "As Trump", "Before Justice Scalia" and "Since NCLB" as names
        List<Mention> ms = mentions("As Trump noted in his speech, the wall would be paid for. Before Justice Scalia died, the court "
                + "was split. Since NCLB passed, schools have changed.");
        List<String> texts = ms.stream().map(Mention::text).toList();
        assertTrue(texts.contains("Trump"), texts.toString());
        assertTrue(texts.contains("Scalia") || texts.contains("Justice Scalia"), texts.toString());
        for (String t : texts) assertFalse(t.startsWith("As ") || t.startsWith("Before ") || t.startsWith("Since "), texts.toString());
        // a name that begins with a word of that kind elsewhere in the sentence keeps it: only the sentence's first word goes
        assertTrue(mentions("Like Oakland, Cleveland has a new mayor.").stream().noneMatch(x -> x.text().startsWith("Like")));
    }

    @Test
    void aLowerCaseWordBeforeANameIsNotPartOfItUnlessItIsAParticle() {
        // ECB+, PolNeAR, the news pool: the CRF began names with the words before them
        List<String> texts = mentions("NY mob don Vincent Gigante dies in prison. The estimate came from the nonpartisan "
                + "Congressional Budget Office. The talks with the Justice and Equality Movement resumed. F. W. de Klerk met Nelson "
                + "Mandela.").stream().map(Mention::text).toList();
        assertTrue(texts.contains("Vincent Gigante"), texts.toString());
        assertTrue(texts.contains("Congressional Budget Office"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.endsWith("de Klerk")), texts.toString());
        for (String t : texts) assertFalse(Character.isLowerCase(t.charAt(0)) && !t.startsWith("de "), texts.toString());
        assertTrue(texts.contains("Justice and Equality Movement"), texts.toString());
        // a name the CRF began after a possessive begins at the words before it: the Republic of Korea is the other Korea
        List<String> korea = mentions("China hosted the talks with Japan, South Korea and other delegations, including the "
                + "Democratic People's Republic of Korea (DPRK), on Tuesday.").stream().map(Mention::text).toList();
        assertTrue(korea.contains("Democratic People's Republic of Korea"), korea.toString());
        assertTrue(mentions("The rebel Lord's Resistance Army (LRA) has waged war.").stream()
                .anyMatch(m -> m.text().equals("Lord's Resistance Army")));
        assertFalse(korea.contains("Republic of Korea"), korea.toString());
    }

    @Test
    void twoNamesJoinedByOrAreTwo() {
        // ECB+: the CRF ran both teams, and both agencies, into one organisation
        List<String> texts = mentions("Teixeira is expected to sign with the Washington Nationals or Baltimore Orioles. The review "
                + "falls to the Fish and Wildlife Service or National Marine Fisheries Service.").stream().map(Mention::text).toList();
        for (String t : texts) assertFalse(t.contains(" or "), texts.toString());
        assertTrue(texts.contains("Baltimore Orioles"), texts.toString());
        assertTrue(texts.contains("National Marine Fisheries Service"), texts.toString());
    }

    @Test
    void aNicknameInBracketsOrQuotesIsANameOfItsOwnAndAPluralPossessiveStaysInItsName() {
        // ECB+ 19_*ecbplus: the CRF ran the nickname's closing bracket into the surname ("Kiki) Gray", 23 mentions)
        List<String> texts = mentions("A vigil was held for Kimani (Kiki) Gray, 16, in Brooklyn. Police said Kimani 'Kiki' Gray was "
                + "armed. Delegates of the Workers' Party of Korea met.").stream().map(Mention::text).toList();
        for (String t : texts) assertFalse(t.matches(".*[()\\[\\]].*") || t.contains("Kiki'"), texts.toString());
        assertEquals(2, texts.stream().filter("Kiki"::equals).count(), texts.toString());
        assertEquals(2, texts.stream().filter("Gray"::equals).count(), texts.toString());
        assertTrue(texts.contains("Workers' Party of Korea"), texts.toString());
    }

    @Test
    void aPrepositionOrAdverbThatOpensTheSentenceIsNotPartOfTheNameAfterIt() {
        // real sentences of ECB+ and PolNeAR, where the CRF read "In Congress", "Meanwhile Mozilla" and "In New Hampshire"
        List<String> texts = mentions("In Congress, Republicans pushed for the bill to be delisted. Meanwhile Mozilla said it "
                + "had fixed the flaw. In New Hampshire, Hillary Clinton spoke to voters.").stream().map(Mention::text).toList();
        assertTrue(texts.contains("Congress"), texts.toString());
        assertTrue(texts.contains("Mozilla"), texts.toString());
        assertTrue(texts.contains("New Hampshire"), texts.toString());
        for (String t : texts) assertFalse(t.startsWith("In ") || t.startsWith("Meanwhile "), texts.toString());
        // a hyphenated name that begins with one of those words keeps it
        assertTrue(mentions("In-Q-Tel, the CIA's venture arm, invested in the company.").stream().noneMatch(x -> x.text().equals("Q-Tel")));
    }

    @Test
    void theGivenNamesWithTheirSexAreOnTheClassPathBesideTheModel() {
        // core.entity.Pronouns reads them from the class path and, when they are missing, silently knows no name's sex:
        // before session 33 only the CRF was unpacked from CoreNLP's models jar, and every given name was unknown
        assertEquals(Pronouns.Gender.FEMALE, Pronouns.Genders.fromClasspath().of("hillary"));
        assertEquals(Pronouns.Gender.MALE, Pronouns.Genders.fromClasspath().of("john"));
    }

    @Test
    void aStateOrCountryOfTwoWordsIsAPlaceWhateverTheCrfTaggedIt() {
        // PolNeAR's texts: the CRF tagged New Hampshire an organisation in 353 mentions
        List<Mention> ms = mentions("Sanders won the New Hampshire primary by 22 points, and Clinton won in South Carolina.");
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("New Hampshire") && m.type() == EntityType.LOCATION), ms.toString());
        assertTrue(NameFinder.isPlaceName("Puerto Rico"));
        assertFalse(NameFinder.isPlaceName("Jordan"), "a one-word name is left as the CRF tagged it");
        assertFalse(NameFinder.isPlaceName("New Hampshire Union Leader"));
    }

    @Test
    void aNameTheCrfRunsOnIntoAHeadlinesWordsIsNotKept() {
        // a Breitbart headline of PolNeAR's texts, where the CRF found "Trump Would Put Liberals On Court", an organisation
        String text = "Cruz: Trump Would Put Liberals On Court, \u2018I Fear The Same Thing Is True\u2019 for Rubio\n\n"
                + "Ted Cruz said on Wednesday that Marco Rubio would do the same.";
        int body = text.indexOf("Ted");
        List<Mention> found = List.of(new Mention(0, 4, "Cruz", EntityType.PERSON, null),
                new Mention(6, 39, "Trump Would Put Liberals On Court", EntityType.ORGANIZATION, null),
                new Mention(body, body + 8, "Ted Cruz", EntityType.PERSON, null),
                new Mention(text.indexOf("Marco"), text.indexOf("Marco") + 11, "Marco Rubio", EntityType.PERSON, null));
        List<Mention> ms = NameFinder.readHeadlines(text, found, new ArrayList<>(List.of(new int[] {0, body - 2})));
        assertTrue(ms.stream().noneMatch(m -> m.text().contains("Would")), ms.toString());
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("Cruz") && m.start() == 0), ms.toString());
        assertTrue(NameFinder.runsOnIntoTheHeadline("White Supremacists Are Capitalizing On Trump"));
        assertFalse(NameFinder.runsOnIntoTheHeadline("George Will"));
        assertFalse(NameFinder.runsOnIntoTheHeadline("Bank of America"));
    }

    @Test
    void aNewsAgencysWordsToItsClientsAreNoNames() {
        // AFP headlines of the news pool, where the CRF read "ADDS" and "ADDS EU" as organisations
        List<Mention> ms = mentions("ATTENTION - UPDATES, ADDS quotes ///\n\nEU ministers met in Brussels.");
        ms = new ArrayList<>(ms);
        ms.addAll(mentions("ADDS EU reaction\n\nEU ministers met in Brussels on Monday."));
        for (Mention m : ms) {
            for (String w : List.of("ATTENTION", "UPDATES", "ADDS")) assertFalse(m.text().contains(w), ms.toString());
        }
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("EU")), ms.toString());
    }

    @Test
    void aPlaceNameWithALowerCaseWordBetweenHyphensStaysWhole() {
        List<Mention> ms = mentions("A car bomb exploded outside the U.S. embassy in the Tanzanian capital Dar-es-Salaam on Friday, "
                + "and a second one in Mazar-e-Sharif, police said.");
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("Dar-es-Salaam")), ms.toString());
        assertTrue(ms.stream().noneMatch(m -> m.text().equals("Salaam")), ms.toString());
    }

    @Test
    void anAcronymInParenthesesAfterAnOrganisationIsOne() {
        List<Mention> ms = mentions("Members of the People\u2019s Mojahedin Organization of Iran (PMOI/MEK) were killed, the "
                + "council said.");
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("PMOI/MEK") && m.type() == EntityType.ORGANIZATION), ms.toString());
    }

    @Test
    void aTitleCasedHeadlineTakesTheNamesItsBodyWrites() {
        String text = "Lindsay Lohan Checks Into Betty Ford After Fleeing Other Rehab Facility\n"
                + "Actress Lindsay Lohan has checked into the Betty Ford Center in California, her lawyer said on Friday. "
                + "Lohan left another clinic in Malibu after a few minutes, according to the court.";
        int body = text.indexOf('\n');
        List<Mention> ms = mentions(text);
        List<String> head = ms.stream().filter(m -> m.start() < body).map(Mention::text).toList();
        assertTrue(head.contains("Lindsay Lohan"), "the body's name is the headline's mention: " + ms);
        for (Mention m : ms) {
            if (m.start() < body) assertFalse(m.text().contains("Checks") || m.text().contains("Fleeing"), "no verb in a name: " + m);
        }
        assertTrue(NameFinder.titleCased(text, 0, body));
        assertFalse(NameFinder.titleCased(text, body + 1, text.length()));
    }
    @Test
    void aHeadlinesNameHoldingAWordTheBodyWritesInLowerCaseIsCutThere() {
        // ECB+ headlines (4_9ecbplus, 2_5ecbplus, 33_11ecbplus), where the CRF read "Actress Dies Aged", "Oscars Host For 2014
        // Academy Awards" and "Teen Arrested in Shooting of Hero Brooklyn Mom" as organisations; the bodies write "actress",
        // "host", "teen", "shooting" in lower case
        String text = "Oscars Host For 2014 Academy Awards Named\n"
                + "The Academy Awards will have a new host next year. The host was named by the academy's board on Friday, "
                + "and the actress who hosted before said she was pleased.\n"
                + "Muslim American Society of Boston Opens Center\n"
                + "The society said its new center would open in March.";
        List<Mention> found = List.of(new Mention(0, 35, "Oscars Host For 2014 Academy Awards", EntityType.ORGANIZATION, null),
                new Mention(text.indexOf("Academy Awards will"), text.indexOf("Academy Awards will") + 14, "Academy Awards",
                        EntityType.ORGANIZATION, null),
                new Mention(text.indexOf("Muslim"), text.indexOf("Muslim") + 33, "Muslim American Society of Boston",
                        EntityType.ORGANIZATION, null));
        List<int[]> headlines = new ArrayList<>();
        for (String h : List.of("Oscars Host", "Muslim American")) {
            int a = text.indexOf(h);
            headlines.add(new int[] {a, text.indexOf('\n', a)});
        }
        List<Mention> ms = NameFinder.readHeadlines(text, found, headlines);
        assertTrue(ms.stream().noneMatch(m -> m.text().contains("Host")), "the body writes 'host' in lower case: " + ms);
        assertTrue(ms.stream().anyMatch(m -> m.start() == text.indexOf("Academy") && m.text().equals("Academy Awards")), ms.toString());
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("Muslim American Society of Boston")),
                "a name whose head is a name's ('Society of') stays whole: " + ms);
        // the real CRF on a headline whose body never writes its words as names
        String obituary = "Hollywood Icon Dies Aged 91\nThe actress and swimmer, a hollywood icon of the 1950s, died in her sleep "
                + "on Thursday at her home in Los Angeles, her publicist said.";
        for (Mention m : mentions(obituary)) {
            assertFalse(m.start() < obituary.indexOf('\n') && m.text().contains("Dies"), "no verb in a name: " + m);
        }
    }

    @Test
    void aSurnameTheArticleWroteInFullIsFoundAgainWhereTheCrfMissedIt() {
        // ECB+ 3_7ecbplus-style sports copy: the CRF reads "Luck" alone as a common noun
        String text = "Colts quarterback Andrew Luck threw three touchdown passes on Sunday. Luck finished 25 of 34 for 312 yards, "
                + "and the coach said Luck was calm. The team's luck held in the fourth quarter.";
        List<Mention> ms = mentions(text);
        long lucks = ms.stream().filter(m -> m.text().equals("Luck") && m.type() == EntityType.PERSON).count();
        assertEquals(1, lucks, "mid-sentence \"Luck\" is the quarterback; at a sentence start, in an article that writes \"luck\", "
                + "it may be the word: " + ms);
        assertTrue(ms.stream().anyMatch(m -> m.text().equals("Andrew Luck")), ms.toString());
        assertFalse(ms.stream().anyMatch(m -> m.text().equals("luck")), "never a lower-case word");
    }

    @Test
    void aNameTheBodyWritesIsFoundInTheHeadlineAboveItToo() {
        // ECB+ 9_13ecbplus's headline: the CRF, reading the line alone, found Obama and not Bush; the body names him
        String title = "Obama overturns Bush midnight rules on science, health care";
        String text = title + "\nHome | Bush | Politics\n"
                + "President Barack Obama on Tuesday reversed a rule that President George W. Bush issued in December. "
                + "The rule Bush issued let agencies skip scientific reviews.";
        int bodyStart = text.indexOf("President Barack");
        List<Mention> ms = mentions(text, title, bodyStart);
        assertTrue(ms.stream().anyMatch(m -> m.start() == title.indexOf("Bush") && m.text().equals("Bush")
                && m.type() == EntityType.PERSON), "the headline's Bush: " + ms);
        int menu = text.indexOf("Home");
        assertTrue(ms.stream().noneMatch(m -> m.start() >= menu && m.start() < bodyStart),
                "what lies between the headline and the body (a page's menu) is not scanned: " + ms);
    }
}
