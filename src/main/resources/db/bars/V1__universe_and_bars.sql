-- barfeed's data tables, created only while barfeed.schema.managed=true.

-- The symbol universe, in the classic tutorial layout so its queries and tools keep working.
CREATE TABLE stock (
    id       serial PRIMARY KEY,
    symbol   text UNIQUE NOT NULL,
    name     text,
    exchange text,
    is_etf   boolean NOT NULL DEFAULT false
);

CREATE TABLE etf_holding (
    etf_id     integer NOT NULL REFERENCES stock (id),
    holding_id integer NOT NULL REFERENCES stock (id),
    dt         date,
    shares     numeric,
    weight     numeric
);
CREATE INDEX etf_holding_holding_id ON etf_holding (holding_id);

-- One row per bar. The key makes every insert idempotent (INSERT ... ON CONFLICT).
-- Prices are unconstrained numeric: exactly what the API sent, no overflow at any share price.
-- No foreign key to stock: it makes bulk ingest about 5 times slower and barfeed never deletes stocks.
CREATE TABLE bar (
    symbol      text        NOT NULL,
    timeframe   text        NOT NULL,
    ts          timestamptz NOT NULL,
    stock_id    integer     NOT NULL,
    open        numeric     NOT NULL,
    high        numeric     NOT NULL,
    low         numeric     NOT NULL,
    close       numeric     NOT NULL,
    volume      bigint      NOT NULL,
    trade_count bigint,
    vwap        numeric,
    PRIMARY KEY (symbol, timeframe, ts)
);
