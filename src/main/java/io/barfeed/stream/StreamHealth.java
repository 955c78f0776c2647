package io.barfeed.stream;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * The stream in {@code /actuator/health} (component {@code stream}): DOWN once it has been disconnected longer than
 * barfeed.stream.down-after while it should stream, or when the provider refused it for good (the detail says what
 * to fix); UP while it streams, or while its route is stopped (an operator stopped it, or another node of the
 * cluster streams).
 */
@Component("streamHealthIndicator")
@ConditionalOnProperty(name = "barfeed.stream.enabled", havingValue = "true")
public class StreamHealth implements HealthIndicator {

    private final StreamState state;
    private final Duration downAfter;

    public StreamHealth(StreamState state, BarfeedProperties settings) {
        this.state = state;
        this.downAfter = settings.stream().downAfter();
    }

    @Override
    public Health health() {
        if (state.refusal() != null) {
            return Health.down().withDetail("refused", state.refusal()).build();
        }
        if (!state.running()) {
            return Health.up()
                    .withDetail("streaming", false)
                    .withDetail("route", "stopped")
                    .build();
        }
        Duration down = state.disconnectedFor();
        Health.Builder health = down.compareTo(downAfter) > 0 ? Health.down() : Health.up();
        health.withDetail("streaming", state.connected()).withDetail("symbols", state.symbols());
        if (!state.connected()) {
            health.withDetail("disconnectedFor", down.toString()).withDetail("lastDisconnect", state.lastDisconnect());
        }
        return health.build();
    }
}
