-- barfeed's own bookkeeping, in schema barfeed, whatever barfeed.schema.managed says.

CREATE TABLE run (
    id          bigserial PRIMARY KEY,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    status      text        NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'succeeded', 'failed', 'aborted')),
    symbols     integer,
    bars        bigint,
    failed      integer,
    requests    bigint,
    seconds     numeric(12, 3),
    message     text
);

-- A symbol, page or batch that failed after its retries: the next run fetches it again.
CREATE TABLE failure (
    id          bigserial PRIMARY KEY,
    run_id      bigint      NOT NULL REFERENCES run (id),
    symbol      text,
    timeframe   text,
    stage       text        NOT NULL,
    http_status integer,
    message     text        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failure_run_id ON failure (run_id);
