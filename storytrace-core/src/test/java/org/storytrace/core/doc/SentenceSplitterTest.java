package org.storytrace.core.doc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static List<String> split(String text) {
        Sentences s = SentenceSplitter.split(text, 0, text.length(), TokenLayer.of(text, 0, text.length()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) out.add(text.substring(s.starts()[i], s.ends()[i]));
        return out;
    }

    @Test
    void newsSentencesEndAtTerminatorsAndLineBreaksNotAtAbbreviationsOrInitials() {
        String text = "Iraq's Prime Minister Mustafa al-Kadhimi said on Sunday that Dr. Yaqoub was shot in Basra. "
                + "The U.S. embassy declined to comment! Was it planned? Gen. Soleimani was killed in Jan. 2020 near Baghdad airport.\n"
                + "Protesters Gather Again\n"
                + "\u201cWe will not stop,\u201d said one. \u201cNever.\u201d Police fired 3.5 rounds a minute, said George W. "
                        + "Bush's envoy.";
        assertEquals(List.of(
                "Iraq's Prime Minister Mustafa al-Kadhimi said on Sunday that Dr. Yaqoub was shot in Basra.",
                "The U.S. embassy declined to comment!",
                "Was it planned?",
                "Gen. Soleimani was killed in Jan. 2020 near Baghdad airport.",
                "Protesters Gather Again",
                "\u201cWe will not stop,\u201d said one.",
                "\u201cNever.\u201d",
                "Police fired 3.5 rounds a minute, said George W. Bush's envoy."), split(text));
    }

    @Test
    void aLowerCaseWordAfterAFullStopContinuesTheSentence() {
        assertEquals(List.of("Prices rose, e.g. for bread, and fell again."), split("Prices rose, e.g. for bread, and fell again."));
        assertEquals(List.of("Room No. 5 was searched."), split("Room No. 5 was searched."));
    }

    @Test
    void aClockTimeBeforeAWeekdayAZoneOrABracketEndsNothing() {
        assertEquals(List.of("The blast hit at about 10:35 a.m. (0735 GMT) Friday, toppling a building.", "Rescuers dug all night."),
                split("The blast hit at about 10:35 a.m. (0735 GMT) Friday, toppling a building. Rescuers dug all night."));
        assertEquals(List.of("Hearings resume at 9 a.m. Tuesday and at 2 p.m. EST Wednesday."),
                split("Hearings resume at 9 a.m. Tuesday and at 2 p.m. EST Wednesday."));
        // a new sentence after a clock time still begins one
        assertEquals(List.of("The talks ended at 5 p.m.", "The next day began calmly."),
                split("The talks ended at 5 p.m. The next day began calmly."));
    }

    @Test
    void anEmptyOrWordlessTextHasNoSentences() {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split(" -- ... "));
    }
}
