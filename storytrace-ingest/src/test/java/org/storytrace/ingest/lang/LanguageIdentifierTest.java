package org.storytrace.ingest.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;

/** The identifier's own features and model evaluation give what OpenNLP's detector gives, on real and on written text. */
class LanguageIdentifierTest {
    private static final List<String> OTHERS = List.of(
            "Des milliers de manifestants se sont rassemblés dimanche sur la place Tahrir de Bagdad pour réclamer la fin de la "
                    + "corruption et le départ du gouvernement, selon des sources policières.",
            "Tausende Demonstranten versammelten sich am Sonntag auf dem Tahrir-Platz in Bagdad und forderten ein Ende der "
                    + "Korruption sowie den Rücktritt der Regierung, teilte die Polizei mit.",
            "Miles de manifestantes se reunieron el domingo en la plaza Tahrir de Bagdad para exigir el fin de la corrupción y la "
                    + "dimisión del gobierno, según fuentes policiales.",
            "Migliaia di manifestanti si sono radunati domenica in piazza Tahrir a Baghdad per chiedere la fine della corruzione e "
                    + "le dimissioni del governo, secondo fonti della polizia.",
            "تجمع آلاف المتظاهرين يوم الأحد في ساحة التحرير ببغداد للمطالبة بإنهاء الفساد واستقالة الحكومة، بحسب مصادر في الشرطة.",
            "Тысячи демонстрантов собрались в воскресенье на площади Тахрир в Багдаде, требуя положить конец коррупции и отставки "
                    + "правительства, сообщили в полиции.");

    @Test
    void theFastFeaturesGiveWhatOpenNlpsDetectorGives() throws Exception {
        LanguageDetectorModel model;
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
        LanguageDetectorME theirs = new LanguageDetectorME(model);
        List<String> texts = new ArrayList<>(TestCorpora.newsPool(Integer.MAX_VALUE));
        int english = 0;
        for (String t : texts) if (LanguageIdentifier.clearlyEnglish(t.length() > 1000 ? t.substring(0, 1000) : t)) english++;
        assertTrue(english >= texts.size() * 0.9, english + " of " + texts.size() + " pool articles English beyond doubt");
        texts.addAll(OTHERS);
        texts.add("Kadhimi said on Sunday: \"We will not allow them to bring Iraq back to the square of chaos\" https://t.co/x 2020");
        LanguageIdentifier ours = new LanguageIdentifier();
        Set<String> languages = new HashSet<>();
        for (String t : texts) {
            String cut = t.length() > LanguageIdentifier.READ_CHARS ? t.substring(0, LanguageIdentifier.READ_CHARS) : t;
            String head = cut.substring(0, Math.min(40, cut.length()));
            Set<String> expected = new HashSet<>();
            for (CharSequence c : model.getFactory().getContextGenerator().getContext(cut)) expected.add(c.toString());
            assertEquals(expected, new HashSet<>(List.of(LanguageIdentifier.features(cut))), "the features of " + head);
            Language best = theirs.predictLanguage(cut);
            String want = best.getConfidence() < 0.05 ? null : best.getLang();
            assertEquals(want, ours.identify(t), head);
            languages.add(want);
        }
        languages.remove(null); // a few pool texts are too short to tell
        assertEquals(Set.of("eng", "fra", "deu", "spa", "ita", "ara", "rus"), languages);
        // a news paragraph in each of 19 other languages written in Latin letters, and an English sentence over a French one
        List<String> others;
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("/language-paragraphs.txt")) {
            others = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertEquals(20, others.size());
        for (String t : others) assertFalse(LanguageIdentifier.clearlyEnglish(t), t.substring(0, Math.min(40, t.length())));
        assertNull(ours.identify("Too short to tell."));
    }

    /** The English words as the identifier knew them before it packed them in numbers: lower-cased strings in a set. */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "that", "with", "said", "from", "by", "his", "her", "have",
            "has", "had", "were", "been", "which", "who", "their", "would", "this", "they", "after", "about", "there", "when", "also",
            "but", "not", "are", "its", "than", "into", "over", "more", "other", "some", "could", "should", "what", "these", "those",
            "being", "while", "where", "because", "she", "him", "them", "our", "we", "you", "your", "year", "years", "told", "says", "new");

    /** Words and English words as a string set counts them (high and low half): each word lower-cased, looked up whole. */
    private static long countByStrings(String t) {
        int words = 0, hits = 0;
        for (String w : t.split("[^\\p{L}]+")) {
            if (w.isEmpty()) continue;
            words++;
            StringBuilder lower = new StringBuilder();
            for (int i = 0; i < w.length(); i++) lower.append(Character.toLowerCase(w.charAt(i)));
            if (ENGLISH_WORDS.contains(lower.toString())) hits++;
        }
        return (long) words << 32 | hits;
    }

    @Test
    void wordsLookedUpAsNumbersCountAsWordsLookedUpAsStrings() throws Exception {
        List<String> texts = new ArrayList<>(TestCorpora.newsPool(Integer.MAX_VALUE));
        texts.addAll(OTHERS);
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("/language-paragraphs.txt")) {
            texts.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        // look-alikes: capitals, accents, words one letter off or longer than the listed ones, letters beyond a-z
        // and ASCII marks next to letters (those whose bit 5 set would fall just outside a-z: @ [ \\ ] ^ _ `)
        String tricky = "THE And Thé thée thäat thee theirs saidx SAID Their wHo whö the\u0301 Ťhe İts ıts said. @the [said] \\who^ "
                + "_their_ `has` {the} ~and| ";
        String filler = "Other words that are not on the list at all fill it up here. ";
        for (int k = 1; k <= 12; k++) texts.add(tricky.repeat(k) + filler.repeat(k));
        long hits = 0;
        for (String t : texts) {
            String cut = t.length() > 1000 ? t.substring(0, 1000) : t;
            long want = countByStrings(cut);
            assertEquals(want, LanguageIdentifier.englishWords(cut, 0, cut.length()), cut.substring(0, Math.min(60, cut.length())));
            hits += (int) want;
        }
        assertTrue(hits > 10_000, hits + " English words");
        assertEquals(LanguageIdentifier.packed("the"), LanguageIdentifier.packed("the"));
        assertFalse(LanguageIdentifier.packed("the") == LanguageIdentifier.packed("thee"));
    }

    @Test
    void aPartOfATextIsIdentifiedAsThatPartAlone() throws Exception {
        LanguageIdentifier id = new LanguageIdentifier();
        String menu = "Home | World | Sport | Contact\n";
        List<String> bodies = new ArrayList<>(OTHERS);
        bodies.addAll(TestCorpora.newsPool(40));
        for (String body : bodies) {
            String page = menu + body + "\nShare this story";
            int from = menu.length(), to = from + body.length();
            String want = id.identify(body);
            assertEquals(want, id.identify(page, from, to), body.substring(0, Math.min(60, body.length())));
        }
        assertEquals("eng", id.identify(TestCorpora.newsPool(1).get(0)));
        assertEquals("fra", id.identify(OTHERS.get(0)));
    }
}
