package org.storytrace.core.fact;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storytrace.core.cluster.UnionFind;
import org.storytrace.core.doc.Document;
import org.storytrace.core.doc.Layer;
import org.storytrace.core.doc.Layers;
import org.storytrace.core.doc.Sentences;
import org.storytrace.core.doc.StoryStage;
import org.storytrace.core.doc.StoryView;
import org.storytrace.core.entity.Entity;
import org.storytrace.core.entity.EntityStage;
import org.storytrace.core.entity.EntityType;
import org.storytrace.core.entity.Mention;
import org.storytrace.core.entity.Mentions;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Link;
import org.storytrace.core.quote.QuoteGroupStage;
import org.storytrace.core.quote.QuoteGrouper;
import org.storytrace.core.quote.Quotes;
import org.storytrace.core.text.Spelling;
import org.storytrace.core.time.TimeTagger;
import org.storytrace.core.time.TimelineStage;

/**
 * The story stage that reads the facts a story turns on from each of its articles, aligns the same fact
 * across them, and reports where their values conflict.
 *
 * <ul>
 *   <li><b>When</b>: the timeline's events ({@link TimelineStage}); a disputed event is a date discrepancy.</li>
 *   <li><b>Where</b>: the country each article puts a place in. Explicitly ("Nasiriyan, southern Iran", "Basra in
 *       southern Iraq", "the Iraqi city of Nasiriyah"), or, where it says nothing about that place, by the country
 *       it places things in most ("in Iraq", "Iraq's": {@link Countries#locationCues}), if one leads; a value only implied
 *       counts when two independent sources imply it. Places are the
 *       story's LOCATION entities, so every spelling of one place (Nasiriyah / Nasiriyan) is one place. A conflict
 *       is reported only when some article states its value outright.</li>
 *   <li><b>How many</b>: counts of people killed, injured, arrested ("at least 12 people were killed", "killing
 *       three", "the death toll rose to 40"), aligned across articles by their kind and the words around them.
 *       Counts within 10% of each other where one is approximate ("about 50", "at least", "some") agree; a larger
 *       count in a later article is an update, shown as one, not a discrepancy. Counts (and sums) that differ are a
 *       discrepancy only where two of them, in two articles, are told in words as close as a date dispute needs
 *       ({@link #disputedDirectly}): a story of several accidents joins their tolls through chains of similar words.</li>
 *   <li><b>What was said</b>: a quote reported by several outlets with words changed (not merely trimmed, or
 *       with an editor's bracket) is a wording discrepancy ({@link QuoteGrouper}).</li>
 * </ul>
 *
 * <p>Every value lists the articles that hold it and how many <em>independent</em> sources they are: articles
 * joined by heavy reuse ({@link #COPY_SHARE} of one's body in shared passages) count once, so three reprints of
 * one wire story are one source.
 */
public final class FactStage implements StoryStage<FactStage.StoryFacts> {
    /** The share of an article's body in passages shared with another that makes it a copy of it, not a source of its own. */
    public static final double COPY_SHARE = 0.3;

    /** Where a value is written. {@code implied}: read from the article's usual country, not from words about this place. */
    public record Evidence(String article, int start, int end, String text, boolean implied) implements Serializable {}

