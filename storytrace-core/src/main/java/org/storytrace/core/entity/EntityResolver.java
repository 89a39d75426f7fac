package org.storytrace.core.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.storytrace.core.cluster.UnionFind;

/**
 * Joins mentions into entities: first within one story (where a short form, a variant spelling or an
 * acronym can be trusted to mean the full name the other articles write), then across the stories of the
 * collection on full names only.
 *
 * <p>Within a story, spellings are taken most complete first. A person's spelling joins an entity when its
 * parts are, in order, parts of the entity's fullest name ({@link Romanization#same}): Al-Kadhimi and
 * Kazemi join Mustafa al-Kadhimi, Tahsin Osama joins Tahseen Osama al-Shahmani. A given name may be one
 * sound off ({@link Romanization#close}) when the surname is the same (Roham Yaqub, Reham Yaqoub). A
 * spelling that fits two entities joins neither: two people who share a surname stay apart.
 * Organisations and places join on the same parts, an acronym on the initials of a full name in the story
 * or on a definition in the text ({@code National Council of Resistance of Iran (NCRI)}), a name on a
 * longer one it ends (Quds Force, IRGC Quds Force), and on the {@link Aliases} table where the text gives
 * no clue (MEK, Hashd). Across stories, entities join when their fullest names are the same, and a
 * one-word person joins the one full name in the collection that ends with it.
 */
public final class EntityResolver {
    /** One article's mentions, with what the resolver needs to know of the article. */
    public record Source(String article, String outlet, String text, List<Mention> mentions, List<Pronouns.Speech> speeches) {
        public Source { speeches = List.copyOf(speeches); }

        /** An article whose quotes are not known. */
        public Source(String article, String outlet, String text, List<Mention> mentions) {
            this(article, outlet, text, mentions, List.of());
        }
    }

    private final Aliases aliases;
    private final Pronouns pronouns;

    public EntityResolver(Aliases aliases, Pronouns pronouns) {
        this.aliases = aliases;
        this.pronouns = pronouns;
    }
    public EntityResolver(Aliases aliases) { this(aliases, new Pronouns(Pronouns.Genders.fromClasspath())); }
    public EntityResolver() { this(Aliases.builtIn()); }

    private static final class Cluster {
        EntityType type;
        Name head;
        /** The person's sex as a title of the story tells it (Mr., Mrs.): it rules out spellings titled otherwise. */
        Pronouns.Gender sex = Pronouns.Gender.UNKNOWN;
        /** The sex of the fullest spelling's given name, by the name list: it only chooses between people. */
        Pronouns.Gender nameSex = Pronouns.Gender.UNKNOWN;
        final List<Name> names = new ArrayList<>();
        final List<Entity.At> at = new ArrayList<>();
        final List<String> outletOf = new ArrayList<>();
        final List<String> roleOf = new ArrayList<>();
        final List<Entity.At> refs = new ArrayList<>();
    }

