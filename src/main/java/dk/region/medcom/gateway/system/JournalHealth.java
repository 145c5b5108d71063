package dk.region.medcom.gateway.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.engine.SessionLocal;
import org.h2.mvstore.MVStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code journalStore} in /actuator/health: DOWN when the journal cannot be read, and for the embedded
 * H2 journal when its store has stopped after a fatal error ("panic": it then refuses every write
 * while a plain connection check still passes).
 */
@Component("journalStoreHealthIndicator")
class JournalHealth extends AbstractHealthIndicator {

    private final DataSource dataSource;

    JournalHealth(DataSource dataSource) {
        super("the journal cannot be read");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws SQLException {
        new JdbcTemplate(dataSource).queryForObject("select count(*) from message where tracking_id = ''", Long.class);
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                MVStore store = session.getDatabase().getStore().getMvStore();
                if (store.isClosed() || store.getPanicException() != null) {
                    health.down().withDetail("h2", "the journal's store has stopped; restart the gateway "
                            + "(the file is checked on start)");
                    return;
                }
            }
        }
        health.up();
    }
}
