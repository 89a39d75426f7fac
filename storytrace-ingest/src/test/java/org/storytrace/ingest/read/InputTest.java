package org.storytrace.ingest.read;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** An article read from a file has the file's name without its extension as its id (the stories.json contract). */
class InputTest {
    @Test
    void theIdIsTheFileNameWithoutItsExtension() {
        assertEquals("malaysia.airlines.flight.13", Input.stemOf("malaysia.airlines.flight.13.txt"));
        assertEquals("malaysia.airlines.flight.13", Input.stemOf("malaysia.airlines.flight.13"));
        assertEquals("000_iraq", Input.stemOf("000_iraq.html"));
        assertEquals("CC-MAIN-2020-34", Input.stemOf("CC-MAIN-2020-34.warc.gz"));
        assertEquals("items", Input.stemOf("items.ndjson"));
        assertEquals("items", Input.stemOf("items.jsonl.gz"));
        assertEquals("report.v2", Input.stemOf("report.v2"));
        assertEquals("story", Input.stemOf("story.php"));
        assertEquals(".hidden", Input.stemOf(".hidden"));
        assertEquals("trailing.", Input.stemOf("trailing."));
    }
}
