package org.storytrace.core.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One person, organisation or place, with every spelling the articles use for it.
 *
 * @param id        {@code e1}, {@code e2}, ... in order of first mention across the collection (null inside a story)
 * @param canonical the most complete spelling, the most frequent among equally complete ones
 * @param variants  every spelling, most frequent first, with its count per outlet
 * @param roles     the titles written before the name ({@code Dr.}, {@code Prime Minister}), most frequent first
 * @param mentions  every mention, in article order then text order
 * @param references the pronouns outside quotation marks that stand for it ({@link Pronouns}), in article order then
 *                   text order: not names, so they count towards no variant
 */
public record Entity(String id, EntityType type, String canonical, List<Variant> variants, List<String> roles, List<At> mentions,
                     List<At> references) implements Serializable {
    public Entity {
        variants = List.copyOf(variants);
        roles = List.copyOf(roles);
        mentions = List.copyOf(mentions);
        references = List.copyOf(references);
    }

    /** An entity no pronoun refers to. */
    public Entity(String id, EntityType type, String canonical, List<Variant> variants, List<String> roles, List<At> mentions) {
        this(id, type, canonical, variants, roles, mentions, List.of());
    }

    /** One spelling: how often it occurs, and how often in each outlet. */
    public record Variant(String text, int count, Map<String, Integer> outlets) implements Serializable {
        public Variant { outlets = Map.copyOf(outlets); }
    }

    /** One mention of the entity: characters {@code [start, end)} of an article's text. */
    public record At(String article, int start, int end, String text) implements Serializable {}

    Entity withId(String newId) { return new Entity(newId, type, canonical, variants, roles, mentions, references); }
}
