package dk.region.medcom.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dk.region.medcom.gateway.system.GatewayIntegrationTest;
import dk.region.medcom.gateway.system.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The operations console through its HTTP, as a browser uses it: login, roles, pages, language. */
@GatewayIntegrationTest
class ConsoleTests extends GatewayTestSupport {

    private static final String VALID_XDIS91 = "xdis91/xdis91-valid-needs-assessment.xml";
    /** The CPR number in that sample: never on a console page. */
    private static final String SAMPLE_CPR = "0101904016";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;

    @Test
    void sendsAnyoneNotLoggedInToTheLoginPage() {
        for (String page : new String[] {"/", "/messages", "/messages?state=QUARANTINED"}) {
            HttpResponse<String> answer = new ConsoleBrowser(port).get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
        }
        assertThat(new ConsoleBrowser(port).get("/login").body()).contains("name=\"username\"", "name=\"_csrf\"");
    }

    @Test
    void anOperatorLogsInAndFindsADeliveredLetterWithItsTimeline() {
        String envelope = uniqueEnvelopeId();
        String id = postAndAwait(envelope, "DELIVERED");
        ConsoleBrowser browser = new ConsoleBrowser(port);

        HttpResponse<String> login = browser.logIn("operator", "demo-operator");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

        HttpResponse<String> dashboard = browser.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Received in the last hour", "XDIS91", "operator");
        assertThat(dashboard.body()).as("queue depths, journal and routes").contains("medcom.inbound", "Broker",
                "answers", "Routes", ">ingest-folder<", ">deliver<").doesNotContain("does not answer");

        HttpResponse<String> list = browser.get("/messages?envelopeId=" + envelope);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("1 messages", "/messages/" + id, "delivered", "5790000100019")
                .doesNotContain(SAMPLE_CPR);

        HttpResponse<String> detail = browser.get("/messages/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(id, envelope, "Timeline", "ingest", "parse", "validate", "route",
                "translate", "deliver").doesNotContain(SAMPLE_CPR);
    }

