package io.barfeed.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.barfeed.provider.ProviderSettings;
import io.barfeed.settings.KnownSettings.Key;

/** The known keys, read from the settings metadata, and the nearest of them to a misspelt one. */
class KnownSettingsTest {

    private final KnownSettings known = KnownSettings.fromMetadata();

    @Test
    void theMetadataListsBarfeedsSettings() {
        assertThat(known.keys())
                .contains("barfeed.fetch.symbols-per-request", "barfeed.simulator.faults.seed", "barfeed.once")
                .allMatch(key -> key.startsWith("barfeed."));
    }

    @Test
    void aMisspeltKeyIsUnknownAndItsNearestKeyIsTheOneMeant() {
        Key typo = new Key("barfeed.fetch.symbol-per-request", false);

        assertThat(known.knows(typo)).isFalse();
        assertThat(known.nearest(typo)).isEqualTo("barfeed.fetch.symbols-per-request");
        assertThat(known.nearest(new Key("barfeed.fetch.paralelism", false))).isEqualTo("barfeed.fetch.parallelism");
        assertThat(known.nearest(new Key("barfeed.alpaca.page-limt", false))).isEqualTo("barfeed.alpaca.page-limit");
        assertThat(known.nearest(new Key("barfeed.simulater.latency", false))).isEqualTo("barfeed.simulator.latency");
    }

    @Test
    void keysAreComparedAsSpringBindsThem() {
        assertThat(known.knows(new Key("barfeed.fetch.symbols-per-request", false)))
                .isTrue();
        assertThat(known.knows(new Key("barfeed.fetch.symbolsPerRequest", false)))
                .isTrue();
        assertThat(known.knows(new Key("barfeed.fetch.timeframes[1]", false))).isTrue(); // a list's element
        assertThat(known.knows(new Key("barfeed.alphavantage.timeframes.1Min", false)))
                .isTrue(); // a map's entry
        assertThat(known.knows(new Key("barfeed.fetch", false))).isTrue(); // a group written empty
        assertThat(known.knows(new Key("barfeed.fetch.parallelism.extra", false)))
                .isFalse();
    }

    @Test
    void environmentVariablesAreComparedByTheirUpperCaseSpelling() {
        assertThat(known.knows(new Key("BARFEED_FETCH_SYMBOLS_PER_REQUEST", true)))
                .isTrue();
        assertThat(known.knows(new Key("BARFEED_FETCH_SYMBOLSPERREQUEST", true)))
                .isTrue();
        assertThat(known.knows(new Key("BARFEED_FETCH_TIMEFRAMES_0_", true))).isTrue();
        Key typo = new Key("BARFEED_FETCH_PARALELLISM", true);
        assertThat(known.knows(typo)).isFalse();
        assertThat(known.nearest(typo)).isEqualTo("barfeed.fetch.parallelism");
    }

    @Test
    void aProvidersSettingsAreKnownUnderItsName() {
        KnownSettings withAcme = KnownSettings.fromMetadata().addRecord("barfeed.acme", ProviderSettings.class);

        assertThat(withAcme.knows(new Key("barfeed.acme.base-url", false))).isTrue();
        assertThat(withAcme.knows(new Key("barfeed.acme.rate-limit.requests-per-day", false)))
                .isTrue();
        assertThat(withAcme.knows(new Key("barfeed.acme.key-headers[0]", false)))
                .isTrue();
        assertThat(withAcme.knows(new Key("barfeed.acme.base-uri", false))).isFalse();
        assertThat(withAcme.nearest(new Key("barfeed.acme.base-uri", false))).isEqualTo("barfeed.acme.base-url");
        assertThat(known.knows(new Key("barfeed.acme.base-url", false))).isFalse(); // the metadata's own copy
    }

    @Test
    void theDistanceCountsInsertionsDeletionsAndReplacements() {
        assertThat(KnownSettings.distance("symbol", "symbols")).isEqualTo(1);
        assertThat(KnownSettings.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KnownSettings.distance("", "abc")).isEqualTo(3);
        assertThat(KnownSettings.distance("same", "same")).isZero();
    }
}
