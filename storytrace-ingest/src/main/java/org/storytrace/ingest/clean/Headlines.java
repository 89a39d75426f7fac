package org.storytrace.ingest.clean;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A headline as readers see it, from the headline field a news agency's feed gives, which is often something else: a
 * note to the agency's clients, a byline, or the tail of a headline cut by the feed. Stateless.
 *
 * <p>Why (session 34): of the 2,452 AFP and Xinhua articles of LDC newswire in the news pool, 434 had no headline in
 * that field and 44 more a mark before it, and the story list showed "ATTENTION - ADDS quotes, background ///",
 * "=(PICTURE)=", "By Huang Xingwei", "withdrawals" and "URGENTYeltsin to take two weeks' holiday in April" as the titles
 * of stories. What is dropped is the agencies' own mark-up, not any outlet's wording; an article without a headline is
 * shown by its lead.
 */
public final class Headlines {
    private Headlines() {}

    /** An instruction to the agency's clients ends with three slashes: "ATTENTION - UPDATES toll ///". */
    private static final Pattern CLIENT_NOTE = Pattern.compile(".*/{3}\\s*$", Pattern.DOTALL);
    /** A bracketed service mark: "=(PICTURE)=", "=(GRAPHIC+PICTURE)=", "=(VIDEO)=". */
    private static final Pattern SERVICE_MARK = Pattern.compile("=\\([^()]{1,40}\\)=");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Priority and version marks before the headline: URGENT, FLASH, BULLETIN in capitals (with or without a colon, even run
     * into the headline's first word as the feed sends it: "URGENTYeltsin") or with a colon ("Urgent:"), "Update:" and
     * "UPDATE-2:", and Xinhua's versions: "Writethru:", "1st Ld:", "1st LD:", "2nd lead:", "2nd Ld-Writethru:", "5th LD
     * Writethru:".
     */
    private static final Pattern LEADING_MARK = Pattern.compile("^(?:(?:URGENT|FLASH|BULLETIN)(?:\\s*:\\s*|\\s+|(?=\\p{Lu}\\p{Ll}))"
            + "|(?i:urgent|flash|bulletin|update(?:[- ]?\\d+)?)\\s*:\\s*"
            + "|(?i:\\d+(?:st|nd|rd|th)\\s+(?:ld|lead)(?:[- ]writethru)?|writethru)\\s*:\\s*)+");
    /** A byline in the headline field: "By Huang Xingwei", "by Sebastian Smith". */
    private static final Pattern BYLINE = Pattern.compile("(?i:by)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}");

    /**
     * The headline in {@code raw} without the agency's marks, or null when it holds none: a note to clients, a service mark
     * alone, a byline, or a fragment (a first word in lower case with no capital in it: "in Iraq", "withdrawals"; not
     * "iPhone sales soar", nor a headline after a mark: "1st Lead: exiled Hamas leader arrives in Cairo").
     */
    public static String clean(String raw) {
        if (raw == null) return null;
        String t = raw.strip();
        if (CLIENT_NOTE.matcher(t).matches()) return null;
        t = SPACES.matcher(SERVICE_MARK.matcher(t).replaceAll(" ")).replaceAll(" ").strip();
        String unmarked = LEADING_MARK.matcher(t).replaceFirst("").strip();
        // after a mark the headline may begin in lower case ("1st Lead: exiled Hamas leader arrives in Cairo"): no fragment
        boolean marked = unmarked.length() < t.length();
        t = unmarked;
        if (t.isEmpty() || BYLINE.matcher(t).matches() || !marked && isFragment(t)) return null;
        return t;
    }

    private static boolean isFragment(String t) {
        if (!Character.isLowerCase(t.codePointAt(0))) return false;
        int end = 0;
        for (; end < t.length() && !Character.isWhitespace(t.charAt(end)); end++) {
            if (Character.isUpperCase(t.charAt(end))) return false;
        }
        // a name's particle before the name: "de Blasio wins", "van Gogh painting sold"
        String rest = t.substring(end).strip();
        return !(PARTICLES.contains(t.substring(0, end)) && !rest.isEmpty() && Character.isUpperCase(rest.codePointAt(0)));
    }

    private static final Set<String> PARTICLES = Set.of("de", "da", "di", "del", "della", "des", "du", "dos", "das", "van", "von", "der",
            "den", "ter", "zu", "le", "la", "el", "al", "bin", "ibn", "ben", "bint", "abu", "ul");
}
