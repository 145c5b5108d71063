package dk.region.medcom.gateway.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the dashboard says about the gateway's parts: the depth of every {@code medcom.*} queue
 * (asked of the broker through Artemis' management address, so it works the same for the embedded
 * broker and a standalone one whose user may manage), whether the journal answers and how large its
 * file is, and each route's state. Read at most every few seconds, however often pages refresh.
 */
@Component
class GatewayStatus {

    /** How long one reading is shown before the parts are asked again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final long BROKER_TIMEOUT_MS = 2000;

    /** One reading; a part that did not answer is named in {@code problems}. */
    record Reading(Instant at, Map<String, Long> queues, boolean brokerAnswered, boolean journalAnswered,
                   Long journalFileBytes, Map<String, String> routes, List<String> problems) {
    }

    private final ConnectionFactory broker;
    private final JdbcClient journal;
    private final CamelContext camel;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile Reading last;

    GatewayStatus(ConnectionFactory broker, JdbcClient journal, CamelContext camel, MeterRegistry meters, Clock clock) {
        this.broker = broker;
        this.journal = journal;
        this.camel = camel;
        this.meters = meters;
        this.clock = clock;
    }

    Reading now() {
        Reading reading = last;
        Instant now = clock.instant();
        if (reading == null || reading.at().plus(FRESH_FOR).isBefore(now)) {
            reading = read(now);
            last = reading;
        }
        return reading;
    }

    private Reading read(Instant now) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> queues = new LinkedHashMap<>();
        boolean brokerAnswered = false;
        try {
            queues = queueDepths();
            brokerAnswered = true;
        } catch (JMSException | RuntimeException e) {
            problems.add("broker: " + e.getClass().getSimpleName());
        }
        boolean journalAnswered = false;
        try {
            journalAnswered = journal.sql("select count(*) from message where 1 = 0").query(Long.class).single() == 0;
        } catch (RuntimeException e) {
            problems.add("journal: " + e.getClass().getSimpleName());
        }
        Map<String, String> routes = new LinkedHashMap<>();
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            routes.put(route.getRouteId(), status == null ? "unknown" : status.name());
        }
        Long fileBytes = Search.in(meters).name("medcom.journal.file").gauges().stream().findFirst()
                .map(gauge -> (long) gauge.value()).orElse(null);
        return new Reading(now, queues, brokerAnswered, journalAnswered, fileBytes, routes, problems);
    }

    /** Every medcom.* queue with its message count, by name. */
    private Map<String, Long> queueDepths() throws JMSException {
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer answers = session.createConsumer(replies);
            connection.start();
            Object[] names = (Object[]) ask(session, replies, answers, request -> JMSManagementHelper
                    .putOperationInvocation(request, ResourceNames.BROKER, "getQueueNames"));
            Map<String, Long> depths = new LinkedHashMap<>();
            for (String name : Arrays.stream(names == null ? new Object[0] : names).map(String::valueOf).sorted().toList()) {
                if (name.startsWith("medcom.")) {
                    Object count = ask(session, replies, answers, request -> JMSManagementHelper
                            .putAttribute(request, ResourceNames.QUEUE + name, "messageCount"));
                    depths.put(name, count instanceof Number number ? number.longValue() : -1L);
                }
            }
            return depths;
        }
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
        Message reply = answers.receive(BROKER_TIMEOUT_MS);
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
