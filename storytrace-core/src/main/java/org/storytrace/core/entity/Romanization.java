package org.storytrace.core.entity;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.storytrace.core.text.Tokens;

/**
 * How one name part reads when the spelling of its romanisation is set aside, so that the ways outlets
 * write one Arabic or Persian name meet (Kadhimi / Kazemi, Yacoub / Yaqoub / Yaqub, Keyhan / Kayhan,
 * Maliki / Maleki, Nuri / Nouri, Hekmah / Hikmah, Asa'ib / Asaeb, Tahseen / Tahsin, Mohammed / Muhammad /
 * Mohamad) while different names that look alike stay apart (Hassan / Hussein, Iran / Iraq, Ali / Alia).
 *
 * <p>A part becomes a {@link Part}: its consonant skeleton and the vowels between the consonants. The
 * skeleton merges what romanisations write differently for one sound: {@code dh} for d or z (the Arabic
 * dhal and dad: Kadhimi / Kazemi, Riyadh / Riyad), {@code q} / {@code k} / {@code c} / {@code ck} /
 * {@code g} / {@code gh} / {@code kh}, French {@code ch} and {@code dj} (Hicham, Nadjaf), {@code th},
 * {@code sh}, {@code ph}, {@code v} / {@code w}, doubled letters, an apostrophe for the ayn or hamza, a
 * final {@code h} after a vowel (the ta marbuta: Hikmah / Hikma), a glide {@code y} after {@code i}
 * (Ziyad / Ziad). Vowels are kept, since they tell Hassan from Hussein: {@code a}, {@code i} (also
 * {@code ee}, a vowel {@code y}), {@code u} (also {@code o}, {@code ou}, {@code oo}), and {@code e}, which
 * romanisations write for any short vowel (Yousef, Rehman, Maleki) and so matches all three; a diphthong is
 * two vowels ({@code ai}, {@code ei}, {@code ay}: Sheikh / Shaikh, Keyhan / Kayhan). Two parts are
 * {@link #same} when their skeletons are equal and every vowel slot is compatible; {@link #close} allows
 * one incompatible slot or one near consonant ({@code d} / {@code z}), for given names next to a surname
 * that is the same (Reham / Roham Yaqoub).
 *
 * <p>Names in another script are first transliterated with ICU ({@code Any-Latin; Latin-ASCII}).
 * Apache Commons Codec's phonetic encoders were not used: they model English (Soundex, Metaphone) or
 * Arabic script (Beider-Morse's Arabic rules), not the Latin romanisations news writes.
 */
public final class Romanization {
    private Romanization() {}

    /** Vowel classes. */
    static final byte A = 1, E = 2, I = 3, U = 4;

