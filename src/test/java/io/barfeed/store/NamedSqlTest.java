package io.barfeed.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** camel-sql's named parameters as the settings write them, read in one place. */
class NamedSqlTest {

    @Test
    void namesAndExpressionsAreReadInOrderAndEachBecomesAQuestionMark() {
        NamedSql sql = NamedSql.of("SELECT s.id FROM stock s WHERE s.symbol = :#symbol AND run = :#${variable.run.id}"
                + " AND ts > :#since::timestamptz AND t = :#timeframe");

        assertThat(sql.parameters()).containsExactly("symbol", "${variable.run.id}", "since", "timeframe");
        assertThat(sql.names()).containsExactly("symbol", "since", "timeframe");
        assertThat(sql.expressions()).containsExactly("${variable.run.id}");
        assertThat(sql.positional())
                .isEqualTo("SELECT s.id FROM stock s WHERE s.symbol = ? AND run = ? AND ts > ?::timestamptz AND t = ?");
    }

    @Test
    void aValueIsAPlainParameterOnlyWhenItIsExactlyOne() {
        assertThat(NamedSql.plainParameter(" :#close ")).contains("close");
        assertThat(NamedSql.plainParameter(":#close * 2")).isEmpty();
        assertThat(NamedSql.plainParameter(":#${body.close}")).isEmpty();
        assertThat(NamedSql.plainParameter("'x'")).isEmpty();
    }
}
