package dk.region.medcom.gateway.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The integration tests' recipient directory: the shipped demo directory plus a recipient on each
 * channel the demo has no example of (an Artemis queue, an HTTP endpoint), and a real HTTP server
 * on loopback playing that endpoint. It can be told to fail a number of deliveries first.
 */
public final class TestRecipients {

    static final String QUEUE_RECIPIENT = "5799990000011";
    public static final String HTTP_RECIPIENT = "5799990000028";

    static final List<byte[]> httpDeliveries = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> attemptsByDeliveryId = new ConcurrentHashMap<>();
    static final AtomicInteger failuresToGive = new AtomicInteger();

    private static HttpServer server;
    /**
     * The directory file of the gateway with this data folder, for tests that edit it while the
     * gateway runs. Per data folder: tests with a context of their own have a file of their own.
     */
    /** The next {@code count} deliveries to the HTTP recipient are answered 503. */
    public static void failNextHttpDeliveries(int count) {
        failuresToGive.set(count);
    }

    /** How many letters the HTTP recipient has taken. */
    public static int httpDeliveriesTaken() {
        return httpDeliveries.size();
    }

    public static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + "-recipients.yaml");
    }

    private TestRecipients() {
    }

    /** Starts the HTTP recipient once and writes the directory file; returns its location. */
    static synchronized String directoryFile(Path dataDir) {
        try {
            if (server == null) {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/medcom", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String id = exchange.getRequestHeaders().getFirst("X-Medcom-Delivery-Id");
                    attemptsByDeliveryId.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    boolean fail = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                    if (!fail) {
                        httpDeliveries.add(body);
                    }
                    exchange.sendResponseHeaders(fail ? 503 : 204, -1);
                    exchange.close();
                });
                server.start();
            }
            String demo = new String(TestRecipients.class.getResourceAsStream("/directory/demo-recipients.yaml")
                    .readAllBytes(), StandardCharsets.UTF_8);
            String extra = """
                      - location-number: "%s"
                        name: "Test queue recipient"
                        channel: queue
                        formats: [XDIS91]
                      - location-number: "%s"
                        name: "Test HTTP recipient"
                        channel: http
                        url: "http://127.0.0.1:%d/medcom"
                        formats: [XDIS91]
                    """.formatted(QUEUE_RECIPIENT, HTTP_RECIPIENT, server.getAddress().getPort());
            Path file = fileFor(dataDir);
            Files.createDirectories(file.getParent());
            Files.writeString(file, demo + extra);
            return file.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
