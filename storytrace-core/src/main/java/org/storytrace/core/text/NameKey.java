package org.storytrace.core.text;


/**
 * A spelling-insensitive key for a name written in Latin letters, so that transliterations of one name
 * from Arabic or Persian (Kadhimi / Kazemi, Yacoub / Yaqoub / Yaqub, Keyhan / Kayhan, Nouri / Nuri) meet.
 *
 * <p>The key is the name's consonant skeleton: accents and case folded, digraphs that stand for one
 * sound merged (dh, th, kh, gh, sh, ph, ch, ou), c / k / q taken as one consonant, vowels and h after
 * another consonant dropped (the first letter is kept, any vowel as 'a'), doubled consonants written
 * once. Skeletons of fewer than three letters say too little and fall back to the exact folded word.
 * Keys collide more often than spellings do: use them as evidence, not identity.
 */
public final class NameKey {
    private NameKey() {}

    /**
     * The key of {@code word} as a 64-bit hash. The passes below work in place on one array of the folded letters,
     * each as {@link String#replace(CharSequence, CharSequence)} would (left to right, matches not overlapping, what
     * a pass wrote not matched again by it): the same keys as eight replaced strings and a builder, in a small method
     * that the JIT compiles quickly (inlined into the story terms' counting, the string version made that method cost
     * 1.5 s of C2 compilation in a 20,000-article run).
     */
    public static long of(CharSequence word) {
        int n = word.length();
        char[] s = new char[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = Tokens.fold(word.charAt(i));
            if (c >= 'a' && c <= 'z') s[len++] = c;
        }
        if (len < 4) return Tokens.hashOf(word);
        len = replace(s, len, 'd', 'h', 'z');
        len = replace(s, len, 't', 'h', 't');
        len = replace(s, len, 'k', 'h', 'k');
        len = replace(s, len, 'g', 'h', 'g');
        len = replace(s, len, 's', 'h', 's');
        len = replace(s, len, 'p', 'h', 'f');
        len = replace(s, len, 'c', 'h', 'k');
        len = replace(s, len, 'o', 'u', 'u');
        // the skeleton, written over the letters it is read from (it never writes ahead of what it reads)
        char first = hard(s[0]);
        s[0] = isVowel(first) ? 'a' : first;
        char prev = s[0];
        int k = 1;
        for (int i = 1; i < len; i++) {
            char c = hard(s[i]);
            if (isVowel(c) || c == 'w') { prev = 0; continue; }
            if (c == 'h' && prev != 0) continue;
            if (c == prev) continue;
            s[k++] = c;
            prev = c;
        }
        if (k < 3) return Tokens.hashOf(word);
        return Tokens.mix(Tokens.hashOf(s, 0, k) ^ 0x5bd1e995L);
    }

    /** {@code s[0, len)} with every {@code ab} replaced by {@code to}, in place; the new length. */
    private static int replace(char[] s, int len, char a, char b, char to) {
        int w = 0;
        for (int r = 0; r < len; ) {
            if (s[r] == a && r + 1 < len && s[r + 1] == b) {
                s[w++] = to;
                r += 2;
            } else {
                s[w++] = s[r++];
            }
        }
        return w;
    }

    /** c and q are k. */
    private static char hard(char c) { return c == 'q' || c == 'c' ? 'k' : c; }

    private static boolean isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
}
