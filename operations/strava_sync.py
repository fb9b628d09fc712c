"""Syncing Strava: the whole history page by page, then heart-rate streams newest first.

`sync(db, ...)` is a generator yielding `Progress` and returning a `StravaSyncReport` (the
import report plus why the sync stopped early and what is left), so the command line, a test
and a Qt worker drive it alike. Each page of activities is stored and the cursor (the newest
start synced) saved before the next page is fetched, so a sync stopped by a rate limit, an error
or Cancel loses nothing and the next one continues where it stopped. Never call from the GUI
thread: a 500 or a dropped connection is retried after a short wait.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from importers.progress import Progress
from importers.records import ActivityRecord
from importers.report import FileProblem, ImportReport
from importers.strava_api import NotFound, RateLimited, StravaApi, StravaError, Unauthorized
from importers.strava_records import activity_record, reduced_streams
from importers.writer import store_records
from store import Database
from store import activities as store_activities
from store import strava as store

PER_PAGE = 200  # Strava's largest page


@dataclass
class StravaSyncReport(ImportReport):
    """The import report of a sync, plus why it stopped early (None: it finished)."""

    stopped: str | None = None
    streams_fetched: int = 0
    streams_left: int = 0
    resume_at: str | None = None
    pages: int = 0

    @property
    def complete(self) -> bool:
        return self.stopped is None and not self.cancelled

    def to_json(self) -> dict[str, Any]:
        return {
            **super().to_json(),
            "complete": self.complete,
            "stopped": self.stopped,
            "pages": self.pages,
            "streams_fetched": self.streams_fetched,
            "streams_left": self.streams_left,
            "resume_at": self.resume_at,
        }

    def summary_lines(self) -> list[str]:
        n = self.activities
        lines = [
            f"Strava: {n} new activit{'y' if n == 1 else 'ies'} from {self.pages} page(s); "
            f"heart rate fetched for {self.streams_fetched}."
        ]
        lines += [ln for ln in super().summary_lines()[1:] if not ln.startswith("Cancelled")]
        if self.stopped:
            lines.append(f"Stopped early: {self.stopped}")
        if self.cancelled:
            lines.append("Cancelled: everything fetched before that is stored.")
        if self.streams_left and not self.complete:
            lines.append(f"{self.streams_left} activities' heart rate still to fetch.")
        return lines


class _Stop(Exception):
    """Ends a sync early with a reason; what was stored stays."""


def sync(
    db: Database,
    api: StravaApi,
    *,
    ensure_token: Callable[[bool], None],
    cancel: threading.Event | None = None,
    per_page: int = PER_PAGE,
) -> Generator[Progress, None, StravaSyncReport]:
    """Fetch new activities, then pending heart-rate streams.

    `ensure_token(force)` makes `api` carry a valid access token (refreshing before expiry, or
    at once when `force`, saving the rotated refresh token); it raises `Unauthorized` when Strava
    refuses the refresh, and the connection is then marked "needs reconnecting".
    """
    cancel = cancel or threading.Event()
    report = StravaSyncReport()
    try:  # the state is recorded also when the driver closes the generator (Cancel)
        try:
            ensure_token(False)
            yield from _pages(db, api, ensure_token, cancel, per_page, report)
            if not cancel.is_set():
                yield from _streams(db, api, ensure_token, cancel, report)
        except Unauthorized:
            _mark(db, status=store.NEEDS_RECONNECTING)
            report.stopped = (
                "Strava no longer accepts this connection (revoked or expired): connect again. "
                "Every activity synced so far is kept."
            )
        except RateLimited as exc:
            report.resume_at = exc.resume_at.isoformat(timespec="minutes")
            report.stopped = f"{exc}; the sync can resume after {exc.resume_at:%Y-%m-%d %H:%M} UTC"
        except (StravaError, _Stop) as exc:
            report.stopped = str(exc)
            report.failed.append(FileProblem("Strava", str(exc)))
    finally:
        report.cancelled = cancel.is_set()
        _finish(db, report)
    return report


def _authorized(api_call: Callable[[], Any], ensure_token: Callable[[bool], None]) -> Any:
    """One call; a 401 gets one refresh and one more try."""
    try:
        return api_call()
    except Unauthorized:
        ensure_token(True)
        return api_call()


def _pages(
    db: Database,
    api: StravaApi,
    ensure_token: Callable[[bool], None],
    cancel: threading.Event,
    per_page: int,
    report: StravaSyncReport,
) -> Iterator[Progress]:
    """Activities after the cursor, oldest first, one committed page at a time."""
    with db.session() as s:
        after = store.load_state(s).after
    while not cancel.is_set():
        yield Progress(report.pages, None, f"Strava: reading page {report.pages + 1}")
        items = _authorized(
            lambda a=after: api.activities_page(after=a, page=1, per_page=per_page), ensure_token
        )
        if not items:
            return
        report.pages += 1
        newest = _store_page(db, items, report)
        if newest <= after:
            raise _Stop(f"Strava sent page {report.pages} again without newer activities")
        after = newest


def _store_page(db: Database, items: list[Any], report: StravaSyncReport) -> int:
    """Store one page's activities and move the cursor past them; returns the new cursor."""
    records: list[tuple[ActivityRecord, bool]] = []
    newest = 0
    for item in items:
        label = f"Strava activity {item.get('id') if isinstance(item, dict) else '?'}"
        try:
            if not isinstance(item, dict):
                raise ValueError("not an activity object")
            rec = activity_record(item)
        except ValueError as exc:
            report.failed.append(FileProblem(label, str(exc)))
            continue
        except Exception as exc:  # an odd shape must cost one activity, never the page
            report.failed.append(FileProblem(label, f"not understood: {exc!r}"))
            continue
        newest = max(newest, int(rec.start_utc.timestamp()))
        wants_hr = item.get("has_heartrate") is True and item.get("manual") is not True
        records.append((rec, wants_hr))
    added, notes = store_records(db, [r for r, _ in records])
    report.activities += len(added)
    report.activity_ids += added
    report.imported += [f"strava:{r.external_id}" for r, _ in records]
    report.duplicates += [FileProblem("Strava", note) for note in notes if "replaces" not in note]
    with db.session() as s:
        state = store.load_state(s)
        pending = dict(state.pending_streams)
        for rec, wants_hr in records:
            act_id = store_activities.activity_id_for(s, "strava", rec.external_id)
            if wants_hr and act_id is not None and not store.has_heart_rate(s, act_id):
                pending[rec.external_id] = int(rec.start_utc.timestamp())
        state.pending_streams = sorted(pending.items(), key=lambda p: -p[1])
        state.after = max(state.after, newest)
        store.save_state(s, state)
    return newest


