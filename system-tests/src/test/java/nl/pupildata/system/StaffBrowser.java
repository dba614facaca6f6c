package nl.pupildata.system;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.pupildata.infra.EmbeddedKeycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (no driver download): signs in at Keycloak as a demo
 * user, fills the staff page's forms, takes the screenshots committed in docs/screenshots, and runs axe-core on
 * every page it is asked to (WCAG 2.1 A and AA rules; a serious or critical violation fails the test).
 */
final class StaffBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = SystemUnderTest.ROOT.resolve("docs/screenshots");
    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Per page: how axe-core judged it (for the report in target/axe-report.md). */
    static final Map<String, String> AXE_REPORT = new TreeMap<>();
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    final ChromeDriver driver;
    final String web;

    StaffBrowser(String webUrl) {
        this.web = webUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--accept-lang=nl-NL", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-quic",
                "--disable-extensions", "--disable-sync",
                "--force-device-scale-factor=1", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    // --- signing in and out ------------------------------------------------------------------------------

    /** Opens the page, signs in at Keycloak's form as a demo user, and waits for the work list. */
    void signIn(String username) {
        driver.get(web + "/");
        waitFor("Keycloak's sign-in form", () -> !driver.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(EmbeddedKeycloak.DEMO_PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        waitFor("the work list after signing in as " + username,
                () -> driver.getCurrentUrl().startsWith(web) && !driver.findElements(By.tagName("h1")).isEmpty()
                        && driver.findElement(By.tagName("h1")).getText().equals("Werklijst"));
    }

    /** Signs out through the page's link, which ends the Keycloak session too; lands on the signed-out page. */
    void signOut() {
        driver.findElement(By.linkText("Uitloggen")).click();
        waitFor("the signed-out page", () -> driver.getCurrentUrl().startsWith(web + "/afgemeld"));
    }

    // --- reading and acting ------------------------------------------------------------------------------

    void open(String path) {
        driver.get(web + path);
    }

    /** Follows a link (htmx swaps the page in place) and waits until the new page is there. */
    void follow(String linkText) {
        WebElement main = driver.findElement(By.tagName("main"));
        driver.findElement(By.linkText(linkText)).click();
        awaitNewPage(main);
    }

    /** Presses a key on the focused element and waits until it led to a new page. */
    void pressOn(WebElement element, CharSequence key) {
        WebElement main = driver.findElement(By.tagName("main"));
        element.sendKeys(key);
        awaitNewPage(main);
    }

    private void awaitNewPage(WebElement oldMain) {
        waitFor("the next page", () -> {
            try {
                oldMain.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return true;
            }
        });
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Opens an action's short form on the request page (its {@code <details>}) and returns it. */
    WebElement action(String key) {
        WebElement details = driver.findElement(By.id("actie-" + key));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details;
    }

    void type(WebElement scope, String fieldName, String value) {
        WebElement field = scope.findElement(By.name(fieldName));
        field.clear();
        field.sendKeys(value);
    }

    /** Types a date into an {@code <input type=date>} as a Dutch browser shows it (day, month, year). */
    void date(WebElement scope, String fieldName, java.time.LocalDate value) {
        WebElement field = scope.findElement(By.name(fieldName));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value.toString());
    }

    /**
     * Types a date into the focused date field with the keyboard, in the order the browser's own locale shows it
     * (Debian's Chromium without its translations is en-US: month, day, year; a Dutch one: day, month, year).
     */
    void typeDate(WebElement field, java.time.LocalDate value) {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) driver.executeScript("return new Intl.DateTimeFormat(undefined, "
                + "{day: '2-digit', month: '2-digit', year: 'numeric'}).formatToParts(new Date(2017, 2, 1))"
                + ".filter(p => p.type !== 'literal').map(p => p.type)");
        StringBuilder keys = new StringBuilder();
        for (String part : order) {
            keys.append(switch (part) {
                case "day" -> String.format("%02d", value.getDayOfMonth());
                case "month" -> String.format("%02d", value.getMonthValue());
                default -> String.valueOf(value.getYear());
            });
        }
        field.sendKeys(keys);
    }

    void choose(WebElement scope, String fieldName, String visibleText) {
        new Select(scope.findElement(By.name(fieldName))).selectByVisibleText(visibleText);
    }

    void tick(WebElement scope, String fieldName) {
        WebElement box = scope.findElement(By.name(fieldName));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Submits the form the element is in, and waits until the browser shows the answer. */
    /** Fetches a URL in the signed-in page (its session cookie) and says "status content-type". */
    String fetch(String url) {
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                + ".catch(e => done('failed ' + e))", url));
    }

    void submit(WebElement scope) {
        WebElement main = driver.findElement(By.tagName("main"));
        scope.findElement(By.cssSelector("button[type=submit]")).click();
        awaitNewPage(main);
    }

    /** Presses Tab until the element has the focus (at most 150 times): it is reachable with the keyboard alone. */
    WebElement tabTo(By by) {
        WebElement target = driver.findElement(by);
        for (int i = 0; i < 150; i++) {
            if (target.equals(driver.switchTo().activeElement())) {
                return target;
            }
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        fail("not reachable with Tab: " + by);
        return null;
    }

    void waitFor(String what, Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(what)
                .until((WebDriver d) -> condition.get() ? Boolean.TRUE : null);
    }

    /** Reloads until the condition holds (the page shows what the services learn through Kafka a moment later). */
    void reloadUntil(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("the page did not show " + what + " within 60 s: " + driver.getCurrentUrl());
            }
            sleep(500);
            driver.navigate().refresh();
        }
    }

    // --- evidence ----------------------------------------------------------------------------------------

    /** A screenshot of the whole page (the window grown to its height) in docs/screenshots/NAME.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(WIDTH, Math.min(Math.max(height.intValue(), HEIGHT), 6000)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** axe-core on the page as it is now: no serious or critical WCAG 2.1 A/AA violation. */
    void axe(String page) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        assertTrue(results.getErrorMessage() == null || results.getErrorMessage().isBlank(),
                "axe-core ran on " + page + ": " + results.getErrorMessage());
        List<Rule> violations = results.getViolations();
        String summary = violations.isEmpty() ? "no violations"
                : violations.stream().map(v -> v.getId() + " (" + v.getImpact() + ", " + v.getNodes().size() + "×)")
                        .collect(Collectors.joining(", "));
        AXE_REPORT.put(page, results.getPasses().size() + " rules passed; " + summary);
        List<Rule> blocking = violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(blocking.isEmpty(), () -> "axe-core on " + page + ": " + blocking.stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n")));
    }

    static void writeAxeReport() throws IOException {
        Path report = SystemUnderTest.ROOT.resolve("system-tests/target/axe-report.md");
        Files.createDirectories(report.getParent());
        StringBuilder b = new StringBuilder("| page | axe-core (WCAG 2.1 A/AA) |\n|---|---|\n");
        AXE_REPORT.forEach((page, result) -> b.append("| ").append(page).append(" | ").append(result).append(" |\n"));
        Files.writeString(report, b);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
