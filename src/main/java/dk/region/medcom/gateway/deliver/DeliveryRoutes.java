package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.journal.Journal;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Makes a recipient's delivery route from the {@code deliver-to-recipient} template in
 * {@code routes/deliver.yaml} (a consumer of {@code medcom.deliver.<location number>}) when its
 * first message is enqueued, and at start-up for every recipient the journal has undelivered
 * messages for. Consumers run only for recipients that get messages: a directory of 200 recipients
 * does not mean 200 idle consumer threads (about 130 MB of memory measured).
 */
public class DeliveryRoutes implements CamelContextConfiguration {

    static final String TEMPLATE = "deliver-to-recipient";

    private final Journal journal;
    private volatile CamelContext camelContext;

    public DeliveryRoutes(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the YAML templates are not loaded yet here
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        this.camelContext = camelContext;
        for (String location : journal.recipientsAwaitingDelivery()) {
            ensureRoute(location);
        }
    }

    /** The recipient's delivery route, made now if it does not exist yet. */
    public synchronized void ensureRoute(String location) {
        if (camelContext == null || camelContext.getRoute("deliver-" + location) != null) {
            return;
        }
        TemplatedRouteBuilder.builder(camelContext, TEMPLATE)
                .routeId("deliver-" + location)
                .parameter("location", location)
                .add();
    }
}
