package io.barfeed.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarTimeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-02T14:30:00Z",
                "2024-02-29T23:59:59.5Z",
                "2024-01-02T14:30:00.123456789Z",
                "1999-12-31T00:00:00.000Z",
                "2024-01-02T09:30:00-05:00",
                "2024-01-02T14:30:00+00:00"
            })
    void readsWhatInstantParseReads(String t) {
        assertThat(BarTime.parse(t)).isEqualTo(Instant.parse(t));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-13-02T14:30:00Z",
                "2024-01-02T24:30:00Z",
                "2024-01-0xT14:30:00Z",
                "yesterday",
                "2024-02-30T00:00:00Z"
            })
    void refusesWhatIsNoTime(String t) {
        assertThatThrownBy(() -> BarTime.parse(t)).isInstanceOf(DateTimeException.class);
    }
}
