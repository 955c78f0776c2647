package io.barfeed.fetch;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** Called before each redelivery of a page: one more request made for the run's figures. */
@Component("countRetry")
public class CountRetry implements Processor {

    @Override
    public void process(Exchange exchange) {
        PageCursor cursor = exchange.getProperty("cursor", PageCursor.class);
        if (cursor != null) {
            exchange.setProperty("cursor", cursor.retried());
        }
    }
}
