package org.storytrace.core.fact;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Country names and the adjectives for their people, to read where a text puts a place. Names come from
 * the JDK's CLDR data (every ISO 3166 country in English, so nothing is typed twice), with the short and
 * older names news uses (Britain, the U.S., Burma); the adjectives ("Iraqi", "Iranian") are a small table
 * of the ones news writes before "city of" ("the Iraqi city of Nasiriyah").
 */
public final class Countries {
    private Countries() {}

    private static final Map<String, String> BY_NAME = new HashMap<>();
    private static final Map<String, String> BY_ADJECTIVE = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            if (name.isBlank() || name.equals(code)) continue;
            // "Congo - Kinshasa", "Myanmar (Burma)": the part before a dash or bracket
            String plain = name.replaceAll("\\s*[(\\-–].*$", "").strip();
            BY_NAME.put(plain.toLowerCase(Locale.ROOT), plain);
        }
        String[][] aliases = {{"US", "United States"}, {"U.S.", "United States"}, {"USA", "United States"}, {"America", "United States"},
            {"Britain", "United Kingdom"}, {"Great Britain", "United Kingdom"}, {"UK", "United Kingdom"}, {"U.K.", "United Kingdom"},
            {"England", "United Kingdom"}, {"Burma", "Myanmar"}, {"Holland", "Netherlands"}, {"the Netherlands", "Netherlands"},
            {"Persia", "Iran"}, {"Ivory Coast", "Côte d’Ivoire"}, {"Czech Republic", "Czechia"}, {"North Korea", "North Korea"},
            {"South Korea", "South Korea"}, {"Palestine", "Palestinian Territories"}, {"Gaza", "Palestinian Territories"},
            {"Turkey", "Turkey"}, {"Türkiye", "Turkey"}};
        for (String[] a : aliases) BY_NAME.put(a[0].toLowerCase(Locale.ROOT), a[1]);
        String[][] adjectives = {{"Iraqi", "Iraq"}, {"Iranian", "Iran"}, {"Syrian", "Syria"}, {"Lebanese", "Lebanon"}, {"Jordanian",
                "Jordan"},
            {"Saudi", "Saudi Arabia"}, {"Kuwaiti", "Kuwait"}, {"Turkish", "Turkey"}, {"Israeli", "Israel"}, {"Palestinian",
                    "Palestinian Territories"},
            {"Egyptian", "Egypt"}, {"Libyan", "Libya"}, {"Tunisian", "Tunisia"}, {"Algerian", "Algeria"}, {"Moroccan", "Morocco"},
            {"Yemeni", "Yemen"}, {"Omani", "Oman"}, {"Qatari", "Qatar"}, {"Emirati", "United Arab Emirates"}, {"Bahraini", "Bahrain"},
            {"Afghan", "Afghanistan"}, {"Pakistani", "Pakistan"}, {"Indian", "India"}, {"Chinese", "China"}, {"Japanese", "Japan"},
            {"Korean", "South Korea"}, {"Russian", "Russia"}, {"Ukrainian", "Ukraine"}, {"Polish", "Poland"}, {"German", "Germany"},
            {"French", "France"}, {"British", "United Kingdom"}, {"Spanish", "Spain"}, {"Italian", "Italy"}, {"Greek", "Greece"},
            {"American", "United States"}, {"Canadian", "Canada"}, {"Mexican", "Mexico"}, {"Brazilian", "Brazil"}, {"Argentine",
                    "Argentina"},
            {"Nigerian", "Nigeria"}, {"Kenyan", "Kenya"}, {"Ethiopian", "Ethiopia"}, {"Somali", "Somalia"}, {"Sudanese", "Sudan"},
            {"Armenian", "Armenia"}, {"Azerbaijani", "Azerbaijan"}, {"Georgian", "Georgia"}, {"Kazakh", "Kazakhstan"}, {"Uzbek",
                    "Uzbekistan"},
            {"Indonesian", "Indonesia"}, {"Malaysian", "Malaysia"}, {"Filipino", "Philippines"}, {"Thai", "Thailand"}, {"Vietnamese",
                    "Vietnam"},
            {"Australian", "Australia"}, {"Dutch", "Netherlands"}, {"Belgian", "Belgium"}, {"Swiss", "Switzerland"}, {"Austrian",
                    "Austria"},
            {"Swedish", "Sweden"}, {"Norwegian", "Norway"}, {"Danish", "Denmark"}, {"Finnish", "Finland"}, {"Irish", "Ireland"},
            {"Portuguese", "Portugal"}, {"Hungarian", "Hungary"}, {"Romanian", "Romania"}, {"Serbian", "Serbia"}, {"Croatian", "Croatia"},
            {"Bosnian", "Bosnia & Herzegovina"}, {"Venezuelan", "Venezuela"}, {"Colombian", "Colombia"}, {"Chilean", "Chile"}, {"Peruvian",
                    "Peru"},
            {"Cuban", "Cuba"}, {"Bangladeshi", "Bangladesh"}, {"Sri Lankan", "Sri Lanka"}, {"Nepalese", "Nepal"}};
        // the regular adjectives of every other one-word country ("Tanzanian", "Eritrean", "Malian", "Chadian", "Beninese"):
        // a form two countries would share is left out; the listed ones above take precedence
        Map<String, String> made = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (String country : new HashSet<>(BY_NAME.values())) {
            if (country.contains(" ") || country.length() < 4) continue;
            for (String adjective : adjectivesOf(country)) {
                String k = adjective.toLowerCase(Locale.ROOT);
                String before = made.putIfAbsent(k, country);
                if (before != null && !before.equals(country)) shared.add(k);
            }
        }
        shared.forEach(made::remove);
        made.forEach(BY_ADJECTIVE::putIfAbsent);
        for (String[] a : adjectives) BY_ADJECTIVE.put(a[0].toLowerCase(Locale.ROOT), a[1]);
        BY_ADJECTIVE.put("dominican", "Dominican Republic");
    }

    /**
     * The regular adjectives of a country's name: -a takes -n or -ian (Kenyan, Canadian), -o drops it for -an (Mexican),
     * -e and -i take -an (Chilean, Malian), a consonant takes -ian, -i or -ese (Egyptian, Yemeni, Sudanese). Forms that are
     * no word ("Germanian") never match a text, so they cost nothing.
     */
    static List<String> adjectivesOf(String country) {
        char last = Character.toLowerCase(country.charAt(country.length() - 1));
        String stem = country.substring(0, country.length() - 1);
        return switch (last) {
            case 'a' -> List.of(country + "n", stem + "ian", stem + "ese");
            case 'o' -> List.of(stem + "an");
            case 'e', 'i' -> List.of(country + "an");
            case 'y' -> List.of(stem + "ian");
            default -> List.of(country + "ian", country + "i", country + "ese");
        };
    }

    /** The country {@code name} names ("Iraq", "Britain", "the U.S."), or null. */
    public static String byName(String name) {
        if (name == null) return null;
        String n = name.strip();
        if (n.toLowerCase(Locale.ROOT).startsWith("the ")) n = n.substring(4);
        if (n.isEmpty() || !Character.isUpperCase(n.charAt(0))) return null;
        return BY_NAME.get(n.toLowerCase(Locale.ROOT));
    }

    /** The country an adjective of its people names ("Iraqi": Iraq), or null. */
    public static String byAdjective(String word) {
        if (word == null || word.isEmpty() || !Character.isUpperCase(word.charAt(0))) return null;
        return BY_ADJECTIVE.get(word.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code words} name a country or are the adjective of one. */
    public static boolean isCountryWord(String words) { return byName(words) != null || byAdjective(words) != null; }

    /** A country name of up to three capitalised words, as a regular expression (checked against the table by {@link #byName}). */
    static final String NAME = "(?:the\\s+)?(?:[A-Z][\\p{L}.’']*\\.?)(?:\\s+(?:and\\s+)?[A-Z][\\p{L}.’']*){0,2}";

    /** A country found at the start of some words, and how many characters of them name it. */
    record Found(String country, int length) {}

    /** The longest prefix of {@code words} (a run of capitalised words, trailing punctuation aside) that is a country, or null. */
    static Found longest(String words) {
        String[] w = words.strip().split("\\s+");
        for (int n = Math.min(3, w.length); n >= 1; n--) {
            String name = String.join(" ", Arrays.copyOf(w, n)).replaceAll("[,.;:]+$", "");
            String c = byName(name);
            if (c != null) return new Found(c, name.length());
        }
        return null;
    }

    /** The country {@link #longest} finds, or null. */
    static String longestCountry(String words) {
        Found f = longest(words);
        return f == null ? null : f.country();
    }

    private static final Pattern IN_COUNTRY = Pattern.compile("\\b(?:in|across|throughout|of)\\s+(?:the\\s+(?:[a-z]+\\s+){0,3}of\\s+)?("
            + NAME + ")");
    private static final Pattern POSSESSIVE = Pattern.compile("(" + NAME + ")['’]s\\b");

    /**
     * How often the text places things in each country ("in Iraq", "across the southern cities of Iraq",
     * "Iraq's"), its countries by that count. An adjective ("Iraqi", "Iran-backed") says who, not where, and
     * is not counted.
     */
    static Map<String, Integer> locationCues(String text, int from, int to) {
        Map<String, Integer> count = new HashMap<>();
        for (Pattern p : new Pattern[] {IN_COUNTRY, POSSESSIVE}) {
            Matcher m = p.matcher(text).region(from, to);
            while (m.find()) {
                String c = longestCountry(m.group(1));
                if (c != null) count.merge(c, 1, Integer::sum);
            }
        }
        return count;
    }
}
