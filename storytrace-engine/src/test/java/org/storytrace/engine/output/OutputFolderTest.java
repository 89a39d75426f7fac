package org.storytrace.engine.output;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir Path tmp;

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        OutputFolder out = OutputFolder.prepare(tmp.resolve("out"));
        out.write("stories.json", o -> o.write("{\"old\": true}".getBytes()));
        assertThrows(IOException.class, () -> out.write("stories.json", o -> {
            o.write("{\"new\": ".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("{\"old\": true}", Files.readString(tmp.resolve("out/stories.json")));
        try (var s = Files.list(tmp.resolve("out"))) { assertEquals(1, s.count(), "no temporary file left behind"); }
    }

    @Test
    void aFolderThatCannotBeMadeIsRefusedNamingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        OutputFolder.Unusable e = assertThrows(OutputFolder.Unusable.class, () -> OutputFolder.prepare(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a folder"), e.getMessage());
        OutputFolder.Unusable under = assertThrows(OutputFolder.Unusable.class, () -> OutputFolder.prepare(file.resolve("out")));
        assertTrue(under.getMessage().contains(file.toString()), under.getMessage());
    }

    @Test
    void aReplacedFolderHoldsOnlyTheNewFiles() throws Exception {
        OutputFolder out = OutputFolder.prepare(tmp);
        out.replaceFolder("stories", d -> Files.writeString(d.resolve("s1.html"), "one"));
        out.replaceFolder("stories", d -> Files.writeString(d.resolve("s2.html"), "two"));
        try (var s = Files.list(tmp.resolve("stories"))) { assertEquals(List.of("s2.html"), s.map(p -> p.getFileName().toString())
                .toList()); }
        try (var s = Files.list(tmp)) { assertEquals(1, s.count(), "nothing else left in the folder"); }
    }
}
