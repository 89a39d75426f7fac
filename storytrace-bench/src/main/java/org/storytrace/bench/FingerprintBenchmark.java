package org.storytrace.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.storytrace.core.align.Aligner;
import org.storytrace.core.fingerprint.MinHasher;
import org.storytrace.core.index.IntBuffer;
import org.storytrace.core.index.LshIndex;
import org.storytrace.core.text.Tokens;

/**
 * The fast tier's hot loops on real newswire, one operation = one article. {@code baselineHashOnce} reads
 * every character once and hashes it: the floor any one-pass fingerprint can approach, the peer that the
 * other figures are read against (the ratio holds on a noisy shared machine where absolute figures do not).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FingerprintBenchmark {
    static final int DOCS = 1000;
    List<String> texts;
    long[][] hashes;
    int[][] signatures;
    final Tokens tokens = new Tokens();
    final MinHasher hasher = new MinHasher(128, 3);
    final Aligner aligner = new Aligner();
    final IntBuffer out = new IntBuffer();
    LshIndex full;

    @Setup(Level.Trial)
    public void setup() {
        texts = NewsPool.texts(DOCS);
        hashes = new long[texts.size()][];
        signatures = new int[texts.size()][];
        full = new LshIndex(32, 4);
        for (int i = 0; i < texts.size(); i++) {
            tokens.tokenize(texts.get(i));
            hashes[i] = tokens.copyHashes();
            signatures[i] = hasher.signature(hashes[i], hashes[i].length);
            full.add(i, signatures[i]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void baselineHashOnce(Blackhole bh) {
        for (String t : texts) {
            long h = 0;
            for (int i = 0; i < t.length(); i++) h = (h ^ t.charAt(i)) * 0x100000001b3L;
            bh.consume(h);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void normaliseAndTokenise(Blackhole bh) {
        for (String t : texts) bh.consume(tokens.tokenize(t).size());
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void tokeniseAndMinHash(Blackhole bh) {
        for (String t : texts) {
            tokens.tokenize(t);
            bh.consume(hasher.signature(tokens.hashes(), tokens.size()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void lshInsert(Blackhole bh) {
        LshIndex lsh = new LshIndex(32, 4);
        for (int i = 0; i < signatures.length; i++) lsh.add(i, signatures[i]);
        bh.consume(lsh);
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void lshQuery(Blackhole bh) {
        for (int[] s : signatures) bh.consume(full.query(s, -1, out));
    }

    /** One op = aligning one article with the next one and with itself (a full-reuse pair). */
    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void alignPairs(Blackhole bh) {
        for (int i = 0; i < hashes.length; i++) {
            long[] a = hashes[i], b = hashes[(i + 1) % hashes.length];
            bh.consume(aligner.align(a, a.length, i % 2 == 0 ? b : a, i % 2 == 0 ? b.length : a.length));
        }
    }
}
