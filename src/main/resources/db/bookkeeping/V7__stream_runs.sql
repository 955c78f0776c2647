-- What a run row records: an ingest (scheduled, on demand, a once-run) or a connection of the live stream
-- (routes/stream.camel.yaml), which stores bars, records failures and repairs its gaps under its own run id.
ALTER TABLE run ADD COLUMN kind text NOT NULL DEFAULT 'ingest' CHECK (kind IN ('ingest', 'stream'));
