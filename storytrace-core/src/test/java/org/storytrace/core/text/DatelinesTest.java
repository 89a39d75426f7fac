package org.storytrace.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatelinesTest {
    @Test
    void aDatelineOpeningASentenceIsSkippedWhole() {
        for (String line : new String[] {"BAGHDAD, May 8, 2021 \u2014 ", "NAIROBI, Nov. 2 (Xinhua) -- ",
            "BEIRUT, Lebanon, March 3 (AP) \u2014 ", "WASHINGTON (AP) - ", "March 3, 2025 \u2014 ", "3 March 2025 -- "}) {
            String s = line + "Protesters stormed the offices.";
            assertEquals(line.length(), Datelines.skip(s, 0, s.length()), line);
        }
        for (String s : new String[] {"US troops - and their allies - left.",
            "Protesters stormed the offices on May 8, 2021 \u2014 police said.", "In May 8 \u2014 no.", "A-list stars came."}) {
            assertEquals(0, Datelines.skip(s, 0, s.length()), s);
        }
    }

    @Test
    void aDatelinesDateIsTold() {
        String text = "Headline\nBEIRUT, Lebanon, March 3 (AP) \u2014 Clashes broke out on March 2.";
        int d = text.indexOf("March 3");
        assertTrue(Datelines.isDatelineDate(text, d, d + 7));
        int e = text.indexOf("March 2");
        assertFalse(Datelines.isDatelineDate(text, e, e + 7));
        String plain = "Talks, March 3 - the day after, went on.";
        int p = plain.indexOf("March 3");
        assertFalse(Datelines.isDatelineDate(plain, p, p + 7), "a sentence's words are no place in capitals");
    }

    @Test
    void aPagesPublicationStampIsToldFromAnEventsDate() {
        // ECB+'s scraped pages (19_5ecbplus, 35_6ecbplus, 11_2ecbplus, 24_2ecbplus, 22_1ecbplus)
        for (String stamp : new String[] {"PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM", "Posted: Apr 02, 2009 11: 06 PM CEST",
            "Published on Friday, 27 September 2013", "12: 48PM BST 09 Sep 2013", "Friday, Sep 10, 2010 | Updated 8: 52 PM EDT",
            "26 September 2013, 10: 00 (GMT+05: 00)", "Posted August 2nd, 2013 at 5: 19 pm", "November 20, 2012"}) {
            String text = "Headline of the page\n" + stamp + "\nThe fire broke out on Tuesday.";
            int d = text.indexOf(stamp);
            assertTrue(Datelines.isStampLine(text, d, d + stamp.length()), stamp);
        }
        for (String line : new String[] {"March 3, 2020: Protests began in Baghdad", "On Sunday, 23 August, Kadhimi visited Basra.",
            "Registration will run from October 26 to November 20."}) {
            String text = "Headline\n" + line + "\nMore text.";
            int d = text.indexOf(line);
            assertFalse(Datelines.isStampLine(text, d, d + line.length()), line);
        }
    }

    @Test
    void aCapitalisedWordAndANumberAreNoDatelinesDate() {
        // ECB+ 7_10ecbplus: the summary cut "The 36 - " off "The 36 - year - old champion Klitschko" as a dateline "Nov. 2 -"
        String s = "The 36 - year - old champion Klitschko floored Thompson.";
        assertEquals(0, Datelines.skip(s, 0, s.length()));
        String d = "September 14 - Firefighters fought the blaze.";
        assertEquals(d.indexOf("Firefighters"), Datelines.skip(d, 0, d.length()));
    }
}
