package org.storytrace.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElementsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stream that gives at most {@code most} bytes a read, as a pipe fed in small writes does. */
    private static InputStream trickle(byte[] bytes, int most) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    private static List<String> elements(byte[] doc, int most) throws IOException {
        List<String> out = new ArrayList<>();
        Elements.Recorded in = new Elements.Recorded(trickle(doc, most));
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    long from = p.currentTokenLocation().getByteOffset();
                    in.keepFrom(from);
                    Elements.read(p, section);
                    out.add(in.text(from, p.currentLocation().getByteOffset()));
                }
            }
        }
        return out;
    }

    @Test
    void eachElementIsTakenAsItsOwnBytesWhateverTheReadsAndSizes() throws Exception {
        String big = "Kadhimi said \\\"no\\\" in Baghdad, Iraq. ".repeat(5_000); // ~190 KB: past the buffer's first size
        List<String> want = List.of("{\"id\":\"a1\",\"title\":\"Protests in Baghdad — Ба\",\"text\":\"" + big + "\"}",
                "{\"id\":\"a2\",\"n\":[1,2.5,{\"x\":null}],\"title\":null}",
                "\"a string element\"", "42", "{\"a\":\"a1\",\"b\":\"a2\",\"share\":0.83}");
        byte[] doc = ("{\"articles\":[" + String.join(",", want.subList(0, 4)) + "],\"links\":[" + want.get(4) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        for (int most : new int[] {1, 7, 8_000, 1 << 20}) assertEquals(want, elements(doc, most), "reads of at most " + most + " bytes");
    }

    @Test
    void onlyTheFieldsTheTablesNeedAreRead() throws Exception {
        String doc = "{\"stories\":[{\"id\":\"s1\",\"topic\":\"t1\",\"articles\":[\"a1\",\"a2\"],\"entities\":[\"e1\",\"e1\"],"
                + "\"summary\":{\"id\":\"nested\"}}],\"entities\":[{\"id\":\"e1\",\"canonical\":\"Mustafa al-Kadhimi\","
                + "\"type\":\"PERSON\",\"variants\":[{\"text\":\"Kadhimi\",\"count\":2},{\"text\":\"Kazemi\"}],\"articles\":[\"a1\"]}],"
                + "\"articles\":[{\"id\":\"a1\",\"title\":null,\"published\":\"2020-08-24\",\"entities\":[{\"id\":\"e1\"}]}]}";
        List<Elements.Fields> got = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(doc)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                p.nextToken();
                while (p.nextToken() != JsonToken.END_ARRAY) got.add(Elements.read(p, section));
            }
        }
        Elements.Fields story = got.get(0), entity = got.get(1), article = got.get(2);
        assertEquals("s1", story.text("id"), "a nested object's id is not the element's");
        assertEquals("t1", story.text("topic"));
        assertEquals(List.of("a1", "a2"), story.articles);
        assertEquals(List.of("e1", "e1"), story.entities);
        assertTrue(story.has("summary"));
        assertNull(story.text("summary"), "an object has no text");
        assertEquals("Mustafa al-Kadhimi", entity.text("canonical"));
        assertEquals(List.of("Kadhimi", "Kazemi"), entity.variants);
        assertTrue(entity.articles.isEmpty(), "an entity's articles are not a story's");
        assertTrue(article.has("title"));
        assertNull(article.text("title"), "a JSON null is no text");
        assertEquals("2020-08-24", article.text("published"));
        assertTrue(article.entities.isEmpty(), "an article's entities are not read");
        assertFalse(article.has("outlet"));
    }
}
