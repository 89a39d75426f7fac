package org.storytrace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.storytrace.core.model.Article;
import org.storytrace.core.model.Rejection;
import org.storytrace.ingest.clean.CleanPage;
import org.storytrace.ingest.clean.TextPageCleaner;
import org.storytrace.ingest.decode.TextDecoder;
import org.storytrace.ingest.html.HtmlExtractor;

/**
 * The ingest stage's front door: reads every plain-text and HTML file under the given paths, one at a time,
 * and hands each on as an {@link Article} or a {@link Rejection}. A bad file never stops the run.
 *
 * <p>Files are visited in sorted path order, so ids and results are reproducible. Hidden files and
 * folders (names starting with a dot) are skipped. Not thread-safe (it remembers the ids it gave).
 */
public final class Ingestor {
    /** Settings, checked when built. */
    public record Settings(long maxBytes) {
        public Settings {
            if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
        }
        public static Settings defaults() { return new Settings(10L * 1024 * 1024); }
    }

    private final Settings settings;
    private final TextDecoder decoder = new TextDecoder();
    private final TextPageCleaner cleaner = new TextPageCleaner();
    private final HtmlExtractor html = new HtmlExtractor();
    private final Set<String> ids = new HashSet<>();

    public Ingestor(Settings settings) { this.settings = settings; }
    public Ingestor() { this(Settings.defaults()); }

    /** The files a run over {@code roots} would read, in order; missing roots are reported as rejections. */
    public List<Path> files(List<Path> roots, Consumer<Rejection> rejected) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) { rejected.accept(new Rejection(root.toString(), null, "no such file or folder")); continue; }
            if (Files.isRegularFile(root)) { out.add(root); continue; }
            try {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }
                    @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (file.getFileName().toString().startsWith(".")) return FileVisitResult.CONTINUE;
                        if (attrs.isRegularFile()) found.add(file);
                        else if (attrs.isSymbolicLink()) rejected.accept(new Rejection(file.toString(), null, "a link to a file that does not exist (it vanished or was never there)"));
                        return FileVisitResult.CONTINUE;
                    }
                    @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                        rejected.accept(new Rejection(file.toString(), null, e instanceof java.nio.file.FileSystemLoopException
                                ? "a folder link that loops back on itself" : "cannot be read: " + describe(e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(null);
                out.addAll(found);
            } catch (IOException e) {
                rejected.accept(new Rejection(root.toString(), null, "cannot be listed: " + describe(e)));
            }
        }
        return out;
    }

    /** Reads one file into an article, or explains why it cannot. */
    public void read(Path file, Consumer<Article> accepted, Consumer<Rejection> rejected) {
        String where = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > settings.maxBytes) {
                rejected.accept(new Rejection(where, null, "too large: " + size + " bytes, the limit is " + settings.maxBytes + " (see --max-bytes)"));
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) settings.maxBytes + 1);
            }
            if (bytes.length > settings.maxBytes) {
                rejected.accept(new Rejection(where, "byte " + settings.maxBytes, "too large: grew past the limit of " + settings.maxBytes + " bytes while being read"));
                return;
            }
        } catch (IOException e) {
            rejected.accept(new Rejection(where, null, "cannot be read: " + describe(e)));
            return;
        }
        TextDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (TextDecoder.UndecodableException e) {
            rejected.accept(new Rejection(where, e.offset() >= 0 ? "byte " + e.offset() : null, e.getMessage()));
            return;
        }
        String text = decoded.text();
        if (text.isBlank()) {
            rejected.accept(new Rejection(where, null, "holds only white space"));
            return;
        }
        try {
            Article a = isXml(text) ? fromXml(file, text, decoded.encoding())
                    : isHtml(file, text) ? fromHtml(file, text, decoded.encoding()) : fromText(file, text, decoded.encoding());
            if (a.bodyEnd() == a.bodyStart()) {
                rejected.accept(new Rejection(where, null, "no article text found (only page furniture)"));
                return;
            }
            accepted.accept(a);
        } catch (RuntimeException e) {
            // a reader bug must not lose the run: report it against this file and go on
            rejected.accept(new Rejection(where, null, "could not be processed: " + e));
        }
    }

    private Article fromText(Path file, String text, String encoding) {
        CleanPage p = cleaner.clean(text);
        return new Article(idFor(file), file.toString(), text, p.title(), p.published(), p.publishedEvidence(), p.source(), p.author(),
                p.bodyStart(), p.bodyEnd(), p.boilerplate(), "text", encoding);
    }

    private Article fromHtml(Path file, String raw, String encoding) {
        HtmlExtractor.Extracted x = html.extract(raw, file.toUri().toString());
        CleanPage p = cleaner.clean(x.text());
        var published = x.published() != null ? x.published() : p.published();
        var evidence = x.published() != null ? x.publishedEvidence() : p.publishedEvidence();
        return new Article(idFor(file), file.toString(), x.text(), x.title() != null ? x.title() : p.title(), published, evidence,
                p.source(), x.author() != null ? x.author() : p.author(), p.bodyStart(), p.bodyEnd(), p.boilerplate(), "html", encoding);
    }

    private Article fromXml(Path file, String raw, String encoding) {
        HtmlExtractor.Extracted x = html.extractXml(raw);
        CleanPage p = cleaner.clean(x.text());
        return new Article(idFor(file), file.toString(), x.text(), x.title() != null ? x.title() : p.title(), p.published(), p.publishedEvidence(),
                p.source(), p.author(), p.bodyStart(), p.bodyEnd(), p.boilerplate(), "xml", encoding);
    }

    /** An XML document that is not XHTML (feeds get their own reader in a later stage). */
    static boolean isXml(String text) {
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading();
        return head.startsWith("<?xml") && !head.toLowerCase(Locale.ROOT).contains("<html");
    }

    static boolean isHtml(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) return true;
        String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || (head.startsWith("<") && head.contains("<body"));
    }

    private String idFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        if (ids.add(id)) return id;
        Path parent = file.getParent();
        String alt = (parent == null ? "" : parent.getFileName() + "/") + id;
        int k = 2;
        String cand = alt;
        while (!ids.add(cand)) cand = alt + "-" + k++;
        return cand;
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "it vanished before it could be read";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
