package org.storytrace.core.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.SentenceSplitter;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.doc.TokenLayer;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;
import org.storytrace.core.pipeline.Embedder;

/** Rewordings joined by meaning when the stage has sentence embeddings, and only within the checks that guard it. */
class QuoteGroupStageTest {
    private static final String REPAIR = "We are going to repair all the classrooms before the next rainy season.";
    private static final String REBUILD = "We will rebuild every classroom before the rains come back next year,";
    private static final String OTHER = "We are asking every parent to keep children at home until the roads reopen,";

    /** A stand-in for a sentence model: the texts it is told are one meaning share a vector; any other text its own. */
    private static Embedder meanings(String... same) {
        return new Embedder() {
            @Override public float[] embed(String text) {
                float[] v = new float[3];
                boolean one = false;
                for (String s : same) one |= text.contains(s.substring(0, 20));
                v[one ? 0 : Math.abs(text.hashCode()) % 2 + 1] = 1;
                return v;
            }

            @Override public int dimensions() { return 3; }

            @Override public String describe() { return "test meanings"; }
        };
    }

    private static Document doc(String id, String text) {
        Article a = new Article(id, id, text, null, LocalDate.of(2023, 9, 5), "test", null, null, 0, text.length(), List.of(), "text",
                "UTF-8", null, id, "eng");
        Document d = new SentenceSplitter().apply(Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)));
        return new QuoteFinder().apply(d);
    }

    /** An article whose listed words are people's names (the name finder's job, done by hand here). */
    private static Document named(String id, String text, String... people) {
        Article a = new Article(id, id, text, null, LocalDate.of(2023, 9, 5), "test", null, null, 0, text.length(), List.of(), "text",
                "UTF-8", null, id, "eng");
        List<Mention> ms = new ArrayList<>();
        for (String p : people) for (int i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
            ms.add(new Mention(i, i + p.length(), p, EntityType.PERSON, null));
        }
        ms.sort(Comparator.comparingInt(Mention::start));
        Document d = Document.of(a).with(Layers.TOKENS, TokenLayer.of(a)).with(Mentions.LAYER, new Mentions(ms));
        return new QuoteFinder().apply(new SentenceSplitter().apply(d));
    }

    private static QuoteGroupStage.StoryQuotes withEntities(QuoteGroupStage stage, Document... docs) {
        StoryView v = new StoryView("s", List.of(docs), List.of(), Map.of());
        return stage.apply(v.with(EntityStage.LAYER, new EntityStage().apply(v)));
    }

    @Test
    void twoNamedSpeakersAreTwoStatementsHoweverAlikeTheirWords() {
        var stage = (QuoteGroupStage) new QuoteGroupStage().withEmbedder(meanings(REPAIR, REBUILD));
        Document a = named("luzon", "Ana Cruz, the education minister, said: \"" + REPAIR + "\"", "Ana Cruz");
        Document same = named("wire", "Education minister Ana Cruz said: \"" + REBUILD + "\"", "Ana Cruz");
        Document other = named("daily", "Opposition leader Ben Ortiz said: \"" + REBUILD + "\"", "Ben Ortiz");
        assertEquals(1, withEntities(stage, a, same).groups().size(), "one speaker, one pledge in two wordings");
        assertTrue(withEntities(stage, a, other).groups().isEmpty(), "a rival's promise is not the minister's reworded");
    }

    private static QuoteGroupStage.StoryQuotes quotes(QuoteGroupStage stage, Document... docs) {
        return stage.apply(new StoryView("s", List.of(docs), List.of(), Map.of()));
    }

    @Test
    void aRewordingJoinsTheQuoteItRewordsOnlyWithAnEmbedder() {
        Document a = doc("luzon", "Touring schools on Monday, the education minister said: \"" + REPAIR + "\" She spoke in Aparri.");
        Document b = doc("wire", "The education minister visited schools on Monday. \"" + REBUILD + "\" she told reporters in Aparri.");
        assertTrue(quotes(new QuoteGroupStage(), a, b).groups().isEmpty(), "their words alone do not make them one quote");
        QuoteGroupStage.StoryQuotes q = quotes((QuoteGroupStage) new QuoteGroupStage().withEmbedder(meanings(REPAIR, REBUILD)), a, b);
        assertEquals(1, q.groups().size(), q.toString());
        assertEquals(2, q.groups().get(0).items().size());
        assertTrue(q.groups().get(0).differences().get(0).changed().size() + q.groups().get(0).differences().get(0).inserted().size() > 0,
                "the word-level comparison shows the rewording");
    }

    @Test
    void meaningIsAskedOnlyOfQuotesThatCouldBeOne() {
        Document a = doc("luzon", "The education minister said: \"" + REPAIR + "\" She spoke in Aparri.");
        // one article quoting both: two things said
        Document both = doc("wire", "The minister said: \"" + REBUILD + "\" Later she added: \"" + REPAIR + "\"");
        var stage = (QuoteGroupStage) new QuoteGroupStage().withEmbedder(meanings(REPAIR, REBUILD));
        assertTrue(quotes(stage, both).groups().isEmpty(), quotes(stage, both).toString());
        // a different statement of the same subject: its own meaning
        Document c = doc("daily", "The minister said: \"" + OTHER + "\"");
        assertTrue(quotes(stage, a, c).groups().isEmpty());
        // far shorter than what it would reword: another thing said
        String brief = "Every classroom gets new walls and roofs.";
        Document d = doc("brief", "The minister said: \"" + brief + "\"");
        var shortOne = (QuoteGroupStage) new QuoteGroupStage().withEmbedder(meanings(REPAIR, brief));
        assertTrue(quotes(shortOne, a, d).groups().isEmpty());
    }
}
