package org.storytrace.app;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The launcher (the repository's {@code storytrace} script) sizes the inputs of {@code analyze} and {@code ingest} to choose
 * the JIT, and must skip the values of their options that are not inputs: its list is written by hand in shell, so this holds
 * it to the options the commands declare. An option missing from it only over-counts (the safe side), but then a short run
 * loses the quick compiler.
 */
class LauncherOptionsTest {
    /** Options whose value is an input the launcher sizes, or a store it must see. */
    private static final Set<String> SIZED = Set.of("--store", "--index");

    @Test
    void theLauncherSkipsTheValueOfEveryValueTakingOptionOfAnalyzeAndIngest() throws Exception {
        Path launcher = Path.of("..", "storytrace");
        assertTrue(Files.isRegularFile(launcher), "the launcher is at the repository's root: " + launcher.toAbsolutePath());
        String script = Files.readString(launcher);
        Matcher m = Pattern.compile("\\n\\s*(--[a-z-]+(?:\\|--[a-z-]+)*)\\) skip=1 ;;").matcher(script);
        assertTrue(m.find(), "the launcher's list of options whose value is skipped");
        Set<String> skipped = new TreeSet<>(List.of(m.group(1).split("\\|")));
        Set<String> taking = new TreeSet<>();
        for (String command : List.of("analyze", "ingest")) {
            CommandLine sub = Main.commandLine().getSubcommands().get(command);
            assertNotNull(sub, command);
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.arity().max() == 0 || o.typeInfo().isBoolean()) continue;
                for (String name : o.names()) if (name.startsWith("--")) taking.add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : taking) if (!SIZED.contains(name) && !skipped.contains(name)) missing.add(name);
        assertEquals(List.of(), missing, "value-taking options the launcher would size as inputs");
        for (String name : skipped) assertTrue(taking.contains(name), name + " is no longer an option of analyze or ingest");
        for (String name : SIZED) assertTrue(script.contains(name + "|") || script.contains(name + ")"), name);
    }
}
