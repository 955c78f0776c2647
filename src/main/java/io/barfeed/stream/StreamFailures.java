package io.barfeed.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.plan.SymbolRange;
import io.barfeed.report.FailureRows;
import io.barfeed.store.StoreBatch;

/**
 * Rows for barfeed.failure from the stream, as a REST page's would be: a streamed bar that failed validation (stage
 * {@code validate}, at its time), a batch the database did not store after its retries (stage {@code store}, each
 * bar at its time). Later runs ask REST for them again, as for any failure.
 */
@Component("streamFailures")
public class StreamFailures {

    /** The batch's bars that failed validation, and the windows it could not roll up for that reason. */
    public List<Map<String, Object>> rejected(@Body StreamBatch batch) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StreamItem item : batch.rejected()) {
            StreamMessage m = item.message();
            Instant t = m.time() != null ? m.time() : Instant.ofEpochSecond(System.currentTimeMillis() / 60_000 * 60);
            rows.add(FailureRows.failure(
                    batch.run(), new SymbolRange(m.symbol(), t, t), StreamBars.MINUTE, "validate", item.problem()));
        }
        for (StreamRollUps.MissedWindow w : batch.missedWindows()) {
            rows.add(FailureRows.failure(
                    batch.run(),
                    new SymbolRange(w.symbol(), w.start(), w.end().minusSeconds(1)),
                    w.timeframe(),
                    w.stage(),
                    w.problem()));
        }
        return rows;
    }

    /** Every bar of a batch the database did not store. */
    public List<Map<String, Object>> unstored(
            @Body StreamBatch batch, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause) {
        String message = "streamed bar not stored: "
                + (cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoreBatch part : batch.storeBatches()) {
            for (BarRow row : part.rows()) {
                Instant t = row.ts().toInstant();
                rows.add(FailureRows.failure(
                        batch.run(),
                        new SymbolRange(row.symbol(), t, t),
                        (String) row.get("timeframe"),
                        "store",
                        message));
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return "streamFailures";
    }
}
