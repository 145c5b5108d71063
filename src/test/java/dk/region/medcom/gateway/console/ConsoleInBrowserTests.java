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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
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

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        screenshot("login");
        browser.findElement(By.name("username")).sendKeys("operator");
        browser.findElement(By.name("password")).sendKeys("demo-operator");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        screenshot("dashboard");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url("/messages?envelopeId=" + envelope));
            return browser.findElements(By.cssSelector("table.list tbody tr.state-DELIVERED")).size() == 1;
        });
        screenshot("messages");
        browser.findElement(By.cssSelector("table.list tbody tr a")).click();
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(envelope, "5790000100019");
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSizeGreaterThanOrEqualTo(6);
        screenshot("message");
        browser.findElement(By.name("reason")).sendKeys("browser test");
        browser.findElement(By.cssSelector("form.contents button")).click();
        assertThat(browser.findElements(By.cssSelector("table.code tr"))).isNotEmpty();
        screenshot("contents");
        browser.navigate().back();

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
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
