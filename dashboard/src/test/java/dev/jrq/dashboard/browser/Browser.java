package dev.jrq.dashboard.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, never through Selenium Manager (nothing may be
 * downloaded). Missing binaries fail the test when {@code JRQ_REQUIRE_BROWSER=1} (CI) and skip it otherwise.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path LOG = Path.of("target", "chromedriver.log");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts headless Chromium at 1280×900, or fails/skips saying what to install. */
    static Browser start() {
        requireBinaries();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(driverLog()) // why: Chromium's D-Bus complaints in a container are noise, not news
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                        "--disable-gpu", "--hide-scrollbars", "--lang=en-US", "--disable-extensions",
                        "--no-first-run", "--disable-background-networking");
        return new Browser(new ChromeDriver(service, options));
    }

    private static OutputStream driverLog() {
        try {
            Files.createDirectories(LOG.getParent());
            return Files.newOutputStream(LOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + LOG, e);
        }
    }

    private static void requireBinaries() {
        List<Path> missing = List.of(CHROMIUM, CHROMEDRIVER).stream().filter(p -> !Files.isExecutable(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the browser test needs Debian's Chromium and its driver (missing: " + missing
                + "); install them with: apt-get install chromium chromium-driver";
        if ("1".equals(System.getenv("JRQ_REQUIRE_BROWSER"))) {
            fail(reason);
        }
        System.out.println("[jrq-test] SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        waitFor("the page script to start", d -> "true".equals(script("return document.documentElement.dataset.ready")));
    }

    /** Waits until {@code condition} holds (non-null, non-false), failing with what the page shows. */
    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class) // why: live updates re-render parts of the page
                    .until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what
                    + "\n--- page at " + driver.getCurrentUrl() + " ---\n" + pageText(), e);
        }
    }

    /**
     * Clicks the element, finding it again if a live update re-rendered it between the find and the click (the
     * element a test found can go stale when an SSE event redraws its part of the page).
     */
    void click(By by) {
        waitFor("a clickable " + by, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    WebElement waitForElement(String what, By by) {
        return waitFor(what, d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the element's text passes {@code test}, and returns that text. */
    String waitForText(String what, By by, java.util.function.Predicate<String> test) {
        return waitFor(what, d -> {
            String text = textOf(by);
            return text != null && test.test(text) ? text : null;
        });
    }

    /** The text of the element, or null when there is none (for waits). */
    String textOf(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String pageText() {
        try {
            return String.valueOf(script("return document.body ? document.body.innerText : ''"));
        } catch (RuntimeException e) {
            return "(page text unavailable: " + e.getMessage() + ")";
        }
    }

    /** Makes the viewport {@code width} CSS pixels wide, as a phone would (Chrome's windows cannot be narrower than 500). */
    void emulateWidth(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        waitFor("the viewport to be " + width + " px wide",
                d -> ((Number) script("return window.innerWidth")).intValue() == width);
    }

    void resetWidth() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Saves the whole page (not only the viewport) as {@code target/screenshots/<name>} and prints its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number width = (Number) script("return window.innerWidth");
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, window.innerHeight)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path file = SCREENSHOTS.resolve(name);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            System.out.println("[jrq-test] screenshot " + file.toAbsolutePath());
            return file;
        } catch (IOException e) {
            throw new AssertionError("could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
