package dk.region.medcom.gateway.testing;

import dk.region.medcom.gateway.journal.JournalProperties;
import dk.region.medcom.gateway.journal.maintenance.SchedulerLocks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Gateway nodes' scheduled journal work, each node a context of its own on one shared database. */
public final class JournalNodes {

    private JournalNodes() {
    }

    /**
     * A node with the scheduler lock and {@code beans} (the scheduled work under test and what it
     * needs), receipts overdue after {@code receiptTimeout}, bodies kept 10 days and rows 30.
     */
    public static AnnotationConfigApplicationContext node(DataSource database, Clock clock, Duration receiptTimeout,
                                                          Class<?>... beans) {
        AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext();
        node.registerBean(DataSource.class, () -> database);
        node.registerBean(JdbcClient.class, () -> JdbcClient.create(database));
        node.registerBean(Clock.class, () -> clock);
        node.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
        node.registerBean(JournalProperties.class, () -> new JournalProperties(null, null, null, receiptTimeout,
                Duration.ofMinutes(5), new JournalProperties.Retention(Duration.ofDays(10), Duration.ofDays(30),
                Duration.ofHours(1)), Duration.ZERO));
        node.register(SchedulerLocks.class);
        node.register(beans);
        node.refresh();
        return node;
    }
}
