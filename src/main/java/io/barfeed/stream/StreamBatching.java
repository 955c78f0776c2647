package io.barfeed.stream;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The aggregator's strategy for streamed items: each one into the batch being filled ({@link StreamBatch}). */
@Component("streamBatching")
public class StreamBatching implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange batch, Exchange item) {
        if (batch == null) {
            StreamBatch fresh = new StreamBatch();
            fresh.add(item.getMessage().getBody(StreamItem.class));
            item.getMessage().setBody(fresh);
            return item;
        }
        batch.getMessage().getBody(StreamBatch.class).add(item.getMessage().getBody(StreamItem.class));
        return batch;
    }

    @Override
    public String toString() {
        return "streamBatching";
    }
}
