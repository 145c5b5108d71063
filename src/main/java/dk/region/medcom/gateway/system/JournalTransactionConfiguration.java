package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.journal.H2GroupCommit;
import javax.sql.DataSource;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The journal's transactions.
 *
 * <p>One database transaction for the journal writes of a route ({@code transacted: journalTransaction}
 * in routes/*.yaml): a message's parse-to-translate steps are one commit instead of one per step.
 * It runs inside the route's broker transaction and commits just before it, so a crash between the
 * two leaves the journal one step ahead of the broker; the broker then redelivers, and every journal
 * write is idempotent per tracking id (best-effort one-phase commit, no XA).
 *
 * <p>On the embedded H2 journal a commit returns only once it is in the database file, written
 * together with the commits of other threads ({@link H2GroupCommit}); other databases commit
 * durably themselves.
 */
@Configuration(proxyBeanMethods = false)
class JournalTransactionConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource,
                                              ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = H2GroupCommit.of(dataSource)
                .<JdbcTransactionManager>map(groupCommit -> new GroupCommitting(dataSource, groupCommit))
                .orElseGet(() -> new JdbcTransactionManager(dataSource));
        customizers.ifAvailable(customizer -> customizer.customize(manager));
        return manager;
    }

    @Bean("journalTransaction")
    SpringTransactionPolicy journalTransaction(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    /** Commits, then waits until the commit is in H2's file. */
    private static final class GroupCommitting extends JdbcTransactionManager {

        private final transient H2GroupCommit groupCommit;

        GroupCommitting(DataSource dataSource, H2GroupCommit groupCommit) {
            super(dataSource);
            this.groupCommit = groupCommit;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            super.doCommit(status);
            groupCommit.awaitStored();
        }
    }
}
