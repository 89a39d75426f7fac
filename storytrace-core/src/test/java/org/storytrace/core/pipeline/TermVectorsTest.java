package org.storytrace.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.storytrace.core.TestCorpora;
import org.storytrace.core.model.Article;

class TermVectorsTest {
    @Test
    void selectingTheSmallestKeepsExactlyTheSmallest() {
        Random rnd = new Random(3);
        for (int round = 0; round < 500; round++) {
            int n = 1 + rnd.nextInt(700), k = 1 + rnd.nextInt(n);
            long[] a = new long[n];
            // distinct values with many ties in the high half, as weight-then-index keys have
            for (int i = 0; i < n; i++) a[i] = ((long) rnd.nextInt(round % 2 == 0 ? 5 : 1_000_000) << 32) | i;
            long[] want = a.clone();
            Arrays.sort(want);
            TermVectors.selectSmallest(a, n, k);
            long[] got = Arrays.copyOf(a, k);
            Arrays.sort(got);
            assertArrayEquals(Arrays.copyOf(want, k), got, "round " + round);
        }
    }

    @Test
    void aVectorKeepsItsHeaviestTermsTiesToTheSmallerHash() {
        Random rnd = new Random(9);
        for (int round = 0; round < 200; round++) {
            int m = 1 + rnd.nextInt(500);
            long[] keys = rnd.longs(m).distinct().sorted().toArray();
            m = keys.length;
            float[] counts = new float[m];
            for (int i = 0; i < m; i++) counts[i] = 1 + rnd.nextInt(3); // few distinct counts: many equal weights
            int[] df = new int[m];
            for (int i = 0; i < m; i++) df[i] = 1 + rnd.nextInt(4);
            long[] k = keys;
            TermVectors.Vector v = TermVectors.vector(keys, counts, h -> df[Arrays.binarySearch(k, h)], 1000, 64);
            // the reference: every term ranked by weight (heaviest first), ties by hash, the first 64 kept
            Integer[] idx = new Integer[m];
            for (int i = 0; i < m; i++) idx[i] = i;
            double[] w = new double[m];
            for (int i = 0; i < m; i++) w[i] = (float) ((1 + Math.log(counts[i])) * Math.log(1001.0 / df[i]));
            Arrays.sort(idx, (x, y) -> w[x] != w[y] ? Double.compare(w[y], w[x]) : Integer.compare(x, y));
            long[] want = new long[Math.min(64, m)];
            for (int i = 0; i < want.length; i++) want[i] = keys[idx[i]];
            Arrays.sort(want);
            assertArrayEquals(want, v.keys(), "round " + round);
            assertEquals(want.length, v.weights().length);
        }
    }

