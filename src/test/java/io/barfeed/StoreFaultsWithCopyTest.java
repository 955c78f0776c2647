package io.barfeed;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link StoreFaultsCases} with COPY first (barfeed.store.copy=true), the insert for a batch COPY cannot take. */
class StoreFaultsWithCopyTest extends StoreFaultsCases {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("storefaultswithcopytest");

    @DynamicPropertySource
    static void copySettings(DynamicPropertyRegistry registry) {
        settings(registry, DATABASE, API);
        registry.add("barfeed.store.copy", () -> "true");
    }

    @AfterAll
    static void stopCopyApi() {
        API.stop();
    }

    @Override
    AlpacaStub api() {
        return API;
    }

    @Override
    String storePath() {
        return "COPY";
    }
}
