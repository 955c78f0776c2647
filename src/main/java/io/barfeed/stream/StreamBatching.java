package io.barfeed.stream;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import io.barfeed.run.Run;

/**
 * The aggregator's strategy for streamed items: each one into the batch being filled ({@link StreamBatch}), which
 * takes the connection's run from the first item's variable {@code run}.
 */
@Component("streamBatching")
public class StreamBatching implements AggregationStrategy {

    private final boolean storesMinutes;

    public StreamBatching(StreamTimeframes timeframes) {
        this.storesMinutes = timeframes.storesMinutes();
    }

    @Override
    public Exchange aggregate(Exchange batch, Exchange item) {
        StreamItem next = item.getMessage().getBody(StreamItem.class);
        if (batch == null) {
            StreamBatch fresh = new StreamBatch(item.getVariable("run", Run.class), storesMinutes);
            fresh.add(next);
            item.getMessage().setBody(fresh);
            return item;
        }
        batch.getMessage().getBody(StreamBatch.class).add(next);
        return batch;
    }

    @Override
    public String toString() {
        return "streamBatching";
    }
}
