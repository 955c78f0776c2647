#!/usr/bin/python3
"""The job barfeed grew from, written the way its asyncio tutorial wrote it, for the benchmark to time beside barfeed:
the ETF's holdings from PostgreSQL, one request per symbol for its 15-minute bars, all of them at once, then one bulk
COPY into the tutorial's stock_price. Nothing else: no retries, no pagination, no timeouts, no schedule, no
incremental fetch, no deduplication (what barfeed adds). Debian's python3-aiohttp and python3-asyncpg run it.

Usage: seed_asyncio.py POSTGRES_DSN API_BASE_URL START END   (prints the rows copied and the seconds taken)
"""
import asyncio
import datetime
import sys
import time
from decimal import Decimal

import aiohttp
import asyncpg


async def main(dsn, api, start, end):
    began = time.monotonic()
    connection = await asyncpg.connect(dsn)
    stocks = await connection.fetch("SELECT * FROM stock WHERE id IN (SELECT holding_id FROM etf_holding)")
    headers = {"APCA-API-KEY-ID": "key", "APCA-API-SECRET-KEY": "secret"}
    async with aiohttp.ClientSession(headers=headers, connector=aiohttp.TCPConnector(limit=0)) as session:

        async def bars(stock):
            params = {"symbols": stock["symbol"], "timeframe": "15Min", "start": start, "end": end,
                      "limit": "10000", "adjustment": "raw", "feed": "sip"}
            async with session.get(api + "/v2/stocks/bars", params=params) as response:
                page = await response.json()
            return [(stock["id"],
                     datetime.datetime.fromisoformat(bar["t"].replace("Z", "+00:00")).replace(tzinfo=None),
                     Decimal(str(bar["o"])), Decimal(str(bar["h"])), Decimal(str(bar["l"])),
                     Decimal(str(bar["c"])), Decimal(bar["v"]))
                    for bar in page["bars"].get(stock["symbol"], [])]

        pages = await asyncio.gather(*(bars(stock) for stock in stocks))
    records = [row for page in pages for row in page]
    await connection.copy_records_to_table(
        "stock_price", records=records, columns=["stock_id", "dt", "open", "high", "low", "close", "volume"])
    await connection.close()
    print(f"seed: {len(records)} rows in {time.monotonic() - began:.3f} s")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