def _streams(
    db: Database,
    api: StravaApi,
    ensure_token: Callable[[bool], None],
    cancel: threading.Event,
    report: StravaSyncReport,
) -> Iterator[Progress]:
    """Heart-rate streams of the activities that lack them, newest first, one commit each."""
    with db.session() as s:
        pending = list(store.load_state(s).pending_streams)
    total = len(pending)
    report.streams_left = total
    for done, (ext_id, start) in enumerate(pending):
        if cancel.is_set():
            return
        yield Progress(done, total, f"Strava: heart rate, {total - done} activities left")
        try:
            streams = _authorized(lambda i=ext_id: api.streams(i), ensure_token)
        except NotFound:
            streams = {}  # deleted on Strava since: nothing to fetch
            report.warnings.append(FileProblem(f"Strava activity {ext_id}", "no longer on Strava"))
        reduced = reduced_streams(float(start), streams) if streams else {}
        with db.session() as s:
            act_id = store_activities.activity_id_for(s, "strava", ext_id)
            if reduced.get("hr_histogram") and act_id and not store.has_heart_rate(s, act_id):
                store.attach_samples(s, act_id, **reduced)
            state = store.load_state(s)
            state.pending_streams = [p for p in state.pending_streams if p[0] != ext_id]
            store.save_state(s, state)
        report.streams_fetched += 1
        report.streams_left = total - done - 1
    yield Progress(total, total, "Strava: heart rate fetched")


def _mark(db: Database, *, status: str) -> None:
    with db.session() as s:
        state = store.load_state(s)
        state.status = status
        store.save_state(s, state)


def _finish(db: Database, report: StravaSyncReport) -> None:
    """Record how the sync ended; recompute loads when anything new arrived."""
    with db.session() as s:
        state = store.load_state(s)
        state.last_sync_utc = datetime.now(UTC).replace(tzinfo=None)
        state.synced = store.count_synced(s)
        state.stopped = report.stopped
        state.resume_at = report.resume_at
        report.streams_left = len(state.pending_streams)
        store.save_state(s, state)
    if report.activities or report.streams_fetched:
        from operations.training import recompute_loads

        try:
            report.loads_recomputed = recompute_loads(db)
        except Exception as exc:  # the activities are stored; the report says why loads lack
            report.load_error = str(exc) or type(exc).__name__
