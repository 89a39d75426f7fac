package org.storytrace.core.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TimeML document (TempEval-3's {@code .tml} files) read into plain text with its gold time expressions:
 * the text of its {@code <TEXT>} element with every tag removed and entities decoded, each {@code <TIMEX3>}
 * inside it as a span of that text, and the creation time from {@code <DCT>}.
 *
 * @param text  the plain text of {@code <TEXT>}
 * @param dct   the document creation time, or null
 * @param gold  the time expressions of the text (the DCT's own is not among them)
 */
public record TimeMl(String text, LocalDate dct, List<Gold> gold) {
    /** One gold expression: its span in {@code text}, type and value as annotated. */
    public record Gold(int start, int end, String type, String value) {}

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9_]+)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern DCT = Pattern.compile("<DCT>\\s*<TIMEX3([^>]*)>", Pattern.DOTALL);
    private static final Map<String, String> ENTITIES = Map.of("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'");

    /** Reads one document; throws naming what is wrong when it has no {@code <TEXT>} element. */
    public static TimeMl parse(String xml) {
        LocalDate dct = null;
        Matcher d = DCT.matcher(xml);
        if (d.find()) {
            String v = attr(d.group(1), "value");
            if (v != null && v.matches("\\d{4}-\\d{2}-\\d{2}.*")) dct = LocalDate.parse(v.substring(0, 10));
        }
        int open = xml.indexOf("<TEXT>"), close = xml.lastIndexOf("</TEXT>");
        if (open < 0 || close < open) throw new IllegalArgumentException("no <TEXT> element");
        String body = xml.substring(open + 6, close);
        StringBuilder text = new StringBuilder(body.length());
        List<Gold> gold = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        int at = 0, timexStart = -1;
        String type = null, value = null;
        while (m.find()) {
            append(text, body.substring(at, m.start()));
            at = m.end();
            if (!m.group(2).equals("TIMEX3")) continue;
            if (m.group(1).isEmpty()) {
                timexStart = text.length();
                type = attr(m.group(3), "type");
                value = attr(m.group(3), "value");
                if (m.group(3).endsWith("/")) timexStart = -1; // an empty (implicit) timex has no words
            } else if (timexStart >= 0) {
                gold.add(new Gold(timexStart, text.length(), type, value));
                timexStart = -1;
            }
        }
        append(text, body.substring(at));
        return new TimeMl(text.toString(), dct, List.copyOf(gold));
    }

    private static void append(StringBuilder sb, String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi > i && semi - i <= 6 && ENTITIES.containsKey(s.substring(i, semi + 1))) {
                    sb.append(ENTITIES.get(s.substring(i, semi + 1)));
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
    }

    private static String attr(String attrs, String name) {
        Matcher a = ATTR.matcher(attrs);
        while (a.find()) if (a.group(1).equals(name)) return a.group(2);
        return null;
    }
}
