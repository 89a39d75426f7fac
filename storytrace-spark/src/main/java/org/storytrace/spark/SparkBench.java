package org.storytrace.spark;

import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.storytrace.core.model.Analysis;

/**
 * {@code SparkBench CORPUS.jsonl}: the Spark job's end-to-end throughput in local mode with one and with
 * two worker threads, on the same corpus in the same process (a warm-up run first), and their ratio.
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SparkBench CORPUS.jsonl");
            System.exit(2);
        }
        double[] rate = new double[3];
        int[] threads = {2, 1, 2};
        for (int i = 0; i < threads.length; i++) {
            SparkSession spark = SparkSession.builder().master("local[" + threads[i] + "]").appName("storytrace-bench")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(4 * threads[i]))
                            .getOrCreate();
            try {
                long t0 = System.nanoTime();
                Analysis a = SparkPipeline.run(spark, args[0]);
                double secs = (System.nanoTime() - t0) / 1e9;
                rate[i] = a.articles().size() / secs;
                if (i > 0) System.out.printf(Locale.ROOT, "spark.local[%d].articles_per_s %.1f%n", threads[i], rate[i]);
            } finally {
                spark.stop();
            }
        }
        System.out.printf(Locale.ROOT, "spark.local[2]_over_local[1] %.2f%n", rate[2] / rate[1]);
    }
}
