package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The journal API as operators, auditors and senders use it, with their roles. */
@GatewayIntegrationTest
class ApiTests extends GatewayTestSupport {

    static final String DISABLED_RECIPIENT = "5790001000035";
    static final String SAMPLE_CPR = "0101904016";

    @Autowired
    TestRestTemplate http;

    @Test
    void refusesCallersWithoutTheRightRole() {
        assertThat(http.getForEntity("/api/messages", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("operator", "wrong").getForEntity("/api/messages", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(http, SENDER).getForEntity("/api/messages/unacknowledged", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(http, OPERATOR).postForEntity("/api/messages/search-by-cpr",
                Map.of("cpr", SAMPLE_CPR, "reason", "a good reason for looking"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(http, AUDITOR).postForEntity("/api/messages", post("x".getBytes()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(http, SENDER).postForEntity("/api/messages/" + dk.region.medcom.gateway.message.TrackingId.newId()
                + "/resend", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Issue #18: a sender finds its own messages in the search, and only those. */
    @Test
    void aSendersSearchFindsOnlyMessagesFromItsOwnLocationNumbers() {
        String marker = uniqueEnvelopeId();
        String own = deliver(marker);
        String otherMarker = uniqueEnvelopeId();
        String other = postAs(OPERATOR, sampleFrom(EntryPointsTests.VALID_XDIS91, otherMarker, DISABLED_RECIPIENT));

        JsonNode asSender = as(http, SENDER).getForObject("/api/messages?from=2020-01-01&size=500", JsonNode.class);
        assertThat(asSender.path("items").findValuesAsText("trackingId")).contains(own).doesNotContain(other);
        assertThat(asSender.path("items").findValuesAsText("senderLocation")).doesNotContain(DISABLED_RECIPIENT);
        assertThat(as(http, SENDER).getForObject("/api/messages?envelopeId=" + otherMarker, JsonNode.class)
                .path("total").asInt()).isZero();
        assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + otherMarker, JsonNode.class)
                .path("total").asInt()).isEqualTo(1);
    }

    @Test
    void keepsHealthOpenAndDescribesTheApiToUsers() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> openApi = as(http, SENDER).getForEntity("/v3/api-docs", String.class);
        assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openApi.getBody()).contains("/api/messages/search-by-cpr", "/api/messages/{id}/resend");
    }

    @Test
    void findsAMessageBySearchAndShowsItsBodiesToOperatorsOnly() {
        String marker = uniqueEnvelopeId();
        String id = deliver(marker);

        JsonNode page = as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker + "&state=DELIVERED"
                + "&sender=5790000100019&type=XDIS91&from=2020-01-01T00:00:00Z", JsonNode.class);
        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("trackingId").asText()).isEqualTo(id);
        assertThat(as(http, OPERATOR).getForObject("/api/messages?envelopeId=" + marker + "&state=QUARANTINED",
                JsonNode.class).path("total").asInt()).isZero();

        JsonNode asOperator = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class);
        assertThat(asOperator.path("bodies").path("ORIGINAL").path("text").asText()).contains(marker, SAMPLE_CPR);
        assertThat(asOperator.path("bodies").path("OUTBOUND").path("base64").asText()).isNotEmpty();
        assertThat(asOperator.path("history").findValuesAsText("stage"))
                .startsWith("ingest", "parse", "validate", "route", "translate", "deliver");
        assertThat(as(http, AUDITOR).getForObject("/api/audit/body-views?size=500", JsonNode.class).path("items"))
                .as("the operator's view of the bodies is audited").anySatisfy(view -> {
                    assertThat(view.path("trackingId").asText()).isEqualTo(id);
                    assertThat(view.path("username").asText()).isEqualTo("operator");
                    assertThat(view.path("channel").asText()).isEqualTo("API");
                });
        JsonNode asSender = as(http, SENDER).getForObject("/api/messages/" + id, JsonNode.class);
        assertThat(asSender.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(asSender.has("bodies")).isFalse();
    }

    @Test
    void findsAMessageByTheMunicipalityItWasRoutedBy() {
        String marker = uniqueEnvelopeId();
        // no receiver location number (all zeros), so its kommunenummer (851) decides
        drop("by-municipality.xml", sampleTo("xref15/xref15-valid-rehabilitation.xml", marker, "0000000000000"));

        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> as(http, OPERATOR).getForObject(
                "/api/messages?municipality=851&state=DELIVERED&envelopeId=" + marker, JsonNode.class),
                p -> p.path("total").asInt() == 1);

        assertThat(page.path("items").get(0).path("municipality").asText()).isEqualTo("851");
    }

    /** Issue #16: state=quarantined, from=2026-12-06 and size=1000 answered 400 with no reason. */
    @Test
    void searchTakesTheUsersTermsAndEvery400NamesTheParameterAndWhatItTakes() {
        assertThat(as(http, OPERATOR).getForEntity("/api/messages?state=quarantined&from=2026-12-06&to=2026-12-06",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // a URI as it is, so the offset's + stays %2B (a template would encode the % again)
        assertThat(as(http, OPERATOR).getForEntity(java.net.URI.create(http.getRootUri()
                + "/api/messages?from=2026-12-06T08:00:00Z&to=2026-12-06T10:00:00%2B01:00"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String[] bad : new String[][] {{"size=1000", "size", "500"}, {"size=0", "size", "500"},
                {"page=-1", "page", "from 0"}, {"state=lost", "state", "QUARANTINED"},
                {"from=yesterday", "from", "2026-12-06"}, {"to=2026-13-45", "to", "offset"}}) {
            ResponseEntity<JsonNode> answer = as(http, OPERATOR).getForEntity("/api/messages?" + bad[0], JsonNode.class);
            assertThat(answer.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("error").asText()).as(bad[0]).startsWith(bad[1] + ":").contains(bad[2]);
        }
    }

    /** Issue #16: an EDIFACT DIS91 was journaled and counted as XDIS91, so type=DIS91 found nothing. */
    @Test
    void searchesByTheTypeAsReceivedAndByItsXmlForm() {
        String marker = uniqueEnvelopeId();
        drop("edifact.edi", dk.region.medcom.gateway.journal.actions.EnvelopeRewriter.withEnvelopeId(
                sample("dis91/dis91-valid-hospital-to-gp.edi"), marker).orElseThrow());

        JsonNode asReceived = await().atMost(Duration.ofSeconds(20)).until(() -> as(http, OPERATOR).getForObject(
                "/api/messages?type=DIS91&envelopeId=" + marker, JsonNode.class), p -> p.path("total").asInt() == 1);

        assertThat(asReceived.path("items").get(0).path("receivedType").asText()).isEqualTo("DIS91");
        assertThat(asReceived.path("items").get(0).path("messageType").asText()).isEqualTo("XDIS91");
        assertThat(as(http, OPERATOR).getForObject("/api/messages?type=XDIS91&envelopeId=" + marker, JsonNode.class)
                .path("total").asInt()).isEqualTo(1);
        assertThat(as(http, OPERATOR).getForObject("/api/messages?type=dis91&envelopeId=" + marker, JsonNode.class)
                .path("total").asInt()).isEqualTo(1);
        assertThat(as(http, OPERATOR).getForObject("/api/messages?type=REF01&envelopeId=" + marker, JsonNode.class)
                .path("total").asInt()).isZero();
        String id = asReceived.path("items").get(0).path("trackingId").asText();
        assertThat(as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("receivedType").asText())
                .isEqualTo("DIS91");
    }

    @Test
    void searchesByCprOnlyWithAReasonAndAuditsEverySearchWithoutTheNumber() {
        String id = deliver(uniqueEnvelopeId());

        assertThat(as(http, AUDITOR).postForEntity("/api/messages/search-by-cpr",
                Map.of("cpr", SAMPLE_CPR, "reason", " "), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String reason = "complaint case " + lettersOnly(uniqueEnvelopeId());
        ResponseEntity<JsonNode> found = as(http, AUDITOR).postForEntity("/api/messages/search-by-cpr",
                Map.of("cpr", "010190-4016", "reason", reason), JsonNode.class);

        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody().path("messages").findValuesAsText("trackingId")).contains(id);
        assertThat(found.getBody().toString()).doesNotContain(SAMPLE_CPR);
        JsonNode audit = as(http, AUDITOR).getForObject("/api/audit/cpr-searches", JsonNode.class);
        JsonNode entry = audit.path("items").get(0);
        assertThat(entry.path("username").asText()).isEqualTo("auditor");
        assertThat(entry.path("reason").asText()).isEqualTo(reason);
        assertThat(entry.path("hits").asInt()).isEqualTo(found.getBody().path("hits").asInt()).isPositive();
        assertThat(audit.toString()).doesNotContain(SAMPLE_CPR).doesNotContain("010190");
    }

    @Test
    void resendsWithANewEnvelopeIdentifierAndLinksOldAndNew() {
        String marker = uniqueEnvelopeId();
        String id = deliver(marker);

        ResponseEntity<JsonNode> resent = as(http, OPERATOR).postForEntity("/api/messages/" + id + "/resend", null,
                JsonNode.class);

        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String newId = resent.getBody().path("trackingId").asText();
        String newEnvelopeId = resent.getBody().path("envelopeId").asText();
        assertThat(newId).isNotEqualTo(id);
        assertThat(newEnvelopeId).hasSize(14).isNotEqualTo(marker);
        Path delivered = awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), newEnvelopeId);
        assertThat(trackingIdOf(delivered)).isEqualTo(newId);
        JsonNode old = awaitState(id, "RESENT");
        assertThat(old.path("resentAs").asText()).isEqualTo(newId);
        JsonNode fresh = awaitState(newId, "DELIVERED");
        assertThat(fresh.path("resentFrom").asText()).isEqualTo(id);
        assertThat(fresh.path("envelopeId").asText()).isEqualTo(newEnvelopeId);
        assertThat(as(http, OPERATOR).postForEntity("/api/messages/" + id + "/resend", null, String.class)
                .getStatusCode()).as("a message is resent once").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void releasesAQuarantinedMessageIntoThePipelineAgainAndMarksItHandled() {
        String marker = uniqueEnvelopeId();
        drop("disabled.xml", toDisabledRecipient(marker));
        String id = trackingIdOf(awaitFileContaining(quarantine(), marker));
        awaitState(id, "QUARANTINED");
        int eventsBefore = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class).path("history").size();

        assertThat(as(http, OPERATOR).postForEntity("/api/messages/" + id + "/release", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        // the recipient is still disabled, so it comes back to quarantine, having run through again
        JsonNode again = await().atMost(Duration.ofSeconds(20)).until(
                () -> as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class),
                e -> "QUARANTINED".equals(e.path("state").asText()) && e.path("history").size() > eventsBefore + 2);
        assertThat(again.path("history").findValuesAsText("state")).contains("RELEASED", "REJECTED");

        assertThat(as(http, OPERATOR).postForEntity("/api/messages/" + id + "/handled", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode handled = as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class);
        assertThat(handled.path("state").asText()).isEqualTo("HANDLED");
        assertThat(handled.path("handledAt").isNull()).isFalse();
        assertThat(as(http, OPERATOR).postForEntity("/api/messages/" + id + "/release", null, String.class)
                .getStatusCode()).as("only quarantined messages are released").isEqualTo(HttpStatus.CONFLICT);
    }

    /** The sample with another Sender location number (and envelope identifier). */
    static byte[] sampleFrom(String relative, String envelopeId, String senderLocation) {
        String xml = new String(sampleWithEnvelopeId(relative, envelopeId), java.nio.charset.StandardCharsets.UTF_8);
        return xml.replaceFirst("(<Sender>\\s*<EANIdentifier>)[^<]*", "$1" + senderLocation)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String postAs(String[] user, byte[] message) {
        ResponseEntity<JsonNode> posted = as(http, user).postForEntity("/api/messages", post(message), JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = posted.getBody().path("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class),
                e -> e != null && e.path("senderLocation").isTextual());
        return id;
    }

    private String deliver(String envelopeId) {
        ResponseEntity<JsonNode> posted = as(http, SENDER).postForEntity("/api/messages",
                post(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId)), JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = posted.getBody().path("trackingId").asText();
        awaitState(id, "DELIVERED");
        return id;
    }

    private JsonNode awaitState(String id, String state) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(
                () -> as(http, OPERATOR).getForObject("/api/messages/" + id, JsonNode.class),
                e -> e != null && state.equals(e.path("state").asText()));
    }

    private static HttpEntity<byte[]> post(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        return new HttpEntity<>(body, headers);
    }

    private static byte[] toDisabledRecipient(String envelopeId) {
        String xml = new String(sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, envelopeId), StandardCharsets.UTF_8);
        return xml.replace("<EANIdentifier>" + EntryPointsTests.RECIPIENT + "</EANIdentifier>",
                "<EANIdentifier>" + DISABLED_RECIPIENT + "</EANIdentifier>").getBytes(StandardCharsets.UTF_8);
    }
}
