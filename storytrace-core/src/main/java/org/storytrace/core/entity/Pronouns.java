package org.storytrace.core.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.text.Prose;

/**
 * Third-person personal pronouns ({@code he, him, his, himself, she, her, hers, herself}) outside quotation marks,
 * each resolved to the person mention it stands for in its article: what makes "He" of a second sentence a mention
 * of the entity the first sentence named. A pronoun takes, among the person mentions outside quotation marks that
 * agree with it in gender, the nearest before it in its own sentence, else the first (the subject, as a rule in
 * news prose) of the nearest of the three sentences before it that has one; none there: it stays unresolved.
 *
 * <p>A mention's gender comes from its title ({@code Mr.}, {@code Mrs.}, {@code Queen}), else from its first name
 * when it has two words or more ({@link Genders}), else from an earlier mention of the article with the same last
 * word (Lindsay Lohan, then Lohan); unknown agrees with both. Pronouns inside quotation marks are left alone: "he" in
 * a quote is whoever the speaker means, often no one the article names. Inside a quote whose speaker is a named
 * person, the first person singular ({@code I, me, my, mine, myself}) is that person.
 */
public final class Pronouns {
    /** The pronoun at {@code [start, end)} of the text stands for the {@code mention}th mention given. */
    public record Reference(int start, int end, String text, int mention) {}

    /**
     * Words of the text {@code [start, end)} that someone says (a direct quote), and where the name mention of who says
     * them starts ({@code speakerMention}, -1: unknown): the first person singular inside them is that speaker.
     */
    public record Speech(int start, int end, int speakerMention) {}

    /** A person's grammatical gender, as far as the text and the names tell. */
    public enum Gender { MALE, FEMALE, UNKNOWN }

    /** Given names and their gender: the lookup the resolver reads first names through. */
    @FunctionalInterface
    public interface Genders {
        /** The gender of a lowercased given name, {@link Gender#UNKNOWN} when it is not known or used for both. */
        Gender of(String givenName);

        /** No names known: only titles and earlier mentions tell. */
        Genders NONE = n -> Gender.UNKNOWN;

        /**
         * The name list that Stanford CoreNLP's models jar carries ({@value #CORENLP_NAMES}: about 14,600 given names,
         * each MALE or FEMALE, from its deterministic coreference system), read from the class path when that jar is
         * on it (the name finder's models are); {@link #NONE} when it is not. Names listed with both genders are
         * unknown. Loaded once.
         */
        static Genders fromClasspath() { return ClasspathGenders.INSTANCE; }

        String CORENLP_NAMES = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";
    }

    private static final class ClasspathGenders {
        static final Genders INSTANCE = load();

