package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.message.PipelineHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The gateway's tracking id in the logging context ({@code trackingId}, beside Camel's own
 * {@code camel.routeId}, {@code camel.exchangeId}, ...) while a route step handles a message, so
 * every line logged for a message names it, in the JSON log format as a field of its own. Camel
 * picks this factory up from the registry ({@code camel.main.use-mdc-logging} on, application.yaml)
 * and sets the context afresh before each step, so the id is there from the step after the ingest
 * gave it out. Only the id goes in: never anything read from the message.
 */
@Component
class TrackingIdMdc implements UnitOfWorkFactory {

    static final String KEY = PipelineHeaders.LOG_TRACKING_ID;

    private CamelContext camel;

    @Override
    public void afterPropertiesConfigured(CamelContext camelContext) {
        this.camel = camelContext;
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        CamelContext context = camel != null ? camel : exchange.getContext();
        return new WithTrackingId(exchange, context);
    }

    private static final class WithTrackingId extends MDCUnitOfWork {

        private final CamelContext context;

        WithTrackingId(Exchange exchange, CamelContext context) {
            super(exchange, context.getInflightRepository(), context.getMDCLoggingKeysPattern(),
                    Boolean.TRUE.equals(context.isAllowUseOriginalMessage()), Boolean.TRUE.equals(context.isUseBreadcrumb()));
            this.context = context;
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new WithTrackingId(exchange, context);
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            String trackingId = exchange.getMessage().getHeader(PipelineHeaders.TRACKING_ID, String.class);
            if (trackingId != null) {
                MDC.put(KEY, trackingId);
            } else {
                MDC.remove(KEY);
            }
        }

        @Override
        public void clear() {
            super.clear();
            MDC.remove(KEY);
        }
    }
}
