package org.storytrace.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.storytrace.server.StoryServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code storytrace serve --store DIR}: the web pages and the JSON API over a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a store in the browser and as a JSON API (described at /openapi.json): the stories with search "
                + "and filters, each story "
                + "with its outlets in time, its reuse graph, the shared passages side by side and its analysis; articles; "
                        + "entities. POST /articles ingests.",
                "Bound to 127.0.0.1 unless --host says otherwise; on another address --token is required and every write must send it."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, description = "The store: a folder (created if needed) or a jdbc:postgresql:// URL.")
    String store;

    @Option(names = "--index",
            description = "Folder for the search index (default: the store's folder; for PostgreSQL a folder in the temporary folder).")
    Path index;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--token",
            description = "A secret that writes (POST) must send as 'Authorization: Bearer TOKEN'; required off loopback. "
            + "Also read from STORYTRACE_TOKEN.")
    String token;

    @Option(names = "--max-body", defaultValue = "67108864", description = "Largest request body in bytes (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--post-wait", defaultValue = "30",
            description = "Seconds a POST waits for the analysis to cover its articles before it answers "
            + "202 (stored, analysis pending) instead of 200 with their stories and links (default: ${DEFAULT-VALUE}).")
    int postWait;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws InterruptedException {
        if (token == null) token = System.getenv("STORYTRACE_TOKEN");
        StoryServer.Config config;
        try {
            config = new StoryServer.Config(host, port, token, maxBody, Duration.ofSeconds(postWait));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StoryServer server;
        try {
            server = StoryServer.open(store, index, engineOptions.engine(), config);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "storytrace-serve-stop"));
        int p;
        try {
            p = server.start();
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
        }
        System.out.println("serving " + store + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + p
                + "/ (Ctrl-C stops)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
