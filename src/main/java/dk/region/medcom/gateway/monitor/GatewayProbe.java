package dk.region.medcom.gateway.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one place that asks the broker and the journal whether they answer and how full the queues
 * are, for the console's dashboard and for Prometheus alike. Read every {@link #FRESH_FOR} in the
 * background and when the dashboard asks for an older reading; a scrape only reads the last one
 * (never waits for the broker). Metrics, tagged {@code queue} with the queue's name:
 * <ul>
 *   <li>{@code medcom_queue_messages}: messages waiting in each {@code medcom.*} queue (inbound,
 *       each recipient's {@code medcom.deliver.<location number>}, dead letters {@code medcom.dead});</li>
 *   <li>{@code medcom_queue_oldest_age_seconds}: how long the oldest of them has waited (0: none);</li>
 *   <li>{@code medcom_broker_up}, {@code medcom_journal_up}: 1 when the last reading got an answer, else 0;</li>
 *   <li>{@code medcom_journal_database_bytes}: a PostgreSQL journal's size.</li>
 * </ul>
 * A queue's gauges appear once a reading has seen it; a queue that disappears reads 0, and all read
 * NaN while the broker does not answer.
 */
@Component
public class GatewayProbe {

    /** How long one reading is used before the parts are asked again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final Duration BROKER_WAIT = Duration.ofSeconds(4);

    /** One reading; a part that did not answer is named in {@code problems} (the exception's class only). */
    public record Reading(Instant at, Map<String, Long> queueDepths, Map<String, Long> oldestAgeMillis,
                          boolean brokerAnswered, boolean journalAnswered, List<String> problems) {
    }

    private final ConnectionFactory broker;
    private final JdbcClient journal;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Set<String> measuredQueues = ConcurrentHashMap.newKeySet();
    private volatile Reading last;
    private final ExecutorService brokerReader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gateway-probe-broker");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Map<String, BrokerQueues.QueueState>> pending;
    private Boolean postgres;
    private volatile double databaseBytes = Double.NaN;

    GatewayProbe(ConnectionFactory broker, JdbcClient journal, MeterRegistry meters, Clock clock) {
        this.broker = broker;
        this.journal = journal;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("medcom.broker.up", this, probe -> probe.answered(true))
                .description("1 when the broker answered the last management request").register(meters);
        Gauge.builder("medcom.journal.up", this, probe -> probe.answered(false))
                .description("1 when the journal database answered the last query").register(meters);
    }

    /** The last reading, read again if it is older than {@link #FRESH_FOR}. */
    public Reading now() {
        Reading reading = last;
        if (reading == null || reading.at().plus(FRESH_FOR).isBefore(clock.instant())) {
            reading = refresh();
        }
        return reading;
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 1000)
    synchronized Reading refresh() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        Map<String, Long> depths = new LinkedHashMap<>();
        Map<String, Long> ages = new LinkedHashMap<>();
        boolean brokerAnswered = false;
        try {
            brokerQueues().forEach((name, state) -> {
                depths.put(name, state.messages());
                ages.put(name, state.oldestAgeMillis());
            });
            brokerAnswered = true;
        } catch (ExecutionException e) {
            problems.add("broker: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            problems.add("broker: no answer within " + BROKER_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("broker: interrupted");
        }
        boolean journalAnswered = false;
        try {
            journalAnswered = journal.sql("select count(*) from message where 1 = 0").query(Long.class).single() == 0;
            measureDatabaseSize();
        } catch (RuntimeException e) {
            problems.add("journal: " + e.getClass().getSimpleName());
        }
        // in the broker's order (by name), which Map.copyOf would not keep
        Reading reading = new Reading(now, Collections.unmodifiableMap(depths), Collections.unmodifiableMap(ages),
                brokerAnswered, journalAnswered, List.copyOf(problems));
        last = reading;
        depths.keySet().forEach(this::measure);
        return reading;
    }

    /**
     * The broker's queues, waited for at most {@link #BROKER_WAIT}: a client that fails over or
     * reconnects for ever (the production URL's {@code reconnectAttempts=-1}) would otherwise hold
     * the reading, and the metrics would keep saying the broker answers. One read at a time: while
     * one still waits, the next reading waits for it instead of starting another.
     */
    private Map<String, BrokerQueues.QueueState> brokerQueues()
            throws ExecutionException, TimeoutException, InterruptedException {
        if (pending == null || pending.isDone()) {
            pending = brokerReader.submit(() -> BrokerQueues.read(broker));
        }
        return pending.get(BROKER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        brokerReader.shutdownNow();
    }

    /**
     * A PostgreSQL journal's size, {@code medcom_journal_database_bytes} (the whole database, as
     * {@code pg_database_size} counts it); the embedded H2 journal has its file's instead
     * ({@code medcom_journal_file_bytes}). Which one it is is asked once the journal answers.
     */
    private void measureDatabaseSize() {
        if (postgres == null) {
            postgres = journal.sql("select count(*) from information_schema.tables"
                    + " where table_schema = 'pg_catalog' and table_name = 'pg_database'").query(Long.class).single() > 0;
            if (postgres) {
                Gauge.builder("medcom.journal.database", this, probe -> probe.databaseBytes)
                        .description("Size of the PostgreSQL journal database").baseUnit("bytes").register(meters);
            }
        }
        if (postgres) {
            databaseBytes = journal.sql("select pg_database_size(current_database())").query(Long.class).single();
        }
    }

    private void measure(String queue) {
        if (measuredQueues.add(queue)) {
            Gauge.builder("medcom.queue.messages", this, probe -> probe.value(queue, true))
                    .description("Messages waiting in the queue").tag("queue", queue).register(meters);
            Gauge.builder("medcom.queue.oldest.age", this, probe -> probe.value(queue, false) / 1000.0)
                    .description("How long the oldest message in the queue has waited").baseUnit("seconds")
                    .tag("queue", queue).register(meters);
        }
    }

    private double answered(boolean theBroker) {
        Reading reading = last;
        return reading != null && (theBroker ? reading.brokerAnswered() : reading.journalAnswered()) ? 1 : 0;
    }

    private double value(String queue, boolean depth) {
        Reading reading = last;
        if (reading == null || !reading.brokerAnswered()) {
            return Double.NaN;
        }
        return (depth ? reading.queueDepths() : reading.oldestAgeMillis()).getOrDefault(queue, 0L);
    }
}
