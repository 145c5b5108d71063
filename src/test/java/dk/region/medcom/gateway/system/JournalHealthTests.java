package dk.region.medcom.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

class JournalHealthTests {

    @Test
    void isDownOnceTheH2StoreHasStoppedAfterAFatalError(@TempDir Path folder) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("gateway") + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("create table message (tracking_id varchar(36) primary key)");
            JournalHealth health = new JournalHealth(dataSource);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            // what an OutOfMemoryError inside H2's store leads to: the store "panics" and stops for good
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            try {
                session.getDatabase().getStore().getMvStore().panic(
                        new MVStoreException(DataUtils.ERROR_INTERNAL, "provoked by the test"));
            } catch (MVStoreException expected) {
                // panic() rethrows what it was given
            }

            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