    /** The entities of one story's articles (ids not yet given). */
    public List<Entity> story(List<Source> docs) {
        // distinct spellings per type, with their mentions
        record Occ(int doc, Mention m) {}
        Map<String, List<Occ>> bySpelling = new LinkedHashMap<>();
        Map<String, Name> names = new HashMap<>();
        Map<String, Pronouns.Gender> titled = new HashMap<>(); // the sex the titles of a spelling's mentions give it
        Set<String> sexed = new HashSet<>(); // surnames alone kept apart by their title's sex ("Mr. Clinton"), read first
        String[][] spellingOf = new String[docs.size()][]; // each mention's key in bySpelling (null: no name), for its pronouns
        for (int d = 0; d < docs.size(); d++) {
            List<Mention> ms = docs.get(d).mentions();
            spellingOf[d] = new String[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                Mention m = ms.get(i);
                // a "person" whose name ends on a kind of body named after people is one, from the start: the NYT's "Bill,
                // Hillary and Chelsea Clinton Foundation" read as a person drew Chelsea Clinton into the foundation
                // (alone too: "Center" is no one's name)
                EntityType type = m.type() == EntityType.PERSON && NAMED_AFTER_PEOPLE.contains(lastWord(m.text()))
                        ? EntityType.ORGANIZATION : m.type();
                Name n = new Name(m.text(), type);
                if (n.isEmpty()) continue;
                String k = type + "\u0000" + n.text;
                // a surname alone after a title that tells the person's sex is a spelling of its own: "Mr. Clinton" and
                // "Mrs. Clinton" are two people of a story that names Bill and Hillary Clinton
                Pronouns.Gender g = Pronouns.titleGender(m.role());
                if (g != Pronouns.Gender.UNKNOWN) {
                    if (type == EntityType.PERSON && n.parts.size() == 1) {
                        k += "\u0000" + g;
                        sexed.add(k);
                    }
                    titled.merge(k, g, (a, b) -> a == b ? a : Pronouns.Gender.UNKNOWN);
                }
                spellingOf[d][i] = k;
                names.putIfAbsent(k, n);
                bySpelling.computeIfAbsent(k, x -> new ArrayList<>()).add(new Occ(d, m));
            }
        }
        Map<String, String> definitions = definitions(docs); // acronym -> the full name it follows in parentheses
        Map<String, Integer> groups = new HashMap<>(); // each spelling's line of the alias table, its key made once
        Map<String, Integer> spellingCounts = new HashMap<>();
        for (Map.Entry<String, List<Occ>> e : bySpelling.entrySet()) spellingCounts.merge(names.get(e.getKey()).text, e.getValue().size(),
                Integer::sum);
        List<String> order = new ArrayList<>(bySpelling.keySet());
        order.sort(Comparator.comparing((String k) -> names.get(k).isAcronym() ? 1 : 0)
                .thenComparing(k -> -names.get(k).completeness())
                .thenComparing(k -> sexed.contains(k) ? 0 : 1)
                .thenComparing(k -> -bySpelling.get(k).size())
                .thenComparing(k -> k));
        List<Cluster> clusters = new ArrayList<>();
        Map<String, Cluster> clusterOf = new HashMap<>();
        for (String k : order) {
            Name n = names.get(k);
            Pronouns.Gender g = titled.getOrDefault(k, Pronouns.Gender.UNKNOWN);
            List<Cluster> fits = new ArrayList<>();
            for (Cluster c : clusters) {
                // a title of the other sex in the story rules a person out ("Mrs. Clinton" is not Bill)
                if (g != Pronouns.Gender.UNKNOWN && c.sex != Pronouns.Gender.UNKNOWN && c.sex != g) continue;
                if (c.type != n.type ? aliased(n, c, groups) : matches(n, c, definitions, spellingCounts, groups)) fits.add(c);
            }
            // a given name's sex only chooses between people the spelling fits (the list has Corey and Lindsey as women's
            // names, and "Mr. Graham" of a story about Lindsey Graham is he)
            if (g != Pronouns.Gender.UNKNOWN && fits.size() > 1) {
                List<Cluster> agree = fits.stream().filter(c -> c.nameSex == Pronouns.Gender.UNKNOWN || c.nameSex == g).toList();
                if (!agree.isEmpty()) fits = agree;
            }
            // a surname that fits one person named in full and a surname alone set apart by its title (Hillary Clinton
            // and "Mr. Clinton") is the one named in full
            if (fits.size() > 1 && n.parts.size() == 1) {
                List<Cluster> full = fits.stream().filter(c -> c.head.parts.size() >= 2).toList();
                if (full.size() == 1) fits = full;
            }
            Cluster target;
            if (fits.size() == 1) {
                target = fits.get(0);
            } else {
                target = new Cluster();
                target.type = n.type;
                target.head = n;
                if (n.type == EntityType.PERSON && n.parts.size() >= 2) target.nameSex = pronouns.givenNameGender(n.first().folded());
                clusters.add(target);
            }
            if (target.sex == Pronouns.Gender.UNKNOWN) target.sex = g;
            clusterOf.put(k, target);
            target.names.add(n);
        }
        // a name tagged with two types in different places (Kayhan as a person and as an organisation) is one entity
        Map<String, Integer> typedCounts = new HashMap<>();
        for (Map.Entry<String, List<Occ>> e : bySpelling.entrySet()) typedCounts.put(e.getKey(), e.getValue().size());
        List<Cluster> merged = mergeAcrossTypes(clusters, typedCounts, clusterOf);
        for (Map.Entry<String, List<Occ>> e : bySpelling.entrySet()) {
            Cluster c = clusterOf.get(e.getKey());
            for (Occ o : e.getValue()) {
                Source s = docs.get(o.doc);
                c.at.add(new Entity.At(s.article(), o.m.start(), o.m.end(), o.m.text()));
                c.outletOf.add(s.outlet());
                c.roleOf.add(o.m.role());
            }
        }
        // pronouns join the entity of the name they stand for
        for (int d = 0; d < docs.size(); d++) {
            Source s = docs.get(d);
            for (Pronouns.Reference r : pronouns.resolve(s.text(), s.mentions(), s.speeches())) {
                String k = spellingOf[d][r.mention()];
                Cluster c = k == null ? null : clusterOf.get(k);
                if (c != null) c.refs.add(new Entity.At(s.article(), r.start(), r.end(), r.text()));
            }
        }
        // articles in the order given, so entities come out in order of first mention
        Map<String, Integer> docIndex = new HashMap<>();
        for (int d = 0; d < docs.size(); d++) docIndex.put(docs.get(d).article(), d);
        List<Entity> out = new ArrayList<>();
        merged.sort(Comparator.comparing((Cluster c) -> firstAt(c, docIndex)));
        for (Cluster c : merged) if (!c.at.isEmpty()) out.add(entityOf(c, docIndex));
        return out;
    }

    /**
     * How many times as often as any other bearer of a surname in its topic a person must be named for the bare
     * surname to be read as that person (news names relatives and bystanders in full and the main person by surname).
     */
    static final int DOMINANT = 3;

    private static long firstAt(Cluster c, Map<String, Integer> docIndex) {
        long best = Long.MAX_VALUE;
        for (Entity.At a : c.at) best = Math.min(best, ((long) docIndex.get(a.article()) << 32) | a.start());
        return best;
    }

