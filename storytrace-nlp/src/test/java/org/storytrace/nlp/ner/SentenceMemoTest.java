package org.storytrace.nlp.ner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;

/** The memo of sentences' names: exact text only, bounded, and names shifted to where a repeated sentence stands. */
class SentenceMemoTest {
    @Test
    void aSentenceIsFoundOnlyByItsExactText() {
        SentenceMemo memo = new SentenceMemo(1);
        // "Aa" and "BB" have the same String.hashCode, so they share every slot
        assertEquals("Aa".hashCode(), "BB".hashCode());
        memo.put("Aa said so.", List.of(new Mention(0, 2, "Aa", EntityType.PERSON, null)));
        assertNull(memo.get("BB said so."), "a sentence with the same hash is not the same sentence");
        assertEquals(List.of(new Mention(0, 2, "Aa", EntityType.PERSON, null)), memo.get("Aa said so."));
        memo.put("BB said so.", List.of());
        assertNull(memo.get("Aa said so."), "a newcomer replaces what held its slot");
        assertEquals(List.of(), memo.get("BB said so."));
    }

    @Test
    void longSentencesAreNotKept() {
        SentenceMemo memo = new SentenceMemo(16);
        String longOne = "word ".repeat(SentenceMemo.LONGEST / 5 + 1);
        memo.put(longOne, List.of());
        assertNull(memo.get(longOne));
    }

    @Test
    void slotsMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new SentenceMemo(12));
        assertThrows(IllegalArgumentException.class, () -> new SentenceMemo(0));
    }

    @Test
    void aRepeatedSentenceGetsTheSameNamesWhereItStands() {
        String sentence = "Prime Minister Mustafa Al-Kadhimi met Dr. Reham Yaqoub in Basra on Sunday.";
        String text = "Other words first. " + sentence + " And " + sentence;
        int first = text.indexOf(sentence), second = text.lastIndexOf(sentence);
        List<Mention> a = new ArrayList<>(), b = new ArrayList<>();
        NameFinder.find(text, first, first + sentence.length(), a);
        long hits = NameFinder.MEMO.hits();
        NameFinder.find(text, second, second + sentence.length(), b);
        assertEquals(hits + 1, NameFinder.MEMO.hits(), "the second reading comes from the memo");
        assertFalse(a.isEmpty());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            Mention x = a.get(i), y = b.get(i);
            assertEquals(x.start() + second - first, y.start());
            assertEquals(x.text(), y.text());
            assertEquals(text.substring(y.start(), y.end()), y.text());
            assertEquals(x.type(), y.type());
            assertEquals(x.role(), y.role());
        }
        assertTrue(b.stream().anyMatch(m -> m.text().equals("Mustafa Al-Kadhimi") && "Prime Minister".equals(m.role())), b.toString());
        assertEquals(NameFinder.findIn(sentence).size(), a.size(), "the memo gives what the CRF gives");
    }
}
