"""What the database already holds, in memory, so an import recognises duplicates without a
query per activity: (source, external id) keys and aliases, and activities by start time.

Built from `store.activities.activity_index_rows` at the start of a batch run and kept in step
with every write; rebuilt from the database whenever a transaction rolls back.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta

from store.activities import (
    DUPLICATE_START_S,
    DUPLICATE_TOLERANCE,
    StoredActivity,
    activity_index_rows,
)


class ActivityIndex:
    def __init__(self, acts: list[StoredActivity], aliases: list[tuple[str, str, int]]) -> None:
        self.by_key: dict[tuple[str, str], int] = {}
        self.acts: dict[int, StoredActivity] = {}
        self.starts: list[tuple[datetime, int]] = []
        for a in acts:
            self.add(a)
        for source, ext, act_id in aliases:
            self.by_key[(source, ext)] = act_id

    @classmethod
    def load(cls, session) -> ActivityIndex:
        return cls(*activity_index_rows(session))

    def add(self, a: StoredActivity) -> None:
        self.acts[a.id] = a
        self.by_key[(a.source, a.external_id)] = a.id
        if a.start_utc is not None:
            bisect.insort(self.starts, (a.start_utc, a.id))

    def alias(self, source: str, external_id: str, activity_id: int) -> None:
        self.by_key[(source, external_id)] = activity_id

    def remove(self, activity_id: int, *, moved_to: int | None = None) -> None:
        """Forget an activity; its keys point at `moved_to` (or vanish)."""
        a = self.acts.pop(activity_id)
        if a.start_utc is not None:
            i = bisect.bisect_left(self.starts, (a.start_utc, activity_id))
            if i < len(self.starts) and self.starts[i] == (a.start_utc, activity_id):
                del self.starts[i]
        for key, target in list(self.by_key.items()):
            if target == activity_id:
                if moved_to is None:
                    del self.by_key[key]
                else:
                    self.by_key[key] = moved_to

    def id_for(self, source: str, external_id: str) -> int | None:
        return self.by_key.get((source, external_id))

    def same_activity(
        self, start_utc: datetime, timer_s: float, distance_m: float | None
    ) -> StoredActivity | None:
        """The rule of `store.activities.find_same_activity`, in memory."""
        start = start_utc.replace(tzinfo=None)
        window = timedelta(seconds=DUPLICATE_START_S)
        lo = bisect.bisect_left(self.starts, (start - window, -1))
        for when, act_id in self.starts[lo:]:
            if when > start + window:
                break
            a = self.acts[act_id]
            if not _within(a.timer_s, timer_s):
                continue
            if a.distance_m and distance_m and not _within(a.distance_m, distance_m):
                continue
            return a
        return None


def _within(a: float, b: float) -> bool:
    return abs(a - b) <= DUPLICATE_TOLERANCE * max(abs(a), abs(b))
