package dk.region.medcom.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.system.GatewayIntegrationTest;
import dk.region.medcom.gateway.system.GatewayTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The saved raw HTTP requests (bodies mutated, Content-Type wrong, Content-Length lying, chunks
 * broken) and a short fresh batch, sent to {@code POST /api/messages} of the running gateway: each
 * answer is 202 with a tracking id, 401/403, or another 4xx or a 503 with a JSON reason, never a 500,
 * and the gateway stays healthy.
 */
@GatewayIntegrationTest
class HttpFuzzTests extends GatewayTestSupport {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void savedRequestsGetAnAnswerWithAReason() {
        HttpTarget target = new HttpTarget(port, LIMIT);
        List<FuzzRunner.Seed> saved = FuzzRunner.seeds(FuzzCorpusTest.CORPUS.resolve("http"), ".bin", true);
        assertThat(saved).hasSizeGreaterThan(10);
        for (FuzzRunner.Seed request : saved) {
            FuzzRunner.Result result = target.apply(request.bytes());
            assertThat(result.problem()).as("%s answered %s", request.name(), result.kinds()).isNull();
        }
        assertThat(target.healthProblem()).isNull();
    }

    @Test
    void freshRequestsGetAnAnswerWithAReason(@TempDir Path out) {
        HttpTarget target = new HttpTarget(port, LIMIT);
        List<FuzzRunner.Seed> bodies = new ArrayList<>(FuzzRunner.seeds(SAMPLES, ".edi", true));
        bodies.addAll(FuzzRunner.seeds(SAMPLES, ".xml", true));
        FuzzRunner runner = new FuzzRunner(target, LIMIT, out);
        try {
            FuzzRunner.Stats stats = runner.run("http", bodies, new HttpRequestMutator(new Random(15), 10_485_760L),
                    new Random(15), 150, 0);
            assertThat(stats.problems).as(stats.report()).isEmpty();
            assertThat(stats.kinds).as(stats.report()).containsKeys("202", "400");
        } finally {
            runner.close();
        }
        assertThat(target.healthProblem()).isNull();
    }

    @Test
    void aTakenMessageIsAnswered202WhateverTheClientAccepts() throws IOException {
        HttpTarget.Answer answer = new HttpTarget(port, LIMIT).send(saved("defect-accept-html-valid-message.bin"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("trackingId").asText()).hasSize(36);
    }

    @Test
    void aBodyThatEndsBeforeItsContentLengthIsRefusedWithThatReasonInJson() throws IOException {
        for (String name : List.of("defect-body-shorter-than-length.bin", "defect-body-shorter-than-length-accept-html.bin")) {
            HttpTarget.Answer answer = new HttpTarget(port, LIMIT).send(saved(name));

            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).as(name).contains("ended before its Content-Length");
        }
    }

    private static byte[] saved(String name) throws IOException {
        return Files.readAllBytes(FuzzCorpusTest.CORPUS.resolve("http").resolve(name));
    }
}
