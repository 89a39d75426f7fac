package org.storytrace.core.entity;

import java.util.List;
import java.util.Set;

/**
 * Titles written before a name ({@code Dr.}, {@code Prime Minister}, {@code Supreme Leader},
 * {@code Sheikh}): they are not part of the name, and they are kept as the person's roles. Capitalised
 * forms only: "the prime minister said" is not a title of the name after it.
 */
public final class Titles {
    private Titles() {}

    private static final Set<String> SINGLE = Set.of("Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Professor",
            "President", "Minister", "Premier", "Chancellor", "King", "Queen", "Prince", "Princess", "Sheikh", "Shaikh", "Sheik",
            "Ayatollah", "Imam", "Mullah", "Hojatoleslam", "General", "Gen.", "Lt.", "Col.", "Colonel", "Maj.", "Major", "Captain", "Capt.",
            "Sgt.", "Sergeant", "Commander", "Admiral", "Adm.", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor",
            "Judge", "Justice", "Ambassador", "Pope", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Sir", "Dame", "Lord", "Lady", "Emir",
            "Sultan", "Speaker", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Secretary", "Deputy", "Vice", "Chief", "Field",
                    "Marshal",
            "Supreme", "Leader", "Grand", "Foreign", "Defense", "Defence", "Interior", "Finance", "Oil", "Health", "Prime", "Former");

    /** Words that end a title ({@code Prime Minister}, {@code Supreme Leader}) and the single-word titles. */
    private static final Set<String> HEADS = Set.of("Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Professor",
            "President", "Minister", "Premier", "Chancellor", "King", "Queen", "Prince", "Princess", "Sheikh", "Shaikh", "Sheik",
            "Ayatollah", "Imam", "Mullah", "Hojatoleslam", "General", "Gen.", "Lt.", "Col.", "Colonel", "Maj.", "Major", "Captain", "Capt.",
            "Sgt.", "Sergeant", "Commander", "Admiral", "Adm.", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor",
            "Judge", "Justice", "Ambassador", "Pope", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Sir", "Dame", "Lord", "Lady", "Emir",
            "Sultan", "Speaker", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Secretary", "Leader", "Marshal");

    /** Forms of address and ranks written before names, with and without the abbreviating full stop (British style). */
    private static final Set<String> MORE = Set.of("Miss", "Mx", "Mx.", "Madam", "Madame", "Mme", "Mme.", "Coach", "Detective", "Det.",
            "Officer", "Inspector", "Insp", "Insp.", "Superintendent", "Supt", "Supt.", "Sgt", "Lt", "Col", "Capt", "Rev.", "Reverend",
            "Father", "Fr.", "Sister", "Prophet", "Pastor");

    /** How many of the first words form a title (0 if none): the longest run of title words ending on a head word. */
    public static int leadingTitle(List<String> words) {
        int best = 0;
        for (int i = 0; i < words.size() && isTitleWord(words.get(i)); i++) if (isHead(words.get(i))) best = i + 1;
        return best;
    }

    /** Offices a place or a body is written before ("Philippine President", "Chicago Mayor", "Hamas Leader"). */
    private static final Set<String> OFFICES = Set.of("President", "Minister", "Premier", "Chancellor", "Mayor", "Governor", "Senator",
            "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "Secretary", "Ambassador", "Leader", "Speaker", "Commander");

    /**
     * How many of the first words of a person's name are a title of office after the place or body it is held in (0 if
     * none): "Philippine President Gloria Macapagal-Arroyo", "Chicago Mayor Rahm Emanuel", "Golkar Chairman Harmoko" (the
     * name finder reads the three as one person's name on the news pool and PolNeAR's texts). One capitalised word that
     * is no title, then title words ending on an office, then the name; not the ranks and forms of address (Hassan
     * Sheikh Mohamud is a name).
     */
    public static int leadingOffice(List<String> words) {
        if (words.size() < 3 || isTitleWord(words.get(0)) || words.get(0).isEmpty() || !Character.isUpperCase(words.get(0).charAt(0))) {
            return 0;
        }
        int best = 0;
        for (int i = 1; i < words.size() - 1 && isTitleWord(words.get(i)); i++) if (OFFICES.contains(words.get(i))) best = i + 1;
        return best;
    }

    /** How many of the last words form a title that ends right before a name (0 if none). */
    public static int titleBefore(List<String> words) {
        int n = words.size();
        if (n == 0 || !isHead(words.get(n - 1))) return 0;
        int k = 1;
        while (k < n && isTitleWord(words.get(n - 1 - k))) k++;
        return k;
    }

    /** Whether {@code word} is a title word (for names whose title the name finder left inside). */
    public static boolean isTitleWord(String word) { return SINGLE.contains(word) || MORE.contains(word); }

    private static boolean isHead(String word) { return HEADS.contains(word) || MORE.contains(word); }
}
