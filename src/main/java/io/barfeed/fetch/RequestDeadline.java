package io.barfeed.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Cuts a request off at its timeframe's deadline (barfeed.fetch.run-timeout): the fetch route sends the deadline
 * in the header {@value #HEADER}, which never leaves barfeed; when the deadline comes while the request is still
 * waiting for or reading its answer, its connection is closed, so its thread and connection are free before the
 * run's summary. A response timeout alone would let a server that trickles bytes hold the run past its deadline.
 */
@Component
public class RequestDeadline implements DisposableBean {

    /** Epoch milliseconds of the deadline of the request that carries it. */
    public static final String HEADER = "Barfeed-Deadline";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "barfeed-deadline");
        t.setDaemon(true);
        return t;
    });

    /** The exec-chain step to install first in the HTTP client. */
    ExecChainHandler handler() {
        return (request, scope, chain) -> {
            Header header = request.getFirstHeader(HEADER);
            if (header == null) {
                return chain.proceed(request, scope);
            }
            request.removeHeaders(HEADER);
            Instant deadline = Instant.ofEpochMilli(Long.parseLong(header.getValue()));
            long left = deadline.toEpochMilli() - System.currentTimeMillis();
            if (left <= 0) {
                throw new RequestDeadlinePassed(deadline);
            }
            ScheduledFuture<?> cutOff = timer.schedule(scope.execRuntime::discardEndpoint, left, TimeUnit.MILLISECONDS);
            try {
                ClassicHttpResponse response = chain.proceed(request, scope);
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    cutOff.cancel(false);
                } else {
                    response.setEntity(new UntilClosed(entity, cutOff));
                }
                return response;
            } catch (IOException e) {
                cutOff.cancel(false);
                throw cutOff.isDone() && !cutOff.isCancelled() ? new RequestDeadlinePassed(deadline) : e;
            } catch (RuntimeException | HttpException e) {
                cutOff.cancel(false);
                throw e;
            }
        };
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** The answer's body: reading it may still be cut off; closing it (read to the end) stops the clock. */
    private static final class UntilClosed extends HttpEntityWrapper {
        private final ScheduledFuture<?> cutOff;

        UntilClosed(HttpEntity entity, ScheduledFuture<?> cutOff) {
            super(entity);
            this.cutOff = cutOff;
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                @Override
                public void close() throws IOException {
                    cutOff.cancel(false);
                    super.close();
                }
            };
        }
    }
}
