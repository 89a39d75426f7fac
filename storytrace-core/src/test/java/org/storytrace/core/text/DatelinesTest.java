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
}
