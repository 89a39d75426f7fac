package org.storytrace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.storytrace.core.TestCorpora;
import org.storytrace.engine.Engine;
import org.storytrace.engine.EngineSettings;
import org.storytrace.store.Archive;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven by its ChromeDriver through Selenium
 * (nothing downloaded: the driver's path is given), against a server on 127.0.0.1 over a store of the seeds,
 * the bundled example and some hostile pages. {@code .ci/run} installs {@code chromium} and {@code chromium-driver}.
 */
class ServerBrowserIT {
    @TempDir static Path tmp;
    static StoryServer server;
    static String base;
    static ChromeDriver browser;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path hostile = tmp.resolve("hostile");
        Files.createDirectories(hostile);
        Files.writeString(hostile.resolve("script-page.html"),
                "<html><head><title>Harbour <script>window.__pwned='title'</script> news</title></head><body><article>"
                + "<h1>Harbour cranes <img src=x onerror=\"window.__pwned='onerror'\"> stand idle</h1>"
                + "<p>Dock workers in the port of Calder stopped work on Monday, the union said, after talks with the harbour "
                        + "board broke down over pay.</p>"
                + "<script>window.__pwned = 'script';</script>"
                + "<p>The strike <a href=\"javascript:window.__pwned='href'\">spread</a> to two other terminals by the evening, "
                        + "and ships waited offshore.</p>"
                + "<p onmouseover=\"window.__pwned='handler'\">Union leaders said they would meet the board again on Thursday "
                        + "to discuss the offer.</p>"
                + "</article></body></html>");
        Files.writeString(hostile.resolve("feed.jsonl"), JSON.writeValueAsString(Map.of(
                "id", "hostile-json", "title", "<script>window.__pwned='json-title'</script>Calder strike <b onclick=\"x()\">spreads</b>",
                "url", "javascript:window.__pwned='url'", "outlet", "<img src=x onerror=\"window.__pwned='outlet'\">Evil Wire",
                "text", "Dock workers in the port of Calder stopped work on Monday after talks over pay broke down. "
                        + "<script>window.__pwned='text'</script> "
                        + "The strike spread to two other terminals by the evening, and ships waited offshore for a second day.")) + "\n");
        String store = tmp.resolve("store").toString();
        Engine.Builder deep = Engine.builder(EngineSettings.builder().threads(2).build()).deepTier();
        try (Archive a = Archive.open(store, null, deep, null)) {
            a.ingest(List.of("../examples/corpus", TestCorpora.root().resolve("seeds").toString(), hostile.toString()), null);
            a.analyse();
        }
        server = StoryServer.open(store, null, Engine.builder(EngineSettings.builder().threads(2).build()).deepTier(),
                StoryServer.Config.local(0));
        base = "http://127.0.0.1:" + server.start();
        server.awaitReady();

        File driver = new File(System.getProperty("storytrace.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("storytrace.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver (" + chromium + ", " + driver
                    + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update",
                "--disable-quic", "--no-first-run", "--disable-sync", "--window-size=1280,1600", "--user-data-dir="
                        + tmp.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (server != null) server.close();
        }
    }

    private static String norm(String s) {
        return s.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The share of a passage's word 4-grams that lie inside the marked text. */
    private static double covered(String passage, String marked) {
        String[] w = norm(passage).split(" ");
        int n = 0, in = 0;
        for (int i = 0; i + 4 <= w.length; i++) {
            n++;
            if (marked.contains(String.join(" ", Arrays.copyOfRange(w, i, i + 4)))) in++;
        }
        return n == 0 ? 0 : (double) in / n;
    }

    @Test
    void theSeedStoryShowsItsSharedPassagesOnBothSidesAndAnEntity() throws Exception {
        browser.get(base + "/");
        List<WebElement> links = browser.findElements(By.cssSelector("a.story-link"));
        assertTrue(links.size() >= 5, "the story list lists the stories");
        // the story of the three reports, by its title in the list
        String storyId = null;
        JsonNode all = JSON.readTree(new URL(base + "/api/stories?size=100"));
        for (JsonNode s : all.get("stories")) {
            JsonNode d = JSON.readTree(new URL(base + "/api/stories/" + s.get("id").asText()));
            Set<String> ids = new HashSet<>();
            for (JsonNode a : d.get("story").get("articles")) ids.add(a.asText());
            if (ids.containsAll(Set.of("000_8fce433b631a5525", "002_e924190dd1f865ae", "003_a823ca92ff81a94e"))) storyId = s.get("id")
                    .asText();
        }
        WebElement link = browser.findElement(By.cssSelector("a.story-link[href='/stories/" + storyId + "']"));
        link.click();
        assertTrue(browser.getCurrentUrl().endsWith("/stories/" + storyId));
        assertFalse(browser.findElement(By.id("story-title")).getText().isBlank());
        WebElement pair = browser.findElement(By.cssSelector(".pair[data-a='000_8fce433b631a5525'][data-b='002_e924190dd1f865ae']"));
        List<WebElement> sides = pair.findElements(By.cssSelector(".side"));
        assertEquals(2, sides.size());
        JsonNode expected = JSON.readTree(TestCorpora.root().resolve("seeds.expected.json").toFile());
        List<String> passages = new ArrayList<>();
        for (JsonNode e : expected.get("reuse").get("expected")) {
            if (e.path("pair").toString().contains("000_") && e.path("pair").toString().contains("002_")) e.path("must_include_passages")
                    .forEach(p -> passages.add(p.asText()));
        }
        assertEquals(4, passages.size());
        for (WebElement side : sides) {
            StringBuilder marked = new StringBuilder();
            for (WebElement m : side.findElements(By.cssSelector("mark.reuse"))) marked.append(norm(m.getAttribute("textContent")))
                    .append(" | ");
            for (String p : passages) {
                double c = covered(p, marked.toString());
                assertTrue(c >= 0.8, "highlighted on " + side.getAttribute("data-article") + ": " + p + " (" + c + ")");
            }
            // highlighted means painted: the mark has a background
            String bg = side.findElement(By.cssSelector("mark.reuse")).getCssValue("background-color");
            assertFalse(bg.contains("rgba(0, 0, 0, 0)") || bg.equals("transparent"), bg);
        }
        // a citation of the summary lands on its sentence in the article
        String cite = browser.findElement(By.cssSelector("#summary a.cite")).getAttribute("href");
        assertTrue(cite.contains("#at-"), cite);
        browser.get(cite);
        assertFalse(browser.findElements(By.id(cite.substring(cite.indexOf('#') + 1))).isEmpty(), "the anchor " + cite + " exists");
        browser.get(base + "/stories/" + storyId);
        // an entity of the story, with its spellings
        WebElement entity = browser.findElement(By.cssSelector("#entities a[href^='/entities/']"));
        String name = entity.getText();
        entity.click();
        assertEquals(name, browser.findElement(By.id("entity-name")).getText());
        assertFalse(browser.findElements(By.cssSelector("#variants tbody tr")).isEmpty());
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(tmp.resolve("entity.png"), png);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int lum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                if (lum < 300) dark++;
            }
        }
        assertTrue(colours.size() > 20 && dark > 200, "the screenshot shows a page: " + colours.size() + " colours, " + dark
                + " dark samples");
    }

    @Test
    void nothingInAHostilePageRunsInTheBrowser() throws Exception {
        JsonNode found = JSON.readTree(new URL(base + "/api/stories?q=Calder"));
        assertTrue(found.get("total").asInt() >= 1, "the hostile pages were ingested: " + found);
        List<String> pages = new ArrayList<>(List.of("/", "/?q=Calder", "/articles/hostile-json", "/articles/script-page"));
        for (JsonNode s : found.get("stories")) pages.add("/stories/" + s.get("id").asText());
        for (String p : pages) {
            browser.get(base + p);
            assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), p);
            Object pwned = ((JavascriptExecutor) browser)
                    .executeScript("return window.__pwned === undefined ? null : String(window.__pwned)");
            assertNull(pwned, "a script of the page ran on " + p);
            assertTrue(browser.findElements(By.cssSelector("main script, main img[onerror], main [onmouseover], main [onclick], "
                    + "main a[href^='javascript:']")).isEmpty(),
                    "no markup of an article became markup of the page on " + p);
        }
        browser.get(base + "/articles/hostile-json");
        String shown = browser.findElement(By.id("article-title")).getText();
        assertTrue(shown.contains("<script>"), "the title's markup is shown as text: " + shown);
        assertTrue(browser.findElements(By.cssSelector("a[href^='javascript:']")).isEmpty(), "a javascript: URL is not linked");
    }
}
