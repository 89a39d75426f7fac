package org.storytrace.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Escaping for the pages, the only way untrusted text (article text, titles, URLs, outlet names, anything
 * from the store) reaches them: every value goes through {@link #text} or {@link #attr}; links to the
 * outside world only through {@link #externalHref}, which refuses anything but http and https.
 */
final class Html {
    private Html() {}

    /** Text content: {@code & < >} and both quotes escaped, so it is safe in attributes too. */
    static String text(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab and newline are dropped, never passed to the browser
                    if (c < 0x20 && c != '\n' && c != '\t') continue;
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** An attribute value (always written between double quotes). */
    static String attr(String s) { return text(s); }

    /** A path segment of one of our own URLs (an article or story id). */
    static String segment(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    /** A query parameter value. */
    static String param(String s) { return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8); }

    /** The escaped URL if it is an absolute http(s) URL, else null (javascript:, data:, relative, malformed: not linked). */
    static String externalHref(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) return null;
            return attr(u.toASCIIString());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
