package io.barfeed.stream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.barfeed.provider.Provider;
import io.barfeed.settings.BadSetting;

/**
 * Starts the stream's {@link StreamSession} with its route and closes its socket when the route stops. Each data
 * frame becomes one exchange: the frame's messages as the body ({@link StreamMessage}s, in order), the connection's
 * run as the variable {@code run}.
 */
final class StreamConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.stream");

    private final StreamEndpoint endpoint;
    private ExecutorService sessionThread;
    private ExecutorService socketThreads;
    private StreamSession session;
    private ProducerTemplate template;

    StreamConsumer(StreamEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        StreamComponent component = endpoint.getComponent();
        String name = endpoint.getProvider();
        String key = "barfeed." + name + ".stream-url";
        String url = component.environment().getProperty(key, "");
        if (url.isBlank()) {
            throw new BadSetting(key, "is not set: where is the provider " + name + "'s stream?");
        }
        StreamProtocol protocol = getEndpoint()
                .getCamelContext()
                .getRegistry()
                .lookupByNameAndType(name + "Stream", StreamProtocol.class);
        if (protocol == null) {
            throw new BadSetting(
                    "barfeed.provider",
                    "no bean " + name + "Stream (io.barfeed.stream.StreamProtocol) describes the stream of the"
                            + " provider " + name + ": add it to routes/providers/" + name + ".camel.yaml");
        }
        template = getEndpoint().getCamelContext().createProducerTemplate();
        template.start();
        socketThreads = getEndpoint()
                .getCamelContext()
                .getExecutorServiceManager()
                .newCachedThreadPool(this, "barfeed-stream-socket");
        session = new StreamSession(
                url,
                component.market(),
                protocol,
                component.settings(),
                text -> Provider.fillOrEmpty(text, component.environment()),
                component.state(),
                component.meters(),
                new RouteSide(),
                socketThreads);
        sessionThread = getEndpoint()
                .getCamelContext()
                .getExecutorServiceManager()
                .newSingleThreadExecutor(this, "barfeed-stream");
        sessionThread.submit(session);
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            session.stop();
        }
        if (sessionThread != null) {
            sessionThread.shutdown();
            if (!sessionThread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("barfeed stream: the session did not end within 5 s");
            }
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(sessionThread);
        }
        if (socketThreads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(socketThreads);
        }
        if (template != null) {
            template.stop();
        }
        super.doStop();
    }

    /** The session's view of the route: the endpoints it calls, and the frames it hands on. */
    private final class RouteSide implements StreamSession.Route {

        @Override
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> universe() {
            return template.requestBody(endpoint.getUniverse(), null, List.class);
        }

        @Override
        public Object connected(StreamConnection connection) {
            return template.requestBody(endpoint.getConnected(), connection);
        }

        @Override
        public void disconnected(Object connection, String reason) {
            try {
                template.sendBodyAndHeader(endpoint.getDisconnected(), connection, "reason", reason);
            } catch (RuntimeException e) {
                LOG.warn("barfeed stream: the end of the connection could not be recorded: {}", e.getMessage());
            }
        }

        @Override
        public void frame(List<StreamMessage> messages, Object connection) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(messages);
            exchange.setVariable("run", connection);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler()
                        .handleException("barfeed stream: a frame failed", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }

        @Override
        public void refused(String message) {
            String routeId = getRouteId();
            // Not from the session's own thread: stopping the route waits for the session to end.
            Thread stopper = new Thread(
                    () -> {
                        try {
                            getEndpoint().getCamelContext().getRouteController().stopRoute(routeId);
                        } catch (Exception e) {
                            LOG.warn("barfeed stream: the route {} could not be stopped: {}", routeId, e.getMessage());
                        }
                    },
                    "barfeed-stream-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }
}