    /**
     * A name part: its letters folded to ASCII, its consonant skeleton, and the vowel slots before, between
     * and after the consonants ({@code vowels.length == skeleton.length() + 1}).
     */
    public record Part(String folded, String skeleton, byte[][] vowels) {
        @Override public boolean equals(Object o) { return o instanceof Part p && p.folded.equals(folded); }
        @Override public int hashCode() { return folded.hashCode(); }
        @Override public String toString() { return folded + "/" + skeleton; }
    }

    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    /**
     * The part's letters in lower-case ASCII and its digits, apostrophes kept as {@code '} (they separate vowels), all
     * else dropped. Digits were dropped before session 32, which made the G7, the G8 and the G20 one name (and IE6 and
     * IE8, an F-16 and an F-35); in the skeleton a digit stands as itself, never merged with its neighbour.
     */
    public static String fold(CharSequence word) {
        String s = word.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x24F && Character.isLetter(c)) { s = TO_LATIN.get().transliterate(s); break; }
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BF' || c == '\u02BE' || c == '`') {
                if (b.length() > 0) b.append('\'');
                continue;
            }
            char f = Tokens.fold(c);
            if (f >= 'A' && f <= 'Z') f = (char) (f + 32);
            if (f >= 'a' && f <= 'z' || f >= '0' && f <= '9') b.append(f); // digits too: G7 is not G20, nor IE6 IE8
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '\'') b.setLength(b.length() - 1);
        return b.toString();
    }

    private static boolean vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

    /** The part of {@code word} (a single name part, no spaces). */
    public static Part part(CharSequence word) {
        String s = fold(word);
        StringBuilder skeleton = new StringBuilder();
        List<byte[]> slots = new ArrayList<>();
        StringBuilder run = new StringBuilder(); // the vowel letters of the current slot, ' between runs
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char after = i + 2 < n ? s.charAt(i + 2) : 0;
            char prev = i > 0 ? s.charAt(i - 1) : 0;
            if (c == '\'') { run.append('\''); i++; continue; }
            if (c == 'o' && next == 'u' && vowel(after)) { consonant('w', skeleton, slots, run); i += 2; continue; } // Oualid, Anouar
            if (c == 'y') {
                // a consonant at the start or between vowels (Yaqoub, Sayed, Sayyid), a glide after i (Ziyad, Nasiriyah), else a vowel
                boolean nextVowel = next != 0 && (vowel(next) || next == 'y');
                if (prev == 'i' && vowel(next)) { i++; continue; }
                if (nextVowel && (i == 0 || vowel(prev) || prev == 'y')) consonant('y', skeleton, slots, run);
                else run.append('y');
                i++;
                continue;
            }
            if (c == 'w' && vowel(prev) && !vowel(next) && next != 'y') { run.append('u'); i++; continue; } // Rowhani
            if (vowel(c)) { run.append(c); i++; continue; }
            // consonants, digraphs first
            char k;
            int len = 1;
            if (next == 'h' && (c == 'd' || c == 'z')) { k = 'x'; len = 2; } // dhal and dad: read as d or z
            else if (next == 'h' && (c == 'k' || c == 'g' || c == 'c' && i > 0 && s.charAt(i - 1) == 's')) { k = 'k'; len = 2; }
            else if (next == 'h' && c == 'c') { k = 's'; len = 2; } // French ch: Hicham, Bachar
            else if (next == 'h' && c == 't') { k = 't'; len = 2; }
            else if (next == 'h' && c == 's') { k = 's'; len = 2; }
            else if (next == 'h' && c == 'p') { k = 'f'; len = 2; }
            else if (c == 'c' && next == 'k') { k = 'k'; len = 2; }
            else if (c == 'd' && next == 'j') { k = 'j'; len = 2; } // French dj: Nadjaf, Madjid
            else if (c == 'q' || c == 'c' || c == 'g') k = 'k';
            else if (c == 'v') k = 'w'; // Persian v, Arabic w: Javad, Jawad
            else if (c == 'x') { consonant('k', skeleton, slots, run); k = 's'; } // Alexei, Aleksei
            else if (c == 'h' && i == n - 1 && i > 0 && vowel(prev)) { i++; continue; } // Hikmah / Hikma
            else k = c;
            consonant(k, skeleton, slots, run);
            i += len;
        }
        slots.add(vowels(run));
        return new Part(s.replace("'", ""), skeleton.toString(), slots.toArray(new byte[0][]));
    }

    private static void consonant(char k, StringBuilder skeleton, List<byte[]> slots, StringBuilder run) {
        boolean noVowelBetween = run.indexOf("a") < 0 && run.indexOf("e") < 0 && run.indexOf("i") < 0 && run.indexOf("o") < 0
                && run.indexOf("u") < 0 && run.indexOf("y") < 0;
        // doubled letters once (not digits: the G77 is not the G7)
        if (noVowelBetween && Character.isLetter(k) && skeleton.length() > 0 && skeleton.charAt(skeleton.length() - 1) == k) return;
        slots.add(vowels(run));
        run.setLength(0);
        skeleton.append(k);
    }

    /**
     * The vowel classes of one slot's letters: doubled vowels ({@code ou}, {@code oo}, {@code ee}, {@code aa})
     * once, a vowel {@code y} as {@code i}; a diphthong stays two vowels ({@code ai}, {@code ei}, {@code ay}),
     * so Sheikh / Shaikh / Shaykh and Ismail / Ismael meet while Hassan / Hussein do not.
     */
    static byte[] vowels(CharSequence run) {
        byte[] out = new byte[run.length()];
        int k = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c == '\'') continue;
            char d = i + 1 < run.length() ? run.charAt(i + 1) : 0;
            byte v;
            if ((c == 'o' || c == 'u') && (d == 'u' || d == 'o')) { v = U; i++; }
            else if ((c == 'e' || c == 'i') && c == d) { v = I; i++; }
            else if (c == 'a' && d == 'a') { v = A; i++; }
            else v = switch (c) { case 'a' -> A; case 'e' -> E; case 'i', 'y' -> I; default -> U; };
            if (k > 0 && out[k - 1] == v) continue;
            out[k++] = v;
        }
        return Arrays.copyOf(out, k);
    }

    /** Short vowels: {@code e} romanises any of them (Yousef, Rehman, Gorbachev), {@code a}, {@code i} and {@code u} differ. */
    private static boolean compatible(byte a, byte b) {
        return a == b || a == E || b == E;
    }

    private static boolean compatible(byte[] a, byte[] b, boolean last) {
        if (a.length != b.length) {
            // a silent final e of French romanisations (Tahsine, Rahmane)
            return last && (a.length == 0 && b.length == 1 && b[0] == E || b.length == 0 && a.length == 1 && a[0] == E);
        }
        for (int i = 0; i < a.length; i++) if (!compatible(a[i], b[i])) return false;
        return true;
    }

    /** Consonants one letter may stand for: the dhal / dad ({@code x}) for d or z. */
    private static boolean sameConsonant(char a, char b) {
        return a == b || a == 'x' && (b == 'd' || b == 'z') || b == 'x' && (a == 'd' || a == 'z');
    }

    /** Consonants near enough for {@link #close}: d and z (Ramadan / Ramazan). */
    private static boolean near(char a, char b) {
        return sameConsonant(a, b) || a == 'd' && b == 'z' || a == 'z' && b == 'd';
    }

    /** The skeleton with the letters that stand for one another made one ({@code x} and {@code z} as {@code d}): a look-up key. */
    public static String coarse(String skeleton) { return skeleton.replace('x', 'd').replace('z', 'd'); }

    /** The number of differences between two parts of equal skeleton length, or -1 when the skeletons differ beyond near consonants. */
    private static int differences(Part a, Part b) {
        if (a.skeleton.length() != b.skeleton.length()) return -1;
        int d = 0;
        for (int i = 0; i < a.skeleton.length(); i++) {
            char x = a.skeleton.charAt(i), y = b.skeleton.charAt(i);
            if (sameConsonant(x, y)) continue;
            if (!near(x, y)) return -1;
            d++;
        }
        for (int i = 0; i < a.vowels.length; i++) if (!compatible(a.vowels[i], b.vowels[i], i == a.vowels.length - 1)) d++;
        return d;
    }

    /** Whether two parts are one name romanised two ways. */
    public static boolean same(Part a, Part b) {
        if (a.folded.equals(b.folded)) return true;
        if (a.skeleton.length() < 2 || b.skeleton.length() < 2) return false; // too short to tell (Ali, Abu)
        return differences(a, b) == 0;
    }

    /** Whether two parts are the same or one letter apart in sound (evidence only next to a matching surname). */
    public static boolean close(Part a, Part b) {
        if (same(a, b)) return true;
        if (a.skeleton.length() < 2 || b.skeleton.length() < 2) return false;
        return differences(a, b) == 1;
    }

    /** Whether {@code word} is one of the particles romanisations write before a name (al-, el-, ul-). */
    public static boolean isParticle(String word) {
        String f = fold(word);
        return f.equals("al") || f.equals("el") || f.equals("ul") || f.equals("ad") || f.equals("ar") || f.equals("as") || f.equals("at")
                || f.equals("az");
    }
}
