package io.barfeed.stream;

import java.time.Clock;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * {@code barfeed-stream:NAME}: the live stream of the provider NAME, as a Camel consumer a route starts
 * {@code from:}. No Camel component here is a WebSocket client, so this one is barfeed's, on the JDK's
 * {@link java.net.http.WebSocket}; everything the provider says (URL, messages, types, fields, error codes) is its
 * settings ({@code barfeed.NAME.stream-url}) and its route file's bean {@code NAMEStream} ({@link StreamProtocol}).
 */
@Component("barfeed-stream")
public class StreamComponent extends DefaultComponent {

    private final BarfeedProperties settings;
    private final Environment environment;
    private final StreamState state;
    private final StreamMeters meters;
    private final Clock market;

    public StreamComponent(
            BarfeedProperties settings,
            Environment environment,
            StreamState state,
            StreamMeters meters,
            @Qualifier("marketClock") Clock market) {
        this.market = market;
        this.settings = settings;
        this.environment = environment;
        this.state = state;
        this.meters = meters;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        StreamEndpoint endpoint = new StreamEndpoint(uri, this, remaining.trim());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    BarfeedProperties.Stream settings() {
        return settings.stream();
    }

    Environment environment() {
        return environment;
    }

    StreamState state() {
        return state;
    }

    StreamMeters meters() {
        return meters;
    }

    /** The time bars are stamped in: when a connection subscribed, when one was lost. */
    Clock market() {
        return market;
    }
}
