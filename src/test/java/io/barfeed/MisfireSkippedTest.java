package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Instruction 2, the default: the fire missed while a run was going is skipped; the next run waits for its fire. */
class MisfireSkippedTest extends MisfireCases {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("misfire_skipped");

    @DynamicPropertySource
    static void skipSettings(DynamicPropertyRegistry registry) {
        settings(registry, DATABASE, API, 2);
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aFireMissedWhileARunWasGoingIsSkipped() {
        // A run of 2.3 s started on an even second ends just after the next one: the fire in its
        // middle is skipped, and the next comes on the even second after its end, about 1.7 s later.
        assertThat(pauses())
                .as("ms from a run's end to the next run's start")
                .allSatisfy(pause -> assertThat(pause).isGreaterThan(700));
    }
}
