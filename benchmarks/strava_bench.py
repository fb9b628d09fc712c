"""Strava sync benchmark against a local Strava-like server (no internet).

Serves N runs (the 30 recorded runs of tests/data/strava, repeated a week apart further back
in time, each with the recorded heart-rate streams) and measures:

1. a first sync with no rate limit in the way (pages of 200, then one stream request per run):
   time, requests, time per activity;
2. a second sync with nothing new: time and requests;
3. a first sync under Strava's real read limit (100 per 15 minutes, 1,000 a day): how far one
   run gets, and what it says is left.

Usage: python benchmarks/strava_bench.py [--activities 1000]
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from pytest_httpserver import HTTPServer  # noqa: E402

from operations import strava  # noqa: E402
from operations.imports import drive  # noqa: E402
from store import Database  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from tests.strava.fake_strava import FakeStrava  # noqa: E402


def many_runs(fake: FakeStrava, n: int) -> None:
    base = fake.activities
    runs = []
    for i in range(n):
        run = copy.deepcopy(base[i % len(base)])
        start = datetime.fromisoformat(run["start_date"].replace("Z", "+00:00"))
        start -= timedelta(weeks=7 * (i // len(base)))
        run["id"] = 10_000_000 + i
        run["start_date"] = run["start_date_local"] = start.strftime("%Y-%m-%dT%H:%M:%SZ")
        runs.append(run)
    fake.activities = runs


def connect(db: Database, fake: FakeStrava) -> None:
    import urllib.request

    def browser(url: str) -> bool:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        opener.open(url, timeout=10).read()
        return True

    strava.connect(db, client_id=1, client_secret="bench-secret", open_browser=browser)


def timed_sync(db: Database, fake: FakeStrava) -> tuple[float, int, strava.StravaSyncReport]:
    fake.calls.clear()
    t0 = time.perf_counter()
    report = drive(strava.sync(db))
    return time.perf_counter() - t0, sum(fake.calls.values()), report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--activities", type=int, default=1000)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        fake = FakeStrava(server)
        os.environ["STRONGSTRIDE_STRAVA_URL"] = fake.url
        many_runs(fake, args.activities)
        with tempfile.TemporaryDirectory() as tmp:
            fake.read_limit = fake.overall_limit = (10**9, 10**9)
            db = Database.open(Path(tmp) / "a.sqlite")
            connect(db, fake)
            secs, requests, report = timed_sync(db, fake)
            print(
                f"first sync, {args.activities} runs: {secs:.2f} s, {requests} requests "
                f"({report.pages} pages, {report.streams_fetched} streams), "
                f"{1000 * secs / args.activities:.1f} ms per activity, complete={report.complete}"
            )
            secs, requests, report = timed_sync(db, fake)
            print(f"second sync, nothing new: {secs * 1000:.0f} ms, {requests} request(s)")
            db.close()

            fake.read_limit, fake.overall_limit = (100, 1000), (200, 2000)
            fake.read_usage = 0
            db = Database.open(Path(tmp) / "b.sqlite")
            connect(db, fake)
            secs, requests, report = timed_sync(db, fake)
            print(
                f"first sync under the 100-per-15-min read limit: {requests} requests in "
                f"{secs:.2f} s, {report.activities} activities stored, {report.streams_fetched} "
                f"streams fetched, {report.streams_left} left; stopped: {report.stopped}"
            )
            db.close()
    finally:
        server.clear()
        server.stop()


if __name__ == "__main__":
    main()
