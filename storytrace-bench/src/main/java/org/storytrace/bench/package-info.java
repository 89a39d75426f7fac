/** JMH benchmarks of the fast tier's hot loops (run: java -jar storytrace-bench/target/benchmarks.jar). */
package org.storytrace.bench;
