package dk.region.medcom.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dk.region.medcom.gateway.journal.EnvelopeRewriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Posts every file in a folder to a running gateway and prints, per file, its tracking id and the
 * state it ended in. Exit 0 when every file reached a final state, 1 otherwise.
 */
@Command(name = "replay", description = "Post each file in a folder to a running gateway; print tracking id and final state.")
class ReplayCommand implements Callable<Integer> {

    private static final Set<String> FINAL_STATES = Set.of("DELIVERED", "ACKNOWLEDGED", "QUARANTINED", "DUPLICATE",
            "DEAD_LETTER");

    @Parameters(paramLabel = "<folder>", description = "folder of message files")
    Path folder;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the gateway (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for each message's final state")
    int timeoutSeconds;

    @Option(names = "--user", defaultValue = "sender:demo-sender",
            description = "name:password of a user with the sender role (default: the demo sender user)")
    String user;

    @Option(names = "--fresh-ids", description = "give each message a new envelope identifier, so a folder can be "
            + "replayed again without every message being recognised as a duplicate")
    boolean freshIds;

    @Spec
    CommandSpec spec;

    // made in call(), not here: picocli builds every verb at start-up, and translate must stay fast
    private HttpClient http;
    private ObjectMapper json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            err.println("cannot read folder " + folder + ": " + e.getClass().getSimpleName());
            return GatewayCommand.UNREADABLE;
        }
        boolean allFinal = true;
        for (Path file : files) {
            String line;
            try {
                String trackingId = post(file);
                String state = awaitFinalState(trackingId);
                allFinal &= FINAL_STATES.contains(state);
                line = file.getFileName() + " " + trackingId + " " + state;
            } catch (IOException e) {
                allFinal = false;
                line = file.getFileName() + " - FAILED " + e.getMessage();
            }
            out.println(line);
            out.flush();
        }
        return allFinal ? GatewayCommand.OK : GatewayCommand.INVALID;
    }

    private String post(Path file) throws IOException, InterruptedException {
        byte[] body = Files.readAllBytes(file);
        if (freshIds) {
            body = EnvelopeRewriter.withEnvelopeId(body, freshEnvelopeId()).orElse(body);
        }
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/api/messages"))
                .header("Authorization", basicAuth())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("HTTP " + response.statusCode() + ": check --user (name:password with the sender role)");
        }
        if (response.statusCode() != 202) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body()).path("trackingId").asText();
    }

    /** 14 characters, MedCom's maximum for an envelope identifier. */
    private static String freshEnvelopeId() {
        return "R" + String.format("%013d", java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
    }

    private String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    private String awaitFinalState(String trackingId) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        String state = "UNKNOWN";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url.resolve("/api/messages/" + trackingId))
                            .header("Authorization", basicAuth()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode entry = json.readTree(response.body());
                state = entry.path("state").asText();
                if (FINAL_STATES.contains(state)) {
                    return state;
                }
            }
            Thread.sleep(100);
        }
        return state;
    }
}
