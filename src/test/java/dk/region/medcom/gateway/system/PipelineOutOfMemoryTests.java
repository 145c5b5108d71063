package dk.region.medcom.gateway.system;

import dk.region.medcom.gateway.ingest.MemoryBudget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.region.medcom.gateway.message.PipelineHeaders;
import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.message.PipelineMessage;
import dk.region.medcom.gateway.message.TrackingId;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A message that ran the heap out is refused before parse when the broker redelivers it, not tried again. */
class PipelineOutOfMemoryTests {

    @Test
    void aMessageThatRanTheHeapOutIsRefusedOnItsRedelivery() throws Exception {
        MemoryBudget budget = new MemoryBudget(DataSize.ofMegabytes(64), 1024);
        Processor pipeline = MemoryBudgetSteps.pipelineMemory(budget).wrap(null, exchange -> {
            throw new OutOfMemoryError("Java heap space");
        });
        TrackingId id = TrackingId.newId();
        Exchange first = exchange(id);

        assertThatThrownBy(() -> pipeline.process(first)).isInstanceOf(OutOfMemoryError.class);
        assertThat(budget.available()).as("its hold released").isEqualTo(budget.bytes());

        MemoryBudgetSteps steps = new MemoryBudgetSteps(budget, 10_485_760);
        PipelineMessage redelivered = steps.refuseIfItRanOutBefore(new PipelineMessage(id, "http", new byte[] {1}));
        assertThat(redelivered.findings()).extracting(Finding::ruleId).containsExactly("PIPELINE-OUT-OF-MEMORY");
        assertThat(redelivered.isRejected()).isTrue();
        PipelineMessage other = steps.refuseIfItRanOutBefore(new PipelineMessage(TrackingId.newId(), "http", new byte[] {1}));
        assertThat(other.isRejected()).isFalse();
    }

    private static Exchange exchange(TrackingId id) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(new byte[1024]);
        exchange.getIn().setHeader(PipelineHeaders.TRACKING_ID, id.value());
        return exchange;
    }
}
