package org.storytrace.engine;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What made a result: the program's version, every setting by name, the stages in order and the models
 * used. Written at the top of {@code stories.json} so every figure in it can say how it was made.
 *
 * @param version  the storytrace version
 * @param settings every setting by name (nested settings as nested maps)
 * @param stages   each stage's description, in the order they run
 * @param models   the models used (the sentence embedder), empty when none
 */
public record Provenance(String version, Map<String, Object> settings, List<String> stages, List<String> models) {
    public static final String VERSION = "0.1.0";

    public Provenance {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        stages = List.copyOf(stages);
        models = List.copyOf(models);
    }

    /** A record's components by name; nested records become nested maps, other values their text or number. */
    public static Map<String, Object> describe(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read setting " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
            m.put(c.getName(), v instanceof Record nested ? describe(nested)
                    : v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        return m;
    }
}
