/**
 * The writers of a run's results, one per format, for the command line and the Spark job alike: the
 * {@code stories.json} contract (streamed), the HTML report, the rejections; each file written through a
 * temporary file renamed into place ({@link org.storytrace.engine.output.OutputFolder}).
 */
package org.storytrace.engine.output;
