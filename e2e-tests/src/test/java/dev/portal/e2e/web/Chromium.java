package dev.portal.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile, driven over
 * WebDriver, with the few gestures the portal's pages need: open a page and wait until the client has rendered it,
 * fill fields by name, press buttons by their visible text, read alerts and field errors, take screenshots at
 * desktop and phone width, and run axe-core.
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("PORTAL_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("PORTAL_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(360, 780);
    // generous: on two shared cores under other builds a page's few calls through the gateway can take many seconds
    private static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("browser tests need Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
                    + "): run `apt-get install -y chromium chromium-driver` as root, or ./portal test, which does");
        }
        Path profile = Files.createTempDirectory("portal-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=ja",
                "--force-device-scale-factor=1");
        // the page's console, quoted when a page never settles (a script error shows there, not in the DOM)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver, profile);
    }

    /** From now on this browser arrives as the given client address (see {@link PortalUsers} for why). */
    Chromium actAsClient(String address) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
        return this;
    }

    /** Forgets this browser's session: cookies and stored preferences (the language). */
    void forgetEverything() {
        driver.get(WebSuite.gateway("/.well-known/jwks.json")); // same origin, no page: nothing of the client runs
        // every cookie, also those of paths not open now (the refresh cookie lives under /api/auth)
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        ((JavascriptExecutor) driver).executeScript("try { localStorage.clear(); } catch (e) {}");
        driver.manage().window().setSize(DESKTOP);
    }

    /** Loads a page the way typing its address does, and waits until the client has rendered it. */
    Chromium open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : WebSuite.gateway(pathOrUrl));
        return awaitIdle();
    }

    /** Waits until the client has started and no page or section is still loading. */
    Chromium awaitIdle() {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the client to settle at " + driver.getCurrentUrl() + " (ready: "
                        + script("return document.documentElement.dataset.ready") + ", busy: "
                        + script("return [...document.querySelectorAll('[aria-busy=true]')].map(e => e.tagName + '#' + e.id).join()") + ", console: "
                        + consoleLog() + ", loaded: " + script("return performance.getEntriesByType('resource')"
                        + ".map(e => new URL(e.name).pathname + ' ' + Math.round(e.duration) + 'ms').join(', ')") + ")")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.dataset.ready === 'true' && !document.querySelector('[aria-busy=true]')")));
        return this;
    }

    private String consoleLog() {
        try {
            return driver.manage().logs().get("browser").getAll().stream().map(entry -> entry.getLevel() + " " + entry.getMessage())
                    .toList().toString();
        } catch (RuntimeException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    Chromium awaitHeading(String text) {
        // the page may swap its heading between finding and reading it (a new page renders): look again
        new WebDriverWait(driver, WAIT).withMessage(() -> "heading '" + text + "', page shows: " + mainText())
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> heading().equals(text));
        return awaitIdle();
    }

    String heading() {
        List<WebElement> headings = driver.findElements(By.cssSelector("main h1"));
        return headings.isEmpty() ? "" : headings.getFirst().getText().strip();
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    String path() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.pathname + location.search");
    }

    /** Types into the field named {@code name} (the API's field name), replacing what it held. */
    Chromium fill(String name, String value) {
        WebElement field = field(name);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Types into the field named {@code name} inside the section labelled by the heading with this id (pages with several forms). */
    Chromium fillIn(String headingId, String name, String value) {
        WebElement field = driver.findElement(By.xpath("//section[@aria-labelledby='" + headingId + "']//*[@name='" + name + "']"));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Chromium choose(String name, String visibleText) {
        new Select(field(name)).selectByVisibleText(visibleText);
        return this;
    }

    WebElement field(String name) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector("main [name='" + name + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The visible label of a field, as a screen reader announces it. */
    String labelOf(String name) {
        String id = field(name).getAttribute("id");
        return driver.findElement(By.cssSelector("label[for='" + id + "']")).getText().strip();
    }

    /** The error shown next to a field (empty when none); it must also be what the field is described by. */
    String fieldError(String name) {
        WebElement field = field(name);
        List<WebElement> errors = driver.findElements(By.id(field.getAttribute("id") + "-error"));
        if (errors.isEmpty() || !errors.getFirst().isDisplayed()) {
            return "";
        }
        assertThat(field.getAttribute("aria-describedby")).contains(errors.getFirst().getAttribute("id"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        return errors.getFirst().getText().strip();
    }

    /** Clicks the button (or link) whose visible text is exactly this, then waits for the client to settle. */
    Chromium press(String text) {
        WebElement target = new WebDriverWait(driver, WAIT).withMessage(() -> "a button or link '" + text + "' on: " + mainText())
                .until(d -> d.findElements(By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text + "']"))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        target.click();
        return awaitIdle();
    }

    /** Clicks a button inside the section labelled by the heading with this id (pages with several forms). */
    Chromium pressIn(String headingId, String text) {
        driver.findElement(By.xpath("//section[@aria-labelledby='" + headingId + "']//button[normalize-space(.)='" + text + "']")).click();
        return awaitIdle();
    }

    /** The text of the visible alert (errors) that appeared after the last action. */
    String alert() {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "an alert on: " + mainText())
                .until(d -> d.findElements(By.cssSelector("main [role=alert]")).stream()
                        .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                        .findFirst().orElse(null)).strip();
    }

    /** The text of the visible status message (success, notices). */
    String notice() {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "a status message on: " + mainText())
                .until(d -> d.findElements(By.cssSelector("main .alert[role=status]")).stream()
                        .filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> !text.isBlank())
                        .findFirst().orElse(null)).strip();
    }

    /** The element that has the keyboard focus, described for assertions. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void key(CharSequence... keys) {
        focused().sendKeys(keys);
    }

    void tab() {
        key(Keys.TAB);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The page at desktop and at 360 px width, each as a full-page PNG under target/screenshots, and axe-core's
     * verdict at both widths: no serious or critical violation.
     */
    void inspect(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        for (Map.Entry<String, Dimension> size : Map.of("desktop", DESKTOP, "phone", PHONE).entrySet()) {
            driver.manage().window().setSize(size.getValue());
            awaitIdle();
            assertNoSeriousViolations(name + " (" + size.getKey() + ")");
            assertThat((Long) script("return document.documentElement.scrollWidth"))
                    .as("%s at %s: nothing wider than the window", name, size.getKey())
                    .isLessThanOrEqualTo((long) size.getValue().width);
            Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"), fullPage(size.getValue().width));
        }
        driver.manage().window().setSize(DESKTOP);
        awaitIdle();
    }

    /** The whole page, not just the window, as Chromium renders it at this width. */
    private byte[] fullPage(int width) {
        long height = Math.min(6000, (Long) script("return Math.ceil(document.documentElement.scrollHeight)"));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return java.util.Base64.getDecoder().decode((String) shot.get("data"));
    }

    void assertNoSeriousViolations(String where) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Chromium::describe).toList();
        assertThat(serious).as("axe-core: serious or critical violations on " + where).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