    /** One value of a fact, the articles that hold it, and how many independent sources they are. */
    public record Value(String value, List<String> articles, int sources, List<Evidence> evidence) implements Serializable {
        public Value {
            articles = List.copyOf(articles);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * One fact of the story with every value its articles give: {@code kind} is {@code date}, {@code place}, {@code count}, {@code amount},
     * {@code role} or {@code quote}.
     */
    public record Fact(String kind, String fact, List<Value> values) implements Serializable {
        public Fact { values = List.copyOf(values); }
    }

    /**
     * A story's facts: those its articles agree on, those they dispute ({@code discrepancies}), and counts a
     * later article raised ({@code updates}, values in publication order).
     */
    public record StoryFacts(List<Fact> facts, List<Fact> discrepancies, List<Fact> updates, List<PlaceClaim> places)
            implements Serializable {
        public StoryFacts {
            facts = List.copyOf(facts);
            discrepancies = List.copyOf(discrepancies);
            updates = List.copyOf(updates);
            places = List.copyOf(places);
        }

        public StoryFacts(List<Fact> facts, List<Fact> discrepancies, List<Fact> updates) {
            this(facts, discrepancies, updates, List.of());
        }
    }

    /**
     * What a story's articles say of one place's country, for {@link #acrossTopics}: the place ({@code entity}, its
     * index in the story's entity layer) and the values as the story holds them ({@code fact}; for a place one article
     * of the story names, its statement alone, which is no fact of the story).
     */
    public record PlaceClaim(int entity, Fact fact) implements Serializable {}

    public static final Layer<StoryFacts> LAYER = Layer.of("facts", StoryFacts.class);

    @Override public String name() { return "facts"; }
    @Override public Set<Layer<?>> requires() { return Set.of(Mentions.LAYER, Quotes.LAYER); }

    @Override public Set<Layer<?>> requiresStory() { return Set.of(EntityStage.LAYER, QuoteGroupStage.LAYER, TimelineStage.LAYER); }
    @Override public Layer<StoryFacts> adds() { return LAYER; }
    @Override public String describe() {
        return "facts: dates, places' countries, counts and quote wordings aligned across a story's articles; discrepancies, updates, "
                + "independent sources (copies joined at reuse share " + COPY_SHARE + ")";
    }

    @Override public StoryFacts apply(StoryView story) {
        Sources sources = new Sources(story);
        List<Fact> facts = new ArrayList<>(), disputes = new ArrayList<>(), updates = new ArrayList<>();
        story.find(TimelineStage.LAYER).ifPresent(t -> dates(t, sources, facts, disputes));
        List<PlaceClaim> claims = new ArrayList<>();
        story.find(EntityStage.LAYER).ifPresent(e -> places(story, e, sources, facts, disputes, claims));
        counts(story, story.find(EntityStage.LAYER).orElse(null), sources, facts, disputes, updates);
        story.find(EntityStage.LAYER).ifPresent(e -> roles(story, e, sources, facts, disputes));
        Map<String, String> names = new HashMap<>();
        story.find(EntityStage.LAYER).ifPresent(es -> {
            for (Entity e : es.entities()) for (Entity.At at : e.mentions()) names.put(at.article() + "@" + at.start(), e.canonical());
        });
        story.find(QuoteGroupStage.LAYER).ifPresent(q -> quotes(q, names, sources, facts, disputes));
        return new StoryFacts(facts, disputes, updates, claims);
    }

    // ---- independent sources -----------------------------------------------------------------------------

    /** Which articles of the story copy one another. */
    static final class Sources {
        private final Map<String, Integer> index = new HashMap<>();
        private final UnionFind copies;

        Sources(StoryView story) {
            for (Document d : story.documents()) index.put(d.id(), index.size());
            copies = new UnionFind(Math.max(1, index.size()));
            for (Link l : story.links()) {
                Integer a = index.get(l.a()), b = index.get(l.b());
                if (a != null && b != null && Math.max(l.reusedShareA(), l.reusedShareB()) >= COPY_SHARE) copies.union(a, b);
            }
        }

        /** How many independent sources {@code articles} are. */
        int count(Iterable<String> articles) {
            Set<Integer> roots = new LinkedHashSet<>();
            for (String a : articles) {
                Integer i = index.get(a);
                roots.add(i == null ? -1 - roots.size() : copies.find(i));
            }
            return roots.size();
        }

        Value value(String value, List<Evidence> evidence) {
            List<String> articles = new ArrayList<>(new LinkedHashSet<>(evidence.stream().map(Evidence::article).toList()));
            return new Value(value, articles, count(articles), evidence);
        }
    }

    // ---- when ---------------------------------------------------------------------------------------------

    private static void dates(TimelineStage.StoryTime t, Sources sources, List<Fact> facts, List<Fact> disputes) {
        Set<Integer> done = new HashSet<>();
        List<TimelineStage.Event> events = t.timeline();
        for (int i = 0; i < events.size(); i++) {
            TimelineStage.Event e = events.get(i);
            String about = e.mentions().get(0).context();
            if (e.disputed().isEmpty()) {
                facts.add(new Fact("date", "date of: " + about, List.of(sources.value(e.date(), evidence(e)))));
                continue;
            }
            if (!done.add(i)) continue;
            // the event and every event that disputes it, each value once
            Map<String, List<Evidence>> byDate = new TreeMap<>();
            byDate.computeIfAbsent(e.date(), k -> new ArrayList<>()).addAll(evidence(e));
            for (int j = 0; j < events.size(); j++) {
                TimelineStage.Event o = events.get(j);
                if (j == i || o.disputed().isEmpty()) continue;
                boolean linked = e.disputed().stream().anyMatch(d -> d.date().equals(o.date()) && o.mentions().stream()
                        .anyMatch(m -> d.articles().contains(m.article())))
                        && o.disputed().stream().anyMatch(d -> d.date().equals(e.date()));
                if (!linked) continue;
                done.add(j);
                byDate.computeIfAbsent(o.date(), k -> new ArrayList<>()).addAll(evidence(o));
            }
            List<Value> values = new ArrayList<>();
            byDate.forEach((date, ev) -> values.add(sources.value(date, ev)));
            disputes.add(new Fact("date", "date of: " + about, values));
        }
    }

    private static List<Evidence> evidence(TimelineStage.Event e) {
        List<Evidence> out = new ArrayList<>();
        for (TimelineStage.Mention m : e.mentions()) out.add(new Evidence(m.article(), m.contextStart(), m.contextEnd(), m.context(),
                false));
        return out;
    }

    // ---- where --------------------------------------------------------------------------------------------

    private static final String DIRECTION = "(?:(?:the\\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
            + "north-?eastern|north-?western"
            + "|south-?eastern|south-?western|north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|"
                    + "southwest)(?:\\s+part\\s+of)?\\s+)?";
    /**
     * After a place: ", southern Iraq", " in southern Iraq", ", in eastern Libya", and an apposition naming what the place
     * is (", a city in northern Eritrea", ", the capital of Ethiopia's Tigray region").
     */
    private static final Pattern AFTER_PLACE = Pattern.compile("^(?:,\\s+in|,|\\s+in|,\\s+(?:a|an|the)\\s+(?:[a-z]+\\s+){0,2}?"
            + "(?<kind>city|town|village|port|province|capital|region|district|governorate|area|suburb)\\s+(?:in|of))\\s+(?<dir>"
            + DIRECTION + ")(?<country>" + Countries.NAME + ")");
    /** Waters lie between countries: a gulf, a sea or a strait has none to dispute ("the Gulf of Aden, Yemen and Somalia"). */
    private static final Pattern WATERS = Pattern.compile("\\b(?:Gulf|Sea|Ocean|Strait|Straits|Bay|Channel|Lake|River|Sound)\\b");
    /** A country as the possessor of what follows: "Iraq's" of "the capital of Iraq's Anbar province". */
    private static final Pattern POSSESSOR = Pattern.compile("^([^'’]+)['’]s\\b");
    /** Before a place: "the Iraqi city of ", "the Tanzanian capital ". */
    private static final Pattern BEFORE_PLACE = Pattern.compile("\\b([A-Z][a-z]+)\\s+(?:city|town|village|port|province|capital|"
            + "region|district|governorate)\\s+(?:of\\s+)?$");

    private static void places(StoryView story, EntityStage.StoryEntities entities, Sources sources, List<Fact> facts,
            List<Fact> disputes, List<PlaceClaim> claims) {
        Map<String, Document> byId = new HashMap<>();
        for (Document d : story.documents()) byId.put(d.id(), d);
        Map<String, Optional<String>> usual = new HashMap<>(); // made when first needed: most places need none
        for (int ei = 0; ei < entities.entities().size(); ei++) {
            Entity e = entities.entities().get(ei);
            // a place: a LOCATION, or a name the text itself puts in a country ("Ahrweiler, western Germany", which a name finder may call
            // a person)
            if (Countries.byName(e.canonical()) != null || WATERS.matcher(e.canonical()).find()) continue;
            // a full name the finder calls a person is a place only where the words say so ("a town in", "western Germany"):
            // "Angela Merkel, Germany" in a list of leaders is a person and her country. A one-word "person" may be a place the
            // finder mistook ("Ahrweiler, Belgium, on Thursday")
            boolean person = e.type() == EntityType.PERSON && e.canonical().strip().contains(" ");
            Map<String, List<Evidence>> stated = new LinkedHashMap<>();
            Set<String> mentioning = new LinkedHashSet<>();
            Map<String, Entity.At> firstMention = new LinkedHashMap<>();
            for (Entity.At at : e.mentions()) {
                Document d = byId.get(at.article());
                if (d == null) continue;
                mentioning.add(at.article());
                firstMention.putIfAbsent(at.article(), at);
                String text = d.article().cleanText();
                String country = null;
                int evStart = at.start(), evEnd = at.end();
                Matcher after = AFTER_PLACE.matcher(text).region(at.end(), Math.min(text.length(), at.end() + 80));
                after.useAnchoringBounds(true);
                if (after.find() && (!person || after.group("kind") != null || !after.group("dir").isEmpty())) {
                    Matcher owner = POSSESSOR.matcher(after.group("country"));
                    boolean owned = owner.find();
                    Countries.Found found = Countries.longest(owned ? owner.group(1) : after.group("country"));
                    boolean possessor = found != null && owned && found.length() == owner.group(1).strip().length();
                    if (found != null && (possessor || closesPlace(text, after.start("country") + found.length()))) {
                        country = found.country();
                        evEnd = after.start("country") + found.length();
                    }
                }
                if (country == null) {
                    Matcher before = BEFORE_PLACE.matcher(text).region(Math.max(0, at.start() - 60), at.start());
                    if (before.find()) {
                        country = Countries.byAdjective(before.group(1));
                        if (country != null) evStart = before.start(1);
                    }
                }
                if (country == null || country.equals(Countries.byName(at.text()))) continue;
                stated.computeIfAbsent(country, k -> new ArrayList<>()).add(new Evidence(at.article(), evStart, evEnd,
                        text.substring(evStart, evEnd), false));
            }
            if (stated.isEmpty()) continue; // nothing said outright of this place: no fact, no conflict
            if (mentioning.size() < 2) { // one article: no fact of the story, but a claim the story's topic may dispute
                List<Value> vs = new ArrayList<>();
                stated.forEach((c, ev) -> vs.add(sources.value(c, ev)));
                claims.add(new PlaceClaim(ei, new Fact("place", "country of " + e.canonical(), vs)));
                continue;
            }
            // each article's value: what it states about this place, else its usual country
            Map<String, List<Evidence>> values = new TreeMap<>();
            Set<String> explicitArticles = new LinkedHashSet<>();
            for (Map.Entry<String, List<Evidence>> s : stated.entrySet()) {
                for (Evidence ev : s.getValue()) explicitArticles.add(ev.article());
                values.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).addAll(s.getValue());
            }
            for (String a : mentioning) {
                if (explicitArticles.contains(a)) continue;
                Optional<String> u = usual.computeIfAbsent(a, x -> Optional.ofNullable(usualCountry(byId.get(x)
                        .article())));
                if (u.isEmpty()) continue;
                Entity.At at = firstMention.get(a);
                values.computeIfAbsent(u.get(), k -> new ArrayList<>()).add(new Evidence(a, at.start(), at.end(), at.text(), true));
            }
            if (values.isEmpty()) continue;
            List<Value> vs = new ArrayList<>();
            // a value only implied (no article says so of this place) stands only with two independent sources behind it
            values.forEach((c, ev) -> {
                Value v = sources.value(c, ev);
                if (stated.containsKey(c) || v.sources() >= 2) vs.add(v);
            });
            vs.sort(Comparator.comparingInt((Value v) -> -v.articles().size()).thenComparing(Value::value));
            Fact f = new Fact("place", "country of " + e.canonical(), vs);
            if (vs.size() > 1) disputes.add(f);
            else facts.add(f);
            claims.add(new PlaceClaim(ei, f));
        }
    }


