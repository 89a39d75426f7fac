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

    /** The key of {@code word} as a 64-bit hash. */
    public static long of(CharSequence word) {
        StringBuilder f = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Tokens.fold(word.charAt(i));
            if (c >= 'a' && c <= 'z') f.append(c);
        }
        String s = f.toString();
        if (s.length() < 4) return Tokens.hashOf(word);
        s = s.replace("dh", "z").replace("th", "t").replace("kh", "k").replace("gh", "g").replace("sh", "s")
             .replace("ph", "f").replace("ch", "k").replace("ou", "u").replace('q', 'k').replace('c', 'k');
        StringBuilder k = new StringBuilder();
        char first = s.charAt(0);
        k.append(isVowel(first) ? 'a' : first);
        char prev = k.charAt(0);
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isVowel(c) || c == 'w') { prev = 0; continue; }
            if (c == 'h' && prev != 0) continue;
            if (c == prev) continue;
            k.append(c);
            prev = c;
        }
        if (k.length() < 3) return Tokens.hashOf(word);
        return Tokens.mix(Tokens.hashOf(k) ^ 0x5bd1e995L);
    }

    private static boolean isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
}
