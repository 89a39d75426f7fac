package org.storytrace.core.entity;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pronouns resolved on sentences of real reports: the ECB+ corpus's articles (CC BY 3.0, Cybulska and Vossen 2014), as
 * its tokenised text writes them ("9 a. m.", one sentence a line), with the names a name finder tags in them given by
 * hand (one of them wrongly typed, as CoreNLP types it).
 */
class PronounsTest {
    private static final Pronouns.Genders FEW = n -> switch (n) {
        case "lindsay", "ellen", "michelle" -> Pronouns.Gender.FEMALE;
        case "mark", "fred", "arcade" -> Pronouns.Gender.MALE;
        default -> Pronouns.Gender.UNKNOWN;
    };
    private static final Pronouns PRONOUNS = new Pronouns(FEW);

    /** Every occurrence of each name, as a mention of {@code type}, in text order. */
    private static List<Mention> mentions(String text, EntityType type, String... names) {
        List<Mention> out = new ArrayList<>();
        for (String n : names) {
            for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length())) {
                // a name inside a longer one given is not a mention of its own
                int at = i;
                if (out.stream().noneMatch(m -> m.start() <= at && at < m.end())) out.add(new Mention(i, i + n.length(), n, type, null));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Each resolved pronoun as "pronoun@offset=name". */
    private static List<String> resolved(String text, List<Mention> ms) {
        return PRONOUNS.resolve(text, ms).stream().map(r -> r.text() + "@" + r.start() + "=" + ms.get(r.mention()).text()).toList();
    }

    @Test
    void aPronounOpeningASentenceIsTheSubjectOfTheOneBefore() {
        // 3_1ecbplus: "a. m." does not end a sentence, so the sentence before "He" is the one Comeaux opens, not "m., Lyons said."
        String t = "Comeaux, 49, took the officers' weapons and handcuffed them together in the back of the vehicle before fleeing on foot "
                + "at around 9 a. m., Lyons said.\nHe was serving a life sentence after being convicted of aggravated sexual assault.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Comeaux", "Lyons");
        assertEquals("Comeaux", pronounAt(t, ms, t.indexOf("He")));
    }

