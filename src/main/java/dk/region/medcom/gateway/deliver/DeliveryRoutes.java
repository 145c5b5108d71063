package dk.region.medcom.gateway.deliver;

import dk.region.medcom.gateway.route.RecipientDirectory;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Makes one delivery route per recipient in the directory from the {@code deliver-to-recipient}
 * template in {@code routes/deliver.yaml}: a consumer of {@code medcom.deliver.<location number>}.
 * A recipient added to the directory while the gateway runs gets its route when its first message
 * is enqueued.
 */
public class DeliveryRoutes implements CamelContextConfiguration {

    static final String TEMPLATE = "deliver-to-recipient";

    private final RecipientDirectory directory;
    private volatile CamelContext camelContext;

    public DeliveryRoutes(RecipientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the YAML templates are not loaded yet here
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        this.camelContext = camelContext;
        for (String location : directory.locationNumbers()) {
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
