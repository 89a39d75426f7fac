/** Evaluation measures shared by the eval command and the tests: PAN text alignment, NMI and ARI. */
package org.storytrace.core.eval;
