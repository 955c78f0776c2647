-- The ranges barfeed gave up on, each as one readable line: the run's summary (routes/run.camel.yaml) and the JMX
-- attribute AbandonedRanges print the same line, and an operator can query it.
CREATE VIEW abandoned_range AS
SELECT id, run_id, symbol, timeframe, range_from, range_to, stage, attempt, message,
       concat_ws(' ', symbol, timeframe,
                 to_char(range_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'to',
                 to_char(range_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                 '(' || stage || ', run ' || run_id || ', attempt ' || attempt || '):', message) AS line
FROM failure
WHERE state = 'abandoned';
