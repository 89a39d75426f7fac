/** Fingerprints: word-shingle MinHash signatures by one-permutation hashing. */
package org.storytrace.core.fingerprint;
