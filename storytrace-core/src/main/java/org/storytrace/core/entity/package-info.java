/**
 * Entities: the people, organisations and places a story is about, with every spelling merged.
 *
 * <p>{@link org.storytrace.core.entity.Mention}s (found per article by a name finder, a layer of the
 * document) become {@link org.storytrace.core.entity.Entity}s in two steps: {@link
 * org.storytrace.core.entity.EntityResolver} joins the mentions of one story (short forms to full names,
 * romanisation variants, acronyms the text defines), then joins story entities across the collection on
 * their full names. {@link org.storytrace.core.entity.Romanization} is the spelling model both steps use.
 */
package org.storytrace.core.entity;
