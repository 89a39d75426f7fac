/** Clustering: average linkage over sparse similarity graphs, for stories and topics. */
package org.storytrace.core.cluster;
