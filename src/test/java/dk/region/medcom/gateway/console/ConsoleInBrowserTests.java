package dk.region.medcom.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.region.medcom.gateway.system.GatewayIntegrationTest;
import dk.region.medcom.gateway.system.GatewayTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dk.region.medcom.gateway.system.TestRecipients;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser: Debian's headless Chromium, driven through its ChromeDriver by
 * Selenium, both installed by bench/chromium.sh when missing. Screenshots go to
 * target/console-screenshots/. One browser for the class, held statically: with a PER_CLASS test
 * instance, Camel Test started the context without its routes.
 */
@GatewayIntegrationTest
class ConsoleInBrowserTests extends GatewayTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String VALID_XDIS91 = "xdis91/xdis91-valid-needs-assessment.xml";
    /** A location number not in the directory until a test adds it. */
    private static final String NEW_RECIPIENT = "5790001999995";

    @LocalServerPort
    int port;
    private static WebDriver browser;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        String[] installed = install();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[0]);
        // as the machine's notes say: no sandbox as root, no background connections on a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(installed[1]).toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorLogsInSeesADroppedLetterDeliveredAndOpensIt() throws IOException {
        String envelope = uniqueEnvelopeId();
        drop("browser-" + envelope + ".xml", sampleWithEnvelopeId(VALID_XDIS91, envelope));

        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        screenshot("login");
        browser.findElement(By.name("username")).sendKeys("operator");
        browser.findElement(By.name("password")).sendKeys("demo-operator");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        screenshot("dashboard");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url("/messages?envelopeId=" + envelope));
            return browser.findElements(By.cssSelector("table.list tbody tr.state-DELIVERED")).size() == 1;
        });
        screenshot("messages");
        browser.findElement(By.cssSelector("table.list tbody tr a")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElements(By.cssSelector("dl.facts")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(envelope, "5790000100019");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSizeGreaterThanOrEqualTo(6);
        screenshot("message");
        browser.findElement(By.name("reason")).sendKeys("browser test");
        browser.findElement(By.cssSelector("form.contents button")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElements(By.cssSelector("table.code tr")).isEmpty());
        screenshot("contents");
        browser.navigate().back();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.getCurrentUrl().contains("/contents"));

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        awaitPage("/login?logout");
    }

    /** Issue #18: an invalid letter's finding is shown at its place in the original. */
    @Test
    void anInvalidLettersFindingIsHighlightedAtItsLine() throws IOException {
        String envelope = uniqueEnvelopeId();
        drop("browser-invalid-" + envelope + ".xml",
                sampleWithEnvelopeId("xdis91/xdis91-invalid-subject-too-long.xml", envelope));
        logIn("operator", "demo-operator");
        open("/messages?state=QUARANTINED&envelopeId=" + envelope, "table.list tbody tr.state-QUARANTINED");
        browser.findElement(By.cssSelector("table.list tbody tr a")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElements(By.cssSelector("form.contents button")).isEmpty());
        browser.findElement(By.cssSelector("form.contents button")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElements(By.cssSelector("table.code tr.marked")).isEmpty());
        WebElement marked = browser.findElement(By.cssSelector("table.code tr.marked"));
        assertThat(marked.getText()).contains("Subject");
        browser.findElement(By.cssSelector(".findings-list a")).click();
        assertThat(browser.getCurrentUrl()).contains("#original-");
        screenshot("finding-highlighted");
    }

    /** Issue #18: the directory is fixed, the quarantined letter released, and its sender gets a positive receipt. */
    @Test
    void aLetterQuarantinedForAnUnknownReceiverIsReleasedAfterTheDirectoryIsFixed() throws IOException {
        String envelope = uniqueEnvelopeId();
        drop("browser-unknown-" + envelope + ".xml", sampleTo(VALID_XDIS91, envelope, NEW_RECIPIENT));
        logIn("operator", "demo-operator");
        open("/messages?state=QUARANTINED&envelopeId=" + envelope, "table.list tbody tr.state-QUARANTINED");
        String id = browser.findElement(By.cssSelector("table.list tbody input[name=ids]")).getAttribute("value");

        Path directory = TestRecipients.fileFor(DATA_DIR);
        Files.writeString(directory, Files.readString(directory) + """
                  - location-number: "%s"
                    name: "Practice added by the operator"
                    channel: folder
                    formats: [XDIS91]
                """.formatted(NEW_RECIPIENT));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            browser.get(url("/directory?q=" + NEW_RECIPIENT));
            return browser.getPageSource().contains("Practice added by the operator");
        });

        open("/messages?state=QUARANTINED&envelopeId=" + envelope, "table.list tbody tr.state-QUARANTINED");
        act("RELEASE", "receiver added to the directory");
        // the negative receipt of the quarantine came first; the positive one replaces it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                find(outbox("5790000100019"), id + "-receipt").map(ConsoleInBrowserTests::read)
                        .filter(receipt -> receipt.contains("PositiveReceipt")).isPresent());
        open("/messages/" + id, "ol.timeline li.state-DELIVERED");
        assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText())
                .contains("released by operator: receiver added to the directory", "positive receipt");
        screenshot("released");
    }

    /** Issue #18: a letter its recipient never took is a dead letter; once the recipient is back, it is resent. */
    @Test
    void aDeadLetterIsResentOnceItsRecipientIsBack() throws IOException {
        String envelope = uniqueEnvelopeId();
        TestRecipients.failNextHttpDeliveries(3);
        drop("browser-dead-" + envelope + ".xml", sampleTo(VALID_XDIS91, envelope, TestRecipients.HTTP_RECIPIENT));
        logIn("operator", "demo-operator");
        open("/messages?state=DEAD_LETTER&envelopeId=" + envelope, "table.list tbody tr.state-DEAD_LETTER");
        screenshot("dead-letters");
        int taken = TestRecipients.httpDeliveriesTaken();
        act("RESEND", "recipient back after its outage");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("1 of 1 done");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestRecipients.httpDeliveriesTaken() > taken);
    }

    /** Issue #18: a sender sees only its own letters; an auditor's CPR search shows in the audit log. */
    @Test
    void aSenderSeesItsOwnAndAnAuditorsCprSearchIsAudited() throws IOException {
        String envelope = uniqueEnvelopeId();
        drop("browser-own-" + envelope + ".xml", sampleWithEnvelopeId(VALID_XDIS91, envelope));
        logIn("sender", "demo-sender");
        open("/messages?envelopeId=" + envelope, "table.list tbody tr.state-DELIVERED");
        assertThat(browser.findElements(By.cssSelector("input[name=ids]"))).as("a sender acts on nothing").isEmpty();
        browser.get(url("/directory"));
        assertThat(browser.getPageSource()).doesNotContain("Recipient directory");

        logIn("auditor", "demo-auditor");
        browser.get(url("/audit"));
        browser.findElement(By.name("cpr")).sendKeys("0101904016");
        String reason = "browser audit for the patient 0101904016 " + envelope.replaceAll("[0-9]", "x");
        browser.findElement(By.name("reason")).sendKeys(reason);
        browser.findElement(By.cssSelector("form[action$='/audit/cpr-search'] button")).click();
        awaitPage("/audit/cpr-search");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("010190-****").doesNotContain("0101904016");
        screenshot("cpr-search");
        browser.get(url("/audit"));
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the reason is kept, a CPR number in it masked")
                .contains(reason.replace("0101904016", "**********")).doesNotContain("0101904016");
        screenshot("audit");
    }

    /** Issue #18: a form posted without its CSRF token is refused, even from a logged-in browser. */
    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        logIn("operator", "demo-operator");
        browser.get(url("/messages"));
        ((JavascriptExecutor) browser).executeScript(
                "var form = document.createElement('form'); form.method = 'post'; form.action = '/actions';"
                        + "var f = document.createElement('input'); f.name = 'action'; f.value = 'HANDLED'; form.appendChild(f);"
                        + "document.body.appendChild(form); form.submit();");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().endsWith("/actions"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("403", "this user may not do this")
                .doesNotContain("Confirm");
    }

    private void logIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // a click returns before the browser has followed the redirect
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    /** Waits until the browser shows {@code path}: a click on a form returns before its answer is in. */
    private void awaitPage(String path) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> browser.getCurrentUrl().endsWith(path));
    }

    /** Opens {@code path} until {@code selector} shows (the pipeline is working meanwhile). */
    private void open(String path, String selector) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url(path));
            return !browser.findElements(By.cssSelector(selector)).isEmpty();
        });
    }

    /** Ticks every message in the list, acts with a comment and confirms. */
    private void act(String action, String comment) {
        browser.findElement(By.cssSelector("input.select-all")).click();
        browser.findElement(By.name("comment")).sendKeys(comment);
        browser.findElement(By.cssSelector("button[value=" + action + "]")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> !browser.findElements(By.cssSelector("button.danger")).isEmpty());
        browser.findElement(By.cssSelector("button.danger")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getPageSource().contains("of 1 done")
                || browser.getPageSource().contains(" done</p>"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Chromium and ChromeDriver's paths, after bench/chromium.sh made sure they are installed. */
    private static String[] install() throws Exception {
        Process process = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . bench/chromium.sh; install_chromium; echo \"$CHROMIUM\"; echo \"$CHROMEDRIVER\"")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(900, TimeUnit.SECONDS)).as("bench/chromium.sh finished").isTrue();
        assertThat(process.exitValue()).as("bench/chromium.sh: " + output).isZero();
        String[] lines = output.strip().split("\n");
        return new String[] {lines[lines.length - 2].strip(), lines[lines.length - 1].strip()};
    }
}
