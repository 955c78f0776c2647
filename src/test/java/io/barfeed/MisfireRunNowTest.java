package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Instruction 1: the fire missed while a run was going runs once, as soon as the run has ended. */
class MisfireRunNowTest extends MisfireCases {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("misfire_run_now");

    @DynamicPropertySource
    static void runNowSettings(DynamicPropertyRegistry registry) {
        settings(registry, DATABASE, API, 1);
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aFireMissedWhileARunWasGoingRunsOnceRightAfterIt() {
        assertThat(pauses())
                .as("ms from a run's end to the next run's start")
                .allSatisfy(pause -> assertThat(pause).isLessThan(700));
    }
}
