package io.barfeed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The number rules on a JSON number's text, without a BigDecimal on the usual path. */
class BarRulesTest {

    @Test
    void negativeMeansBelowZero() {
        assertThat(BarRules.negative("-0.01")).isTrue();
        assertThat(BarRules.negative("-1e-3")).isTrue();
        assertThat(BarRules.negative("-0.0")).isFalse();
        assertThat(BarRules.negative("-0e5")).isFalse();
        assertThat(BarRules.negative("0")).isFalse();
        assertThat(BarRules.negative("12.5")).isFalse();
    }

    @Test
    void wholeNumbersUpToLongMaxAreRead() {
        assertThat(BarRules.wholeNumber("1118")).isEqualTo(1118);
        assertThat(BarRules.wholeNumber("1000.000")).isEqualTo(1000);
        assertThat(BarRules.wholeNumber("1.5e3")).isEqualTo(1500);
        assertThat(BarRules.wholeNumber("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(BarRules.wholeNumber("9223372036854775808")).isEqualTo(-1);
        assertThat(BarRules.wholeNumber("12.5")).isEqualTo(-1);
        assertThat(BarRules.wholeNumber("-3")).isEqualTo(-1);
    }

    @Test
    void compareGoesByValueEvenWhereDoublesCannotTell() {
        assertThat(BarRules.compare("10.5", "10.50")).isZero();
        assertThat(BarRules.compare("9.99", "10")).isNegative();
        assertThat(BarRules.compare("1e2", "99.999")).isPositive();
        // Two values a double rounds to the same number.
        assertThat(BarRules.compare("0.10000000000000000001", "0.1")).isPositive();
        assertThat(BarRules.compare("0.1", "0.10000000000000000001")).isNegative();
    }
}
