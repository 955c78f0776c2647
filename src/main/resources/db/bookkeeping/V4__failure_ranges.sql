-- Where each run's data came from, so that a table can always be traced to its source.
ALTER TABLE run ADD COLUMN provider text;
ALTER TABLE run ADD COLUMN base_url text;

-- What was not stored, exactly: a failure names its range (bar start times, both ends included) and stays
-- open until a later run stores that range (resolved), a later failure of the same range carries it on
-- (retried), or barfeed gives up on it (abandoned).
ALTER TABLE failure ADD COLUMN range_from timestamptz;
ALTER TABLE failure ADD COLUMN range_to timestamptz;
-- How many runs in a row failed on this range, this one included.
ALTER TABLE failure ADD COLUMN attempt integer NOT NULL DEFAULT 1;
ALTER TABLE failure ADD COLUMN state text NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'resolved', 'retried', 'abandoned'));
-- The run that resolved the failure, or whose own failure of the range carried it on.
ALTER TABLE failure ADD COLUMN closed_by bigint REFERENCES run (id);

-- Rows from before ranges were recorded name no range to ask for again: given up on.
UPDATE failure SET state = 'abandoned' WHERE range_from IS NULL;
ALTER TABLE failure ADD CONSTRAINT failure_range CHECK (range_from IS NOT NULL AND range_to >= range_from)
    NOT VALID;

CREATE INDEX failure_open ON failure (timeframe, symbol) WHERE state = 'open';
CREATE INDEX failure_abandoned ON failure (timeframe, symbol) WHERE state = 'abandoned';

-- Records one failure of a run. Earlier open failures of an overlapping range are carried on by this one
-- (state retried), and their attempts count: a range that keeps failing for its data (a bad bar, a row the
-- database refuses) is abandoned at the max_attempts-th failure; a transport failure (fetch, timeout, store)
-- stays open however often it recurs. The same range abandoned before is not recorded again.
CREATE PROCEDURE record_failure(p_run bigint, p_symbol text, p_timeframe text, p_stage text, p_http_status integer,
                               p_message text, p_from timestamptz, p_to timestamptz, p_max_attempts integer)
    LANGUAGE plpgsql AS $$
DECLARE
    previous integer;
    this_state text;
BEGIN
    PERFORM 1 FROM barfeed.failure
    WHERE state = 'abandoned' AND symbol = p_symbol AND timeframe = p_timeframe
      AND range_from = p_from AND range_to = p_to;
    IF FOUND THEN
        RETURN;
    END IF;

    WITH carried AS (
        UPDATE barfeed.failure SET state = 'retried', closed_by = p_run
        WHERE state = 'open' AND run_id < p_run AND symbol = p_symbol AND timeframe = p_timeframe
          AND range_from <= p_to AND range_to >= p_from
        RETURNING attempt)
    SELECT max(attempt) INTO previous FROM (
        SELECT attempt FROM carried
        UNION ALL -- carried on earlier in this run by another failure of the same range
        SELECT attempt FROM barfeed.failure
        WHERE state = 'retried' AND closed_by = p_run AND symbol = p_symbol AND timeframe = p_timeframe
          AND range_from <= p_to AND range_to >= p_from) earlier;

    this_state := CASE
        WHEN p_stage IN ('validate', 'refused') AND coalesce(previous, 0) + 1 >= p_max_attempts THEN 'abandoned'
        ELSE 'open' END;
    INSERT INTO barfeed.failure (run_id, symbol, timeframe, stage, http_status, message, range_from, range_to,
                                 attempt, state)
    VALUES (p_run, p_symbol, p_timeframe, p_stage, p_http_status, p_message, p_from, p_to,
            coalesce(previous, 0) + 1, this_state);
END $$;
