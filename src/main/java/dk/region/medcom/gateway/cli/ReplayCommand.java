package dk.region.medcom.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import dk.region.medcom.gateway.journal.actions.EnvelopeRewriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Posts every message file ({@code .xml}, {@code .edi}) under a folder to a running gateway and
 * prints, per file, its tracking id and the state it ended in, then a summary. Exit 0 when every
 * file ended as expected (a final state; with {@code --expect-from-names} the one its name
 * promises), 1 otherwise, 2 when the folder cannot be read or no gateway answers.
 */
@Command(name = "replay", description = "Post each message file (.xml, .edi) under a folder, subfolders included, "
        + "to a running gateway; print each one's tracking id and final state, then a summary.")
class ReplayCommand implements Callable<Integer> {

    private static final Set<String> FINAL_STATES = Set.of("DELIVERED", "ACKNOWLEDGED", "QUARANTINED", "DUPLICATE",
            "DEAD_LETTER");

    @Parameters(paramLabel = "<folder>", description = "folder of message files (subfolders too; other files are left out)")
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

    @Option(names = "--expect-from-names", description = "a file whose name holds -valid- must end delivered, "
            + "-invalid- quarantined (as samples/ names them); any other outcome counts as unexpected")
    boolean expectFromNames;

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
        try {
            files = messageFiles(folder);
        } catch (IOException e) {
            err.println("cannot read folder " + folder + ": " + e.getClass().getSimpleName());
            err.flush();
            return GatewayCommand.UNREADABLE;
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        int unexpected = 0;
        String width = String.valueOf(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = folder.relativize(file).toString().replace('\\', '/');
            String progress = String.format("[%" + width.length() + "d/%s] %s ", i + 1, width, name);
            String line;
            String outcome;
            boolean asExpected;
            try {
                String trackingId = post(file);
                String state = awaitFinalState(trackingId);
                outcome = outcomeOf(state);
                Optional<String> promised = expectFromNames ? promisedBy(file.getFileName().toString()) : Optional.empty();
                asExpected = FINAL_STATES.contains(state) && promised.map(outcome::equals).orElse(true);
                line = progress + trackingId + " " + state
                        + (asExpected ? "" : "  UNEXPECTED" + promised.map(p -> ": the name promises " + p).orElse(""));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                out.flush();
                err.println("no gateway answers at " + url + " (start it, or give --url)");
                err.flush();
                return GatewayCommand.UNREADABLE;
            } catch (IOException e) {
                outcome = "failed";
                asExpected = false;
                line = progress + "- FAILED " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            outcomes.merge(outcome, 1, Integer::sum);
            unexpected += asExpected ? 0 : 1;
            out.println(line);
            out.flush();
        }
        out.println(summary(files.size(), outcomes, unexpected));
        out.flush();
        return unexpected == 0 ? GatewayCommand.OK : GatewayCommand.INVALID;
    }

    /** The message files under the folder, subfolders included, in name order; no dot-files, no READMEs. */
    static List<Path> messageFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(ReplayCommand::isMessageFile).sorted().toList();
        }
    }

    private static boolean isMessageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".xml") || name.endsWith(".edi"));
    }

    /** What the file name promises, as samples/ names files: -valid- is delivered, -invalid- quarantined. */
    static Optional<String> promisedBy(String fileName) {
        if (fileName.contains("-invalid-")) {
            return Optional.of("quarantined");
        }
        return fileName.contains("-valid-") ? Optional.of("delivered") : Optional.empty();
    }

    private static String outcomeOf(String state) {
        return switch (state) {
            case "DELIVERED", "ACKNOWLEDGED" -> "delivered";
            case "QUARANTINED" -> "quarantined";
            case "DUPLICATE" -> "duplicate";
            case "DEAD_LETTER" -> "dead letter";
            default -> "not finished";
        };
    }

    /** "82 files: 31 delivered, 51 quarantined, 0 unexpected" (other outcomes only where there were any). */
    static String summary(int files, Map<String, Integer> outcomes, int unexpected) {
        StringBuilder line = new StringBuilder().append(files).append(files == 1 ? " file: " : " files: ")
                .append(outcomes.getOrDefault("delivered", 0)).append(" delivered, ")
                .append(outcomes.getOrDefault("quarantined", 0)).append(" quarantined, ");
        outcomes.forEach((outcome, count) -> {
            if (!outcome.equals("delivered") && !outcome.equals("quarantined")) {
                line.append(count).append(' ').append(outcome).append(", ");
            }
        });
        return line.append(unexpected).append(" unexpected").toString();
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