        private static Genders load() {
            ClassLoader cl = Pronouns.class.getClassLoader();
            try (InputStream in = cl == null ? null : cl.getResourceAsStream(Genders.CORENLP_NAMES)) {
                if (in == null) return Genders.NONE;
                Map<String, Gender> m = new HashMap<>();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t");
                    if (f.length < 2) continue;
                    Gender g = f[1].strip().equals("MALE") ? Gender.MALE : f[1].strip().equals("FEMALE") ? Gender.FEMALE : null;
                    if (g == null) continue;
                    m.merge(f[0].strip().toLowerCase(Locale.ROOT), g, (a, b) -> a == b ? a : Gender.UNKNOWN);
                }
                Map<String, Gender> names = Map.copyOf(m);
                return n -> names.getOrDefault(n, Gender.UNKNOWN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + Genders.CORENLP_NAMES + ": " + e.getMessage(), e);
            }
        }
    }

    private static final Pattern PRONOUN = Pattern.compile("\\b(?i:he|him|his|himself|she|her|hers|herself)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("\\bI\\b|\\b(?i:me|my|mine|myself)\\b");
    private static final Map<String, Gender> TITLES = titles();
    /** Sentences before the pronoun's own that are searched for its antecedent. */
    static final int SENTENCES_BACK = 3;

    private static Map<String, Gender> titles() {
        Map<String, Gender> m = new HashMap<>();
        for (String t : List.of("mr", "sir", "king", "prince", "lord", "father", "brother", "duke", "emperor", "sheikh", "uncle")) {
            m.put(t, Gender.MALE);
        }
        for (String t : List.of("mrs", "ms", "miss", "madam", "madame", "queen", "princess", "lady", "dame", "sister", "duchess",
                "empress", "aunt")) {
            m.put(t, Gender.FEMALE);
        }
        return Map.copyOf(m);
    }

    private final Genders genders;

    public Pronouns(Genders genders) { this.genders = genders; }

    /** The gender a title written before a name gives it ({@code Mr.}, {@code Mrs.}, {@code Queen}), else unknown. */
    static Gender titleGender(String role) {
        if (role == null || role.isBlank()) return Gender.UNKNOWN;
        String[] r = role.toLowerCase(Locale.ROOT).replace(".", "").strip().split("\\s+");
        return TITLES.getOrDefault(r[r.length - 1], Gender.UNKNOWN);
    }

    /** The gender of a given name as written ({@code Hillary}), from this resolver's name list; unknown when it has none. */
    Gender givenNameGender(String name) { return genders.of(name.toLowerCase(Locale.ROOT).replace(".", "")); }

    /** A person a pronoun may stand for: a name, or a pronoun resolved before (standing for its name). */
    private record Candidate(int at, int mention, Gender gender, boolean pronoun) {}

    /** The pronouns of {@code text} outside quotation marks that stand for one of {@code mentions} (in text order). */
    public List<Reference> resolve(String text, List<Mention> mentions) { return resolve(text, mentions, List.of()); }

    /**
     * As {@link #resolve(String, List)}, and the first person singular inside each of {@code speeches} whose speaker is
     * a person mention; in text order.
     */
    public List<Reference> resolve(String text, List<Mention> mentions, List<Speech> speeches) {
        // offsets read in one pass and searched, not scanned per pronoun: a megabyte paragraph of pronouns stays linear
        BitSet quoted = Prose.quotedMap(text);
        Spans spans = new Spans(mentions);
        List<Reference> out = thirdPerson(text, mentions, quoted, spans);
        boolean added = false;
        Map<Integer, Integer> personAt = new HashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (mentions.get(i).type() == EntityType.PERSON) personAt.putIfAbsent(mentions.get(i).start(), i);
        }
        for (Speech sp : speeches) {
            if (sp.speakerMention() < 0 || sp.start() < 0 || sp.end() > text.length() || sp.start() > sp.end()) continue;
            Integer speaker = personAt.get(sp.speakerMention());
            if (speaker == null) continue;
            Matcher m = FIRST_PERSON.matcher(text).region(sp.start(), sp.end());
            while (m.find()) {
                if (spans.inside(m.start())) continue;
                out.add(new Reference(m.start(), m.end(), m.group(), speaker));
                added = true;
            }
        }
        if (added) out.sort(Comparator.comparingInt(Reference::start));
        return out;
    }

    /** The mentions' spans, sorted, for whether an offset lies inside one by binary search. */
    private static final class Spans {
        private final int[] starts, ends;

        Spans(List<Mention> mentions) {
            List<Mention> sorted = new ArrayList<>(mentions);
            sorted.sort(Comparator.comparingInt(Mention::start));
            starts = new int[sorted.size()];
            ends = new int[sorted.size()];
            int maxEnd = Integer.MIN_VALUE;
            for (int i = 0; i < starts.length; i++) {
                starts[i] = sorted.get(i).start();
                maxEnd = Math.max(maxEnd, sorted.get(i).end());
                ends[i] = maxEnd; // the furthest end so far: overlapping spans, if any, still cover what they cover
            }
        }

        boolean inside(int at) {
            int i = Arrays.binarySearch(starts, at);
            if (i < 0) i = -i - 2;
            else while (i + 1 < starts.length && starts[i + 1] == at) i++;
            return i >= 0 && at < ends[i];
        }
    }

    private List<Reference> thirdPerson(String text, List<Mention> mentions, BitSet quoted, Spans spans) {
        List<Integer> persons = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.type() == EntityType.PERSON && m.start() < text.length() && !quoted.get(m.start())) persons.add(i);
        }
        List<Reference> out = new ArrayList<>();
        if (persons.isEmpty()) return out;
        persons.sort(Comparator.comparingInt(i -> mentions.get(i).start()));
        Gender[] gender = genders(mentions, persons);
        List<Candidate> names = new ArrayList<>(), resolved = new ArrayList<>();
        for (int k = 0; k < persons.size(); k++) {
            names.add(new Candidate(mentions.get(persons.get(k)).start(), persons.get(k), gender[k], false));
        }
        Matcher m = PRONOUN.matcher(text);
        while (m.find()) {
            int at = m.start();
            if (spans.inside(at) || quoted.get(at)) continue;
            String p = m.group().toLowerCase(Locale.ROOT);
            Gender want = p.startsWith("h") && !p.startsWith("her") ? Gender.MALE : Gender.FEMALE;
            int found = antecedent(text, at, names, resolved, want);
            if (found < 0) continue;
            out.add(new Reference(at, m.end(), m.group(), found));
            resolved.add(new Candidate(at, found, want, true));
        }
        return out;
    }

    /**
     * The mention a pronoun at {@code at} stands for, or -1. In its own sentence: the sentence's first person when that
     * is a pronoun of the same gender (she ... her), else the nearest; in the sentences before: the first (the subject,
     * as a rule), a resolved pronoun standing for its name, so that "She ... She ..." reaches the name before them.
     */
    private static int antecedent(String text, int at, List<Candidate> names, List<Candidate> resolved, Gender want) {
        int end = at;
        for (int back = 0; back <= SENTENCES_BACK; back++) {
            int start = Prose.sentenceStart(text, 0, end, false);
            List<Candidate> here = new ArrayList<>();
            for (List<Candidate> list : List.of(names, resolved)) {
                // both lists are in text order: from the first at or after the sentence's start
                for (int i = firstAtOrAfter(list, start); i < list.size(); i++) {
                    Candidate c = list.get(i);
                    if (c.at() >= end) break;
                    if (c.gender() == want || c.gender() == Gender.UNKNOWN) here.add(c);
                }
            }
            if (!here.isEmpty()) {
                here.sort(Comparator.comparingInt(Candidate::at));
                Candidate first = here.get(0);
                if (back > 0 || first.pronoun()) return first.mention();
                return here.get(here.size() - 1).mention();
            }
            if (start <= 0) break;
            end = start - 1;
        }
        return -1;
    }

    private static int firstAtOrAfter(List<Candidate> list, int at) {
        int lo = 0, hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).at() < at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Each person mention's gender, indexed like {@code persons}. */
    private Gender[] genders(List<Mention> mentions, List<Integer> persons) {
        Gender[] g = new Gender[persons.size()];
        Map<String, Gender> bySurname = new HashMap<>();
        for (int k = 0; k < persons.size(); k++) {
            Mention x = mentions.get(persons.get(k));
            String[] words = x.text().split("[\\s\\u00a0]+");
            String last = words[words.length - 1].toLowerCase(Locale.ROOT);
            Gender own = Gender.UNKNOWN;
            if (x.role() != null) own = titleGender(x.role());
            if (own == Gender.UNKNOWN && words.length >= 2) own = givenNameGender(words[0]);
            if (own == Gender.UNKNOWN) own = bySurname.getOrDefault(last, Gender.UNKNOWN);
            else bySurname.merge(last, own, (a, b) -> a == b ? a : Gender.UNKNOWN);
            g[k] = own;
        }
        return g;
    }
}
