package dk.region.medcom.gateway.monitor;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * The gateway's queues as the broker sees them, asked through Artemis' management address (so it
 * works the same for the embedded broker and a standalone one whose user may manage): every
 * {@code medcom.*} queue's message count and the age of its oldest message (QueueControl's
 * {@code messageCount} and {@code firstMessageAge}). Only counts and ages: never a message.
 */
final class BrokerQueues {

    static final String PREFIX = "medcom.";
    private static final long TIMEOUT_MS = 2000;

    /** One queue: messages waiting, and how long the oldest has waited (0 when none). */
    record QueueState(long messages, long oldestAgeMillis) {
    }

    private BrokerQueues() {
    }

    /** Every medcom.* queue, by name in name order. */
    static Map<String, QueueState> read(ConnectionFactory broker) throws JMSException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Object[] names = (Object[]) ask(session, replies, answers, request -> JMSManagementHelper
                    .putOperationInvocation(request, ResourceNames.BROKER, "getQueueNames"));
            Map<String, QueueState> queues = new LinkedHashMap<>();
            for (String name : Arrays.stream(names == null ? new Object[0] : names).map(String::valueOf).sorted().toList()) {
                if (name.startsWith(PREFIX)) {
                    long count = number(ask(session, replies, answers, request -> JMSManagementHelper
                            .putAttribute(request, ResourceNames.QUEUE + name, "messageCount")), -1);
                    long age = count == 0 ? 0 : number(ask(session, replies, answers, request -> JMSManagementHelper
                            .putAttribute(request, ResourceNames.QUEUE + name, "firstMessageAge")), 0);
                    queues.put(name, new QueueState(count, age));
                }
            }
            return queues;
        }
    }

    private static long number(Object answer, long otherwise) {
        return answer instanceof Number number ? number.longValue() : otherwise;
    }

    private interface Request {
        void fill(Message request) throws Exception;
    }

    private static Object ask(Session session, TemporaryQueue replies, MessageConsumer answers, Request what)
            throws JMSException {
        Message request = session.createMessage();
        try {
            what.fill(request);
        } catch (Exception e) {
            throw new IllegalStateException("management request", e);
        }
        request.setJMSReplyTo(replies);
        session.createProducer(session.createQueue("activemq.management")).send(request);
        Message reply = answers.receive(TIMEOUT_MS);
        if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("the broker did not answer the management request");
        }
        try {
            return JMSManagementHelper.getResult(reply);
        } catch (Exception e) {
            throw new IllegalStateException("management answer", e);
        }
    }
}
