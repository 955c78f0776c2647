package io.barfeed.stream;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * Starts the stream route ({@code stream}, routes/stream.camel.yaml) once barfeed is ready, when
 * {@code barfeed.stream.enabled}: a service streams, a once-run never does, and in a cluster the node elected to
 * stream starts it ({@link StreamLeadership}: this starts the election). Its route file leaves it stopped for this
 * reason.
 */
@Component
public class StreamStart implements ApplicationListener<ApplicationReadyEvent> {

    /** The stream route's id. */
    public static final String ROUTE = "stream";

    private final CamelContext camel;
    private final BarfeedProperties settings;
    private final ObjectProvider<LockRegistryLeaderInitiator> election;

    public StreamStart(
            CamelContext camel, BarfeedProperties settings, ObjectProvider<LockRegistryLeaderInitiator> election) {
        this.camel = camel;
        this.settings = settings;
        this.election = election;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!settings.stream().enabled() || settings.once()) {
            return;
        }
        if (settings.cluster().enabled()) {
            election.getObject().start();
            return;
        }
        try {
            camel.getRouteController().startRoute(ROUTE);
        } catch (Exception e) {
            throw new IllegalStateException("the stream route (" + ROUTE + ") cannot start: " + e.getMessage(), e);
        }
    }
}
