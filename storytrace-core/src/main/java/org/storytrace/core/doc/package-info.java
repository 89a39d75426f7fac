/**
 * The document model the stages share: an article with typed layers ({@link org.storytrace.core.doc.Document},
 * {@link org.storytrace.core.doc.Layer}), article and story stages that declare the layers they need and
 * add, and the plan that checks their order when it is built ({@link org.storytrace.core.doc.StagePlan}).
 */
package org.storytrace.core.doc;
