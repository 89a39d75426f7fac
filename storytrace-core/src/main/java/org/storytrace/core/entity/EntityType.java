package org.storytrace.core.entity;

/** What an entity is. */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION;

    /** The type named by a name finder's label ({@code PERSON}, {@code ORG}, {@code LOC}, {@code GPE}, ...), or null. */
    public static EntityType ofLabel(String label) {
        if (label == null) return null;
        return switch (label) {
            case "PERSON", "PER" -> PERSON;
            case "ORGANIZATION", "ORG" -> ORGANIZATION;
            case "LOCATION", "LOC", "GPE", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> LOCATION;
            default -> null;
        };
    }
}
