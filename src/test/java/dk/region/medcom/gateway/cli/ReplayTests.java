package dk.region.medcom.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} against a stand-in for the gateway's API (the real gateway: SamplesReplayTests):
 * which files it posts, its progress and summary lines, the outcome a file name promises, its exit
 * codes, and what it says when nothing listens.
 */
class ReplayTests {

    @TempDir
    Path folder;

    private HttpServer server;
    // the stand-in ends each message in the state its body names
    private final Map<String, String> stateOf = new ConcurrentHashMap<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void startTheStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/messages", this::answer);
        server.start();
    }

    @AfterEach
    void stopTheStandIn() {
        server.stop(0);
    }

    @Test
    void postsOnlyMessageFilesFromSubfoldersTooWithProgressAndASummary() throws IOException {
        write("dis91/dis91-valid-a.edi", "DELIVERED");
        write("dis91/dis91-invalid-b.edi", "QUARANTINED");
        write("xdis91/deeper/xdis91-valid-c.XML", "ACKNOWLEDGED");
        write("README.md", "DELIVERED");
        write("expected-findings.csv", "DELIVERED");
        write("xdis91/.hidden.xml", "DELIVERED");
        write("xdis91/letter.xml.part", "DELIVERED");

        CliTests.Run run = replay();

        assertThat(posted).containsExactlyInAnyOrder("DELIVERED", "QUARANTINED", "ACKNOWLEDGED");
        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.stdout().lines()).containsExactly(
                "[1/3] dis91/dis91-invalid-b.edi t1 QUARANTINED",
                "[2/3] dis91/dis91-valid-a.edi t2 DELIVERED",
                "[3/3] xdis91/deeper/xdis91-valid-c.XML t3 ACKNOWLEDGED",
                "3 files: 2 delivered, 1 quarantined, 0 unexpected");
    }

    @Test
    void checksEachOutcomeAgainstItsNameWhenAskedAndExitsOneOnAnUnexpectedOne() throws IOException {
        write("x-valid-delivered.xml", "DELIVERED");
        write("x-invalid-delivered.xml", "DELIVERED");
        write("x-valid-quarantined.xml", "QUARANTINED");
        write("x-valid-duplicate.xml", "DUPLICATE");
        write("no-promise.xml", "QUARANTINED");

        CliTests.Run unchecked = replay();
        assertThat(unchecked.exitCode()).as("every one reached a final state").isZero();

        CliTests.Run checked = replay("--expect-from-names");

        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.stdout()).contains("x-invalid-delivered.xml t7 DELIVERED  UNEXPECTED: the name promises quarantined")
                .contains("x-valid-quarantined.xml t10 QUARANTINED  UNEXPECTED: the name promises delivered")
                .contains("x-valid-duplicate.xml t9 DUPLICATE  UNEXPECTED: the name promises delivered")
                .contains("x-valid-delivered.xml t8 DELIVERED\n")
                .contains("no-promise.xml t6 QUARANTINED\n")
                .endsWith("5 files: 2 delivered, 2 quarantined, 1 duplicate, 3 unexpected\n");
    }

    @Test
    void aMessageThatNeverEndsIsUnexpected() throws IOException {
        write("x-valid-stuck.xml", "TRANSLATED");

        CliTests.Run run = replay("--timeout", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("x-valid-stuck.xml t1 TRANSLATED  UNEXPECTED")
                .endsWith("1 file: 0 delivered, 0 quarantined, 1 not finished, 1 unexpected\n");
    }

    @Test
    void saysInOneLineThatNoGatewayAnswers() throws IOException {
        write("a-valid-x.xml", "DELIVERED");
        write("b-valid-y.xml", "DELIVERED");
        int nothingListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingListens = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + nothingListens;

        CliTests.Run run = CliTests.runAsTheJar("replay", folder.toString(), "--url", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("no gateway answers at " + url + " (start it, or give --url)\n");
        assertThat(run.stdout()).doesNotContain("FAILED");
    }

    @Test
    void theSummaryNamesOtherOutcomesOnlyWhereThereWereAny() {
        assertThat(ReplayCommand.summary(82, Map.of("delivered", 31, "quarantined", 51), 0))
                .isEqualTo("82 files: 31 delivered, 51 quarantined, 0 unexpected");
        assertThat(ReplayCommand.promisedBy("xdis91-valid-needs-assessment.xml")).contains("delivered");
        assertThat(ReplayCommand.promisedBy("xdis91-invalid-missing-patient.xml")).contains("quarantined");
        assertThat(ReplayCommand.promisedBy("letter.xml")).isEmpty();
    }

    private CliTests.Run replay(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("replay", folder.toString(),
                "--url", "http://127.0.0.1:" + server.getAddress().getPort()));
        args.addAll(List.of(options));
        if (!args.contains("--timeout")) {
            args.addAll(List.of("--timeout", "5"));
        }
        return CliTests.runAsTheJar(args.toArray(String[]::new));
    }

    private void write(String relative, String state) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, state);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        int status;
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/messages")) {
            String state = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = "t" + ids.incrementAndGet();
            posted.add(state);
            stateOf.put(id, state);
            status = 202;
            body = "{\"trackingId\":\"" + id + "\"}";
        } else if (stateOf.containsKey(path.substring(path.lastIndexOf('/') + 1))) {
            status = 200;
            body = "{\"state\":\"" + stateOf.get(path.substring(path.lastIndexOf('/') + 1)) + "\"}";
        } else {
            status = 404;
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
