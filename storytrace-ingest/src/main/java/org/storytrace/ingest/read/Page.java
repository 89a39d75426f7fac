package org.storytrace.ingest.read;

import java.time.LocalDate;

/**
 * One page as a reader found it, before cleaning: its content (markup or plain text) and what the
 * container declared about it (a feed item's fields, a JSON Lines object's keys, a WARC record's URI).
 * Null fields were not declared.
 *
 * @param origin    where it came from, for messages: a path, a URI, or a path with a record position
 * @param position  the record's position inside its container ("record 3", "line 12"), or null for a whole file
 * @param name      a base for the article id (file stem, or stem plus record number)
 * @param format    {@code text}, {@code html}, {@code xml}, or a container format with the page's own after a slash
 */
public record Page(String origin, String position, String name, String content, String format, String encoding,
                   String url, String title, LocalDate published, String author, String outlet, String language) implements Parsed {
    public Page {
        if (content == null) throw new IllegalArgumentException("page " + origin + ": content must not be null");
    }

    /** Whether the content is markup (HTML) to extract text from. */
    public boolean isHtml() { return format.endsWith("html"); }
}
