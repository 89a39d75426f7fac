/** Text normalisation: one pass from characters to token offsets and hashes of their folded forms. */
package org.storytrace.core.text;
