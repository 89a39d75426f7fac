package org.storytrace.core.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The test set of name spellings ({@code name-variants.tsv} beside this class): pairs of romanisations of
 * one name and pairs of different names that look alike, each with where it comes from; and how well
 * {@link Romanization} tells them apart.
 */
public final class NameVariants {
    private NameVariants() {}

    /** One pair: two spellings, whether they are one name, and the source of the pair. */
    public record Pair(String a, String b, boolean same, String source) {}

    /** Precision and recall of the matching over the set, and the pairs it got wrong. */
    public record Score(int pairs, int matches, double precision, double recall, List<Pair> missed, List<Pair> wrong) {}

    /** The pairs of the built-in set. */
    public static List<Pair> pairs() {
        try (InputStream in = NameVariants.class.getResourceAsStream("name-variants.tsv")) {
            if (in == null) throw new IllegalStateException("name-variants.tsv is missing from the classpath");
            List<Pair> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int hash = line.indexOf('#');
                String source = hash < 0 ? "" : line.substring(hash + 1).strip();
                String[] f = (hash < 0 ? line : line.substring(0, hash)).split("\t");
                List<String> names = new ArrayList<>(new LinkedHashSet<>(List.of(f).subList(1, f.length).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList()));
                if (f[0].equals("=")) {
                    for (int i = 0; i < names.size(); i++) for (int j = i + 1; j < names.size(); j++) out.add(new Pair(names.get(i),
                            names.get(j), true, source));
                } else if (f[0].equals("!") && names.size() == 2) {
                    out.add(new Pair(names.get(0), names.get(1), false, source));
                } else {
                    throw new IllegalStateException("name-variants.tsv: a line must start with = or ! (and ! name two): " + line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether two spellings are taken as one name: every part the same, in order, particles aside. */
    public static boolean match(String a, String b) {
        return new Name(a, EntityType.PERSON).sameAs(new Name(b, EntityType.PERSON));
    }

    /** How {@link #match} does on the built-in set. */
    public static Score score() {
        List<Pair> missed = new ArrayList<>(), wrong = new ArrayList<>();
        int tp = 0, fp = 0, positives = 0;
        List<Pair> all = pairs();
        for (Pair p : all) {
            boolean got = match(p.a(), p.b());
            if (p.same()) positives++;
            if (got && p.same()) tp++;
            else if (got) { fp++; wrong.add(p); }
            else if (p.same()) missed.add(p);
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = positives == 0 ? 1 : (double) tp / positives;
        return new Score(all.size(), positives, precision, recall, missed, wrong);
    }
}
