package dk.region.medcom.gateway.system;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * One database transaction for the journal writes of a route ({@code transacted: journalTransaction}
 * in routes/*.yaml): a message's parse-to-translate steps are one commit instead of one per step.
 * It runs inside the route's broker transaction and commits just before it, so a crash between the
 * two leaves the journal one step ahead of the broker; the broker then redelivers, and every journal
 * write is idempotent per tracking id (best-effort one-phase commit, no XA).
 */
@Configuration(proxyBeanMethods = false)
class JournalTransactionConfiguration {

    @Bean("journalTransaction")
    SpringTransactionPolicy journalTransaction(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }
}
