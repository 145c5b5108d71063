package dk.region.medcom.gateway.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Feeds a folder of messages into a gateway cluster through all three entry points at once, for
 * bench/cluster.sh test: the n-th file (in name order) goes into the shared inbox/ if n % 3 == 0,
 * is posted over HTTP if n % 3 == 1 (to the nodes in turn) and is sent to the inbound queue if
 * n % 3 == 2. Each entry point has its own thread and its share of the rate.
 *
 * <p>It keeps at it the way a careful sender does while nodes, the broker and the database are
 * killed under it: a post that gets no answer, or a 5xx, is sent again (to the other node); a
 * queue send whose commit fails is sent again once the client has failed over. A message sent
 * twice that way is the gateway's duplicate detection's to catch. A message counts as accepted
 * once a 2xx, a commit or a rename says so; it is written to the accepted file then.
 *
 * <pre>java -cp ... ClusterFeeder messages/ inbox/ staging/ http://a,http://b user:password
 *     broker-url broker-user broker-password queue per-second accepted.txt</pre>
 * Each line of accepted.txt: {@code <file name> <folder|http|queue> <attempts>}. Exit 1 if any
 * message could not be handed over within the give-up time (10 minutes each).
 */
public final class ClusterFeeder {

    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private ClusterFeeder() {
    }

    public static void main(String[] args) throws Exception {
        Path messages = Path.of(args[0]);
        Path inbox = Path.of(args[1]);
        Path staging = Files.createDirectories(Path.of(args[2]));
        String[] nodes = args[3].split(",");
        String authorization = "Basic " + Base64.getEncoder().encodeToString(args[4].getBytes(StandardCharsets.UTF_8));
        String brokerUrl = args[5];
        String brokerUser = args[6];
        String brokerPassword = args[7];
        String queue = args[8];
        double perSecond = Double.parseDouble(args[9]);
        List<Path> files;
        try (Stream<Path> listed = Files.list(messages)) {
            files = listed.sorted().toList();
        }
        List<List<Path>> byEntry = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < files.size(); i++) {
            byEntry.get(i % 3).add(files.get(i));
        }
        AtomicInteger failed = new AtomicInteger();
        try (PrintWriter accepted = new PrintWriter(Files.newBufferedWriter(Path.of(args[10])), true)) {
            Entry folder = file -> {
                Path temp = staging.resolve(file.getFileName());
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                return 1;
            };
            Entry http = new HttpEntry(nodes, authorization);
            QueueEntry jms = new QueueEntry(brokerUrl, brokerUser, brokerPassword, queue);
            List<Thread> threads = new ArrayList<>();
            String[] names = {"folder", "http", "queue"};
            Entry[] entries = {folder, http, jms};
            for (int e = 0; e < 3; e++) {
                String name = names[e];
                Entry entry = entries[e];
                List<Path> share = byEntry.get(e);
                Thread thread = new Thread(() -> {
                    long interval = (long) (3e9 / perSecond);
                    long next = System.nanoTime();
                    for (Path file : share) {
                        try {
                            int attempts = entry.hand(file);
                            synchronized (accepted) {
                                accepted.printf("%s %s %d%n", file.getFileName(), name, attempts);
                            }
                        } catch (Exception ex) {
                            failed.incrementAndGet();
                            System.err.printf("%s: gave up on %s: %s%n", name, file.getFileName(), ex);
                        }
                        next += interval;
                        LockSupport.parkNanos(next - System.nanoTime());
                    }
                }, "feed-" + name);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            jms.close();
        }
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    /** Hands one message over; returns the attempts it took. */
    private interface Entry {
        int hand(Path file) throws Exception;
    }

    private static final class HttpEntry implements Entry {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String[] nodes;
        private final String authorization;
        private int turn;

        HttpEntry(String[] nodes, String authorization) {
            this.nodes = nodes;
            this.authorization = authorization;
        }

        @Override
        public int hand(Path file) throws Exception {
            byte[] body = Files.readAllBytes(file);
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            for (int attempt = 1; ; attempt++) {
                String node = nodes[turn++ % nodes.length];
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(node + "/api/messages"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/xml")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() / 100 == 2) {
                        return attempt;
                    }
                    if (response.statusCode() / 100 == 4 && response.statusCode() != 429) {
                        throw new IOException("HTTP " + response.statusCode() + " from " + node);
                    }
                } catch (IOException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith("HTTP 4")) {
                        throw e;
                    }
                    // no answer: the node is down or died with the post; the other node gets it
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("no node accepted it in " + GIVE_UP);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static final class QueueEntry implements Entry, AutoCloseable {
        private final ActiveMQConnectionFactory factory;
        private final String queue;
        private Connection connection;
        private Session session;
        private MessageProducer producer;

        QueueEntry(String url, String user, String password, String queue) {
            this.factory = new ActiveMQConnectionFactory(url, user, password);
            this.queue = queue;
        }

        @Override
        public int hand(Path file) throws Exception {
            byte[] body = Files.readAllBytes(file);
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            for (int attempt = 1; ; attempt++) {
                try {
                    if (session == null) {
                        connection = factory.createConnection();
                        session = connection.createSession(true, Session.SESSION_TRANSACTED);
                        producer = session.createProducer(session.createQueue(queue));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                    }
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(body);
                    producer.send(message);
                    session.commit();
                    return attempt;
                } catch (JMSException e) {
                    // a failover rolls the transaction back (or leaves its outcome unknown): send again
                    close();
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    TimeUnit.MILLISECONDS.sleep(500);
                }
            }
        }

        @Override
        public void close() {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (JMSException e) {
                // closing a broken connection: nothing to keep
            }
            connection = null;
            session = null;
            producer = null;
        }
    }
}
