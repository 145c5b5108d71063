package dk.region.medcom.gateway.system;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The memory budget in the routes. A file from {@code inbox/} waits, still in {@code inbox/} and
 * unread, until its bytes fit ({@link #holdFile}, routes/ingest.yaml); a consumer of the inbound
 * queue waits before it parses a message until the message fits (a route policy on the route
 * {@code parse}, so the pipeline's own copies count too). Both hold their bytes until their
 * exchange completes.
 */
@Component("memoryBudgetSteps")
public class MemoryBudgetSteps implements RoutePolicyFactory {

    static final String PIPELINE_ROUTE = "parse";

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

    @Override
    public RoutePolicy createRoutePolicy(org.apache.camel.CamelContext camelContext, String routeId, NamedNode route) {
        return PIPELINE_ROUTE.equals(routeId) ? new PipelinePolicy() : null;
    }

    private final class PipelinePolicy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            byte[] body = exchange.getIn().getBody(byte[].class);
            try {
                hold(exchange, body == null ? 0 : (long) body.length * MemoryBudget.IN_PIPELINE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.setException(e);
            }
        }
    }
}
