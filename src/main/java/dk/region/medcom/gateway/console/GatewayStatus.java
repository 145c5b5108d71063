package dk.region.medcom.gateway.console;

import dk.region.medcom.gateway.monitor.GatewayProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.stereotype.Component;

/**
 * What the dashboard says about the gateway's parts: the depth of every {@code medcom.*} queue and
 * whether the broker and the journal answer (the same reading Prometheus gets, {@link GatewayProbe}),
 * how large the journal's file is, and each route's state. The broker and the journal are asked at
 * most every few seconds, however often pages refresh.
 */
@Component
class GatewayStatus {

    /** One reading; a part that did not answer is named in {@code problems}. */
    record Reading(Instant at, Map<String, Long> queues, boolean brokerAnswered, boolean journalAnswered,
                   Long journalFileBytes, Map<String, String> routes, List<String> problems) {
    }

    private final GatewayProbe probe;
    private final CamelContext camel;
    private final MeterRegistry meters;

    GatewayStatus(GatewayProbe probe, CamelContext camel, MeterRegistry meters) {
        this.probe = probe;
        this.camel = camel;
        this.meters = meters;
    }

    Reading now() {
        GatewayProbe.Reading parts = probe.now();
        Map<String, String> routes = new LinkedHashMap<>();
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            routes.put(route.getRouteId(), status == null ? "unknown" : status.name());
        }
        Long fileBytes = Search.in(meters).name("medcom.journal.file").gauges().stream().findFirst()
                .map(gauge -> (long) gauge.value()).orElse(null);
        return new Reading(parts.at(), parts.queueDepths(), parts.brokerAnswered(), parts.journalAnswered(), fileBytes, routes,
                parts.problems());
    }
}
