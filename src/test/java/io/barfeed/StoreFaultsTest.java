package io.barfeed;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link StoreFaultsCases} with the SQL batch insert only (barfeed.store.copy=false; COPY is the default). */
class StoreFaultsTest extends StoreFaultsCases {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("storefaultstest");

    @DynamicPropertySource
    static void insertSettings(DynamicPropertyRegistry registry) {
        settings(registry, DATABASE, API);
        registry.add("barfeed.store.copy", () -> "false");
    }

    @AfterAll
    static void stopInsertApi() {
        API.stop();
    }

    @Override
    AlpacaStub api() {
        return API;
    }

    @Override
    String storePath() {
        return "INSERT";
    }
}
