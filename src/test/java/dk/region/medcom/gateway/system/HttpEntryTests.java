package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.ingest.MemoryBudget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP entry as an attacker and a careless client meet it: the bytes posted are the bytes
 * kept whatever the Content-Type, senders send and read only as their own location numbers, the
 * memory budget refuses (HTTP) or holds back (inbox/) instead of running out of heap, and what is
 * not for everyone needs a login.
 */
@GatewayIntegrationTest
class HttpEntryTests extends GatewayTestSupport {

    static final String XDIS91 = "xdis91/xdis91-valid-needs-assessment.xml";
    static final String SAMPLE_SENDER = "5790000100019";

    @Autowired
    TestRestTemplate http;

    @Autowired
    MemoryBudget budget;

    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @LocalServerPort
    int port;

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsThePostedBytesWhateverTheContentType() throws Exception {
        // */* and a malformed type included: found by fuzzing, they answered 500
        for (String type : new String[] {null, "application/x-www-form-urlencoded", "text/plain",
                "application/edifact", "application/xml", "*/*", "application/", "text/xml; charset=\"utf-8"}) {
            byte[] sent = sampleWithEnvelopeId(XDIS91, uniqueEnvelopeId());
            HttpResponse<String> answer = postRaw("/api/messages", SENDER, sent, type);
            assertThat(answer.statusCode()).as(String.valueOf(type)).isEqualTo(202);
            String id = JSON.readTree(answer.body()).path("trackingId").asText();

            JsonNode view = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class);
            assertThat(Base64.getDecoder().decode(view.path("bodies").path("ORIGINAL").path("base64").asText()))
                    .as("the original kept for Content-Type %s", type).isEqualTo(sent);
        }
        assertThat(postRaw("/api/messages", OPERATOR, sampleWithEnvelopeId(XDIS91, uniqueEnvelopeId()), "*/*")
                .statusCode()).as("an operator's post with */*").isEqualTo(202);
    }

    /** Found by BackPressureIT in CI: an operator's view of a 10 MB letter ran a 256 MB heap out. */
    @Test
    void aLargeBodyIsALinkInTheOperatorsViewAndItsBytesComeFromThatLink() throws Exception {
        byte[] large = ("not a letter, " + uniqueEnvelopeId() + " ").repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(large.length).isGreaterThan(256 * 1024);
        HttpResponse<String> posted = postRaw("/api/messages", OPERATOR, large, "application/octet-stream");
        assertThat(posted.statusCode()).isEqualTo(202);
        String id = JSON.readTree(posted.body()).path("trackingId").asText();

        JsonNode original = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("bodies").path("ORIGINAL");

        assertThat(original.path("sizeBytes").asInt()).isEqualTo(large.length);
        assertThat(original.has("text")).isFalse();
        assertThat(original.has("base64")).isFalse();
        assertThat(as(http, OPERATOR).getForObject(original.path("href").asText(), byte[].class)).isEqualTo(large);
        assertThat(as(http, SENDER).getForEntity(original.path("href").asText(), byte[].class).getStatusCode().value())
                .as("operators only").isEqualTo(403);
    }

    /** Found by fuzzing: a refusal to a client that accepts no JSON failed inside the error handler: 500. */
    @Test
    void aRefusalIsAJsonAnswerWhateverTheClientAccepts() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SENDER[0] + ":" + SENDER[1]).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray("not a letter".getBytes(StandardCharsets.UTF_8))).build();

        HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("sender");
    }

    @Test
    void explainsThePostedBytesWhateverTheContentType() throws Exception {
        byte[] sent = sample(XDIS91);
        JsonNode expected = JSON.readTree(postRaw("/api/routing/explain", OPERATOR, sent, "application/xml").body());
        assertThat(expected.path("messageType").asText()).isEqualTo("XDIS91");
        for (String type : new String[] {null, "application/x-www-form-urlencoded", "text/plain", "application/edifact"}) {
            HttpResponse<String> answer = postRaw("/api/routing/explain", OPERATOR, sent, type);
            assertThat(answer.statusCode()).as(String.valueOf(type)).isEqualTo(200);
            assertThat(JSON.readTree(answer.body())).as(String.valueOf(type)).isEqualTo(expected);
        }
    }

    @Test
    void refusesALetterFromAnotherSendersLocationNumberAndStoresNothing() {
        String marker = uniqueEnvelopeId();
        byte[] forged = new String(sampleWithEnvelopeId(XDIS91, marker), StandardCharsets.UTF_8)
                .replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$15790000000005").getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> answer = as(http, SENDER).postForEntity("/api/messages", raw(forged, "application/xml"),
                JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().path("error").asText()).contains("may not send as");
        assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker, JsonNode.class)
                .path("total").asInt()).isZero();
        assertThat(as(http, OPERATOR).postForEntity("/api/messages", raw(forged, "application/xml"), String.class)
                .getStatusCode()).as("an operator sends as anyone").isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesAnEdifactInterchangeFromAnotherSender() {
        String edifact = new String(sample("dis91/dis91-valid-hospital-to-gp.edi"), StandardCharsets.ISO_8859_1);
        assertThat(as(http, SENDER).postForEntity("/api/messages", raw(edifact.getBytes(StandardCharsets.ISO_8859_1),
                "application/edifact"), String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String forged = edifact.replaceFirst("UNB\\+([^+]*)\\+[0-9]{13}", "UNB+$1+5790000000005");

        assertThat(as(http, SENDER).postForEntity("/api/messages", raw(forged.getBytes(StandardCharsets.ISO_8859_1),
                "application/edifact"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSenderDoesNotFindOtherSendersMessages() {
        byte[] others = new String(sampleWithEnvelopeId(XDIS91, uniqueEnvelopeId()), StandardCharsets.UTF_8)
                .replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$15790000000005").getBytes(StandardCharsets.UTF_8);
        String othersId = as(http, OPERATOR).postForObject("/api/messages", raw(others, "application/xml"), JsonNode.class)
                .path("trackingId").asText();
        String ownId = as(http, SENDER).postForObject("/api/messages",
                raw(sampleWithEnvelopeId(XDIS91, uniqueEnvelopeId()), "application/xml"), JsonNode.class)
                .path("trackingId").asText();

        assertThat(as(http, SENDER).getForEntity("/api/messages/" + othersId, String.class).getStatusCode())
                .as("at once").isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as(http, OPERATOR)
                .getForObject("/api/messages/" + othersId, JsonNode.class).path("senderLocation").asText())
                .isEqualTo("5790000000005"));
        assertThat(as(http, SENDER).getForEntity("/api/messages/" + othersId, String.class).getStatusCode())
                .as("once parsed").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as(http, SENDER).getForEntity("/api/messages/" + ownId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as(http, AUDITOR).getForEntity("/api/messages/" + othersId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void refusesWith503AndRetryAfterWhileTheMemoryBudgetIsSpentAndStoresNothing() {
        String marker = uniqueEnvelopeId();
        try (MemoryBudget.Reservation all = holdAll()) {
            ResponseEntity<JsonNode> answer = as(http, SENDER).postForEntity("/api/messages",
                    raw(sampleWithEnvelopeId(XDIS91, marker), "application/xml"), JsonNode.class);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        }
        assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker, JsonNode.class)
                .path("total").asInt()).isZero();
        assertThat(as(http, SENDER).postForEntity("/api/messages",
                raw(sampleWithEnvelopeId(XDIS91, marker), "application/xml"), String.class).getStatusCode())
                .as("once the budget is free again").isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesABodyLargerThanTheLimitBeforeReadingIt() throws Exception {
        // only the headers are sent: the answer comes from the Content-Length alone
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString("sender:demo-sender".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: application/xml\r\n"
                    + "Content-Length: " + (10 * 1024 * 1024 + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void holdsAFileInTheInboxWhileTheMemoryBudgetIsSpent() throws Exception {
        String marker = uniqueEnvelopeId();
        Files.createDirectories(inbox());
        try (MemoryBudget.Reservation all = holdAll()) {
            drop("held-" + marker + ".xml", sampleWithEnvelopeId(XDIS91, marker));
            Thread.sleep(1500);
            assertThat(inbox().resolve("held-" + marker + ".xml")).as("still waiting in inbox/").exists();
            assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker, JsonNode.class)
                    .path("total").asInt()).isZero();
        }
        awaitFileContaining(outbox(recipientOf()), marker);
        assertThat(inbox().resolve("held-" + marker + ".xml")).doesNotExist();
    }

    @Test
    void thePipelineWaitsForTheMemoryBudgetBeforeItTakesAMessageOn() throws Exception {
        String marker = uniqueEnvelopeId();
        try (MemoryBudget.Reservation all = holdAll()) {
            producer.sendBody("jms:queue:medcom.inbound", sampleWithEnvelopeId(XDIS91, marker));
            Thread.sleep(1500);
            assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker, JsonNode.class)
                    .path("total").asInt()).as("not parsed while the budget is spent").isZero();
        }
        awaitFileContaining(outbox(recipientOf()), marker);
    }

    @Test
    void healthDetailsInfoAndTheApiDescriptionNeedALogin() {
        ResponseEntity<JsonNode> open = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(open.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(open.getBody().has("components")).as("no details without a login").isFalse();
        JsonNode details = as(http, OPERATOR).getForObject("/actuator/health", JsonNode.class);
        assertThat(details.path("components").path("journalStore").path("status").asText()).isEqualTo("UP");

        for (String path : List.of("/actuator/info", "/v3/api-docs", "/swagger-ui.html")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(as(http, OPERATOR).getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as(http, OPERATOR).getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void malformedJsonToTheCprSearchIsABadRequestWithAReason() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = as(http, AUDITOR).postForEntity("/api/messages/search-by-cpr",
                new HttpEntity<>("{\"cpr\": \"0101904016\", \"reason\": ", headers), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("error").asText()).contains("JSON").doesNotContain("0101904016");
    }

    private MemoryBudget.Reservation holdAll() {
        return await().atMost(Duration.ofSeconds(20)).until(() -> budget.tryReserve(budget.available()), r -> r != null);
    }

    private static String recipientOf() {
        return new String(sample(XDIS91), StandardCharsets.UTF_8)
                .replaceFirst("(?s).*<Receiver>\\s*<EANIdentifier>([^<]*).*", "$1");
    }

    /** Posts the bytes as they are, with this Content-Type or with none at all (which RestTemplate cannot). */
    private HttpResponse<String> postRaw(String path, String[] user, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bytes as the body, with this Content-Type. */
    private static HttpEntity<byte[]> raw(byte[] body, String contentType) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return new HttpEntity<>(body, headers);
    }

}