    /** Story profiles of news-pool texts, some of them reprinting parts of others, some dated. */
    private static List<StoryGrouper.Profile> newsProfiles(StoryGrouper g, int count) throws Exception {
        List<String> texts = TestCorpora.newsPool(count);
        List<StoryGrouper.Terms> terms = new ArrayList<>();
        DocFrequencies df = new DocFrequencies();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i) + (i % 4 == 0 ? "\n\n" + texts.get((i * 7) % texts.size()) : "");
            // every other text headed by its first words (of itself, or of the text it reprints)
            String head = texts.get(i % 4 == 0 && i % 8 != 0 ? (i * 7) % texts.size() : i);
            String title = i % 2 == 0 ? head.substring(0, Math.max(0, head.lastIndexOf(' ', Math.min(head.length(), 60)))) : null;
            Article a = new Article("n" + i, "news-pool", t, title, null, null, null, null, 0, t.length(), List.of(), "text", "UTF-8",
                    null, null, "en");
            StoryGrouper.Terms x = StoryGrouper.terms(StoryGrouper.Item.of(a));
            terms.add(x);
            df.add(x);
        }
        List<StoryGrouper.Profile> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            out.add(g.profile(terms.get(i), i % 3 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(i), df, terms.size()));
        }
        return out;
    }

    @Test
    void aProfileReadBackIsTheProfileWritten() throws Exception {
        for (StoryGrouper.Profile p : newsProfiles(new StoryGrouper(), 60)) {
            StoryGrouper.Profile q = StoryGrouper.Profile.decode(ByteBuffer.wrap(p.encode()));
            for (TermVectors.Vector[] v : new TermVectors.Vector[][] {{p.words(), q.words()}, {p.names(), q.names()},
                    {p.heads(), q.heads()}}) {
                assertArrayEquals(v[0].keys(), v[1].keys());
                assertArrayEquals(v[0].weights(), v[1].weights());
            }
            assertArrayEquals(p.candidateTerms(), q.candidateTerms());
            assertEquals(p.published(), q.published());
            // and read in place, from a slice of a larger buffer
            byte[] bytes = p.encode();
            ByteBuffer padded = ByteBuffer.allocate(bytes.length + 9).put(5, bytes).slice(5, bytes.length);
            assertArrayEquals(p.candidateTerms(), StoryGrouper.Profile.candidateTerms(padded));
            assertEquals(p.published(), StoryGrouper.Profile.published(padded));
        }
    }

    @Test
    void aProfileReadInPlaceGivesTheEvidenceOfTheProfileToTheLastBit() throws Exception {
        List<StoryGrouper.Profile> profiles = newsProfiles(new StoryGrouper(), 80);
        StoryGrouper.Probes probes = new StoryGrouper.Probes();
        int words = 0, names = 0, heads = 0;
        for (StoryGrouper.Profile a : profiles) {
            probes.load(a);
            for (StoryGrouper.Profile b : profiles) {
                // a slice of a larger buffer, as a mapped file hands out
                byte[] bytes = b.encode();
                ByteBuffer padded = ByteBuffer.allocate(bytes.length + 7).put(3, bytes).slice(3, bytes.length);
                StoryGrouper.Evidence want = probes.evidence(b, 0.25), got = probes.evidence(padded, 0.25);
                // a record's equality compares its doubles bit by bit
                assertEquals(want, got);
                if (want.lexical() > 0) words++;
                if (want.names() > 0) names++;
                if (want.headlines() > 0) heads++;
            }
        }
        assertTrue(words > profiles.size() && names > profiles.size() && heads > profiles.size() / 2,
                "pairs share words, names and headline words: " + words + ", " + names + ", " + heads);
    }

    @Test
    void profilesReadInPlaceGroupAsTheProfilesDo() throws Exception {
        StoryGrouper g = new StoryGrouper();
        List<StoryGrouper.Profile> profiles = newsProfiles(g, StoryGrouper.EXHAUSTIVE + 100); // scored by candidate terms
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) ids.add("n" + i);
        List<byte[]> bytes = new ArrayList<>();
        for (StoryGrouper.Profile p : profiles) bytes.add(p.encode());
        class Encoded extends AbstractList<StoryGrouper.Profile> implements StoryGrouper.EncodedProfiles {
            int inPlace;
            @Override public StoryGrouper.Profile get(int i) { return StoryGrouper.Profile.decode(ByteBuffer.wrap(bytes.get(i))); }
            @Override public int size() { return bytes.size(); }
            @Override public ByteBuffer encoded(int i) {
                synchronized (this) { inPlace++; }
                return ByteBuffer.wrap(bytes.get(i));
            }
        }
        Encoded encoded = new Encoded();
        StoryGrouper.Grouping want = g.group(ids, profiles, List.of(), null, i -> null, i -> null);
        StoryGrouper.Grouping got = g.group(ids, encoded, List.of(), null, i -> null, i -> null);
        assertArrayEquals(want.story(), got.story());
        assertArrayEquals(want.topic(), got.topic());
        assertTrue(encoded.inPlace > 0, "the pair scores read the profiles in place");
        assertTrue(Arrays.stream(want.story()).distinct().count() < profiles.size(), "some texts share a story");
    }
}
