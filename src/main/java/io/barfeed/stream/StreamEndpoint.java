package io.barfeed.stream;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * A provider's stream: its name is the endpoint's path; the routes it calls are its options. {@code universe} answers
 * the symbols to stream (rows of stock_id and symbol), {@code connected} is told of each connection that streams (and
 * answers what the frames carry as the variable {@code run}), {@code disconnected} of its end.
 */
public class StreamEndpoint extends DefaultEndpoint {

    private final String provider;
    private String universe = "direct:stream-universe";
    private String connected = "direct:stream-connected";
    private String disconnected = "direct:stream-disconnected";

    StreamEndpoint(String uri, StreamComponent component, String provider) {
        super(uri, component);
        this.provider = provider;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("barfeed-stream: is a consumer only: a route starts from it");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        StreamConsumer consumer = new StreamConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public StreamComponent getComponent() {
        return (StreamComponent) super.getComponent();
    }

    public String getProvider() {
        return provider;
    }

    public String getUniverse() {
        return universe;
    }

    /** The endpoint answering the symbols to stream. */
    public void setUniverse(String universe) {
        this.universe = universe;
    }

    public String getConnected() {
        return connected;
    }

    /** The endpoint told of each connection that streams. */
    public void setConnected(String connected) {
        this.connected = connected;
    }

    public String getDisconnected() {
        return disconnected;
    }

    /** The endpoint told of each connection's end, with the reason. */
    public void setDisconnected(String disconnected) {
        this.disconnected = disconnected;
    }
}
