package org.storytrace.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The headline fields of AFP's and Xinhua's LDC newswire in ../shared/corpora/news-pool, as their files give them. */
class HeadlinesTest {
    @Test
    void theAgenciesMarksAreTakenOffTheHeadline() {
        assertEquals("Yeltsin to take two weeks' holiday in April", Headlines.clean("URGENTYeltsin to take two weeks' holiday in April"));
        assertEquals("Japanese ambassador among freed hostages", Headlines.clean("URGENT Japanese ambassador among freed hostages"));
        assertEquals("WB projects drastic rise in China's current account surplus",
                Headlines.clean("URGENT: WB projects drastic rise in China's current account surplus"));
        assertEquals("Fatal coal mine accident reported in north China, 24 dead",
                Headlines.clean("1st Ld: Fatal coal mine accident reported in north China, 24 dead"));
        assertEquals("34 confirmed dead in north China colliery fire",
                Headlines.clean("1st Ld-Writethru: 34 confirmed dead in north China colliery fire"));
        assertEquals("China, Pakistan sign free trade agreement", Headlines.clean("Writethru: China, Pakistan sign free trade agreement"));
        assertEquals("Chirac arrives in Beijing", Headlines.clean("=(PICTURE)= Chirac arrives in Beijing"));
        assertEquals("exiled Hamas leader arrives in Cairo on unexpected visit",
                Headlines.clean("1st Lead: exiled Hamas leader arrives in Cairo on unexpected visit"));
        for (String mark : new String[] {"1st LD: ", "2nd lead: ", "2nd Ld Writethru: ", "5th LD Writethru: ", "Urgent: ", "Update: ",
            "UPDATE-2: ", "FLASH: "}) {
            assertEquals("Fatal coal mine accident reported in north China", Headlines.clean(mark + "Fatal coal mine accident reported in "
                    + "north China"), mark);
        }
    }

    @Test
    void whatIsNoHeadlineAtAllIsNone() {
        assertNull(Headlines.clean("ATTENTION - ADDS quotes, background ///"));
        assertNull(Headlines.clean("xxx as sent. Here is a corrected repetition: ///"));
        assertNull(Headlines.clean("quotes ///"));
        assertNull(Headlines.clean("=(GRAPHIC+PICTURE)="));
        assertNull(Headlines.clean("By Huang Xingwei"));
        assertNull(Headlines.clean("by Sebastian Smith"));
        assertNull(Headlines.clean("withdrawals"));
        assertNull(Headlines.clean("in Iraq"));
        assertNull(Headlines.clean("  "));
        assertNull(Headlines.clean(null));
    }

    @Test
    void headlinesAreLeftAsTheyAre() {
        for (String h : new String[] {"Roundup: US faces daunting challenges in Latin America", "iPhone sales soar in China",
            "Peru's Fujimori basks in glory of hostage rescue", "By George, the rally holds", "Byelection set for May 3",
            "URGENCY of talks stressed by EU", "de Blasio wins second term", "van Gogh painting sold for $82.5 million",
            "Federer makes Masters final with perfect win over Gaudio (updated)"}) {
            assertEquals(h, Headlines.clean(h));
        }
        assertEquals("China confirms first human cases of bird flu",
                Headlines.clean("2nd Ld: China confirms first human cases of bird flu"));
    }
}
