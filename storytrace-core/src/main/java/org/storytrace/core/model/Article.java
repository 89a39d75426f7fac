package org.storytrace.core.model;

import java.io.Serializable;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One news article as ingest hands it on: the decoded text of its page and what was found in it.
 *
 * <p>{@code text} is the page's decoded text (for HTML, the text extracted from it); every offset is a
 * UTF-16 index into it. The body is {@code [bodyStart, bodyEnd)}; {@code boilerplate} lists the page
 * furniture (navigation, tags, captions, author boxes, comment forms, credit lines) found around or inside
 * it. Nullable fields are absent facts: a page that does not prove its publication date has none.
 *
 * @param id                unique within a run; for a file, its name without the extension
 * @param path              where it came from (file path or URI)
 * @param text              the decoded text all offsets point into
 * @param title             the headline, or null
 * @param published         the publication date, or null when the page does not prove one
 * @param publishedEvidence the words that prove {@code published}, or null
 * @param source            the outlet the text was copied from or credited to, or null
 * @param author            the author's name, or null
 * @param format            how it was read: {@code text}, {@code html}, {@code xml}, or the container's
 *                          record format ({@code warc}, {@code feed}, {@code jsonl}) with the page's own after a slash
 * @param encoding          the character encoding the bytes were decoded with
 * @param url               the page's canonical URL (tracking parameters stripped), or null for a bare file
 * @param outlet            the publishing outlet (site name or host), or null
 * @param language          ISO 639-3 code of the body's language ({@code eng}), or null when too short to tell
 */
public record Article(String id, String path, String text, String title, LocalDate published, String publishedEvidence,
                      String source, String author, int bodyStart, int bodyEnd, List<Span> boilerplate,
                      String format, String encoding, String url, String outlet, String language) implements Serializable {
    public Article {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("article id must not be blank");
        if (text == null) throw new IllegalArgumentException("article " + id + ": text must not be null");
        if (bodyStart < 0 || bodyEnd < bodyStart || bodyEnd > text.length()) {
            throw new IllegalArgumentException("article " + id + ": body [" + bodyStart + ", " + bodyEnd
                    + ") is outside its text of length " + text.length());
        }
        boilerplate = List.copyOf(boilerplate);
    }

    /** A copy with the language set. */
    public Article withLanguage(String lang) {
        return new Article(id, path, text, title, published, publishedEvidence, source, author, bodyStart, bodyEnd, boilerplate,
                format, encoding, url, outlet, lang);
    }

    /** A copy with another id. */
    public Article withId(String newId) {
        return new Article(newId, path, text, title, published, publishedEvidence, source, author, bodyStart, bodyEnd, boilerplate,
                format, encoding, url, outlet, language);
    }

    /**
     * Who the article goes by where an outlet is shown or counted (the report, the server's pages, the entities' spellings
     * per outlet): {@link #creditedOutlet(String, String, String)} of its fields.
     */
    public String creditedOutlet() { return creditedOutlet(outlet, source, url); }

    /**
     * The outlet, else the source the text credits ("Source: iranfocus"), else the URL's host without {@code www.}, else
     * null: one rule for every place that names an article's outlet, whether it holds the record or its JSON.
     */
    public static String creditedOutlet(String outlet, String source, String url) {
        if (outlet != null && !outlet.isBlank()) return outlet;
        if (source != null && !source.isBlank()) return source;
        if (url == null) return null;
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null; // not a URL
        }
    }

    /** The body as written, furniture inside it included. */
    public String body() { return text.substring(bodyStart, bodyEnd); }

    /**
     * The text with every boilerplate span blanked out (each character replaced by a space, line breaks
     * kept), so offsets stay valid while furniture inside the body (a credit line under the deck) is not
     * analysed as article text.
     */
    public String cleanText() {
        if (boilerplate.isEmpty()) return text;
        Object[] last = LAST_CLEAN.get();
        if (last[0] == text && last[1] == boilerplate) return (String) last[2];
        StringBuilder b = null;
        for (Span s : boilerplate) {
            for (int i = Math.max(0, s.start()), end = Math.min(s.end(), text.length()); i < end; i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r') continue;
                if (b == null) b = new StringBuilder(text);
                b.setCharAt(i, ' ');
            }
        }
        String clean = b == null ? text : b.toString();
        last[0] = text;
        last[1] = boilerplate;
        last[2] = clean;
        return clean;
    }

    /**
     * The last {@link #cleanText()} made on each thread, by the identity of the text and the furniture list it was made of
     * (both immutable, and shared by an article's copies such as {@link #withLanguage}): one article's stages on one thread
     * (language, tokens; sentences, story terms) ask for it in turn, and each copy was ~23 KB of garbage an article, an
     * eighth of what {@code analyze --fast} allocated (session 28). Holds one text a thread.
     */
    private static final ThreadLocal<Object[]> LAST_CLEAN = ThreadLocal.withInitial(() -> new Object[3]);

    /** The body without the furniture inside it (see {@link #cleanText()}). */
    public String cleanBody() { return cleanText().substring(bodyStart, bodyEnd); }
    public Optional<LocalDate> findPublished() { return Optional.ofNullable(published); }
    public Optional<String> findTitle() { return Optional.ofNullable(title); }
}
