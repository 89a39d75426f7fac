/** The evaluations behind {@code storytrace eval}, shared with the tests that assert their floors. */
package org.storytrace.app.eval;