    /**
     * A place's country compared across the stories of each topic. Where a place lies is a fact about the place, not
     * about one event: two stories of one topic that put the same place (one entity of the collection) in different
     * countries disagree even when the story stage kept them apart (a one-sentence brief is often too short to join the
     * reports it rewrites). Each such place becomes one discrepancy, its values merged over the stories (articles and
     * evidence of each country, sources added: copies share a story), listed in every story that holds a value and
     * replacing what those stories said of the place alone. Two countries one story already disputes are left to it:
     * only a pair of countries no single story holds together makes a discrepancy here.
     *
     * @param topics    each story's topic
     * @param facts     each story's facts, null where the stage did not run
     * @param entityIds each story's entities' collection ids, by the story's entity index ({@code EntityResolver.Collection#idsByStory})
     * @return the stories whose facts changed, by their position, with their new facts
     */
    public static Map<Integer, StoryFacts> acrossTopics(List<String> topics, List<StoryFacts> facts, List<List<String>> entityIds) {
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (int s = 0; s < facts.size(); s++) {
            StoryFacts f = facts.get(s);
            if (f == null || f.places().isEmpty() || s >= entityIds.size()) continue;
            byTopic.computeIfAbsent(topics.get(s), x -> new ArrayList<>()).add(s);
        }
        Map<Integer, List<Fact>> gone = new HashMap<>(), added = new HashMap<>();
        for (List<Integer> stories : byTopic.values()) {
            if (stories.size() < 2) continue;
            record Held(int story, Fact fact) {}
            Map<String, List<Held>> byPlace = new LinkedHashMap<>();
            for (int s : stories) {
                List<String> ids = entityIds.get(s);
                for (PlaceClaim c : facts.get(s).places()) {
                    if (c.entity() >= ids.size()) continue;
                    byPlace.computeIfAbsent(ids.get(c.entity()), x -> new ArrayList<>()).add(new Held(s, c.fact()));
                }
            }
            for (List<Held> held : byPlace.values()) {
                if (held.stream().map(Held::story).distinct().count() < 2) continue;
                Set<String> together = new HashSet<>();
                Map<String, List<Evidence>> evidence = new TreeMap<>();
                Map<String, Integer> sourceCount = new HashMap<>();
                for (Held h : held) {
                    List<String> cs = h.fact().values().stream().map(Value::value).toList();
                    for (String a : cs) for (String b : cs) together.add(a + "\u0000" + b);
                    for (Value v : h.fact().values()) {
                        evidence.computeIfAbsent(v.value(), k -> new ArrayList<>()).addAll(v.evidence());
                        sourceCount.merge(v.value(), v.sources(), Integer::sum);
                    }
                }
                boolean apart = false;
                for (String a : evidence.keySet()) for (String b : evidence.keySet()) apart |= !together.contains(a + "\u0000" + b);
                if (!apart) continue;
                List<Value> vs = new ArrayList<>();
                evidence.forEach((c, ev) -> vs.add(new Value(c, new ArrayList<>(new LinkedHashSet<>(ev.stream().map(Evidence::article)
                        .toList())), sourceCount.get(c), ev)));
                vs.sort(Comparator.comparingInt((Value v) -> -v.articles().size()).thenComparing(Value::value));
                // named as the story with the most articles about it names the place
                Fact named = held.stream().max(Comparator.comparingInt((Held h) -> h.fact().values().stream()
                        .mapToInt(v -> v.articles().size()).sum())).orElseThrow().fact();
                Fact merged = new Fact("place", named.fact(), vs);
                for (Held h : held) {
                    gone.computeIfAbsent(h.story(), x -> new ArrayList<>()).add(h.fact());
                    List<Fact> a = added.computeIfAbsent(h.story(), x -> new ArrayList<>());
                    if (!a.contains(merged)) a.add(merged);
                }
            }
        }
        Map<Integer, StoryFacts> out = new TreeMap<>();
        for (var e : added.entrySet()) {
            StoryFacts f = facts.get(e.getKey());
            Set<Fact> drop = Collections.newSetFromMap(new IdentityHashMap<>());
            drop.addAll(gone.get(e.getKey()));
            List<Fact> kept = new ArrayList<>(), disputes = new ArrayList<>();
            for (Fact x : f.facts()) if (!drop.contains(x)) kept.add(x);
            for (Fact x : f.discrepancies()) if (!drop.contains(x)) disputes.add(x);
            disputes.addAll(e.getValue());
            out.put(e.getKey(), new StoryFacts(kept, disputes, f.updates(), f.places()));
        }
        return out;
    }

