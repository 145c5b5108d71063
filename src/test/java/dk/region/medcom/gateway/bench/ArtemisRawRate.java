package dk.region.medcom.gateway.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The broker's own pace, for comparison with the gateway's: persistent sends of a sample-sized
 * message, one transaction each (as the gateway's ingest does), then transacted receives with a
 * commit each (as its consumers do). Not a test; bench/throughput.sh runs it against the same broker.
 *
 * <pre>java -cp ... ArtemisRawRate tcp://127.0.0.1:61616 user password messages sample-file</pre>
 */
public final class ArtemisRawRate {

    private ArtemisRawRate() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[3]);
        byte[] body = Files.readAllBytes(Path.of(args[4]));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, args[1], args[2]);
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue("bench.raw");
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
                session.commit();
            }
            long sent = System.nanoTime();
            MessageConsumer consumer = session.createConsumer(queue);
            for (int i = 0; i < count; i++) {
                if (consumer.receive(10_000) == null) {
                    throw new IllegalStateException("only " + i + " of " + count + " messages came back");
                }
                session.commit();
            }
            long received = System.nanoTime();
            System.out.printf("artemis raw: %d persistent messages of %d bytes: send+commit %.0f msg/s, "
                            + "receive+commit %.0f msg/s, send and receive %.0f msg/s%n", count, body.length,
                    rate(count, t0, sent), rate(count, sent, received), rate(count, t0, received));
        }
    }

    private static double rate(int count, long from, long to) {
        return count / ((to - from) / 1e9);
    }
}
