/** Passage alignment: the maximal passages two texts share, with small edits absorbed. */
package org.storytrace.core.align;
