package org.storytrace.core.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Short forms of English given names and the names they stand for (Fred and Frederick, Mo and Maurice,
 * Bob and Robert), from the table {@code given-names.tsv} beside this class, which says where it comes from.
 * Romanisation does not see these (Fred / Frederick differ by a syllable, Bob / Robert by their letters), and
 * outlets write both: an obituary's Frederick C. LaRue is another's Fred LaRue. The resolver uses it only for
 * a first name next to a surname that is the same, where a short form cannot make two people one.
 */
final class GivenNames {
    private GivenNames() {}

    /** For each folded name, the groups (line numbers) it belongs to. */
    private static final Map<String, Set<Integer>> GROUPS = read();

    private static Map<String, Set<Integer>> read() {
        Map<String, Set<Integer>> out = new HashMap<>();
        try (InputStream in = GivenNames.class.getResourceAsStream("given-names.tsv")) {
            if (in == null) throw new IllegalStateException("given-names.tsv is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int group = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                group++;
                for (String name : line.split("\t")) {
                    if (!name.isBlank()) out.computeIfAbsent(name.strip(), x -> new HashSet<>()).add(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    /** Whether two different given names are one name and its short form (or two short forms of one name). */
    static boolean same(Romanization.Part a, Romanization.Part b) {
        Set<Integer> x = GROUPS.get(a.folded()), y = GROUPS.get(b.folded());
        if (x == null || y == null) return false;
        for (int g : x) if (y.contains(g)) return true;
        return false;
    }
}
