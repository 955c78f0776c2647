-- The corporate actions the provider reported for the universe (splits, dividends, spin-offs...), as a ledger:
-- raw bars stay the stable truth, and adjusted prices are derived from them and this (the view
-- bar_split_adjusted) or fetched again when an action changes them (barfeed.alpaca.adjustment not raw).
CREATE TABLE corporate_action (
    provider       text    NOT NULL,
    id             text    NOT NULL,        -- the provider's id of the action
    type           text    NOT NULL,        -- forward_split, reverse_split, cash_dividend, spin_off...
    symbol         text    NOT NULL,
    ex_date        date    NOT NULL,        -- the session on which prices and shares re-base
    process_date   date,
    old_rate       numeric,                 -- splits: old shares ...
    new_rate       numeric,                 -- ... become new shares
    rate           numeric,                 -- cash dividends: per share
    payload        jsonb   NOT NULL,        -- the action as the provider sent it
    first_seen_run bigint  NOT NULL REFERENCES run (id),
    PRIMARY KEY (provider, id)
);
CREATE INDEX corporate_action_symbol ON corporate_action (symbol, type, ex_date);

-- Which dates the ledger covers for each symbol: the next run asks from a few days before covered_to.
CREATE TABLE action_coverage (
    provider     text NOT NULL,
    symbol       text NOT NULL,
    covered_from date NOT NULL,
    covered_to   date NOT NULL,
    PRIMARY KEY (provider, symbol)
);

-- The product of numerics, exactly (split factors).
CREATE AGGREGATE product(numeric) (SFUNC = numeric_mul, STYPE = numeric, INITCOND = '1');