    @Test
    void aBadSearchValueIsNamedOnThePageAndAnUnknownMessageIsNotFound() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.logIn("operator", "demo-operator");
        assertThat(browser.get("/messages?state=LOST").body()).contains("state: &#39;LOST&#39; is not one of");
        assertThat(browser.get("/messages/not-a-tracking-id").statusCode()).isEqualTo(404);
        assertThat(browser.get("/messages/" + dk.region.medcom.gateway.message.TrackingId.newId()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void speaksDanishToADanishBrowserAndSwitchesOnRequest() {
        ConsoleBrowser browser = new ConsoleBrowser(port).speaking("da-DK,da;q=0.9,en;q=0.5");
        assertThat(browser.get("/login").body()).contains("Adgangskode", "Log ind");
        browser.logIn("operator", "demo-operator");
        assertThat(browser.get("/messages").body()).contains("Meddelelser", "Afsender");
        assertThat(browser.get("/messages?lang=en").body()).contains("Messages", "Sender");
        assertThat(browser.get("/messages").body()).as("the choice is remembered").contains("Sender");
    }

    @Test
    void rolesReachWhatTheyMayAndNoMore() {
        ConsoleBrowser viewer = new ConsoleBrowser(port);
        viewer.logIn("viewer", "demo-viewer");
        assertThat(viewer.get("/messages").statusCode()).isEqualTo(200);
        assertThat(http.withBasicAuth("viewer", "demo-viewer").getForEntity("/api/messages", String.class)
                .getStatusCode()).as("a viewer has no API rights").isEqualTo(HttpStatus.FORBIDDEN);

        ConsoleBrowser auditor = new ConsoleBrowser(port);
        auditor.logIn("auditor", "demo-auditor");
        assertThat(auditor.get("/").statusCode()).isEqualTo(200);

    }

    /** Issue #18: only operators read contents; the finding is marked at its line; every view is audited. */
    @Test
    void anOperatorReadsARejectedLettersContentsWithItsFindingMarkedAndTheViewIsAudited() {
        String envelope = uniqueEnvelopeId();
        String id = postAndAwait("sender", "demo-sender",
                sampleWithEnvelopeId("xdis91/xdis91-invalid-subject-too-long.xml", envelope), "QUARANTINED");

        ConsoleBrowser viewer = new ConsoleBrowser(port);
        viewer.logIn("viewer", "demo-viewer");
        assertThat(viewer.get("/messages/" + id).body()).doesNotContain("/contents", SAMPLE_CPR);
        assertThat(viewer.get("/messages/" + id + "/contents").statusCode()).isEqualTo(403);

        ConsoleBrowser operator = new ConsoleBrowser(port);
        operator.logIn("operator", "demo-operator");
        assertThat(operator.get("/messages/" + id).body()).contains("/messages/" + id + "/contents")
                .doesNotContain(SAMPLE_CPR);
        String reason = "support case " + lettersOnly(envelope);
        String contents = operator.get("/messages/" + id + "/contents?reason=" + reason.replace(' ', '+')).body();
        assertThat(contents).contains("As received", envelope, "class=\"marked\"", "href=\"#original-");

        JsonNode views = http.withBasicAuth("auditor", "demo-auditor")
                .getForObject("/api/audit/body-views?size=500", JsonNode.class);
        assertThat(views.path("items")).anySatisfy(view -> {
            assertThat(view.path("trackingId").asText()).isEqualTo(id);
            assertThat(view.path("username").asText()).isEqualTo("operator");
            assertThat(view.path("channel").asText()).isEqualTo("CONSOLE");
            assertThat(view.path("reason").asText()).isEqualTo(reason);
        });
        assertThat(http.withBasicAuth("operator", "demo-operator").getForEntity("/api/audit/body-views", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Issue #18: an action needs a comment and a confirmation, and the history says who and why. */
    @Test
    void anOperatorMarksASelectionHandledWithACommentAfterConfirming() {
        String first = postAndAwait("sender", "demo-sender",
                sampleWithEnvelopeId("xdis91/xdis91-invalid-subject-too-long.xml", uniqueEnvelopeId()), "QUARANTINED");
        String second = postAndAwait("sender", "demo-sender",
                sampleWithEnvelopeId("xdis91/xdis91-invalid-subject-too-long.xml", uniqueEnvelopeId()), "QUARANTINED");
        ConsoleBrowser operator = new ConsoleBrowser(port);
        operator.logIn("operator", "demo-operator");
        String token = operator.csrfOn("/messages?state=QUARANTINED");
        assertThat(operator.get("/messages?state=QUARANTINED").body()).contains("value=\"" + first + "\"", "name=\"comment\"");

        String noComment = operator.postForm("/actions", java.util.Map.of("_csrf", token, "action", "HANDLED",
                "ids", first, "comment", " ")).body();
        assertThat(noComment).contains("Say why in the comment");

        String comment = "phoned through to the ward " + lettersOnly(uniqueEnvelopeId());
        String form = "_csrf=" + token + "&action=HANDLED&comment=" + comment.replace(' ', '+') + "&ids=" + first + "&ids=" + second;
        String confirm = operator.postRaw("/actions", form).body();
        assertThat(confirm).contains("Mark handled: 2 messages", comment, "name=\"confirmed\" value=\"true\"", first, second);
        assertThat(stateOf(first)).as("nothing happens before the confirmation").isEqualTo("QUARANTINED");

        String done = operator.postRaw("/actions", form + "&confirmed=true").body();
        assertThat(done).contains("Mark handled: 2 of 2 done");
        for (String id : new String[] {first, second}) {
            JsonNode entry = http.withBasicAuth("operator", "demo-operator").getForObject("/api/messages/" + id, JsonNode.class);
            assertThat(entry.path("state").asText()).isEqualTo("HANDLED");
            assertThat(entry.path("history").findValuesAsText("detail")).contains("handled by operator: " + comment);
        }

        ConsoleBrowser viewer = new ConsoleBrowser(port);
        viewer.logIn("viewer", "demo-viewer");
        assertThat(viewer.get("/messages?state=HANDLED").body()).doesNotContain("name=\"ids\"");
        assertThat(viewer.postForm("/actions", java.util.Map.of("_csrf", viewer.csrfOn("/"), "action", "RESEND",
                "ids", first, "comment", "not mine to do", "confirmed", "true")).statusCode()).isEqualTo(403);
        assertThat(operator.postRaw("/actions", "action=RESEND&ids=" + first + "&comment=no+token&confirmed=true")
                .statusCode()).as("an action without the CSRF token").isEqualTo(403);
    }

    private String stateOf(String id) {
        return http.withBasicAuth("operator", "demo-operator").getForObject("/api/messages/" + id, JsonNode.class)
                .path("state").asText();
    }

    /** Issue #18: auditors search by CPR with a reason, see the search in the audit log; others cannot. */
    @Test
    void anAuditorSearchesByCprWithAReasonAndFindsTheSearchInTheAuditLog() {
        String id = postAndAwait(uniqueEnvelopeId(), "DELIVERED");
        ConsoleBrowser auditor = new ConsoleBrowser(port);
        auditor.logIn("auditor", "demo-auditor");
        String token = auditor.csrfOn("/audit");

        assertThat(auditor.postForm("/audit/cpr-search", Map.of("_csrf", token, "cpr", SAMPLE_CPR, "reason", "short"))
                .body()).contains("State the reason");
        String reason = "complaint from the patient " + lettersOnly(uniqueEnvelopeId());
        String found = auditor.postForm("/audit/cpr-search", Map.of("_csrf", token, "cpr", "010190-4016", "reason", reason))
                .body();
        assertThat(found).contains("/messages/" + id, "010190-****").doesNotContain(SAMPLE_CPR, "010190-4016");
        assertThat(auditor.get("/audit").body()).contains(reason, "auditor");

        ConsoleBrowser operator = new ConsoleBrowser(port);
        operator.logIn("operator", "demo-operator");
        assertThat(operator.get("/audit").statusCode()).isEqualTo(403);
        assertThat(operator.postForm("/audit/cpr-search", Map.of("_csrf", operator.csrfOn("/"), "cpr", SAMPLE_CPR,
                "reason", "an operator is not an auditor")).statusCode()).isEqualTo(403);
    }

    /** Issue #18: a delivered letter whose receipt does not come within the timeout is on the overdue page. */
    @Test
    void aDeliveredLetterWithoutItsReceiptShowsAsOverdue() {
        String id = postAndAwait(uniqueEnvelopeId(), "DELIVERED");
        ConsoleBrowser operator = new ConsoleBrowser(port);
        operator.logIn("operator", "demo-operator");
        // the longest waiting come first, and the other tests on this gateway leave overdue letters
        // too (more than a page of 50 when they run before this one): ask for the largest page, 500
        String overdue = "/overdue?size=500";
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> operator.get(overdue).body().contains("/messages/" + id));
        assertThat(operator.get(overdue).body()).contains("Receipts overdue", "none came within 2 s");
    }

    /** Issue #18: routing explained for a pasted message and a tracked one; the directory searched. */
    @Test
    void explainsRoutingAndSearchesTheDirectory() {
        String id = postAndAwait(uniqueEnvelopeId(), "DELIVERED");
        ConsoleBrowser viewer = new ConsoleBrowser(port);
        viewer.logIn("viewer", "demo-viewer");
        String pasted = new String(sample(VALID_XDIS91), java.nio.charset.StandardCharsets.UTF_8);
        String explained = viewer.postForm("/routing", Map.of("_csrf", viewer.csrfOn("/routing"), "message", pasted)).body();
        assertThat(explained).contains("Decision", "state-DELIVERED\">yes", "5790001000011", "Steps");
        assertThat(viewer.get("/routing?trackingId=" + id).body()).contains("/messages/" + id, "5790001000011");
        assertThat(viewer.postForm("/routing", Map.of("_csrf", viewer.csrfOn("/routing"), "message", "")).body())
                .contains("Paste a message");

        String directory = viewer.get("/directory?q=5790001000011").body();
        assertThat(directory).contains("5790001000011", "recipients, read").doesNotContain("5790001000035");
        assertThat(viewer.get("/directory").body()).contains("5790001000011", "5790001000035");

        ConsoleBrowser sender = new ConsoleBrowser(port);
        sender.logIn("sender", "demo-sender");
        assertThat(sender.get("/directory").statusCode()).isEqualTo(403);
    }

    /** Issue #18: a sender sees in the console only the messages from its own location numbers. */
    @Test
    void aSenderSeesOnlyItsOwnMessages() {
        String ownEnvelope = uniqueEnvelopeId();
        String own = postAndAwait("sender", "demo-sender", sampleWithEnvelopeId(VALID_XDIS91, ownEnvelope), "DELIVERED");
        String otherEnvelope = uniqueEnvelopeId();
        String other = postAndAwait("operator", "demo-operator",
                ApiTestsSamples.from(sampleWithEnvelopeId(VALID_XDIS91, otherEnvelope), OTHER_SENDER), null);

        ConsoleBrowser sender = new ConsoleBrowser(port);
        assertThat(sender.logIn("sender", "demo-sender").statusCode()).isEqualTo(302);
        String list = sender.get("/messages?size=500").body();
        assertThat(list).contains("/messages/" + own).doesNotContain("/messages/" + other);
        assertThat(sender.get("/messages?envelopeId=" + otherEnvelope).body()).contains("0 messages");
        assertThat(sender.get("/messages/" + own).statusCode()).isEqualTo(200);
        assertThat(sender.get("/messages/" + other).statusCode()).as("another sender's message").isEqualTo(404);

        ConsoleBrowser operator = new ConsoleBrowser(port);
        operator.logIn("operator", "demo-operator");
        assertThat(operator.get("/messages/" + other).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageAndAPostWithoutTheTokenIsRefused() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        HttpResponse<String> wrong = browser.logIn("viewer", "not-the-password");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);

        HttpResponse<String> forged = new ConsoleBrowser(port).postForm("/login",
                Map.of("username", "operator", "password", "demo-operator"));
        assertThat(forged.statusCode()).as("a login post without the CSRF token").isEqualTo(403);

        ConsoleBrowser loggedIn = new ConsoleBrowser(port);
        loggedIn.logIn("operator", "demo-operator");
        assertThat(loggedIn.postForm("/logout", Map.of()).statusCode()).as("log out without the token").isEqualTo(403);
        assertThat(loggedIn.get("/").statusCode()).isEqualTo(200);
        String token = loggedIn.csrfOn("/");
        assertThat(loggedIn.postForm("/logout", Map.of("_csrf", token)).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(loggedIn.get("/").statusCode()).isEqualTo(302);
    }

    private String postAndAwait(String envelope, String state) {
        return postAndAwait("sender", "demo-sender", sampleWithEnvelopeId(VALID_XDIS91, envelope), state);
    }

    /** Posts as {@code user} and waits for {@code state} (null: until the journal knows the sender). */
    private String postAndAwait(String user, String password, byte[] message, String state) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<JsonNode> posted = http.withBasicAuth(user, password).postForEntity("/api/messages",
                new HttpEntity<>(message, headers), JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = posted.getBody().path("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> http.withBasicAuth("operator", "demo-operator").getForObject("/api/messages/" + id, JsonNode.class),
                e -> e != null && (state == null ? e.path("senderLocation").isTextual() : state.equals(e.path("state").asText())));
        return id;
    }

    /** A location number in the directory that the demo sender is not bound to. */
    private static final String OTHER_SENDER = "5790001000035";

    private static final class ApiTestsSamples {
        static byte[] from(byte[] sample, String senderLocation) {
            String xml = new String(sample, java.nio.charset.StandardCharsets.UTF_8);
            return xml.replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$1" + senderLocation)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
