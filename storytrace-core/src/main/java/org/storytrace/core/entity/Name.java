package org.storytrace.core.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mention's text read as a name: its parts (without particles such as {@code al-}, without a title or a
 * leading "the"), each as a {@link Romanization.Part}, and whether it is an acronym.
 */
final class Name {
    final String text;
    final EntityType type;
    final List<Romanization.Part> parts;
    final int particles;
    /** For acronyms ({@code NCRI}, {@code PMOI/MEK}): the letters of each acronym written, upper-case; else empty. */
    final List<String> acronyms;
    /** The initials of the capitalised content words ({@code National Council of Resistance of Iran}: NCRI). */
    final String initials;
    final String key;
    /** Whether the spelling holds a title the name was read without ("Dr. Roham Yaqub", "Chicago Mayor Rahm Emanuel"). */
    final boolean titled;
    /** A person's generational suffix, folded ({@code jr}, {@code sr}, {@code iii}), or null when the spelling has none. */
    final String generation;

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "on", "de", "du", "des",
            "la", "le", "al", "el", "to", "at", "&");

    /** Whether a folded name part is a word that joins the parts of a name ({@code of}, {@code the}, {@code and}, ...). */
    static boolean isFunctionWord(String folded) { return FUNCTION_WORDS.contains(folded); }

    /** Generational suffixes, not parts of the name: Arcade Joseph Comeaux Jr. */
    private static final Set<String> GENERATION = Set.of("jr", "sr", "ii", "iii", "iv");

    private static final Pattern SPACES = Pattern.compile(" {2,}");

    /** {@code s} with each run of white space of any kind ({@link Mention#plainSpaces}) written as one space, and stripped. */
    static String spaced(String s) { return SPACES.matcher(Mention.plainSpaces(s)).replaceAll(" ").strip(); }

    Name(String raw, EntityType type) {
        this.type = type;
        boolean withTitle = false;
        String t = spaced(raw);
        if (t.startsWith("the ") || t.startsWith("The ")) t = t.substring(4);
        if (t.endsWith("\u2019s") || t.endsWith("'s")) t = t.substring(0, t.length() - 2);
        if (type == EntityType.PERSON) {
            // a title the name finder left inside the name (Dr. Roham Yaqub): the spelling is the name's
            List<String> ws = List.of(t.split("\\s+"));
            int titled = Math.max(Titles.leadingTitle(ws), Titles.leadingOffice(ws));
            if (titled > 0 && titled < ws.size()) {
                t = String.join(" ", ws.subList(titled, ws.size()));
                withTitle = true;
            }
        }
        this.text = t;
        List<Romanization.Part> ps = new ArrayList<>();
        List<String> acr = new ArrayList<>();
        StringBuilder ini = new StringBuilder();
        int particleCount = 0;
        String generation = null;
        String[] words = t.split("\\s+");
        boolean givenAl = type == EntityType.PERSON && words.length == 2 && words[0].equals("Al");
        boolean allAcronyms = true;
        for (String w : words) {
            for (String piece : w.split("/")) if (!isAcronym(piece)) allAcronyms = false;
        }
        for (String w : words) {
            if (w.isEmpty()) continue;
            if (allAcronyms) for (String piece : w.split("/")) if (!piece.isEmpty()) acr.add(piece.replace(".", "")
                    .toUpperCase(Locale.ROOT));
            if (!FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))
                    && Character.isUpperCase(w.codePointAt(0))) ini.appendCodePoint(w.codePointAt(0));
            for (String piece : w.split("[-\u2010\u2011\u2013/]")) {
                if (piece.isEmpty()) continue;
                // "Al" written alone before one other word of a person's name is a given name (Al Gore, Al Goldman),
                // not the article of al-Maliki or Nuri Al Maliki
                if (Romanization.isParticle(piece) && !(givenAl && ps.isEmpty())) { particleCount++; continue; }
                if (type == EntityType.PERSON && Titles.isTitleWord(piece) && ps.isEmpty() && words.length > 1) continue;
                String folded = piece.replace(".", "").replace(",", "").toLowerCase(Locale.ROOT);
                if (type == EntityType.PERSON && !ps.isEmpty() && GENERATION.contains(folded)) { generation = folded; continue; }
                Romanization.Part p = Romanization.part(piece);
                if (!p.folded().isEmpty()) ps.add(p);
            }
        }
        this.titled = withTitle;
        this.generation = generation;
        this.parts = List.copyOf(ps);
        this.particles = particleCount;
        this.acronyms = List.copyOf(acr);
        this.initials = ini.toString().toUpperCase(Locale.ROOT);
        StringBuilder k = new StringBuilder();
        for (Romanization.Part p : parts) k.append(p.folded()).append(' ');
        this.key = k.toString().strip();
    }

    static boolean isAcronym(String w) {
        String s = w.replace(".", "");
        if (s.length() < 2 || s.length() > 6) return false;
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) upper++;
            else if (!Character.isDigit(c) && c != '&') return false;
        }
        return upper >= 2;
    }

    boolean isAcronym() { return !acronyms.isEmpty(); }
    boolean isEmpty() { return parts.isEmpty(); }
    Romanization.Part first() { return parts.get(0); }
    Romanization.Part last() { return parts.get(parts.size() - 1); }

    /**
     * Whether the spelling is written as a name is: no particle hung on the end of the word before it ({@code Nuri-al
     * Maliki}, where the particle belongs to the name after it: {@code Nuri al-Maliki}) and no hyphen left dangling.
     * A canonical spelling is chosen among the well-formed ones when there are any.
     */
    boolean wellFormed() {
        for (String w : text.split("\\s+")) {
            if (w.isEmpty()) continue;
            if (isHyphen(w.charAt(0)) || isHyphen(w.charAt(w.length() - 1))) return false;
            String[] pieces = w.split("[-\u2010\u2011]");
            if (pieces.length > 1 && Romanization.isParticle(pieces[pieces.length - 1])) return false;
        }
        return true;
    }

    private static boolean isHyphen(char c) { return c == '-' || c == '\u2010' || c == '\u2011'; }

    /**
     * How complete a spelling is: its parts, an initial counting half a part (Frederick Cheney LaRue over Frederick C.
     * LaRue), then its particles (Mustafa al-Kadhimi over Mustafa Kazemi).
     */
    int completeness() {
        int c = Math.min(particles, 1);
        for (Romanization.Part p : parts) c += p.folded().length() == 1 ? 2 : 4;
        return c;
    }

    /** Whether every part is the same as the other name's, in order. */
    boolean sameAs(Name o) {
        if (parts.size() != o.parts.size() || parts.isEmpty()) return false;
        for (int i = 0; i < parts.size(); i++) if (!Romanization.same(parts.get(i), o.parts.get(i))) return false;
        return true;
    }

    @Override public String toString() { return text + parts; }
}
