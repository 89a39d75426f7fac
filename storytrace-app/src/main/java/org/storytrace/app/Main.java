package org.storytrace.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code storytrace} command line. */
@Command(name = "storytrace", mixinStandardHelpOptions = true, version = "storytrace 0.1.0",
        description = "Finds the stories in a news collection and the passages outlets copied from each other.",
        subcommands = {AnalyzeCommand.class, WatchCommand.class, EvalCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code when the run finished but some inputs were rejected. */
    public static final int EXIT_REJECTED = 3;

    @Override public void run() { new CommandLine(this).usage(System.out); }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
