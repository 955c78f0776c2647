package io.barfeed.stream;

import java.time.Duration;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

import io.barfeed.settings.BarfeedProperties;

/**
 * One streaming node per cluster: a provider allows one stream connection per account (Alpaca answers a second one
 * with 406), so with the profile cluster and barfeed.stream.enabled the nodes elect one through Spring Integration's
 * JDBC lock registry (a row of barfeed.int_lock, renewed by its holder). The leader starts the stream route; a node
 * that loses the lease stops it; when the leader stops or dies, another node takes the lock once its lease
 * (barfeed.cluster.stream-lease) has run out, and its first connection repairs the gap from REST. An operator who
 * stops the stream route on the leader stops streaming for the cluster: the lease stays where it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${barfeed.stream.enabled:false} and ${barfeed.cluster.enabled:false}")
public class StreamLeadership {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.stream");

    @Bean
    DefaultLockRepository streamLockRepository(DataSource dataSource, BarfeedProperties settings) {
        DefaultLockRepository repository =
                new DefaultLockRepository(dataSource, settings.cluster().nodeId());
        repository.setPrefix("barfeed.INT_");
        repository.setRegion("barfeed");
        return repository;
    }

    @Bean
    JdbcLockRegistry streamLockRegistry(DefaultLockRepository streamLockRepository, BarfeedProperties settings) {
        return new JdbcLockRegistry(streamLockRepository, settings.cluster().streamLease());
    }

    /** Started by {@link StreamStart} once barfeed is ready: the stream route must exist before it is granted. */
    @Bean
    LockRegistryLeaderInitiator streamLeaderInitiator(
            JdbcLockRegistry streamLockRegistry, CamelContext camel, BarfeedProperties settings) {
        String node = settings.cluster().nodeId();
        LockRegistryLeaderInitiator initiator =
                new LockRegistryLeaderInitiator(streamLockRegistry, new StreamCandidate(camel, node, settings));
        Duration lease = settings.cluster().streamLease();
        initiator.setHeartBeatMillis(Math.max(100, lease.toMillis() / 3));
        initiator.setBusyWaitMillis(Math.max(50, lease.toMillis() / 10));
        initiator.setAutoStartup(false);
        return initiator;
    }

    /** The node that holds the lock streams. */
    static final class StreamCandidate extends AbstractCandidate {

        private final CamelContext camel;
        private final String node;

        StreamCandidate(CamelContext camel, String node, BarfeedProperties settings) {
            // The role is the lock: one per provider account, whichever node asks.
            super(node, "barfeed-stream-" + settings.provider());
            this.camel = camel;
            this.node = node;
        }

        @Override
        public void onGranted(Context context) {
            LOG.info("barfeed stream: this node ({}) now streams for the cluster", node);
            try {
                camel.getRouteController().startRoute(StreamStart.ROUTE);
            } catch (Exception e) {
                LOG.error("barfeed stream: the stream route did not start on {}: {}", node, e.getMessage());
                context.yield();
            }
        }

        @Override
        public void onRevoked(Context context) {
            LOG.info("barfeed stream: this node ({}) no longer streams for the cluster", node);
            try {
                camel.getRouteController().stopRoute(StreamStart.ROUTE);
            } catch (Exception e) {
                LOG.error("barfeed stream: the stream route did not stop on {}: {}", node, e.getMessage());
            }
        }
    }
}
