package org.storytrace.core.time;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EventVerbTest {
    private static String verb(String text, String date) {
        int s = text.indexOf(date);
        return EventVerb.of(text, s, s + date.length(), 0, text.length());
    }

    @Test
    void theVerbADateIsToldWithIsTheNearestBeforeItInItsClauseElseAfterIt() {
        assertEquals("target", verb("Hamas has accused them of targeting prime minister Ismail Haniya on Thursday by firing on his "
                + "convoy.", "Thursday"));
        assertEquals("accus", verb("On Friday, Hamas accused Fatah loyalists of targeting the prime minister.", "Friday"));
        assertEquals(EventVerb.stem("kills"), verb("Six people were killed on Friday in the county.", "Friday"), "past the auxiliary");
        assertEquals("meet", verb("The monarch will meet Bush on Thursday in Maine.", "Thursday"), "a bare form after a modal");
        assertEquals("say", verb("The ministry said Friday it would appeal.", "Friday"));
        assertEquals("rais", verb("The bank raised interest rates by half a point on Tuesday.", "Tuesday"));
        assertEquals("rais", EventVerb.stem("raising"));
        assertEquals("ship", EventVerb.stem("shipped"));
        assertNull(verb("A hundred people gathered. Talks in the morning, then lunch.", "morning"), "none in its clause");
        assertNull(verb("The leaders' meeting scheduled on Friday and Saturday.", "Friday"), "a plan's participle is not the event");
        assertFalse(EventVerb.reporting(EventVerb.stem("killed")));
        // every form of a verb of speech is one
        for (String w : new String[] {"said", "says", "saying", "told", "tells", "telling", "added", "adding", "announced",
            "denied", "wrote", "admitted", "testified"}) {
            assertTrue(EventVerb.reporting(EventVerb.verb(w, "")), w + " -> " + EventVerb.verb(w, ""));
        }
        assertEquals(EventVerb.verb("tell", "will"), EventVerb.verb("told", ""));
    }

    @Test
    void aDateThatModifiesANounNamesThatEventAndALegalStepIsAKindOfItsOwn() {
        assertEquals("shoot", verb("He was charged in connection with the June 20 shooting in Hawaiian Gardens.", "June 20"));
        assertEquals("fir", verb("All 34 miners trapped in Sunday's coal mine fire in Shanxi were confirmed dead.", "Sunday"));
        assertEquals("kil", verb("Six people were killed on Friday in the county.", "Friday"), "no modifier: the verb");
        assertEquals(EventVerb.Kind.LEGAL, EventVerb.kind(verb("Orozco was convicted March 20 of murder.", "March 20")));
        assertEquals(EventVerb.Kind.LEGAL, EventVerb.kind(verb("He was sentenced on Friday to life.", "Friday")));
        assertEquals(EventVerb.Kind.LEGAL, EventVerb.kind(verb("the March 3 hearing was put off.", "March 3")));
        assertEquals(EventVerb.Kind.DEED, EventVerb.kind(verb("Gunmen shot him on Friday in the county.", "Friday")));
        assertEquals(EventVerb.Kind.SPEECH, EventVerb.kind(verb("Police said on Friday the man died.", "Friday")));
    }
}
