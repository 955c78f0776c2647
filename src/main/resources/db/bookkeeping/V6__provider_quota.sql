-- Each provider's day: the requests barfeed sent it (for a budget of barfeed.NAME.rate-limit.requests-per-day), and
-- until when it said its quota is spent. A once-run every few minutes thus spends the same daily budget as a
-- service that keeps running, and stops asking a provider whose quota is spent until its day starts again.
CREATE TABLE provider_quota (
    provider    text        NOT NULL,
    day         date        NOT NULL,   -- in the provider's barfeed.NAME.rate-limit.day-zone
    requests    bigint      NOT NULL,
    spent_until timestamptz,
    PRIMARY KEY (provider, day)
);
