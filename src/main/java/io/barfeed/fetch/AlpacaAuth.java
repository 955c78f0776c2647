package io.barfeed.fetch;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Puts the Alpaca key headers on a request. The keys are read from the environment
 * ({@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY}) here, at call time, so they never appear
 * in a route definition, a route dump or application.yaml.
 */
@Component("alpacaAuth")
public class AlpacaAuth implements Processor {

    private final Environment environment;

    public AlpacaAuth(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void process(Exchange exchange) {
        String keyId = environment.getProperty("APCA_API_KEY_ID", "");
        String secret = environment.getProperty("APCA_API_SECRET_KEY", "");
        if (!keyId.isBlank()) {
            exchange.getMessage().setHeader("APCA-API-KEY-ID", keyId);
            exchange.getMessage().setHeader("APCA-API-SECRET-KEY", secret);
        }
    }

    @Override
    public String toString() {
        return "alpacaAuth"; // never the keys
    }
}
