package org.storytrace.core.entity;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RomanizationTest {
    private static boolean same(String a, String b) { return Romanization.same(Romanization.part(a), Romanization.part(b)); }

    @Test
    void theSeedsSpellingsMeet() {
        for (String[] p : new String[][] {{"Kadhimi", "Kazemi"}, {"Yacoub", "Yaqoub"}, {"Yaqoub", "Yaqub"}, {"Keyhan", "Kayhan"},
                {"Maliki", "Maleki"}, {"Nuri", "Nouri"}, {"Hekmah", "Hikmah"}, {"Asa'ib", "Asaeb"}, {"Asa’ib", "Asa'ib"}, {"Tahseen",
                        "Tahsin"},
                {"Hashimi", "Hashemi"}, {"Mohammed", "Muhammad"}, {"Mohamad", "Mohammed"}}) {
            assertTrue(same(p[0], p[1]), p[0] + " / " + p[1]);
        }
    }

    @Test
    void lookAlikesStayApart() {
        for (String[] p : new String[][] {{"Hassan", "Hussein"}, {"Ali", "Alia"}, {"Iran", "Iraq"}, {"Jamal", "Jamil"}, {"Basra",
                "Nasiriyah"}}) {
            assertFalse(same(p[0], p[1]), p[0] + " / " + p[1]);
        }
    }

    @Test
    void aNameOneSoundOffIsCloseButNotTheSame() {
        assertFalse(same("Ramadan", "Ramazan"));
        assertTrue(Romanization.close(Romanization.part("Ramadan"), Romanization.part("Ramazan")));
        assertFalse(same("Tikrit", "Takrit"));
        assertTrue(Romanization.close(Romanization.part("Tikrit"), Romanization.part("Takrit")));
        assertFalse(Romanization.close(Romanization.part("Hassan"), Romanization.part("Hussein")), "two vowels apart");
    }

    @Test
    void namesInArabicScriptAreTransliteratedFirst() {
        assertFalse(Romanization.fold("\u0628\u063A\u062F\u0627\u062F").isEmpty()); // Baghdad in Arabic script
        assertTrue(Romanization.fold("\u0628\u063A\u062F\u0627\u062F").chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '\''));
    }

    @Test
    void theVariantSetIsMatchedWellAndItsLookAlikesKeptApart() {
        NameVariants.Score s = NameVariants.score();
        System.out.printf("names.variants: %d pairs, precision %.4f, recall %.4f%nmissed %s%nwrong %s%n", s.pairs(), s.precision(),
                s.recall(), s.missed(), s.wrong());
        assertTrue(s.pairs() >= 300, "the set has " + s.pairs() + " pairs");
        // floors on the figures storytrace eval prints as names.variants.*
        assertTrue(s.precision() >= 0.98, "precision " + s.precision() + ", wrong: " + s.wrong());
        assertTrue(s.recall() >= 0.85, "recall " + s.recall() + ", missed: " + s.missed());
    }

    @Test
    void namesThatDifferInTheirNumberStayApart() {
        // ECB+: IE6, IE7, IE8 and IE9 were one entity, digits being dropped
        for (String[] p : new String[][] {{"IE6", "IE8"}, {"G7", "G20"}, {"G77", "G7"}, {"F16", "F35"}}) {
            assertFalse(same(p[0], p[1]), p[0] + " / " + p[1]);
        }
        assertTrue(same("G20", "g20"));
        assertEquals("g20", Romanization.fold("G-20".replace("-", "")));
    }
}
