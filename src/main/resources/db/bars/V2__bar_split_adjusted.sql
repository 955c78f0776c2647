-- Split-adjusted bars for analysts, derived from the raw bars and the corporate actions ledger: every split with
-- an ex-date after a bar's New York date divides its prices (rounded to cents, as Alpaca rounds adjusted prices)
-- and multiplies its volume. A bar no split follows is shown as stored.
CREATE VIEW bar_split_adjusted AS
SELECT b.symbol, b.timeframe, b.ts, b.stock_id,
       CASE WHEN s.old IS NULL THEN b.open ELSE round(b.open * s.old / s.new, 2) END AS open,
       CASE WHEN s.old IS NULL THEN b.high ELSE round(b.high * s.old / s.new, 2) END AS high,
       CASE WHEN s.old IS NULL THEN b.low ELSE round(b.low * s.old / s.new, 2) END AS low,
       CASE WHEN s.old IS NULL THEN b.close ELSE round(b.close * s.old / s.new, 2) END AS close,
       CASE WHEN s.old IS NULL THEN b.volume ELSE round(b.volume * s.new / s.old)::bigint END AS volume,
       b.trade_count,
       CASE WHEN s.old IS NULL THEN b.vwap ELSE round(b.vwap * s.old / s.new, 2) END AS vwap
FROM bar b
LEFT JOIN LATERAL (
    SELECT barfeed.product(a.old_rate) AS old, barfeed.product(a.new_rate) AS new
    FROM barfeed.corporate_action a
    WHERE a.symbol = b.symbol AND a.type IN ('forward_split', 'reverse_split')
      AND a.ex_date > (b.ts AT TIME ZONE 'America/New_York')::date
    HAVING count(*) > 0) s ON true;
