/** The storytrace pipeline as an Apache Spark job, over the same stages as the embedded path. */
package org.storytrace.spark;
