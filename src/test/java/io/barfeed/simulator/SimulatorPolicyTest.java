package io.barfeed.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The README's promise: the simulator never answers where its invented prices could reach a configured database. */
class SimulatorPolicyTest {

    static final String KEYS = "APCA-API-KEY-ID: {APCA_API_KEY_ID}";

    @Test
    void theDemoOnTheEmbeddedDatabaseWithoutKeysIsServed() {
        MockEnvironment demo = new MockEnvironment().withProperty("barfeed.alpaca.key-headers", KEYS);

        assertThat(SimulatorPolicy.serves(demo)).isTrue();
        assertThat(SimulatorPolicy.mayDemo(demo)).isTrue();
    }

    @Test
    void aConfiguredDatabaseIsNeverServedUnlessTheSimulatorIsTurnedOnExplicitly() {
        MockEnvironment configured = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/market")
                .withProperty("barfeed.alpaca.key-headers", KEYS);

        assertThat(SimulatorPolicy.serves(configured)).isFalse();
        assertThat(SimulatorPolicy.mayDemo(configured)).isFalse();
        assertThat(SimulatorPolicy.serves(configured.withProperty("barfeed.simulator.enabled", "true")))
                .isTrue();
    }

    @Test
    void keysInTheEnvironmentMeanTheRealApiEvenOnTheEmbeddedDatabase() {
        MockEnvironment withKeys = new MockEnvironment()
                .withProperty("barfeed.alpaca.key-headers", KEYS)
                .withProperty("APCA_API_KEY_ID", "a-real-key");

        assertThat(SimulatorPolicy.serves(withKeys)).isFalse();
    }
}
