-- Reference data, one row per symbol, as the two datasets barfeed ships write it (barfeed.reference.*): the insert
-- of each names its table, so any other table works the same way. payload keeps the object as the provider sent it.

-- Alpha Vantage's OVERVIEW (barfeed.reference.company-overview).
CREATE TABLE company_overview (
    symbol                text PRIMARY KEY,
    stock_id              integer,
    name                  text,
    asset_type            text,
    exchange              text,
    currency              text,
    country               text,
    sector                text,
    industry              text,
    cik                   text,
    fiscal_year_end       text,
    latest_quarter        date,
    market_capitalization bigint,
    ebitda                bigint,
    pe_ratio              numeric,
    peg_ratio             numeric,
    book_value            numeric,
    dividend_per_share    numeric,
    dividend_yield        numeric,
    eps                   numeric,
    profit_margin         numeric,
    beta                  numeric,
    week_52_high          numeric,
    week_52_low           numeric,
    shares_outstanding    bigint,
    dividend_date         date,
    ex_dividend_date      date,
    payload               jsonb       NOT NULL,
    loaded_at             timestamptz NOT NULL DEFAULT now()
);

-- Massive's ticker details, GET /v3/reference/tickers/{ticker} (barfeed.reference.ticker-details).
CREATE TABLE ticker_details (
    symbol             text PRIMARY KEY,
    stock_id           integer,
    name               text,
    market             text,
    primary_exchange   text,
    type               text,
    active             boolean,
    currency_name      text,
    cik                text,
    market_cap         numeric,
    shares_outstanding bigint,
    total_employees    bigint,
    list_date          date,
    sic_description    text,
    city               text,
    payload            jsonb       NOT NULL,
    loaded_at          timestamptz NOT NULL DEFAULT now()
);
