package dk.region.medcom.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack that used to break the journal: twenty 10 MB posts at once against a gateway on
 * README's heap ({@code -Xmx256m}), in a JVM of its own. Every post is either accepted and then
 * delivered or quarantined, or refused with 503 and Retry-After; the journal stays healthy and the
 * gateway starts again on the same data folder.
 */
class BackPressureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("operator:demo-operator".getBytes(StandardCharsets.UTF_8));
    private static final Set<String> SETTLED = Set.of("DELIVERED", "QUARANTINED", "DEAD_LETTER");

    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            gateway.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twentyConcurrentTenMegabytePostsOnA256MegabyteHeapEndAcceptedOrRefusedAndTheJournalStaysHealthy()
            throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "backpressure");
        int port = freePort();
        gateway = start(data, port);
        awaitUp(port);

        byte[] letter = Files.readAllBytes(Path.of("samples/xdis91/xdis91-valid-needs-assessment.xml"));
        ExecutorService posters = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] body = padded(letter, "BP" + System.nanoTime() % 1_000_000_000L + i, 10 * 1024 * 1024 - 64);
            answers.add(posters.submit((Callable<HttpResponse<String>>) () -> post(port, body)));
        }
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
            assertThat(response.statusCode()).as(response.body()).isIn(202, 503);
            if (response.statusCode() == 202) {
                accepted.add(JSON.readTree(response.body()).path("trackingId").asText());
            } else {
                refused++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            }
        }
        posters.shutdown();
        assertThat(accepted).as("some get in").isNotEmpty();
        System.out.printf("back-pressure: %d accepted, %d refused with 503%n", accepted.size(), refused);

        for (String id : accepted) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> SETTLED.contains(stateOf(port, id)));
        }
        assertThat(get(port, "/api/messages?size=50").path("total").asInt()).isGreaterThanOrEqualTo(accepted.size());
        assertThat(get(port, "/actuator/health").path("status").asText()).isEqualTo("UP");

        gateway.destroy();
        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
        gateway = start(data, port);
        awaitUp(port);
        await().atMost(Duration.ofMinutes(1)).until(() -> SETTLED.contains(stateOf(port, accepted.get(0))));
    }

    @Test
    void anOutOfMemoryErrorInARequestThreadLeavesTheJournalWhole() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "heap-exhaustion");
        int port = freePort();
        gateway = start(data, port, "--test.heap-exhaustion-endpoint=true");
        awaitUp(port);
        byte[] letter = Files.readAllBytes(Path.of("samples/xdis91/xdis91-valid-needs-assessment.xml"));

        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean posting = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService posters = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            posters.submit(() -> {
                for (int i = 0; posting.get(); i++) {
                    byte[] body = padded(letter, "OOM" + System.nanoTime() % 1_000_000_000L, letter.length + 1024);
                    HttpResponse<String> answer = post(port, body);
                    if (answer.statusCode() == 202) {
                        accepted.add(JSON.readTree(answer.body()).path("trackingId").asText());
                    }
                }
                return null;
            });
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> exhausted = CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/test/exhaust-heap"))
                    .header("Authorization", OPERATOR).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(exhausted.body()).contains("OutOfMemoryError");
            Thread.sleep(500);
        }
        posting.set(false);
        posters.shutdown();
        assertThat(posters.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(accepted).isNotEmpty();
        System.out.printf("heap exhaustion: %d accepted around three OutOfMemoryErrors%n", accepted.size());

        assertThat(get(port, "/actuator/health").path("status").asText()).isEqualTo("UP");
        for (String id : accepted) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> SETTLED.contains(stateOf(port, id)));
        }
        gateway.destroy();
        assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
        gateway = start(data, port);
        awaitUp(port);
        for (String id : accepted) {
            await().atMost(Duration.ofMinutes(1)).until(() -> SETTLED.contains(stateOf(port, id)));
        }
    }

    /** The letter with a comment after its root element, so that it weighs {@code size} bytes. */
    static byte[] padded(byte[] letter, String envelopeId, int size) {
        String xml = new String(letter, StandardCharsets.UTF_8)
                .replaceFirst("<Identifier>[^<]*</Identifier>", "<Identifier>" + envelopeId + "</Identifier>");
        byte[] head = (xml + "\n<!--").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "-->\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        java.util.Arrays.fill(out, head.length, size - tail.length, (byte) 'x');
        System.arraycopy(tail, 0, out, size - tail.length, tail.length);
        return out;
    }

    private static Process start(Path data, int port, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dk.region.medcom.gateway.GatewayApplication",
                "--gateway.data-dir=" + data.toAbsolutePath(), "--server.port=" + port,
                "--gateway.ingest.inbox-settle-ms=1", "--spring.profiles.active=demo"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("gateway.log").toFile())).start();
    }

    private static void awaitUp(int port) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "UP".equals(get(port, "/actuator/health").path("status").asText()));
    }

    private static HttpResponse<String> post(int port, byte[] body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Authorization", OPERATOR).header("Content-Type", "application/xml")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A message's state as an operator reads it; "" while the gateway answers 503 (an operator's view
     * decrypts the bodies within the memory budget, which the pipeline may hold meanwhile).
     */
    private static String stateOf(int port, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/messages/" + id)).header("Authorization", OPERATOR).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            return "";
        }
        assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("state").asText();
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", OPERATOR).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