    /**
     * Clusters of two types that are one entity: the same name tagged with two types (Kayhan as a person and as an
     * organisation); and a surname written alone that the name finder tagged as an organisation or a place in some
     * sentences ("Trump is expected to be competitive", "As Trump said") when the story also writes it alone as a
     * person, who is someone the story names in full, and names that person at least as often: PolNeAR's texts held a
     * "Trump" organisation of 574 mentions and a "Trump" place of 382 beside Donald Trump. At least as often, so that
     * Jordan the country stays apart from Michael Jordan in a story about the country.
     */
    private List<Cluster> mergeAcrossTypes(List<Cluster> clusters, Map<String, Integer> typedCounts, Map<String, Cluster> clusterOf) {
        Map<Cluster, Cluster> into = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            Cluster a = clusters.get(i);
            if (into.containsKey(a)) continue;
            for (int j = i + 1; j < clusters.size(); j++) {
                Cluster b = clusters.get(j);
                if (b.type == a.type || into.containsKey(b)) continue;
                if (a.head.sameAs(b.head) && a.head.parts.size() == b.head.parts.size()) into.put(b, a);
            }
        }
        for (Cluster b : clusters) {
            if (b.type == EntityType.PERSON || into.containsKey(b) || b.head.parts.size() != 1 || b.names.size() != 1) continue;
            Cluster person = clusterOf.get(EntityType.PERSON + "\u0000" + b.head.text);
            if (person == null || person.type != EntityType.PERSON || person.head.parts.size() < 2 || into.containsKey(person)) continue;
            // not into a name run together with a title ("Golkar Chairman Harmoko": Golkar is his party)
            if (Arrays.stream(person.head.text.split(" ")).anyMatch(Titles::isTitleWord)) continue;
            int personal = 0;
            for (Name m : person.names) personal += typedCounts.getOrDefault(EntityType.PERSON + "\u0000" + m.text, 0);
            if (personal >= typedCounts.getOrDefault(b.type + "\u0000" + b.head.text, 0)) into.put(b, person);
        }
        if (into.isEmpty()) return new ArrayList<>(clusters);
        // a cluster merged into one that is merged in turn (Trump the place into Trump the organisation into Donald Trump)
        // goes to the end of the chain
        Map<Cluster, Cluster> last = new HashMap<>();
        for (Cluster c : into.keySet()) {
            Cluster t = into.get(c);
            while (into.containsKey(t)) t = into.get(t);
            last.put(c, t);
        }
        for (String k : typedCounts.keySet()) {
            Cluster c = clusterOf.get(k);
            if (last.containsKey(c)) clusterOf.put(k, last.get(c));
        }
        for (Map.Entry<Cluster, Cluster> e : last.entrySet()) e.getValue().names.addAll(e.getKey().names);
        List<Cluster> out = new ArrayList<>();
        for (Cluster c : clusters) if (!into.containsKey(c)) out.add(c);
        // the type most of its mentions carry is settled in entityOf
        return out;
    }

    private boolean aliased(Name n, Cluster c, Map<String, Integer> groups) {
        int g = group(n.text, groups);
        if (g < 0) return false;
        for (Name m : c.names) if (group(m.text, groups) == g) return true;
        return false;
    }

    /**
     * The line of the alias table that lists {@code text} (-1: none), looked up once a story: two spellings are aliases when
     * both have the same line. Each look-up makes the name's key (a split and a fold), and a story's spellings meet each of
     * its entities: asked per pair, as before session 37, a story of 2,452 articles (the news pool given as one) spent 106 s
     * in the entity stage, more than half of it making those keys.
     */
    private int group(String text, Map<String, Integer> groups) {
        Integer g = groups.get(text);
        if (g == null) groups.put(text, g = aliases.groupOf(text));
        return g;
    }

    private static int countOf(Cluster c, Map<String, Integer> counts) {
        int k = 0;
        for (Name m : c.names) k += counts.getOrDefault(m.text, 0);
        return k;
    }

    private boolean matches(Name n, Cluster c, Map<String, String> definitions, Map<String, Integer> counts, Map<String, Integer> groups) {
        for (Name m : c.names) if (n.text.equals(m.text)) return true;
        Name h = c.head;
        int g = group(n.text, groups);
        if (g >= 0) {
            if (group(h.text, groups) == g) return true;
            for (Name m : c.names) if (group(m.text, groups) == g) return true;
        }
        // a father and his son: Mark Felt Jr. is not W. Mark Felt Sr. (ECB+: "survived by ... Mark Felt Jr.")
        if (n.generation != null) for (Name m : c.names) if (m.generation != null && !m.generation.equals(n.generation)) return false;
        // a bare given name (Lindsay, Katie) is the one person of the story whose full name begins with it; so is a
        // family name written first (Wei Jianguo, then Wei; Hu Jintao, then Hu), however short, when spelt the same
        if (n.type == EntityType.PERSON) return personFits(n, h) || n.parts.size() == 1 && h.parts.size() > 1
                && (n.first().folded().equals(h.first().folded()) && !Romanization.isParticle(n.first().folded())
                        || n.first().skeleton().length() >= 2 && n.first().folded().length() >= 3
                                && Romanization.same(n.first(), h.first()));
        if (n.sameAs(h) && !(fewConsonants(n) && !n.key.equals(h.key))) return true;
        if (n.isAcronym()) {
            for (String a : n.acronyms) {
                for (Name m : c.names) {
                    if (!m.isAcronym() && m.parts.size() >= 2 && a.equals(m.initials)) return true;
                    if (m.text.equals(definitions.get(a))) return true;
                    if (m.isAcronym() && m.acronyms.contains(a)) return true;
                }
            }
            return false;
        }
        // a name that ends a longer one (Quds Force, IRGC Quds Force; Colts, Indianapolis Colts); one word that begins one (Asaeb)
        if (n.type == EntityType.ORGANIZATION && endsWith(h, n) && (n.parts.size() >= 2 || n.first().skeleton().length() >= 3)) return true;
        if (n.type == EntityType.ORGANIZATION) for (Name m : c.names) if (m.parts.size() >= 2 && endsWith(n, m)) return true;
        // a one-word short form (Asaeb) joins the longer name it begins, unless it is written more often than the
        // longer name: then it is a name of its own that the longer one extends (Microsoft, Microsoft Word)
        if (n.type == EntityType.ORGANIZATION && n.parts.size() == 1 && h.parts.size() >= 2 && Romanization.same(n.first(), h.first())
                && counts.getOrDefault(n.text, 0) <= countOf(c, counts)) return true;
        // one place, one letter apart at the end of a long name (Nasiriyah, Nasiriyan)
        return n.type == EntityType.LOCATION && n.parts.size() == 1 && h.parts.size() == 1 && nearPlace(n.first().folded(), h.first()
                .folded());
    }

    private static boolean endsWith(Name longer, Name shorter) {
        int off = longer.parts.size() - shorter.parts.size();
        if (off <= 0) return false;
        for (int i = 0; i < shorter.parts.size(); i++) if (!Romanization.same(longer.parts.get(off + i),
                shorter.parts.get(i))) return false;
        return true;
    }

    static boolean nearPlace(String a, String b) {
        if (a.length() < 7 || b.length() < 7 || Math.abs(a.length() - b.length()) > 1) return false;
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) common++;
        if (common < 6) return false;
        String ra = a.substring(common), rb = b.substring(common);
        return ra.length() <= 1 && rb.length() <= 1;
    }

    /** Whether a person's spelling fits an entity whose fullest spelling is {@code h}. */
    static boolean personFits(Name n, Name h) {
        if (n.parts.size() == 1) return Romanization.same(n.first(), h.last()) && (h.parts.size() > 1 || n.first().skeleton()
                .length() >= 2);
        if (h.parts.size() < n.parts.size()) return false;
        // the first part against the first (or, with the same surname, a middle name: Joseph Comeaux, Arcade
        // Joseph Comeaux), the rest in order against the rest
        boolean lastSame = Romanization.same(n.last(), h.last());
        int j = -1;
        if (Romanization.same(n.first(), h.first()) || lastSame && (Romanization.close(n.first(), h.first())
                || GivenNames.same(n.first(), h.first()))) j = 1;
        else if (lastSame) {
            // a middle name of few consonants only as written: Chen is not the Sun of Ho Sun Hui
            for (int k = 1; k < h.parts.size() - 1 && j < 0; k++) {
                Romanization.Part m = h.parts.get(k);
                boolean few = fewConsonants(m) || fewConsonants(n.first());
                if (few ? m.folded().equals(n.first().folded()) : Romanization.same(n.first(), m)) j = k + 1;
            }
        }
        if (j < 0) return false;
        for (int i = 1; i < n.parts.size(); i++) {
            Romanization.Part p = n.parts.get(i);
            boolean middle = i < n.parts.size() - 1;
            while (j < h.parts.size() && !Romanization.same(p, h.parts.get(j)) && !(middle && initialOf(p, h.parts.get(j)))) j++;
            if (j == h.parts.size()) return false;
            j++;
        }
        return true;
    }

    /**
     * Whether a person's spelling {@code n} fits a fuller one {@code h} of another topic by two loose matches at once: a
     * surname spelt otherwise (a romanisation) and a given name spelt otherwise (a short form, a near spelling). Across
     * topics that is two people as often as not: Ron Klain and Aaron Klein, Mike Coffman and Michael Kofman (PolNeAR's
     * texts). In one topic, or with either name spelt the same (Mustafa al-Kadhimi, Mustafa al-Kazemi), it is one.
     */
    static boolean looseAcrossTopics(Name n, Name h, String topicN, String topicH) {
        if (topicN != null && topicN.equals(topicH) || n.parts.size() < 2) return false;
        return !n.last().folded().equals(h.last().folded()) && !n.first().folded().equals(h.first().folded());
    }

    /**
     * Whether two people's spellings name different generations: one writes "Jr." and the other "Sr." (or "II", "III")
     * and neither the other's (Mark Felt Jr. is the son of W. Mark Felt Sr.: ECB+'s obituaries).
     */
    private static boolean otherGeneration(Map<Integer, Set<String>> memo, List<Entity> all, int a, int b) {
        Set<String> ga = memo.computeIfAbsent(a, x -> generations(all.get(x)));
        if (ga.isEmpty()) return false;
        Set<String> gb = memo.computeIfAbsent(b, x -> generations(all.get(x)));
        if (gb.isEmpty()) return false;
        for (String g : ga) if (gb.contains(g)) return false;
        return true;
    }

    private static Set<String> generations(Entity e) {
        Set<String> out = new HashSet<>();
        for (Entity.Variant v : e.variants()) {
            // only a spelling with a dot or a numeral's capitals at its end can write one: most need no reading
            String t = v.text();
            if (!(t.endsWith(".") || t.endsWith("I") || t.endsWith("V") || t.endsWith("r"))) continue;
            String g = new Name(t, EntityType.PERSON).generation;
            if (g != null) out.add(g);
        }
        return out;
    }

    /** Whether {@code p} is an initial ({@code C.}) that {@code of} begins with ({@code Cheney}). */
    private static boolean initialOf(Romanization.Part p, Romanization.Part of) {
        return p.folded().length() == 1 && of.folded().length() > 1 && of.folded().charAt(0) == p.folded().charAt(0);
    }

    /** Whether {@code a} is a fuller spelling than {@code b}: more parts, or as many and more letters (Frederick, Fred). */
    private static boolean fuller(Name a, Name b) {
        if (a.parts.size() != b.parts.size()) return a.parts.size() > b.parts.size();
        return letters(a) > letters(b);
    }

    private static int letters(Name n) {
        int k = 0;
        for (Romanization.Part p : n.parts) k += p.folded().length();
        return k;
    }

    /** Acronyms defined in the texts: a name followed by its acronym in parentheses. */
    private static Map<String, String> definitions(List<Source> docs) {
        Map<String, String> out = new HashMap<>();
        for (Source s : docs) {
            List<Mention> ms = s.mentions();
            for (int i = 0; i + 1 < ms.size(); i++) {
                Mention a = ms.get(i), b = ms.get(i + 1);
                if (s.text() == null || b.start() - a.end() > 3 || !Name.isAcronym(b.text())) continue;
                String between = s.text().substring(a.end(), b.start()).strip();
                if (between.equals("(") && b.end() < s.text().length() && s.text().charAt(b.end()) == ')') {
                    out.putIfAbsent(b.text().toUpperCase(Locale.ROOT), new Name(a.text(), a.type()).text);
                }
            }
        }
        return out;
    }

    /**
     * The entity of a cluster. Its type is the one most of its spellings carry, except that a person whose fullest spelling
     * begins with a given name of the list ({@link Cluster#nameSex} known) stays a person: ECB+'s basketball story tags
     * "Phil Ford" a person in 13 mentions and an organisation in 5, and "Ford" alone an organisation in 52 and a place in
     * one, so by spelling he was an organisation (and so was Anthony Phillip LaSalle, by "LaSalle" and "Lasalle"). Counting
     * mentions instead, or only the spellings of two words or more, was tried and is worse: a few full mentions tagged as
     * places made Bashar al-Assad a place, and a rare "Asia Pacific" organisation outvoted "Asia-Pacific".
     */
    private static Entity entityOf(Cluster c, Map<String, Integer> docIndex) {
        // spellings: count and outlets
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> outlets = new HashMap<>();
        Map<String, Integer> roles = new LinkedHashMap<>();
        Map<EntityType, Integer> types = new TreeMap<>();
        Map<String, Name> nameOf = new HashMap<>();
        for (Name n : c.names) nameOf.putIfAbsent(n.text, n);
        List<Entity.At> at = new ArrayList<>(c.at);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> docIndex.get(at.get(i).article())).thenComparing(i -> at.get(i).start()));
        List<Entity.At> sorted = new ArrayList<>();
        Map<String, String> spellingOf = new HashMap<>(); // a mention's text -> its spelling, each read once
        for (int i : order) {
            Entity.At a = at.get(i);
            sorted.add(a);
            String spelling = spellingOf.computeIfAbsent(a.text(), t -> new Name(t, c.type).text);
            count.merge(spelling, 1, Integer::sum);
            outlets.computeIfAbsent(spelling, x -> new TreeMap<>()).merge(c.outletOf.get(i), 1, Integer::sum);
            if (c.roleOf.get(i) != null) roles.merge(c.roleOf.get(i), 1, Integer::sum);
        }
        for (Name n : c.names) types.merge(n.type, 1, Integer::sum);
        // a person named in full with a given name the list knows stays a person, however the surname alone was tagged
        EntityType type = c.nameSex != Pronouns.Gender.UNKNOWN ? EntityType.PERSON : majority(types, c.type);
        List<Entity.At> refs = new ArrayList<>(c.refs);
        refs.sort(Comparator.comparing((Entity.At a) -> docIndex.get(a.article())).thenComparing(Entity.At::start));
        return assemble(type, c.type, count, outlets, roles, sorted, refs, nameOf);
    }

    /**
     * Words that end the names of organisations and no person's (Kadhafi Foundation, Abu Sayyaf Group, Ezzel Dein
     * al-Qassam Brigades, Sam Yang Company: tagged as people on the news pool).
     */
    private static final Set<String> ORGANISATION_HEADS = Set.of("Foundation", "Group", "Brigades", "Brigade", "Company", "Corporation",
            "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Party", "Council", "Committee", "Ministry", "Movement", "Army", "Union",
            "Association", "Organization", "Organisation", "Agency", "University", "Institute", "Commission", "Authority", "Federation",
            "League", "Alliance", "Airlines", "Airways", "Club", "Forces");

    /**
     * Words that end the names of bodies named after people (the Eric Trump Foundation, the Trayvon Martin Foundation,
     * the John F. Kennedy Center): such a name tagged as a person is read as an organisation before the story's
     * spellings are joined, so that the person it is named after stays apart. Not the other {@link #ORGANISATION_HEADS}:
     * Abu Sayyaf is the Abu Sayyaf Group and Qassam the Qassam Brigades, and those join as before.
     */
    private static final Set<String> NAMED_AFTER_PEOPLE = Set.of("Foundation", "Institute", "University", "Center", "Centre",
            "Library", "Fund", "Trust", "Prize", "Award", "Museum", "Memorial", "School", "College");

    private static String lastWord(String name) {
        String t = name.strip();
        return t.substring(t.lastIndexOf(' ') + 1);
    }

    /** The type most counted, the first such in type order; {@code fallback} when none is. */
    private static EntityType majority(Map<EntityType, Integer> types, EntityType fallback) {
        EntityType type = fallback;
        int best = -1;
        for (Map.Entry<EntityType, Integer> e : types.entrySet()) if (e.getValue() > best) { best = e.getValue(); type = e.getKey(); }
        return type;
    }

    /**
     * An entity from its tallies: the canonical spelling (the most complete, then the most frequent; names read
     * as {@code nameType}, parsed once each through {@code names}), variants and roles most frequent first.
     */
    private static Entity assemble(EntityType type, EntityType nameType, Map<String, Integer> count, Map<String, Map<String,
            Integer>> outlets,
                                   Map<String, Integer> roles, List<Entity.At> mentions, List<Entity.At> references,
                                   Map<String, Name> names) {
        String canonical = null;
        Name best = null;
        // a fuller name written rarely beside one written RARE times as often is a slip, not the fullest spelling: George
        // W.H. Bush once beside George W. Bush 70 times, "Christie Chris Christie" beside Chris Christie (PolNeAR)
        // (of two words or more: Abdul-Mahdi written forty times does not make Adel Abdul-Mahdi a slip)
        int often = 0;
        for (String s : count.keySet()) {
            if (names.computeIfAbsent(s, x -> new Name(x, nameType)).text.indexOf(' ') > 0) often = Math.max(often, count.get(s));
        }
        for (String s : count.keySet()) {
            Name n = names.computeIfAbsent(s, x -> new Name(x, nameType));
            if (often >= RARE && n.text.indexOf(' ') > 0 && (long) count.get(s) * RARE <= often) continue;
            if (canonical == null || better(n, count.get(s), outlets.get(s).size(), best, count.get(canonical), outlets.get(canonical)
                    .size())) {
                canonical = s;
                best = n;
            }
        }
        // a "person" whose name ends on a kind of organisation is an organisation the name finder took for a person
        if (type == EntityType.PERSON && best != null && best.parts.size() >= 2 && ORGANISATION_HEADS.contains(lastWord(canonical))) {
            type = EntityType.ORGANIZATION;
        }
        List<Entity.Variant> variants = new ArrayList<>();
        for (Map.Entry<String, Integer> e : count.entrySet()) variants.add(new Entity.Variant(e.getKey(), e.getValue(),
                outlets.get(e.getKey())));
        variants.sort(Comparator.comparing((Entity.Variant v) -> -v.count()));
        List<String> roleList = new ArrayList<>(roles.keySet());
        roleList.sort(Comparator.comparing((String r) -> -roles.get(r)));
        return new Entity(null, type, canonical, variants, roleList, mentions, references);
    }

    /** How many times as often as a fuller spelling of a name a spelling must be written for the fuller one to be a slip. */
    static final int RARE = 10;

    /**
     * Whether spelling {@code a} makes a better canonical name than {@code b}: a name over an acronym, a well-formed
     * spelling over a mangled one ({@link Name#wellFormed}), the more complete, one without a title over one with it
     * (Gloria Macapagal-Arroyo over Philippine President Gloria Macapagal-Arroyo), then the one more outlets write (one
     * outlet repeating its own spelling is one voice), then the more frequent; the first in character order when all
     * of that is equal, so that the choice never depends on the order the mentions came in.
     */
    private static boolean better(Name a, int countA, int outletsA, Name b, int countB, int outletsB) {
        if (a.isAcronym() != b.isAcronym()) return !a.isAcronym();
        if (a.wellFormed() != b.wellFormed()) return a.wellFormed();
        if (a.completeness() != b.completeness()) return a.completeness() > b.completeness();
        if (a.titled != b.titled) return !a.titled;
        if (outletsA != outletsB) return outletsA > outletsB;
        if (countA != countB) return countA > countB;
        return a.text.compareTo(b.text) < 0;
    }

    /**
     * The entities of the whole collection from those of each story: joined when their fullest names are
     * the same, a one-word person to the one full name that ends with it; ids {@code e1}, ... in order of
     * first mention (stories in the order given).
     */
    public Collection collection(List<List<Entity>> stories) { return collection(stories, null); }

    /**
     * As {@link #collection(List)}, knowing each story's topic ({@code topics.get(s)}, null or an empty list when
     * unknown): a one-word person that ends several full names of the collection joins the one among them
     * that a story of its own topic names (LaRue in an obituary, when Fred LaRue of the same topic and
     * Ortiz's and Lopez's elsewhere are other people).
     */
    public Collection collection(List<List<Entity>> stories, List<String> topics) {
        List<Entity> all = new ArrayList<>();
        List<String> topicOf = new ArrayList<>();
        for (int s = 0; s < stories.size(); s++) {
            all.addAll(stories.get(s));
            String t = topics == null || topics.size() <= s ? null : topics.get(s);
            for (int k = 0; k < stories.get(s).size(); k++) topicOf.add(t);
        }
        int n = all.size();
        UnionFind sets = new UnionFind(n);
        Map<String, Integer> byKey = new HashMap<>();
        Name[] canon = new Name[n];
        for (int i = 0; i < n; i++) {
            Entity e = all.get(i);
            canon[i] = new Name(e.canonical(), e.type());
            // a name of two parts or more is one thing whatever type the name finder gave it in one story (it tags
            // headlines and short texts unevenly); a one-word name keeps its type (Jordan the country, Jordan a person)
            // and a one-word name whose consonants are too few to tell romanisations from other names (Nike, Nikko and
            // Nice; Sun and Shen) joins another story's only when spelt the same
            // A bare surname (one word, a person) joins another story's bare surname only in its topic: Williams of one
            // story and Williams of another are two people as often as not, and each joins the full name its own topic
            // names (below); joined first by spelling, they chained Roy Williams and Jumaane D. Williams on ECB+
            String k = canon[i].parts.size() >= 2 ? "\u0000" + skeletonKey(canon[i])
                    : e.type().name() + "\u0000" + (e.type() == EntityType.PERSON ? topicOf.get(i) + "\u0000" : "")
                            + (fewConsonants(canon[i]) ? "=" + canon[i].key : skeletonKey(canon[i]));
            Integer j = byKey.putIfAbsent(k, i);
            if (j != null && canon[j].sameAs(canon[i])) sets.union(i, j);
        }
        // names the alias table holds as one (Quds Force, IRGC Quds Force)
        Map<String, Integer> byAliasKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String k = all.get(i).type() + "\u0000" + aliases.groupOf(all.get(i).canonical());
            if (k.endsWith("\u0000-1")) continue;
            Integer j = byAliasKey.putIfAbsent(k, i);
            if (j != null) sets.union(i, j);
        }
        // an organisation to the one other whose spellings include a name that ends it (Iranian Quds Force, Quds
        // Force; Indianapolis Colts, Colts), only where that ending is unambiguous in the whole collection: one entity
        // has it as a spelling, and every longer name that ends with it is one entity too. Else one generic short form
        // ("Party", "Bank", "Security Council") that a story gave to one organisation drew in every organisation named
        // so: on 2,452 real wire articles one entity held the BJP, the NDP, Labour and the Democratic Party, another
        // the World Bank, the ADB and the ECB. Never past a function word: the Security Council of the United Nations
        // is a body of the United Nations, not another name of it, and a longer ending is tried before a shorter
        Map<String, Set<Integer>> bySpelling = new HashMap<>();
        Map<String, Set<Integer>> enders = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (all.get(i).type() != EntityType.ORGANIZATION) continue;
            for (Entity.Variant v : all.get(i).variants()) {
                Name vn = new Name(v.text(), EntityType.ORGANIZATION);
                if (vn.isAcronym() || vn.isEmpty()) continue;
                bySpelling.computeIfAbsent(vn.key, x -> new TreeSet<>()).add(i);
                for (String ending : endings(vn)) enders.computeIfAbsent(ending, x -> new TreeSet<>()).add(i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (all.get(i).type() != EntityType.ORGANIZATION || canon[i].parts.size() < 2) continue;
            for (String ending : endings(canon[i])) {
                // at most two of each are needed: a generic ending ("party") has thousands at a million articles
                Set<Integer> holders = rootsOtherThan(sets, i, bySpelling.getOrDefault(ending, Set.of()));
                Set<Integer> named = rootsOtherThan(sets, i, enders.getOrDefault(ending, Set.of()));
                if (holders.size() > 1) break;
                if (holders.isEmpty()) continue;
                int holder = holders.iterator().next();
                // another longer name ends so: the short form may be either's (or neither's). Unless the other is the
                // holder's own and the holder is named in a story of this one's topic: IRGC Quds Force, Quds Force and
                // Iranian Quds Force in the reports of one topic; the UN Security Council and a Russian one in two
                String topic = topicOf.get(i);
                boolean mine = named.equals(Set.of(holder)) && topic != null && bySpelling.get(ending).stream()
                        .anyMatch(j -> sets.find(j) == holder && topic.equals(topicOf.get(j)));
                if (!named.isEmpty() && !mine) break;
                sets.union(i, holder);
                break;
            }
        }
        // a person's full name to the one fuller name it fits (Joseph Comeaux, Arcade Joseph Comeaux)
        Map<String, List<Integer>> peopleByLast = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (all.get(i).type() == EntityType.PERSON && canon[i].parts.size() >= 2) {
                peopleByLast.computeIfAbsent(Romanization.coarse(canon[i].last().skeleton()), x -> new ArrayList<>()).add(i);
            }
        }
        // each set's mentions, for a name that fits two fuller ones: it joins one named DOMINANT times as often as the
        // rest together (Donald Trump fits Donald J. Trump, 756 mentions on PolNeAR's texts, and "Cheeto Donald Trump", a
        // name finder's slip of one; Hillary Clinton fits Hillary Rodham Clinton and "Crooked Hillary Clinton")
        Map<Integer, Set<String>> generations = new HashMap<>(); // each person's generations written, as asked for
        int[] startRoot = new int[n];
        Map<Integer, Integer> weight = new HashMap<>();
        for (int i = 0; i < n; i++) {
            startRoot[i] = sets.find(i);
            weight.merge(startRoot[i], all.get(i).mentions().size(), Integer::sum);
        }
        for (List<Integer> bearers : peopleByLast.values()) {
            // each spelling of each entity once: a collection about one person names him in every story, and its
            // thousands of "Donald Trump" story entities, one entity already, had put the surname past the cap below,
            // so that Donald Trump and Donald J. Trump (Hillary Clinton and Hillary Rodham Clinton) stayed two people
            Map<String, Integer> distinct = new LinkedHashMap<>();
            for (int i : bearers) distinct.putIfAbsent(sets.find(i) + "\u0000" + canon[i].key, i);
            List<Integer> group = new ArrayList<>(distinct.values());
            if (group.size() < 2 || group.size() > 200) continue;
            // fullest first, so that the fuller spellings are one before a shorter one looks for the one it fits
            group.sort((a, b) -> fuller(canon[a], canon[b]) ? -1 : fuller(canon[b], canon[a]) ? 1 : Integer.compare(a, b));
            for (int i : group) {
                Map<Integer, Set<Integer>> roots = new TreeMap<>(); // root now -> the roots it had before this join began
                for (int j : group) {
                    if (fuller(canon[j], canon[i]) && personFits(canon[i], canon[j]) && !otherGeneration(generations, all, i, j)
                            && !looseAcrossTopics(canon[i], canon[j], topicOf.get(i), topicOf.get(j))) {
                        roots.computeIfAbsent(sets.find(j), x -> new TreeSet<>()).add(startRoot[j]);
                    }
                }
                roots.remove(sets.find(i));
                int best = dominant(roots, weight);
                if (best >= 0) sets.union(i, best);
            }
        }
        // one-word people to the one full name ending with them; when the collection also writes that word first in
        // full names (Muhammad, Mohamad: given names as well as surnames), only to one its topic names, for a bare
        // Muhammad in one story is not Mahathir Mohamad of another; when several full names end with it, to the one its
        // topic names far more than the others, or, where its topic names none, the one the collection does
        // how often full names begin and end with each word: a word that begins some is a given name as well (Muhammad),
        // unless they end with it DOMINANT times as often (Obama, not a given name for a story's "Obama Administration"
        // tagged as a person)
        Map<String, List<Integer>> fullByLast = new HashMap<>();
        Map<String, Integer> asFirst = new HashMap<>(), asLast = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (all.get(i).type() != EntityType.PERSON || canon[i].parts.size() < 2) continue;
            String last = Romanization.coarse(canon[i].last().skeleton());
            fullByLast.computeIfAbsent(last, x -> new ArrayList<>()).add(i);
            asLast.merge(last, all.get(i).mentions().size(), Integer::sum);
            asFirst.merge(Romanization.coarse(canon[i].first().skeleton()), all.get(i).mentions().size(), Integer::sum);
        }
        for (int i = 0; i < n; i++) {
            if (all.get(i).type() != EntityType.PERSON || canon[i].parts.size() != 1) continue;
            List<Integer> cands = fullByLast.getOrDefault(Romanization.coarse(canon[i].first().skeleton()), List.of());
            Map<Integer, Set<Integer>> roots = new TreeMap<>(); // root now -> the roots it had before these joins began
            Map<Integer, Integer> sameTopic = new TreeMap<>(); // root -> its mentions in stories of i's topic
            Set<Integer> spelt = new HashSet<>(); // roots with a full name that ends with this very spelling
            // "Mr. Obama" is not the Obama titled Mrs. (titles only: the name list's sex of a given name is not sure enough)
            Pronouns.Gender sex = sexOfRoles(all.get(i).roles());
            for (int j : cands) {
                if (!Romanization.same(canon[i].first(), canon[j].last())) continue;
                if (sex != Pronouns.Gender.UNKNOWN) {
                    Pronouns.Gender other = sexOfRoles(all.get(j).roles());
                    if (other != Pronouns.Gender.UNKNOWN && other != sex) continue;
                }
                roots.computeIfAbsent(sets.find(j), x -> new TreeSet<>()).add(startRoot[j]);
                if (canon[i].first().folded().equals(canon[j].last().folded())) spelt.add(sets.find(j));
                if (topicOf.get(i) != null && topicOf.get(i).equals(topicOf.get(j))) {
                    sameTopic.merge(sets.find(j), all.get(j).mentions().size(), Integer::sum);
                }
            }
            String word = Romanization.coarse(canon[i].first().skeleton());
            boolean given = asFirst.containsKey(word);
            int only = roots.size() == 1 ? roots.keySet().iterator().next() : -1;
            // a romanisation is evidence enough in the word's topic; elsewhere the spelling must be the same (Madjer, the
            // Algerian coach of one story of the news pool, is not John Major of two others)
            if (only >= 0 && !given && (spelt.contains(only) || sameTopic.containsKey(only))) {
                sets.union(i, only);
            } else if (!sameTopic.isEmpty()) {
                int best = -1, first = 0, second = 0;
                for (Map.Entry<Integer, Integer> e : sameTopic.entrySet()) {
                    if (e.getValue() > first) { second = first; first = e.getValue(); best = e.getKey(); }
                    else second = Math.max(second, e.getValue());
                }
                if (best >= 0 && first >= DOMINANT * second) sets.union(i, best);
            } else if (!given || asFirst.get(word) * DOMINANT < asLast.getOrDefault(word, 0)) {
                // no bearer named in its topic: the one the whole collection names DOMINANT times as often as the rest
                // together (PolNeAR's texts held 70 bare "Obama" entities, one for each topic that never writes his full
                // name, beside Barack Obama; Michelle Obama is named a hundredth as often), spelt the same: with nothing
                // else to go on, a romanisation is too loose a match (Kaka is not Nicolas Cage, nor Pires Shimon Peres)
                int best = dominant(roots, weight);
                if (best >= 0 && spelt.contains(best)) sets.union(i, best);
            }
        }
        Map<Integer, List<Entity>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(sets.find(i), x -> new ArrayList<>()).add(all.get(i));
        List<Entity> out = new ArrayList<>();
        Map<Integer, String> idOfRoot = new HashMap<>();
        for (Map.Entry<Integer, List<Entity>> g : groups.entrySet()) {
            String id = "e" + (out.size() + 1);
            idOfRoot.put(g.getKey(), id);
            out.add(join(g.getValue()).withId(id));
        }
        List<List<String>> idsByStory = new ArrayList<>();
        int k = 0;
        for (List<Entity> s : stories) {
            List<String> ids = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                String id = idOfRoot.get(sets.find(k++));
                if (!ids.contains(id)) ids.add(id);
            }
            idsByStory.add(List.copyOf(ids));
        }
        return new Collection(out, idsByStory);
    }

    /** The collection's entities, and the ids of each story's entities (stories in the order given). */
    public record Collection(List<Entity> entities, List<List<String>> idsByStory) {
        public static final Collection EMPTY = new Collection(List.of(), List.of());
    }

    /**
     * The root among {@code roots} (each with the roots its members had before the joins began, whose mentions {@code
     * weight} counts) named {@link #DOMINANT} times as often as the others together; -1 when none is, or none is given.
     */
    private static int dominant(Map<Integer, Set<Integer>> roots, Map<Integer, Integer> weight) {
        int best = -1;
        long first = 0, rest = 0;
        for (Map.Entry<Integer, Set<Integer>> e : roots.entrySet()) {
            long w = 0;
            for (int r : e.getValue()) w += weight.get(r);
            if (w > first) { rest += first; first = w; best = e.getKey(); } else rest += w;
        }
        return first > 0 && first >= DOMINANT * rest ? best : -1;
    }

    /**
     * The sex an entity's most frequent title of sex gives it (Mr., Mrs., Queen; roles come most frequent first), else
     * unknown: one "Mrs." among a hundred "Mr." (a joint "Mr. and Mrs. Obama") does not make the person's sex unknown.
     */
    private static Pronouns.Gender sexOfRoles(List<String> roles) {
        for (String r : roles) {
            Pronouns.Gender g = Pronouns.titleGender(r);
            if (g != Pronouns.Gender.UNKNOWN) return g;
        }
        return Pronouns.Gender.UNKNOWN;
    }

    /** Up to two roots of {@code members}' sets other than {@code i}'s. */
    private static Set<Integer> rootsOtherThan(UnionFind sets, int i, Set<Integer> members) {
        Set<Integer> out = new TreeSet<>();
        int own = sets.find(i);
        for (int j : members) {
            int root = sets.find(j);
            if (root != own && out.add(root) && out.size() == 2) break;
        }
        return out;
    }

    /**
     * The keys of the shorter names that end an organisation's name, longest first ({@code Iranian Quds Force}: quds
     * force, force), none from a function word on ({@code Security Council of the United Nations}: council of the united
     * nations, never united nations).
     */
    private static List<String> endings(Name n) {
        List<String> out = new ArrayList<>();
        for (int drop = 1; drop < n.parts.size(); drop++) {
            if (Name.isFunctionWord(n.parts.get(drop - 1).folded()) || Name.isFunctionWord(n.parts.get(drop).folded())) break;
            StringBuilder k = new StringBuilder();
            for (int p = drop; p < n.parts.size(); p++) k.append(n.parts.get(p).folded()).append(' ');
            out.add(k.toString().strip());
        }
        return out;
    }

    /**
     * Whether a one-word name has too few consonants (two or fewer) for its romanisation key to tell its variants
     * from other names: Nike, Nikko and Nice share one key, Sun and Shen another, where Hezbollah and Hizballah's
     * key is theirs alone.
     */
    static boolean fewConsonants(Name n) { return n.parts.size() == 1 && fewConsonants(n.first()); }

    private static boolean fewConsonants(Romanization.Part p) { return Romanization.coarse(p.skeleton()).length() < 3; }

    private static String skeletonKey(Name n) {
        StringBuilder b = new StringBuilder();
        for (Romanization.Part p : n.parts) b.append(Romanization.coarse(p.skeleton())).append(' ');
        return b.toString();
    }



    /** One entity from several stories' entities of one real-world thing. */
    private static Entity join(List<Entity> g) {
        if (g.size() == 1) return g.get(0);
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> outlets = new HashMap<>();
        Map<String, Integer> roles = new LinkedHashMap<>();
        List<Entity.At> at = new ArrayList<>(), refs = new ArrayList<>();
        Map<EntityType, Integer> types = new TreeMap<>();
        for (Entity e : g) {
            types.merge(e.type(), e.mentions().size(), Integer::sum);
            for (Entity.Variant v : e.variants()) {
                count.merge(v.text(), v.count(), Integer::sum);
                Map<String, Integer> o = outlets.computeIfAbsent(v.text(), x -> new TreeMap<>());
                v.outlets().forEach((k, c) -> o.merge(k, c, Integer::sum));
            }
            for (int i = 0; i < e.roles().size(); i++) roles.merge(e.roles().get(i), 1, Integer::sum);
            at.addAll(e.mentions());
            refs.addAll(e.references());
        }
        EntityType type = majority(types, g.get(0).type());
        return assemble(type, type, count, outlets, roles, at, refs, new HashMap<>());
    }
}
