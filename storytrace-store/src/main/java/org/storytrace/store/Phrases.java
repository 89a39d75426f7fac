package org.storytrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Phrases searched in a field indexed without positions (the body: positions were half of the search index's
 * cost when ingesting, measured in session 38). Lucene cannot run a phrase there, so a search runs a looser query,
 * {@link #relax}, which matches every article the real one matches (a phrase becomes its words; a phrase that
 * excludes, none of it), and each hit is then checked against the article's own words with the real query,
 * {@link #matches}, best hit first, until enough pass. Exact for the operators the search offers (words,
 * "phrases", -exclusions, |, prefix*, brackets): the words compared are the index's own ({@link FoldedWords}).
 */
final class Phrases {
    private Phrases() {}

    /** Whether {@code q} holds a phrase on {@code field}, which then needs checking. */
    static boolean hasPhrase(Query q, String field) {
        if (q instanceof PhraseQuery p) return p.getField().equals(field);
        if (q instanceof BoostQuery b) return hasPhrase(b.getQuery(), field);
        if (q instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) if (hasPhrase(c.getQuery(), field)) return true;
        }
        return false;
    }

    /**
     * A query Lucene can run without positions on {@code field} that matches at least every document {@code q}
     * matches: a phrase there becomes all its words; under an odd number of exclusions, where matching more would
     * exclude more, it matches nothing (the check after excludes what it must).
     */
    static Query relax(Query q, String field) { return relax(q, field, false); }

    private static Query relax(Query q, String field, boolean negated) {
        if (q instanceof PhraseQuery p && p.getField().equals(field)) {
            if (negated) return new MatchNoDocsQuery("a phrase excluded: checked on each hit");
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Term t : p.getTerms()) all.add(new TermQuery(t), BooleanClause.Occur.MUST);
            return all.build();
        }
        if (q instanceof BoostQuery b) return new BoostQuery(relax(b.getQuery(), field, negated), b.getBoost());
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                boolean not = c.getOccur() == BooleanClause.Occur.MUST_NOT;
                out.add(relax(c.getQuery(), field, negated ^ not), c.getOccur());
            }
            return out.build();
        }
        return q;
    }

    /**
     * The words of {@code q} that a check compares (lower-cased as the index keeps them); null when every word of an
     * article is needed (a prefix).
     */
    static CharArraySet wanted(Query q) {
        CharArraySet out = new CharArraySet(16, false);
        return collect(q, out) ? out : null;
    }

    private static boolean collect(Query q, CharArraySet out) {
        if (q instanceof BoostQuery b) return collect(b.getQuery(), out);
        if (q instanceof TermQuery t) { out.add(t.getTerm().text()); return true; }
        if (q instanceof PhraseQuery p) { for (Term t : p.getTerms()) out.add(t.text()); return true; }
        if (q instanceof PrefixQuery) return false;
        if (q instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) if (!collect(c.getQuery(), out)) return false;
        }
        return true;
    }

    /**
     * An article's words by field, as the index cuts them, at their places; a word not in {@code wanted} (when given)
     * is kept as null, so that checking a hit makes no string of the words the query does not name.
     */
    static Map<String, List<String>> words(Analyzer analyzer, Map<String, String> fields, CharArraySet wanted) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            List<String> words = new ArrayList<>();
            if (f.getValue() != null) {
                try (TokenStream ts = analyzer.tokenStream(f.getKey(), f.getValue())) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        words.add(wanted == null || wanted.contains(term.buffer(), 0, term.length()) ? term.toString() : null);
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.put(f.getKey(), words);
        }
        return out;
    }

    /**
     * Whether an article whose words are {@code words} (by field) matches {@code q}, as Lucene would with positions:
     * words, phrases (slop 0), prefixes, and Boolean clauses. A query of another kind counts as matched (Lucene's
     * looser query has already asked it).
     */
    static boolean matches(Query q, Map<String, List<String>> words) {
        return matches(q, words, new HashMap<>());
    }

    private static boolean matches(Query q, Map<String, List<String>> words, Map<String, Set<String>> sets) {
        if (q instanceof BoostQuery b) return matches(b.getQuery(), words, sets);
        if (q instanceof TermQuery t) return set(t.getTerm().field(), words, sets).contains(t.getTerm().text());
        if (q instanceof PhraseQuery p) return phrase(p, words.getOrDefault(p.getField(), List.of()));
        if (q instanceof PrefixQuery p) {
            String prefix = p.getPrefix().text();
            for (String w : set(p.getField(), words, sets)) if (w != null && w.startsWith(prefix)) return true;
            return false;
        }
        if (q instanceof MatchAllDocsQuery) return true;
        if (q instanceof MatchNoDocsQuery) return false;
        if (q instanceof BooleanQuery b) {
            int should = 0, shouldMatched = 0;
            boolean required = false;
            for (BooleanClause c : b.clauses()) {
                boolean m = matches(c.getQuery(), words, sets);
                switch (c.getOccur()) {
                    case MUST, FILTER -> {
                        if (!m) return false;
                        required = true;
                    }
                    case MUST_NOT -> {
                        if (m) return false;
                    }
                    case SHOULD -> {
                        should++;
                        if (m) shouldMatched++;
                    }
                    default -> { }
                }
            }
            if (!required && should == 0) return false; // exclusions alone match nothing, as in Lucene
            int min = b.getMinimumNumberShouldMatch();
            if (!required) min = Math.max(1, min);
            return shouldMatched >= min;
        }
        return true;
    }

    private static Set<String> set(String field, Map<String, List<String>> words, Map<String, Set<String>> sets) {
        return sets.computeIfAbsent(field, f -> new HashSet<>(words.getOrDefault(f, List.of())));
    }

    /** Whether the phrase's words stand at their relative positions somewhere in {@code words} (null: a word not asked for). */
    private static boolean phrase(PhraseQuery p, List<String> words) {
        Term[] terms = p.getTerms();
        int[] at = p.getPositions();
        if (terms.length == 0) return false;
        String[] texts = new String[terms.length]; // Term.text() decodes its bytes each time it is asked
        for (int k = 0; k < terms.length; k++) texts[k] = terms[k].text();
        int span = at[at.length - 1] - at[0];
        for (int i = 0; i + span < words.size(); i++) {
            boolean all = true;
            for (int k = 0; k < terms.length && all; k++) all = texts[k].equals(words.get(i + at[k] - at[0]));
            if (all) return true;
        }
        return false;
    }
}
