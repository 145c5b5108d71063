package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.region.medcom.gateway.journal.maintenance.UnacknowledgedCheck;
import dk.region.medcom.gateway.journal.search.JournalSearch;
import dk.region.medcom.gateway.testing.BenchPostgres;
import dk.region.medcom.gateway.testing.JournalNodes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What two nodes share through a PostgreSQL journal (V29), on a real PostgreSQL server on loopback
 * (bench/postgres.sh): the failed-login table's SQL (row lock, trimming) and the overdue-receipt
 * mark. The behaviour itself is tested on H2 (SharedLoginThrottleTests, UnacknowledgedCheckTests).
 */
class SharedNodeStatePostgresIT {

    @Test
    void theSharedLoginFailuresAndTheOverdueMarkWorkOnPostgres() throws Exception {
        try (BenchPostgres postgres = BenchPostgres.start("shared")) {
            DriverManagerDataSource database = postgres.database();
            JdbcClient jdbc = JdbcClient.create(database);

            LoginThrottleTests.MovingClock clock = new LoginThrottleTests.MovingClock();
            LoginProperties properties = new LoginProperties(2, Duration.ofSeconds(1), 3, Duration.ofMinutes(5), Duration.ZERO);
            LoginThrottle nodeA = throttle(database, properties, clock, 3);
            LoginThrottle nodeB = throttle(database, properties, clock, 3);
            nodeA.failed("operator", "10.0.0.1");
            nodeB.failed("operator", "10.0.0.1");
            assertThat(nodeA.waitFor("operator", "10.0.0.1")).contains(Duration.ofSeconds(1));
            nodeA.failed("operator", "10.0.0.1");
            assertThat(nodeB.waitFor("operator", "10.0.0.2")).contains(Duration.ofMinutes(5));
            nodeB.succeeded("operator", "10.0.0.1");
            assertThat(nodeA.waitFor("operator", "10.0.0.1")).isEmpty();
            for (int i = 0; i < 5; i++) {
                clock.now = clock.now.plusSeconds(1);
                nodeA.failed("guess" + i, "10.0.1." + i);
            }
            nodeA.forgetOld();
            assertThat(jdbc.sql("select count(*) from login_failure").query(Long.class).single()).isEqualTo(3);

            // the overdue-receipt mark: named once, by one of two nodes
            insertOverdue(jdbc);
            AnnotationConfigApplicationContext a = JournalNodes.node(database, Clock.systemUTC(), Duration.ofHours(24), JournalSearch.class, UnacknowledgedCheck.class);
            AnnotationConfigApplicationContext b = JournalNodes.node(database, Clock.systemUTC(), Duration.ofHours(24), JournalSearch.class, UnacknowledgedCheck.class);
            try {
                a.getBean(UnacknowledgedCheck.class).check();
                b.getBean(UnacknowledgedCheck.class).check();
                assertThat(jdbc.sql("select count(*) from overdue_receipt_mark").query(Long.class).single()).isOne();
                assertThat(b.getBean(MeterRegistry.class).get("medcom.messages.unacknowledged").gauge().value()).isOne();
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static LoginThrottle throttle(DataSource database, LoginProperties properties, Clock clock, int maxRows) {
        return new LoginThrottle(properties, clock, new SimpleMeterRegistry(),
                new LoginFailureTable(database, new DataSourceTransactionManager(database), maxRows));
    }

    private static void insertOverdue(JdbcClient jdbc) {
        Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
        jdbc.sql("""
                        insert into message (tracking_id, source, received_at, updated_at, state, size_bytes, message_type,
                          ack_requested, delivered_at)
                        values (:id, 'folder', :at, :at, 'DELIVERED', 100, 'XDIS91', true, :at)""")
                .param("id", UUID.randomUUID().toString()).param("at", at).update();
    }

}
