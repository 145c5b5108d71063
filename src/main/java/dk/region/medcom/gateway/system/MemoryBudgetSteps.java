package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.ingest.MemoryBudget;
import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.Location;
import dk.region.medcom.gateway.message.PipelineMessage;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.Processor;
import org.apache.camel.spi.Policy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The memory budget in the routes. A file from {@code inbox/} waits, still in {@code inbox/} and
 * unread, until its bytes fit ({@link #holdFile}, routes/ingest.yaml), and holds them until its
 * exchange completes; a consumer of the inbound queue waits before it parses a message until the
 * message fits ({@code policy: pipelineMemory} in routes/parse.yaml), and holds it until the route
 * has run, however it ends (an OutOfMemoryError included), so the pipeline's own copies count too.
 */
@Component("memoryBudgetSteps")
public class MemoryBudgetSteps {

    /** Messages whose processing ran the heap out, by tracking id (bounded: the newest thousand). */
    private static final Set<String> RAN_OUT = Collections.synchronizedSet(new LinkedHashSet<>());

    private final MemoryBudget budget;
    private final long maxMessageBytes;

    public MemoryBudgetSteps(MemoryBudget budget, @Value("${gateway.ingest.max-message-bytes:10485760}") long maxMessageBytes) {
        this.budget = budget;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Waits until the file's bytes fit the budget; a file too large to be read needs none. */
    public void holdFile(Exchange exchange) throws InterruptedException {
        long size = exchange.getIn().getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        hold(exchange, size > maxMessageBytes ? 0 : size * MemoryBudget.AT_INGEST);
    }

    private void hold(Exchange exchange, long size) throws InterruptedException {
        MemoryBudget.Reservation reservation = budget.reserve(size);
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                reservation.close();
            }
        });
    }

    /**
     * A message whose processing ran the heap out is not processed again when the broker redelivers
     * it: it is refused before parse (PIPELINE-OUT-OF-MEMORY) and quarantined. Tried again and again
     * it would run the heap out each time, until another thread (the journal's H2 store) met the
     * OutOfMemoryError and the journal closed (BackPressureIT).
     */
    public PipelineMessage refuseIfItRanOutBefore(@Body PipelineMessage message) {
        if (RAN_OUT.contains(message.trackingId().value())) {
            return message.withFinding(Finding.error("PIPELINE-OUT-OF-MEMORY", Location.NONE,
                    "processing this message ran the gateway out of memory; it is kept in quarantine (give the"
                            + " gateway more heap, or the sender a smaller message)",
                    "behandlingen af meddelelsen opbrugte gatewayens hukommelse; den er sat i karantæne"));
        }
        return message;
    }

    private static void remember(Exchange exchange) {
        String id = exchange.getIn().getHeader(PipelineHeaders.TRACKING_ID, String.class);
        if (id != null) {
            RAN_OUT.add(id);
            if (RAN_OUT.size() > 1000) {
                synchronized (RAN_OUT) {
                    RAN_OUT.remove(RAN_OUT.iterator().next());
                }
            }
        }
    }

    private static boolean ranOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The pipeline's hold: wraps the rest of the route that takes messages from the inbound queue. */
    @Bean("pipelineMemory")
    static Policy pipelineMemory(MemoryBudget budget) {
        return new Policy() {
            @Override
            public void beforeWrap(Route route, NamedNode definition) {
            }

            @Override
            public Processor wrap(Route route, Processor processor) {
                return exchange -> {
                    byte[] body = exchange.getIn().getBody(byte[].class);
                    try (MemoryBudget.Reservation held = budget.reserve(
                            body == null ? 0 : (long) body.length * MemoryBudget.IN_PIPELINE)) {
                        processor.process(exchange);
                    } catch (OutOfMemoryError e) {
                        remember(exchange);
                        throw e;
                    }
                    if (ranOutOfMemory(exchange.getException())) {
                        remember(exchange);
                    }
                };
            }
        };
    }
}
