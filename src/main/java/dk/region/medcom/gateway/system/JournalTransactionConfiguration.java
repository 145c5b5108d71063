package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.journal.JournalWriter;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journal transaction of a route ({@code policy: journalTransaction} in routes/*.yaml): the
 * journal writes of a message's parse-to-translate steps (or its delivery bookkeeping) are held
 * while the route runs and committed when it ends, together with other routes' writes
 * ({@link JournalWriter}), just before the route's broker transaction commits. A crash between the
 * two leaves the journal one step ahead of the broker; the broker then redelivers, and every
 * journal write is idempotent per tracking id (best-effort one-phase commit, no XA). A route that
 * ends with an exception writes nothing; the broker rolls back and redelivers.
 */
@Configuration(proxyBeanMethods = false)
class JournalTransactionConfiguration {

    @Bean("journalTransaction")
    Policy journalTransaction(JournalWriter writer) {
        return new Policy() {
            @Override
            public void beforeWrap(Route route, NamedNode definition) {
            }

            @Override
            public Processor wrap(Route route, Processor processor) {
                return exchange -> writer.inTransaction(() -> {
                    processor.process(exchange);
                    return exchange.getException() == null;
                });
            }
        };
    }
}
