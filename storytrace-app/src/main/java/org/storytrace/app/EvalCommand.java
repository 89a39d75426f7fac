package org.storytrace.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.storytrace.app.eval.Evaluations;
import org.storytrace.core.align.Aligner;
import org.storytrace.core.pipeline.StoryGrouper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storytrace eval}: runs the evaluations on labelled corpora and prints one "name value" line per figure. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Runs the evaluations on the labelled corpora and prints one line per metric (name value).")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--corpora", defaultValue = "../shared/corpora",
            description = "Folder holding the corpora below (default: ${DEFAULT-VALUE}).")
    Path corpora;

    @Option(names = "--seeds", description = "Seed pages (default: CORPORA/seeds).")
    Path seeds;

    @Option(names = "--seeds-expected", description = "The analyst's reading of the seeds (default: CORPORA/seeds.expected.json).")
    Path seedsExpected;

    @Option(names = "--pan",
            description = "PAN text-alignment corpus with pairs, susp/, src/, gold/ (default: CORPORA/pan13-text-alignment).")
    Path pan;

    @Option(names = "--googlenews", description = "Titles and labels, one a line (default: CORPORA/googlenews-titles).")
    Path googleNews;

    @Option(names = "--polnear", description = "PolNeAR with metadata.tsv and SPLIT/text/ (default: CORPORA/polnear).")
    Path polnear;

    @Option(names = "--html-dates", description = "HTML pages with dates.tsv (file<TAB>YYYY-MM-DD) to score publication dates "
            + "on (default: CORPORA/html-dates, when present).")
    Path htmlDates;

    @Option(names = "--polnear-split", defaultValue = "dev",
            description = "PolNeAR split the quote figures are measured on (default: ${DEFAULT-VALUE}; develop on train).")
    String polnearSplit;

    @Option(names = "--ecbplus", description = "ECB+ articles with stories, topics and entity chains (default: CORPORA/ecbplus-dev).")
    Path ecbplus;

    @Option(names = "--tempeval",
            description = "TimeML documents (.tml, any depth) with gold TIMEX3 values (default: CORPORA/tempeval3/TBAQ-cleaned).")
    Path tempeval;

    @Option(names = "--discrepancies", description = "The discrepancy test set: one folder per story with its articles and expected.json "
            + "(default: testdata/discrepancies in this repository).")
    Path discrepancies;

    @Option(names = "--discrepancies-heldout",
            description = "A second discrepancy set, written after the code it scores and never tuned on, "
            + "printed as heldout.* (default: testdata/discrepancies-heldout in this repository).")
    Path discrepanciesHeldout;

    @Option(names = "--judged", description = "Judged discrepancies on real corpora, a tab-separated file (default: "
            + "testdata/discrepancies-judged/judged.tsv in this repository); its corpus folders are under CORPORA.")
    Path judged;

    @Option(names = "--summaries", description = "Document sets with reference summaries to score the summaries on with ROUGE: "
            + "SET/docs/ and SET/references/ per set, or DUC's docs/SET/ and models/ (default: CORPORA/summaries when present, else "
            + "testdata/summaries in this repository).")
    Path summaries;

    @Option(names = "--summary-bytes", defaultValue = "665",
            description = "Bytes of each summary scored, as DUC 2004 did (default: ${DEFAULT-VALUE}; 0 for the whole summary).")
    int summaryBytes;

    @Option(names = "--only", split = ",",
            description = "Run only these: seeds, pan, googlenews, polnear, ecbplus, tempeval, discrepancies, judged, names, html-dates, "
            + "summaries.")
    List<String> only;

    /** The names {@code --only} takes, in the order the evaluations run. */
    static final List<String> EVALUATIONS = List.of("seeds", "pan", "googlenews", "polnear", "ecbplus", "tempeval", "discrepancies",
            "judged", "names", "html-dates", "summaries");

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (only != null) {
            for (String o : only) {
                if (!EVALUATIONS.contains(o)) {
                    // a misspelt name would otherwise run nothing and exit 0, which reads as "all passed"
                    throw new CommandLine.ParameterException(spec.commandLine(), "--only: no evaluation is called '" + o
                            + "' (the names are " + String.join(", ", EVALUATIONS) + ")");
                }
            }
        }
        Path s = seeds != null ? seeds : corpora.resolve("seeds");
        Path se = seedsExpected != null ? seedsExpected : corpora.resolve("seeds.expected.json");
        Path p = pan != null ? pan : corpora.resolve("pan13-text-alignment");
        Path g = googleNews != null ? googleNews : corpora.resolve("googlenews-titles");
        Path pn = polnear != null ? polnear : corpora.resolve("polnear");
        Path ecb = ecbplus != null ? ecbplus : corpora.resolve("ecbplus-dev");
        int missing = 0;
        if (wanted("seeds")) {
            if (Files.isDirectory(s) && Files.isRegularFile(se)) {
                Evaluations.SeedReport r = Evaluations.seeds(s, se, Runner.defaultEmbedder());
                print(r.metrics());
                r.failures().forEach(f -> System.err.println("seeds: " + f));
            } else { System.err.println("skipped seeds: " + s + " or " + se + " not found"); missing++; }
        }
        if (wanted("pan")) {
            if (Files.isDirectory(p)) print(Evaluations.pan(p, Aligner.Settings.defaults()));
            else { System.err.println("skipped pan13: " + p + " not found"); missing++; }
        }
        if (wanted("googlenews")) {
            if (Files.isDirectory(g)) print(Evaluations.googleNews(g, Runner.defaultEmbedder(), StoryGrouper.Settings.shortTexts()));
            else { System.err.println("skipped googlenews: " + g + " not found"); missing++; }
        }
        if (wanted("polnear")) {
            if (Files.isRegularFile(pn.resolve("metadata.tsv"))) {
                print(Evaluations.polnearTitles(pn));
                if (Files.isDirectory(pn.resolve("dev").resolve("attributions"))) print(Evaluations.polnearQuotes(pn.resolve(polnearSplit),
                        Runner.defaultEmbedder()));
            }
            else { System.err.println("skipped polnear: " + pn + " not found"); missing++; }
        }
        if (wanted("ecbplus")) {
            if (Files.isRegularFile(ecb.resolve("labels.tsv"))) print(Evaluations.ecbplus(ecb, Runner.defaultEmbedder()));
            else { System.err.println("skipped ecbplus: " + ecb + " not found"); missing++; }
        }
        Path te = tempeval != null ? tempeval : corpora.resolve("tempeval3").resolve("TBAQ-cleaned");
        if (wanted("tempeval")) {
            if (Files.isDirectory(te)) print(Evaluations.tempeval(te));
            else { System.err.println("skipped tempeval3: " + te + " not found"); missing++; }
        }
        if (wanted("discrepancies")) {
            Path dd = discrepancies != null ? discrepancies : Files.isDirectory(Path.of("testdata/discrepancies"))
                    ? Path.of("testdata/discrepancies")
                    : Path.of("../testdata/discrepancies");
            if (Files.isDirectory(dd)) print(Evaluations.discrepancies(dd));
            else { System.err.println("skipped discrepancies: " + dd + " not found"); missing++; }
            Path dh = discrepanciesHeldout != null ? discrepanciesHeldout : Files.isDirectory(Path.of("testdata/discrepancies-heldout"))
                    ? Path.of("testdata/discrepancies-heldout") : Path.of("../testdata/discrepancies-heldout");
            if (Files.isDirectory(dh)) print(Evaluations.discrepancies(dh, "heldout"));
            else { System.err.println("skipped held-out discrepancies: " + dh + " not found"); missing++; }
        }
        if (wanted("judged")) {
            Path j = judged != null ? judged : Files.isRegularFile(Path.of("testdata/discrepancies-judged/judged.tsv"))
                    ? Path.of("testdata/discrepancies-judged/judged.tsv") : Path.of("../testdata/discrepancies-judged/judged.tsv");
            if (Files.isRegularFile(j)) print(Evaluations.judged(j, corpora));
            else { System.err.println("skipped judged discrepancies: " + j + " not found"); missing++; }
        }
        if (wanted("names")) print(Evaluations.nameVariants());
        Path hd = htmlDates != null ? htmlDates : corpora.resolve("html-dates");
        if (wanted("html-dates")) {
            if (Files.isRegularFile(hd.resolve("dates.tsv"))) print(Evaluations.htmlDates(hd));
            else if (htmlDates != null || only != null) { System.err.println("skipped html-dates: " + hd.resolve("dates.tsv")
                    + " not found"); missing++; }
            else System.err.println("html-dates: no labelled HTML pages at " + hd + " (give --html-dates DIR)");
        }
        Path su = summaries != null ? summaries : Files.isDirectory(corpora.resolve("summaries")) ? corpora.resolve("summaries")
                : Files.isDirectory(Path.of("testdata/summaries")) ? Path.of("testdata/summaries") : Path.of("../testdata/summaries");
        if (wanted("summaries")) {
            if (Files.isDirectory(su)) print(Evaluations.summaries(su, Runner.defaultEmbedder(), summaryBytes));
            else { System.err.println("skipped summaries: " + su + " not found"); missing++; }
        }
        return missing == 0 ? 0 : 1;
    }

    private boolean wanted(String name) { return only == null || only.contains(name); }

    private static void print(Map<String, Double> m) {
        m.forEach((k, v) -> System.out.println(k + " " + (v == Math.rint(v) && Math.abs(v) < 1e9 && !k.endsWith("nmi") && !k.endsWith("ari")
                ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.4f", v))));
    }
}