    @Test
    void inItsOwnSentenceAPronounTakesTheNearestNameAndAgreesInGender() {
        // 1_8ecbplus: "he" after "White said" is White; Lohan, a woman by her first name earlier, is never "he"
        String t = "Lindsay Lohan made it to the new facility late Thursday.\nWhite said he has received confirmation that Lohan has "
                + "checked in to a rehab facility and he is satisfied with her location.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Lindsay Lohan", "White", "Lohan");
        int he = t.indexOf(" he ") + 1;
        assertEquals("White", pronounAt(t, ms, he));
        assertEquals("White", pronounAt(t, ms, t.indexOf(" he ", he) + 1), "the nearest before it is the first he, standing for White");
        // "her" passes over White (no known gender, so possible) because Lohan (Lindsay Lohan before) is nearer
        assertEquals("Lohan", pronounAt(t, ms, t.indexOf("her ")));
    }

    /** {@code pronoun} with the leading space of the search word dropped from the offset. */
    private static String pronounAt(String text, List<Mention> ms, int at) {
        for (Pronouns.Reference r : PRONOUNS.resolve(text, ms)) if (r.start() == at) return ms.get(r.mention()).text();
        return null;
    }

    @Test
    void genderFromFirstNamesTitlesAndEarlierFullNames() {
        // 1_5ecbplus, shortened: Heller (Mark Heller, a man by his first name) speaks; "She" is Lohan
        String t = "Mark Heller told the judge that Lindsay Lohan was in rehab.\nProsecutors objected to Lohan's choice, Heller "
                + "argued.\nShe hopped on a private jet Wednesday night.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Mark Heller", "Lindsay Lohan", "Lohan", "Heller");
        assertEquals("Lohan", pronounAt(t, ms, t.indexOf("She")));
        // a title says it where no first name does
        String u = "Mr. LaRue came to Washington in 1969.\nMrs. Stans was also there.\nShe said he had been close to Mitchell.";
        List<Mention> mu = new ArrayList<>();
        mu.add(new Mention(u.indexOf("LaRue"), u.indexOf("LaRue") + 5, "LaRue", EntityType.PERSON, "Mr."));
        mu.add(new Mention(u.indexOf("Stans"), u.indexOf("Stans") + 5, "Stans", EntityType.PERSON, "Mrs."));
        mu.add(new Mention(u.indexOf("Mitchell"), u.indexOf("Mitchell") + 8, "Mitchell", EntityType.PERSON, null));
        assertEquals("Stans", pronounAt(u, mu, u.indexOf("She")));
        assertEquals("LaRue", pronounAt(u, mu, u.indexOf(" he ") + 1), "he: not Mrs. Stans, the subject before her");
    }

    @Test
    void aChainOfPronounsReachesTheNameBeforeThemAndAWrongTypeDoesNotBreakIt() {
        // 2_9ecbplus: the name finder calls "Primetime Emmy" a person; "her" follows "She", the sentence's subject
        String t = "Ellen DeGeneres has a history of well-received hosting gigs.\nShe was nominated for a Primetime Emmy for her "
                + "performance as Oscars host in 2007.\nShe also garnered positive responses as a two-time Emmy Awards host.\nShe "
                + "returned in 2005.\nShe hosted the Grammys in 1996.\nShe is a safe bet.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Ellen DeGeneres", "Primetime Emmy", "Emmy Awards");
        List<String> r = resolved(t, ms);
        assertEquals(6, r.size(), r.toString());
        for (String x : r) assertTrue(x.endsWith("=Ellen DeGeneres"), r.toString());
    }

    @Test
    void pronounsInsideQuotationMarksAndWithoutAPersonStayUnresolved() {
        // 1_14ecb: "She" inside the friend's quote is not resolved; an article naming no person resolves nothing
        String t = "Tara Reid has checked herself into rehab.\n\u201cShe checked in herself - it was her decision,\u201d a friend said.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Tara Reid");
        assertEquals(List.of("herself@" + t.indexOf("herself") + "=Tara Reid"), resolved(t, ms));
        String u = "The earthquake struck at dawn.\nHe said the damage was heavy.";
        assertEquals(List.of(), resolved(u, mentions(u, EntityType.LOCATION, "dawn")));
        // beyond three sentences back with no name: nothing
        String v = "Smith arrived.\nA.\nB.\nC.\nD.\nHe left.";
        assertEquals(List.of(), resolved(v, mentions(v, EntityType.PERSON, "Smith")));
    }

    @Test
    void theResolverAddsReferencesToTheEntityWithoutMakingThemVariants() {
        // 28_2ecbplus, shortened
        String t = "Fred LaRue, a Watergate figure, has died.\nHe was 75.\nHis body was discovered Tuesday.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Fred LaRue");
        List<Entity> es = new EntityResolver(Aliases.builtIn(), PRONOUNS).story(List.of(new EntityResolver.Source("a", "x", t, ms)));
        assertEquals(1, es.size());
        Entity e = es.get(0);
        assertEquals(List.of("He", "His"), e.references().stream().map(Entity.At::text).toList());
        assertEquals(List.of("Fred LaRue"), e.variants().stream().map(Entity.Variant::text).toList());
        assertEquals(1, e.mentions().size());
    }

    @Test
    void insideAQuoteTheFirstPersonIsItsSpeaker() {
        // the seeds' 000 article: the Prime Minister's quote, its speaker a "he" the quote finder resolved to Al-Kadhimi;
        // "Yaqoub" inside a title, "him" of someone else outside the quote and "me" in an unattributed quote stay apart
        String t = "Al-Kadhimi met with the family of Dr. Yaqoub. During this visit he said: \u201cI swear by the martyrs\u2019 blood that "
                + "there will be no escape from justice for their crimes. Husham Hashemi and Tahsin Osama did not die in vain.\u201d\n"
                + "\u201cLet me be clear,\u201d a protester said.";
        List<Mention> ms = mentions(t, EntityType.PERSON, "Al-Kadhimi", "Yaqoub", "Husham Hashemi", "Tahsin Osama");
        int open = t.indexOf('\u201c') + 1, close = t.indexOf('\u201d');
        int second = t.indexOf('\u201c', close) + 1;
        List<Pronouns.Speech> speeches = List.of(new Pronouns.Speech(open, close, t.indexOf("Al-Kadhimi")),
                new Pronouns.Speech(second, t.indexOf('\u201d', second), -1));
        List<String> r = PRONOUNS.resolve(t, ms, speeches).stream().map(x -> x.text() + "=" + ms.get(x.mention()).text()).toList();
        assertEquals(List.of("he=Al-Kadhimi", "I=Al-Kadhimi"), r);
        // a speaker that is not a person (an organisation's statement) gives its "I" to no one
        List<Mention> org = new ArrayList<>(ms);
        org.set(0, new Mention(0, 10, "Al-Kadhimi", EntityType.ORGANIZATION, null));
        assertEquals(List.of(), PRONOUNS.resolve(t, org, speeches.subList(0, 1)).stream().filter(x -> x.text().equals("I")).toList());
    }
}
