package io.barfeed.simulator;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The simulator serves when {@code barfeed.simulator.enabled} and no Alpaca key is configured. */
class SimulatorCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean enabled = env.getProperty("barfeed.simulator.enabled", Boolean.class, true);
        String key = env.getProperty("APCA_API_KEY_ID", "");
        return enabled && key.isBlank();
    }
}