    /** Words that may follow "Place, Country" when the country says where the place is ("Basra, Iraq, on Sunday"). */
    private static final Set<String> AFTER_COUNTRY = Set.of("and", "on", "in", "at", "where", "which", "who", "after", "before", "for",
            "to", "from", "with", "near", "during", "last", "this", "early", "late", "when", "while", "as", "since", "until", "but", "or");

    /**
     * Whether the country ending at {@code end} closes its place ("Basra, Iraq." / "Basra, Iraq, on Sunday") rather than
     * starting a clause ("as the Islamists advanced on Baidoa, Ethiopia moved to ...", "In Washington, the United States
     * called for ...") or continuing a list of countries ("Swaziland, Tanzania, Zambia", "Swaziland, Tanzania and Zambia").
     */
    static boolean closesPlace(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) i++;
        if (i >= text.length() || text.charAt(i) == '\n' || ".;:)!?\"\u201d".indexOf(text.charAt(i)) >= 0) return true;
        if (text.charAt(i) == ',') {
            Matcher next = NEXT_WORDS.matcher(text).region(i + 1, Math.min(text.length(), i + 40));
            return !(next.lookingAt() && Countries.longest(next.group(1)) != null);
        }
        Matcher w = NEXT_WORDS.matcher(text).region(i, Math.min(text.length(), i + 40));
        if (!w.lookingAt()) return false;
        String word = w.group(1).split("\\s+")[0];
        if (word.equals("and")) return Countries.longest(w.group(1).substring(3).strip()) == null;
        return AFTER_COUNTRY.contains(word);
    }

    private static final Pattern NEXT_WORDS = Pattern.compile("\\s*((?:the\\s+)?[\\p{L}.'’]+(?:\\s+[\\p{L}.'’]+){0,3})");

    /** The country an article places things in most, when one leads the others; else null. */
    static String usualCountry(Article a) {
        Map<String, Integer> cues = Countries.locationCues(a.cleanText(), a.bodyStart(), a.bodyEnd());
        String best = null;
        int top = 0, second = 0;
        for (Map.Entry<String, Integer> c : cues.entrySet()) {
            if (c.getValue() > top) { second = top; top = c.getValue(); best = c.getKey(); }
            else if (c.getValue() > second) second = c.getValue();
        }
        return top >= 2 && top > second ? best : null;
    }

    // ---- who holds which role ----------------------------------------------------------------------------

