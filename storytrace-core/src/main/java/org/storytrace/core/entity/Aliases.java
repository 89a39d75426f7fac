package org.storytrace.core.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of one organisation or place that share neither spelling nor initials (MEK and PMOI; Hashd and
 * Popular Mobilization Forces), for the cases where no article in a story gives the clue. The built-in
 * table ({@code aliases.tsv} beside this class) is short and says where each line comes from; every other
 * alias is found from the texts themselves (initials, a definition in parentheses).
 */
public final class Aliases {
    private final Map<String, Integer> group;

    private Aliases(Map<String, Integer> group) { this.group = group; }

    /** No aliases. */
    public static Aliases none() { return new Aliases(Map.of()); }

    private static volatile Aliases builtIn;

    /** The table shipped with storytrace. */
    public static Aliases builtIn() {
        if (builtIn == null) {
            try (InputStream in = Aliases.class.getResourceAsStream("aliases.tsv")) {
                if (in == null) throw new IllegalStateException("aliases.tsv is missing from the classpath");
                builtIn = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builtIn;
    }

    /** A table read from lines of tab-separated names; {@code #} starts a comment. */
    public static Aliases read(InputStream in) throws IOException {
        Map<String, Integer> g = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int line = 0;
        for (String s; (s = r.readLine()) != null; ) {
            line++;
            int hash = s.indexOf('#');
            if (hash >= 0) s = s.substring(0, hash);
            if (s.isBlank()) continue;
            for (String name : s.split("\t")) if (!name.isBlank()) g.put(key(name), line);
        }
        return new Aliases(g);
    }

    static String key(String name) {
        String s = name.strip();
        if (s.startsWith("the ") || s.startsWith("The ")) s = s.substring(4);
        StringBuilder b = new StringBuilder();
        for (String w : s.split("[\\s\\-\u2010\u2011\u2013/]+")) b.append(Romanization.fold(w)).append(' ');
        return b.toString().strip();
    }

    /** The line of the table that lists {@code name}, or -1. */
    public int groupOf(String name) { return group.getOrDefault(key(name), -1); }
}
