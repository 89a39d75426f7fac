package org.storytrace.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.storytrace.core.model.Analysis;
import org.storytrace.core.model.Link;
import org.storytrace.core.model.Story;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;

/** What two analyses are compared on: links with their passages, stories and topics as sets of article ids. */
final class Compare {
    private Compare() {}

    static Set<String> linkSet(List<Link> links) {
        return links.stream().map(l -> l.a() + "|" + l.b() + "|" + l.passages()).collect(Collectors.toSet());
    }

    static Set<Set<String>> storySet(List<Story> stories) {
        Set<Set<String>> s = new HashSet<>();
        for (Story st : stories) s.add(new HashSet<>(st.articles()));
        return s;
    }

    /** Topics as sets of article ids. */
    static Set<Set<String>> topicSet(List<Story> stories) {
        Map<String, Set<String>> byTopic = new HashMap<>();
        for (Story st : stories) byTopic.computeIfAbsent(st.topic(), t -> new HashSet<>()).addAll(st.articles());
        return new HashSet<>(byTopic.values());
    }

    /** The embedded path's analysis of {@code input}, through the engine as the command line runs it. */
    static Analysis embedded(Path input) {
        try (Engine e = Engine.builder(EngineSettings.defaults())
                .build()) {
            e.ingest(List.of(input.toString()), null);
            return e.results().toAnalysis();
        }
    }

    /** A Spark session in local mode on two threads, without its web UI, as the equivalence tests run the job. */
    static SparkSession localSpark(String app) {
        return SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false").getOrCreate();
    }
}