    /**
     * The titles each article gives a person ("Finance Minister Carla Bruni"). Two titles conflict when they
     * name offices of one kind (the same last word) and neither is the other with words left out: "Finance
     * Minister" and "Foreign Minister" do, "Minister" and "Finance Minister" do not, nor "Dr." and "Prime Minister".
     */
    private static void roles(StoryView story, EntityStage.StoryEntities entities, Sources sources, List<Fact> facts, List<Fact> disputes) {
        Map<String, Map<Integer, String>> roleAt = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Document d : story.documents()) {
            Map<Integer, String> m = new HashMap<>();
            for (Mention x : d.find(Mentions.LAYER).orElse(Mentions.NONE)
                    .list()) if (x.role() != null) m.put(x.start(), x.role());
            roleAt.put(d.id(), m);
            texts.put(d.id(), d.article().cleanText());
        }
        for (Entity e : entities.entities()) {
            if (e.type() != EntityType.PERSON) continue;
            Map<String, List<Evidence>> byRole = new TreeMap<>();
            for (Entity.At at : e.mentions()) {
                String role = roleAt.getOrDefault(at.article(), Map.of()).get(at.start());
                if (role == null) continue;
                String text = texts.get(at.article());
                int s = Math.max(0, text.lastIndexOf(role, at.start()));
                byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(new Evidence(at.article(), s, at.end(), text.substring(s,
                        at.end()), false));
            }
            if (byRole.size() < 2) {
                byRole.forEach((r, ev) -> facts.add(new Fact("role", "role of " + e.canonical(), List.of(sources.value(r, ev)))));
                continue;
            }
            List<String> roles = new ArrayList<>(byRole.keySet());
            boolean conflict = false;
            for (int i = 0; i < roles.size() && !conflict; i++) {
                for (int j = i + 1; j < roles.size() && !conflict; j++) conflict = rolesConflict(roles.get(i), roles.get(j));
            }
            List<Value> values = new ArrayList<>();
            byRole.forEach((r, ev) -> values.add(sources.value(r, ev)));
            Set<String> articles = new LinkedHashSet<>();
            for (Value v : values) articles.addAll(v.articles());
            Fact f = new Fact("role", "role of " + e.canonical(), values);
            (conflict && articles.size() > 1 && !oneArticleHoldsBoth(values) ? disputes : facts).add(f);
        }
    }

    static boolean rolesConflict(String a, String b) {
        // words by their spelling key: "Defence Secretary" and "Defense Secretary" are one title
        String[] x = Arrays.stream(a.toLowerCase(Locale.ROOT).replace(".", "").split("\\s+")).map(Spelling::key).toArray(String[]::new);
        String[] y = Arrays.stream(b.toLowerCase(Locale.ROOT).replace(".", "").split("\\s+")).map(Spelling::key).toArray(String[]::new);
        if (!x[x.length - 1].equals(y[y.length - 1])) return false;
        List<String> lx = List.of(x), ly = List.of(y);
        return !(lx.containsAll(ly) || ly.containsAll(lx));
    }

    /** Whether some article gives both titles (a person who holds two offices, or one after the other). */
    private static boolean oneArticleHoldsBoth(List<Value> values) {
        Set<String> seen = new HashSet<>();
        for (Value v : values) for (String a : v.articles()) if (!seen.add(a)) return true;
        return false;
    }

    // ---- how many -----------------------------------------------------------------------------------------

    /** A count: digits, or number words ("eighty-five", "a dozen", "hundreds"); group {@code n}. */
    private static final String COUNT_NUM = "(?<n>\\d{1,3}(?:,\\d{3})+|\\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            + "ninety)(?:[- ](?:one|two|three|four|five|six|seven"
            + "|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                    + "seventeen|eighteen|nineteen"
            + "|hundreds|dozens|a dozen|scores)";
    /** The words that make a count approximate; group {@code approx}. */
    private static final String APPROX = "(?<approx>(?:at least|about|around|nearly|almost|some|more than|over|roughly|up to|an "
            + "estimated|approximately|as many as)\\s+)?";
    private static final String PEOPLE = "(?:(?:[a-z-]+\\s+){0,2}(?:people|persons|protesters|demonstrators|civilians|soldiers|"
            + "troops|police(?:men)?|officers|activists|children"
            + "|students|workers|passengers|residents|militants|fighters|members|migrants|villagers|others|men|women|journalists)\\s+)?";
    private static final String BUILDINGS = "(?:homes|houses|buildings|shops|schools|apartments|dwellings|structures|businesses)";
    /**
     * A separator written with a space, as text rebuilt from a tokenised corpus has it ("£35, 000", "£1. 7m"): a comma
     * before a group of three digits, a point before the decimals of a sum with its scale.
     */
    private static final String SPACED = ",\\s(?=\\d{3}(?![\\d.,]))"
            + "|\\.\\s(?=\\d{1,3}\\s?(?:million|billion|trillion|bn|mn|m)\\b)";

    /**
     * A sum: "$2 billion", "€350m", "$160MM" (finance's million), "$143-billion", "$50k"; a range ("$140-150 million",
     * "$2 to 3 billion") is its lower end with the upper's scale; a rate ("$21 million per year", "a week") is
     * group {@code per}.
     */
    private static final String MONEY = "(?<cur>US\\$|\\$|€|£|¥)\\s?(?<amount>\\d+(?:(?:[.,]|" + SPACED + ")\\d+)*)"
            + "(?<upper>\\s?(?:-|–|to)\\s?\\d+(?:[.,]\\d+)*)?(?:(?:\\s?-\\s?|\\s)?(?<scale>million|billion|trillion|bn|mn|mm|m|k)\\b)?"
            + "(?:,?\\s(?:per|a|an|each)\\s(?<per>year|season|month|week|day|hour|night|person|head|share|barrel|ton|tonne|"
            + "kilogram|kg|pound|ounce|gallon|litre|liter|unit)\\b|\\s(?<annually>annually|yearly|monthly|weekly|daily)\\b)?";
    /** Patterns of counts, each with groups {@code approx}, {@code n} and {@code verb} (what is counted). */
    private static final List<Pattern> COUNTS = List.of(
        Pattern.compile("\\b" + APPROX + COUNT_NUM + "\\s+" + PEOPLE
            + "(?:(?:were|have been|had "
                    + "been|was|are|being)\\s+)?(?:reported\\s+)?(?<verb>killed|dead|died|injured|wounded|hurt|arrested|detained)\\b",
                    Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(?<verb>killed|killing|injured|injuring|wounded|wounding|arrested|arresting|detained|detaining)\\s+"
            + APPROX + COUNT_NUM + "\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(?<verb>death "
                // "the death toll from the Alausi landslide reached 23": what the toll is of, in up to eight words
                + "toll|toll)(?:\\s+(?:from|of|in)(?:\\s+[\\p{L}'\u2019-]+){1,8}?(?=\\s+(?:has\\s+)?(?:rose|risen|climbed|reached|stood|"
                + "stands|hit)\\b))?\\s+(?:(?:has\\s+)?(?:rose|risen|climbed|reached|stood|stands|is|was|hit)\\s+)?(?:to\\s+|at\\s+)?"
            + APPROX + COUNT_NUM + "\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(?<verb>destroyed|destroying|damaged|damaging|razed|flattened)\\s+" + APPROX
            + COUNT_NUM + "\\s+(?:[a-z-]+\\s+)?" + BUILDINGS + "\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b" + APPROX + COUNT_NUM + "\\s+(?:[a-z-]+\\s+)?" + BUILDINGS
            + "\\s+(?:were\\s+|have been\\s+|had been\\s+)?(?<verb>destroyed|damaged|razed|flattened)\\b", Pattern.CASE_INSENSITIVE));
    private static final List<String> COUNT_STEMS = List.of("kill", "dead", "died", "injur", "wound", "hurt", "arrest", "detain", "toll",
            "destroy",
            "damag", "razed", "flatten");
    private static final Map<String, String> PER = Map.of("annually", "year", "yearly", "year", "monthly", "month", "weekly", "week",
            "daily", "day");
    /** Sums of money: {@code $2 billion}, {@code €350 million}, {@code US$1.2bn}. */
    private static final Pattern AMOUNT = Pattern.compile(APPROX + MONEY, Pattern.CASE_INSENSITIVE);

    /** A count read from an article: what it counts, the number, whether it is approximate, and where. */
    /** A count or sum: what it counts, its value, whether it is approximate, its evidence, the words around it, the number as written. */
    private record Count(String kind, long n, boolean approx, Evidence at, long[] keys, LocalDate published, String word,
            Set<Integer> places, Set<Integer> owners) {}

    /**
     * The organisations (entity indexes) a sum belongs to: those named in its sentence {@code [from, to)}, else the last
     * one the article named before it (an article about one company names it and then gives its figures: "Net advanced
     * to $94.2 million" after "Travelers Corp.'s third-quarter net income rose"). {@code at}: the article's
     * {@code (start, entity)} pairs in text order.
     */
    private static Set<Integer> owners(List<int[]> at, int from, int to) {
        if (at == null) return Set.of();
        Set<Integer> out = new HashSet<>();
        int[] last = null;
        for (int[] p : at) {
            if (p[0] >= from && p[0] < to) out.add(p[1]);
            else if (p[0] < from) last = p;
        }
        if (out.isEmpty() && last != null) out.add(last[1]);
        return out;
    }

    /**
     * Whether two sums belong to different organisations ({@link #owners}, spellings merged by the entity stage): two
     * companies' revenues, two clubs' offers, two stocks' closing prices are two sums, however alike their words.
     */
    static boolean otherOwners(Count x, Count y) {
        if (!x.kind.startsWith("amount") || x.owners.isEmpty() || y.owners.isEmpty()) return false;
        for (int o : x.owners) if (y.owners.contains(o)) return false;
        return true;
    }

    private static int sentenceStart(Sentences s, int at, int fallback) {
        int i = s == null ? -1 : s.at(at);
        return i < 0 ? fallback : s.starts()[i];
    }

    private static int sentenceEnd(Sentences s, int at, int fallback) {
        int i = s == null ? -1 : s.at(at);
        return i < 0 ? fallback : s.ends()[i];
    }


    /** The places (entity indexes) named in {@code [from, to)} of an article, from its {@code (start, entity)} pairs. */
    private static Set<Integer> places(List<int[]> at, int from, int to) {
        if (at == null) return Set.of();
        Set<Integer> out = new HashSet<>();
        for (int[] p : at) if (p[0] >= from && p[0] < to) out.add(p[1]);
        return out;
    }

    /**
     * Whether two counts are told of different places: each names a place below a country around it, and none in
     * common ("killed 3,500 geese in Shishou City of Hubei" / "killed 2,500 poultry in Chuxiong city of Yunnan").
     */
    static boolean otherPlaces(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) return false;
        for (int x : a) if (b.contains(x)) return false;
        return true;
    }

    private static String kindOf(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.startsWith("destroy") || v.startsWith("raz") || v.startsWith("flatten")) return "buildings destroyed";
        if (v.startsWith("damag")) return "buildings damaged";
        if (v.startsWith("kill") || v.equals("dead") || v.equals("died") || v.contains("toll")) return "killed";
        if (v.startsWith("injur") || v.startsWith("wound") || v.equals("hurt")) return "injured";
        return "arrested";
    }

    /**
     * Counts (people killed, injured, arrested; buildings destroyed or damaged) and sums of money, aligned and compared across the story.
     */
    private static void counts(StoryView story, EntityStage.StoryEntities entities, Sources sources, List<Fact> facts,
            List<Fact> disputes, List<Fact> updates) {
        // where each article names a place below a country (the story's LOCATION entities, spellings merged): a count's
        // places are those named around it
        Map<String, List<int[]>> placesAt = new HashMap<>();
        if (entities != null) {
            List<Entity> es = entities.entities();
            for (int k = 0; k < es.size(); k++) {
                Entity e = es.get(k);
                if (e.type() != EntityType.LOCATION || Countries.byName(e.canonical()) != null) continue;
                for (Entity.At at : e.mentions()) {
                    placesAt.computeIfAbsent(at.article(), x -> new ArrayList<>()).add(new int[] {at.start(), k});
                }
            }
        }
        // where each article names an organisation: a sum belongs to those of its sentence
        Map<String, List<int[]>> orgsAt = new HashMap<>();
        if (entities != null) {
            List<Entity> es = entities.entities();
            for (int k = 0; k < es.size(); k++) {
                if (es.get(k).type() != EntityType.ORGANIZATION) continue;
                for (Entity.At at : es.get(k).mentions()) {
                    orgsAt.computeIfAbsent(at.article(), x -> new ArrayList<>()).add(new int[] {at.start(), k});
                }
            }
            orgsAt.values().forEach(l -> l.sort(Comparator.comparingInt((int[] p) -> p[0])));
        }
        List<Count> all = new ArrayList<>();
        for (Document d : story.documents()) {
            Article a = d.article();
            String text = a.cleanText();
            Sentences sentences = d.find(Layers.SENTENCES).orElse(null);
            // most articles count nothing: the patterns run only where one of their verbs is written
            String lower = text.substring(a.bodyStart(), a.bodyEnd()).toLowerCase(Locale.ROOT);
            boolean counts = false;
            for (String stem : COUNT_STEMS) counts |= lower.contains(stem);
            for (Pattern p : counts ? COUNTS : List.<Pattern>of()) {
                Matcher m = p.matcher(text).region(a.bodyStart(), a.bodyEnd());
                while (m.find()) {
                    long n = number(m.group("n"));
                    // a count is written within one line: "2005\nTen people were killed" is a year, then a headline; read on
                    // from the line's end
                    int line = m.group().indexOf('\n');
                    if (line >= 0) {
                        m.region(m.start() + line + 1, a.bodyEnd());
                        continue;
                    }
                    if (n <= 0) continue;
                    boolean approx = m.group("approx") != null || m.group("n").matches("(?i)hundreds|dozens|scores|a dozen");
                    int cs = Math.max(a.bodyStart(), m.start() - 120), ce = Math.min(a.bodyEnd(), m.end() + 120);
                    Evidence ev = new Evidence(a.id(), m.start(), m.end(), m.group(), false);
                    all.add(new Count(kindOf(m.group("verb")), n, approx, ev, TimelineStage.contentKeys(text, cs, m.start(), m.end(), ce),
                            a.published(), m.group("n").toLowerCase(Locale.ROOT), places(placesAt.get(a.id()), cs, ce), Set.of()));
                }
            }
            boolean money = lower.indexOf('$') >= 0 || lower.indexOf('€') >= 0 || lower.indexOf('£') >= 0 || lower.indexOf('¥') >= 0;
            Matcher m = AMOUNT.matcher(text).region(a.bodyStart(), money ? a.bodyEnd() : a.bodyStart());
            while (m.find()) {
                long n = money(m.group("amount"), m.group("scale"));
                if (n <= 0) continue;
                int cs = Math.max(a.bodyStart(), m.start() - 120), ce = Math.min(a.bodyEnd(), m.end() + 120);
                Evidence ev = new Evidence(a.id(), m.start(), m.end(), m.group(), false);
                String currency = m.group("cur").replace("US$", "$");
                // a rate is another fact than a total: "$21 million per year" is not a "$160 million" contract told otherwise
                String per = m.group("per") != null ? " per " + m.group("per").toLowerCase(Locale.ROOT)
                        : m.group("annually") != null ? " per " + PER.get(m.group("annually").toLowerCase(Locale.ROOT)) : "";
                boolean approx = m.group("approx") != null || m.group("upper") != null;
                all.add(new Count("amount in " + currency + per, n, approx, ev, TimelineStage.contentKeys(text, cs, m.start(), m.end(), ce),
                        a.published(), m.group("amount"), places(placesAt.get(a.id()), cs, ce),
                        owners(orgsAt.get(a.id()), sentenceStart(sentences, m.start(), cs), sentenceEnd(sentences, m.start(), ce))));
            }
        }
        // one fact per kind and event: counts of one kind whose words agree, across articles
        int n = all.size();
        UnionFind same = new UnionFind(Math.max(1, n));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Count x = all.get(i), y = all.get(j);
                if (!x.kind.equals(y.kind) || x.at.article().equals(y.at.article())) continue;
                if (TimelineStage.similarWords(x.keys, y.keys)) same.union(i, j);
            }
        }
        Map<Integer, List<Count>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(same.find(i), r -> new ArrayList<>()).add(all.get(i));
        for (List<Count> g : groups.values()) {
            Set<String> articles = new LinkedHashSet<>();
            for (Count c : g) articles.add(c.at.article());
            // an article's count for the fact: its largest (a report gives the toll, then details)
            Map<String, Count> perArticle = new LinkedHashMap<>();
            for (Count c : g) perArticle.merge(c.at.article(), c, (p, q) -> q.n > p.n ? q : p);
            Map<Long, List<Evidence>> byValue = new TreeMap<>();
            for (Count c : perArticle.values()) byValue.computeIfAbsent(c.n, k -> new ArrayList<>()).add(c.at);
            String label = g.get(0).kind + ": " + g.get(0).at.text();
            boolean money = g.get(0).kind.startsWith("amount");
            List<Value> values = new ArrayList<>();
            byValue.forEach((v, ev) -> values.add(sources.value(String.valueOf(v), ev)));
            Fact f = new Fact(money ? "amount" : "count", label, values);
            if (values.size() == 1 || articles.size() < 2) { facts.add(f); continue; }
            // sums of money are round figures: within 5% they agree
            if (agreeWithinRounding(perArticle.values()) || agreeWithVague(perArticle.values())
                    || money && withinShare(perArticle.values(), 0.05) || !disputedDirectly(g)) { facts.add(f); continue; }
            if (!money && isUpdate(perArticle.values())) {
                List<Count> inOrder = new ArrayList<>(perArticle.values());
                inOrder.sort(Comparator.comparing((Count c) -> c.published).thenComparingLong(c -> c.n));
                List<Value> ordered = new ArrayList<>();
                for (Count c : inOrder) ordered.add(sources.value(String.valueOf(c.n), List.of(c.at)));
                updates.add(new Fact("count", label, ordered));
                continue;
            }
            List<List<Count>> days = money ? null : risingDays(perArticle.values());
            if (days != null) {
                // the toll rose from day to day, and on some day the outlets disagree: each day's lowest count is a step of
                // the update, and the counts of a day that disagree are a discrepancy of that day
                List<Value> steps = new ArrayList<>();
                for (List<Count> day : days) {
                    Count low = day.stream().min(Comparator.comparingLong((Count c) -> c.n)).orElseThrow();
                    steps.add(sources.value(String.valueOf(low.n), List.of(low.at)));
                }
                updates.add(new Fact("count", label, steps));
                for (List<Count> day : days) {
                    Set<String> on = new HashSet<>();
                    for (Count c : day) on.add(c.at.article());
                    if (day.stream().map(c -> c.n).distinct().count() < 2 || agreeWithinRounding(day) || agreeWithVague(day)
                            || !disputedDirectly(g.stream().filter(c -> on.contains(c.at.article())).toList())) continue;
                    Map<Long, List<Evidence>> dayValues = new TreeMap<>();
                    for (Count c : day) dayValues.computeIfAbsent(c.n, k -> new ArrayList<>()).add(c.at);
                    List<Value> vs = new ArrayList<>();
                    dayValues.forEach((v, ev) -> vs.add(sources.value(String.valueOf(v), ev)));
                    disputes.add(new Fact("count", label, vs));
                }
                continue;
            }
            disputes.add(f);
        }
    }

    /**
     * The counts by publication day, in order, when every count is dated, there are two days or more, and every day's
     * lowest count is at least the day before's highest: a toll that rose, though outlets may differ within a day
     * ("killing 7" on the 27th; "has killed 16" and "reached 23" on the 28th). Null otherwise.
     */
    static List<List<Count>> risingDays(Collection<Count> counts) {
        Map<LocalDate, List<Count>> byDay = new TreeMap<>();
        for (Count c : counts) {
            if (c.published == null) return null;
            byDay.computeIfAbsent(c.published, k -> new ArrayList<>()).add(c);
        }
        if (byDay.size() < 2) return null;
        List<List<Count>> days = new ArrayList<>(byDay.values());
        for (int i = 1; i < days.size(); i++) {
            long before = days.get(i - 1).stream().mapToLong(c -> c.n).max().orElseThrow();
            long low = days.get(i).stream().mapToLong(c -> c.n).min().orElseThrow();
            if (low < before) return null;
        }
        return days;
    }

    /**
     * Whether two counts of the group with different values, in different articles, are told in close enough words
     * ({@link TimelineStage#disputeWords}): counts join a group through chains of similar words, and a story of several
     * attacks chains each attack's toll to the next; a disagreement needs two tolls of one of them.
     */
    static boolean disputedDirectly(List<Count> g) {
        for (int i = 0; i < g.size(); i++) {
            for (int j = i + 1; j < g.size(); j++) {
                Count x = g.get(i), y = g.get(j);
                if (x.n != y.n && !x.at.article().equals(y.at.article()) && TimelineStage.disputeWords(x.keys, y.keys)
                        && !otherPlaces(x.places, y.places) && !twoSums(x, y)
                        && !otherOwners(x, y)) return true;
            }
        }
        return false;
    }

    /**
     * Whether two sums of money are too far apart to be one sum misreported: a slip of scale (thousand, million,
     * billion) is a factor of a thousand, so sums further apart are two sums ("£1" of a garbled "£1. 7m" and "£88m").
     */
    static boolean twoSums(Count x, Count y) {
        if (!x.kind.startsWith("amount") || x.n <= 0 || y.n <= 0) return false;
        return Math.max(x.n, y.n) / Math.min(x.n, y.n) > 1000;
    }

    /** Whether every count is within 10% of the others and those that differ are approximate ("about 50" and 52). */
    static boolean agreeWithinRounding(Iterable<Count> counts) {
        long min = Long.MAX_VALUE, max = 0;
        boolean anyApprox = false;
        for (Count c : counts) { min = Math.min(min, c.n); max = Math.max(max, c.n); anyApprox |= c.approx; }
        return anyApprox && max <= Math.ceil(min * 1.1);
    }

    /**
     * Whether a vague count ("hundreds", "dozens", "scores") holds every other count, and the others agree among
     * themselves: "injured hundreds" and "more than 110 wounded", "killing hundreds" and "killed 612" are one toll told
     * two ways. "Hundreds" is 100 to 999, "dozens" 12 to 99, "scores" 20 to 99.
     */
    static boolean agreeWithVague(Iterable<Count> counts) {
        List<Count> exact = new ArrayList<>();
        long lo = 0, hi = Long.MAX_VALUE;
        boolean vague = false;
        for (Count c : counts) {
            // the number as written, not the whole match: "the death toll from the collapse of dozens of homes reached 23"
            String w = c.word;
            long[] range = w.contains("hundreds") ? new long[] {100, 999} : w.contains("dozens") ? new long[] {12, 99}
                    : w.contains("scores") ? new long[] {20, 99} : null;
            if (range == null) { exact.add(c); continue; }
            vague = true;
            lo = Math.max(lo, range[0]);
            hi = Math.min(hi, range[1]);
        }
        if (!vague) return false;
        for (Count c : exact) if (c.n < lo || c.n > hi) return false;
        return exact.size() < 2 || agreeWithinRounding(exact) || withinShare(exact, 0);
    }

    private static boolean withinShare(Iterable<Count> counts, double share) {
        long min = Long.MAX_VALUE, max = 0;
        for (Count c : counts) { min = Math.min(min, c.n); max = Math.max(max, c.n); }
        return max <= min * (1 + share);
    }

    /** A sum of money as a whole number of units ("2", "billion": 2,000,000,000; "1.2", "bn"), or -1. */
    static long money(String amount, String scale) {
        String a = amount.replace(",", "").replace(" ", "");
        double v;
        try {
            v = Double.parseDouble(a);
        } catch (NumberFormatException e) {
            return -1;
        }
        double k = scale == null ? 1 : switch (scale.toLowerCase(Locale.ROOT)) {
            case "million", "mn", "mm", "m" -> 1e6;
            case "k" -> 1e3;
            case "billion", "bn" -> 1e9;
            default -> 1e12;
        };
        return Math.round(v * k);
    }

    /** Whether the counts rise with the articles' dates: a later report with a larger toll updates an earlier one. */
    static boolean isUpdate(Iterable<Count> counts) {
        List<Count> l = new ArrayList<>();
        for (Count c : counts) {
            if (c.published == null) return false;
            l.add(c);
        }
        l.sort(Comparator.comparing((Count c) -> c.published));
        for (int i = 1; i < l.size(); i++) {
            Count p = l.get(i - 1), q = l.get(i);
            if (q.n < p.n || q.n > p.n && !q.published.isAfter(p.published)) return false;
        }
        return true;
    }

    private static long number(String s) {
        String w = s.toLowerCase(Locale.ROOT).replace(",", "");
        if (w.matches("\\d+")) return w.length() > 15 ? -1 : Long.parseLong(w); // no count of people or things runs to 10^15
        return switch (w) {
            case "a dozen" -> 12;
            case "dozens", "scores" -> 24;
            case "hundreds" -> 200;
            default -> {
                double v = TimeTagger.numberWord(w);
                yield v > 0 ? (long) v : -1;
            }
        };
    }

    // ---- what was said ------------------------------------------------------------------------------------

    private static void quotes(QuoteGroupStage.StoryQuotes q, Map<String, String> names, Sources sources, List<Fact> facts,
            List<Fact> disputes) {
        for (QuoteGrouper.Group g : q.groups()) {
            QuoteGrouper.Item ref = q.items().get(g.reference());
            // the speaker's entity, else the words that name the speaker ("the ministry", "he")
            QuoteGrouper.Item by = q.items().get(QuoteGrouper.speakerItem(g, q.items(),
                    it -> names.containsKey(it.article() + "@" + it.quote().speakerMention())));
            String speaker = names.get(by.article() + "@" + by.quote().speakerMention());
            if (speaker == null) speaker = by.quote().speaker() == null ? "an unnamed speaker" : by.quote().speaker();
            Map<String, List<Evidence>> wordings = new LinkedHashMap<>();
            wordings.computeIfAbsent(ref.quote().text(), k -> new ArrayList<>()).add(evidence(ref));
            for (QuoteGrouper.Difference d : g.differences()) {
                QuoteGrouper.Item it = q.items().get(d.item());
                // trimmed, or with an editor's bracket inserted or put for a word ("[The police] have" / "They have"):
                // the same words, not another wording
                boolean editorial = d.changed().stream().allMatch(c -> bracketed(c[0]) || bracketed(c[1]));
                wordings.computeIfAbsent(editorial ? ref.quote().text() : it.quote().text(), k -> new ArrayList<>()).add(evidence(it));
            }
            List<Value> values = new ArrayList<>();
            wordings.forEach((w, ev) -> values.add(sources.value(w, ev)));
            Fact f = new Fact("quote", "wording of " + possessive(speaker) + " quote", values);
            (outletsDiffer(wordings.values()) ? disputes : facts).add(f);
        }
    }

    /**
     * {@code speaker}'s possessive: "Kadhimi's", "the police's", and a plural of lower-case words takes the apostrophe
     * alone ("March participants'", "officials'"); a name ending in s keeps 's ("Williams's").
     */
    static String possessive(String speaker) {
        int last = speaker.lastIndexOf(' ') + 1;
        boolean plural = speaker.endsWith("s") && !speaker.endsWith("ss") && speaker.length() - last > 3
                && Character.isLowerCase(speaker.charAt(last));
        return speaker + (plural ? "'" : "'s");
    }

    /** Whether words of a quote's difference are wholly an editor's bracket ("[the police]", "[again]"). */
    static boolean bracketed(String words) {
        return words.startsWith("[") && words.endsWith("]") && words.indexOf(']') == words.length() - 1;
    }

    /**
     * Whether two wordings are each held by an article that holds no other: an article that quotes two of a group's
     * wordings quotes two things its speaker said ("It was a funny game, we were down 14-0" and "This is a funny
     * game"), not one thing two ways, and an outlet does not disagree with itself.
     */
    static boolean outletsDiffer(Collection<List<Evidence>> wordings) {
        Map<String, Integer> held = new HashMap<>();
        for (List<Evidence> ev : wordings) {
            for (String a : ev.stream().map(Evidence::article).distinct().toList()) held.merge(a, 1, Integer::sum);
        }
        int alone = 0;
        for (List<Evidence> ev : wordings) if (ev.stream().anyMatch(e -> held.get(e.article()) == 1)) alone++;
        return alone >= 2;
    }

    private static Evidence evidence(QuoteGrouper.Item it) {
        return new Evidence(it.article(), it.quote().start(), it.quote().end(), it.quote().text(), false);
    }
}
