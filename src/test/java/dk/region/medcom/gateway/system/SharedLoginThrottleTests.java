package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway nodes on one journal database (as with PostgreSQL; here Flyway's migrations on H2)
 * count failed logins in one table: a caller who alternates between the nodes gets no more guesses
 * than on one node, and the table stays small.
 */
class SharedLoginThrottleTests {

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:logins-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final LoginThrottleTests.MovingClock clock = new LoginThrottleTests.MovingClock();
    private final LoginProperties properties =
            new LoginProperties(5, Duration.ofSeconds(1), 10, Duration.ofMinutes(5), Duration.ofMinutes(5));
    private LoginThrottle nodeA;
    private LoginThrottle nodeB;

    @BeforeEach
    void nodes() {
        Flyway.configure().dataSource(database).load().migrate();
        nodeA = node(LoginThrottle.MAX_KEYS);
        nodeB = node(LoginThrottle.MAX_KEYS);
    }

    @Test
    void aCallerAlternatingBetweenNodesIsDelayedAndLockedAsOnOne() {
        for (int i = 0; i < 4; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed("operator", "10.0.0.1");
        }
        assertThat(nodeA.waitFor("operator", "10.0.0.1")).isEmpty();
        nodeB.failed("operator", "10.0.0.1");
        assertThat(nodeA.waitFor("operator", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(nodeB.waitFor("operator", "10.0.0.9")).as("the user, from anywhere, on either node").isPresent();
        for (int i = 6; i <= 10; i++) {
            clock.now = clock.now.plusSeconds(60);
            (i % 2 == 0 ? nodeA : nodeB).failed("operator", "10.0.0.1");
        }
        assertThat(nodeA.waitFor("operator", "10.0.0.1")).contains(Duration.ofMinutes(5));
        assertThat(nodeB.waitFor("operator", "10.0.0.1")).contains(Duration.ofMinutes(5));

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(nodeB.waitFor("operator", "10.0.0.1")).as("the lock runs out").isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void aSuccessfulLoginOnOneNodeResetsForBoth() {
        for (int i = 0; i < 5; i++) {
            nodeA.failed("sender", "10.0.0.1");
        }
        nodeB.succeeded("sender", "10.0.0.1");
        assertThat(nodeA.waitFor("sender", "10.0.0.1")).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void theTableKeepsHashesOnlyAndStaysBounded() {
        LoginThrottle small = node(5);
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plusSeconds(1);
            small.failed("guess-" + i + "\n" + "x".repeat(1000), "10.0.0." + i);
        }
        assertThat(jdbc.sql("select max(length(key_hash)) from login_failure").query(Integer.class).single()).isEqualTo(64);
        assertThat(jdbc.sql("select count(*) from login_failure where key_hash like '%guess%'").query(Long.class).single())
                .isZero();

        small.forgetOld();
        assertThat(rows()).isEqualTo(5);
        // the most recent stay
        small.failed("guess-19\n" + "x".repeat(1000), "10.0.0.19");
        assertThat(jdbc.sql("select max(failures) from login_failure").query(Integer.class).single()).isEqualTo(2);

        clock.now = clock.now.plus(Duration.ofDays(1)).plusSeconds(1);
        small.forgetOld();
        assertThat(rows()).as("not failed for a day: forgotten").isZero();
    }

    @Test
    void whileTheDatabaseDoesNotAnswerANodeThrottlesOnItsOwn() {
        LoginThrottle node = new LoginThrottle(properties, clock, new SimpleMeterRegistry(), new LoginThrottle.SharedOrLocal(
                new LoginFailureTable(database, new DataSourceTransactionManager(database), LoginThrottle.MAX_KEYS)));
        jdbc.sql("drop table login_failure").update();

        for (int i = 0; i < 5; i++) {
            node.failed("operator", "10.0.0.1");
        }
        assertThat(node.waitFor("operator", "10.0.0.1")).contains(Duration.ofSeconds(1));
        node.succeeded("operator", "10.0.0.1");
        assertThat(node.waitFor("operator", "10.0.0.1")).isEmpty();
        node.forgetOld();
    }

    private LoginThrottle node(int maxRows) {
        return new LoginThrottle(properties, clock, new SimpleMeterRegistry(),
                new LoginFailureTable(database, new DataSourceTransactionManager(database), maxRows));
    }

    private long rows() {
        return jdbc.sql("select count(*) from login_failure").query(Long.class).single();
    }
}
