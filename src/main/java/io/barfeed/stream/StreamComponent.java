package io.barfeed.stream;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
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

    public StreamComponent(
            BarfeedProperties settings, Environment environment, StreamState state, StreamMeters meters) {
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
}
