package dk.region.medcom.gateway.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of every test that runs the whole gateway: a fresh data directory per test run (so the
 * broker's and the journal's files from earlier runs never leak in), HTTP on a free loopback port,
 * and helpers that wait for files without sleeping.
 */
public abstract class GatewayTestSupport {

    protected static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    protected static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", DATA_DIR::toString);
        registry.add("gateway.journal.database-dir", () -> DATA_DIR.resolve("journal-database").toString());
        registry.add("server.port", () -> "0");
        registry.add("gateway.ingest.inbox-poll-ms", () -> "100");
        // sender folders on, so both inbox/ and inbox/<location number>/ are exercised
        registry.add("gateway.ingest.sender-folders", () -> "true");
        registry.add("gateway.route.recipients-file", () -> TestRecipients.directoryFile(DATA_DIR));
        registry.add("gateway.route.reload-check-ms", () -> "200");
        // failing deliveries give up fast, and receipts are overdue after two seconds
        registry.add("gateway.deliver.retry.max-redeliveries", () -> "2");
        registry.add("gateway.deliver.retry.initial-delay-ms", () -> "50");
        registry.add("gateway.journal.ack-timeout", () -> "PT2S");
        registry.add("gateway.journal.ack-check-interval", () -> "PT0.5S");
    }

    /** The demo users application.yaml ships: name and password. */
    protected static final String[] SENDER = {"sender", "demo-sender"};
    protected static final String[] OPERATOR = {"operator", "demo-operator"};
    protected static final String[] AUDITOR = {"auditor", "demo-auditor"};

    protected static org.springframework.boot.test.web.client.TestRestTemplate as(
            org.springframework.boot.test.web.client.TestRestTemplate http, String[] user) {
        return http.withBasicAuth(user[0], user[1]);
    }

    protected static Path inbox() {
        return DATA_DIR.resolve("inbox");
    }

    protected static Path outbox(String locationNumber) {
        return DATA_DIR.resolve("outbox").resolve(locationNumber);
    }

    protected static Path quarantine() {
        return DATA_DIR.resolve("quarantine");
    }

    /** Drops a file into inbox/ the way senders should: a temporary name, then a rename. */
    protected static void drop(String name, byte[] content) {
        try {
            Path temp = inbox().resolve(name + ".part");
            Files.write(temp, content);
            Files.move(temp, inbox().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops a file as {@link #drop} does, with a modification time of its own: returns the tracking
     * id the gateway gives it (the same file dropped again gets the same one).
     */
    protected static String dropAt(String name, byte[] content, java.nio.file.attribute.FileTime modified) {
        try {
            Path temp = inbox().resolve(name + ".part");
            Files.write(temp, content);
            Files.setLastModifiedTime(temp, modified);
            Files.move(temp, inbox().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] key = dk.region.medcom.gateway.journal.JournalKeys.existingTrackingIdKey(null, DATA_DIR).bytes();
        return dk.region.medcom.gateway.ingest.Ingestor.fileTrackingId(name, modified.toMillis(), content, key).value();
    }

    /** A quarantined original, decrypted with the gateway's body key (the file itself is sealed). */
    protected static byte[] openQuarantined(Path file) {
        dk.region.medcom.gateway.message.TrackingId id =
                new dk.region.medcom.gateway.message.TrackingId(trackingIdOf(file));
        try (java.io.InputStream in = dk.region.medcom.gateway.reject.Quarantine.openOriginal(quarantine(), id,
                dk.region.medcom.gateway.journal.JournalKeys.existingBodyCipher(null, DATA_DIR)).orElseThrow()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a file whose name starts with {@code prefix} appears in {@code folder}. */
    protected static Path awaitFile(Path folder, String prefix) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(folder, prefix), Optional::isPresent).get();
    }

    protected static Optional<Path> find(Path folder, String prefix) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a file in {@code folder} contains {@code marker} (skipping temporary dot-files). */
    protected static Path awaitFileContaining(Path folder, String marker) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> findContaining(folder, marker), Optional::isPresent).get();
    }

    protected static Optional<Path> findContaining(Path folder, String marker) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().endsWith(".error.json"))
                    .filter(f -> contains(f, marker)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quarantined originals are sealed: those are looked into decrypted. */
    private static boolean contains(Path file, String marker) {
        try {
            byte[] bytes = file.startsWith(quarantine()) ? openQuarantined(file) : Files.readAllBytes(file);
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException | RuntimeException e) {
            return false; // renamed or removed while we looked
        }
    }

    /**
     * The value of the sample {@code name} whose label {@code label} is {@code value} in a scrape
     * of /actuator/prometheus; NaN when there is none.
     */
    protected static double sampleValue(String scrape, String name, String label, String value) {
        java.util.regex.Matcher sample = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*" + label + "=\""
                + java.util.regex.Pattern.quote(value) + "\"[^}]*\\} (\\S+)$").matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : Double.NaN;
    }

    /** A unique envelope identifier (14 characters, MedCom's maximum) to find a message again. */
    protected static String uniqueEnvelopeId() {
        return "T" + Long.toString(System.nanoTime() % 10_000_000_000_000L);
    }

    /**
     * A unique marker without digits, for the words a user types (reasons, comments): the gateway
     * masks a run of 10 to 12 digits wherever it keeps such words (it may be a CPR number), and an
     * envelope identifier may hold one.
     */
    protected static String lettersOnly(String unique) {
        StringBuilder letters = new StringBuilder();
        unique.chars().forEach(c -> letters.append(Character.isDigit(c) ? (char) ('a' + c - '0') : (char) c));
        return letters.toString();
    }

    /** The sample with its Envelope Identifier (the first Identifier element) replaced by {@code envelopeId}. */
    protected static byte[] sampleWithEnvelopeId(String relative, String envelopeId) {
        String xml = new String(sample(relative), java.nio.charset.StandardCharsets.UTF_8);
        return xml.replaceFirst("<Identifier>[^<]*</Identifier>", "<Identifier>" + envelopeId + "</Identifier>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected static String trackingIdOf(Path file) {
        return file.getFileName().toString().substring(0, 36);
    }

    /** The sample addressed to another receiver location number (Receiver/EANIdentifier replaced). */
    protected static byte[] sampleTo(String relative, String envelopeId, String receiverLocation) {
        String xml = new String(sampleWithEnvelopeId(relative, envelopeId), java.nio.charset.StandardCharsets.UTF_8);
        return xml.replaceFirst("(<Receiver>\\s*<EANIdentifier>)[^<]*", "$1" + receiverLocation)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    protected static byte[] sample(String relative) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
