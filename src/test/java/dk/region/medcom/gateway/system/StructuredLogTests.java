package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The logs a log platform reads: with Spring Boot's structured format (what
 * {@code logging.structured.format.console=ecs} switches the console to) every line is one JSON
 * object, and every line logged while the pipeline handles a message carries its tracking id as a
 * field of its own (system/TrackingIdMdc), never the patient's CPR number.
 */
@GatewayIntegrationTest
class StructuredLogTests extends GatewayTestSupport {

    private static final String SAMPLE_CPR = "0101904016";

    @Test
    void everyLineAboutAMessageIsJsonAndCarriesItsTrackingId() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> json = jsonAppender(captured);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger pipeline = (Logger) LoggerFactory.getLogger("medcom.pipeline");
        ch.qos.logback.classic.Level before = pipeline.getLevel();
        // DEBUG: the line of every stage a message passes, not only where its way ends
        pipeline.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(json);
        String trackingId;
        try {
            String marker = uniqueEnvelopeId();
            drop("structured.xml", sampleWithEnvelopeId(EntryPointsTests.VALID_XDIS91, marker));
            Path delivered = awaitFileContaining(outbox(EntryPointsTests.RECIPIENT), marker);
            trackingId = trackingIdOf(delivered);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> captured.toString(StandardCharsets.UTF_8).contains("stage=receipts tracking=" + trackingId));
        } finally {
            root.detachAppender(json);
            json.stop();
            pipeline.setLevel(before);
        }

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> aboutTheMessage = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = mapper.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(line).as("no CPR number in the logs").doesNotContain(SAMPLE_CPR);
            if (node.path("message").asText().contains("tracking=" + trackingId)) {
                aboutTheMessage.add(node);
            }
        }
        // ingest, parse, validate, route, translate, deliver, receipts: each stage's line names the message by its field too
        assertThat(aboutTheMessage).hasSizeGreaterThanOrEqualTo(7);
        assertThat(aboutTheMessage).allSatisfy(node -> {
            assertThat(node.path(TrackingIdMdc.KEY).asText()).as(node.toString()).isEqualTo(trackingId);
            assertThat(node.path("log").path("level").asText()).isNotEmpty();
        });
    }

    private static OutputStreamAppender<ILoggingEvent> jsonAppender(ByteArrayOutputStream into) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("structured-log-test");
        appender.setEncoder(encoder);
        appender.setOutputStream(into);
        appender.start();
        return appender;
    }
}
