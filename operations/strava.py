"""Strava for the window and the command line: connect, sync, status, disconnect.

The runner registers their own API application on Strava (an unreviewed application serves
its owner's account only) and gives StrongStride its client id and secret. The secret and the
tokens go to the OS keychain (`operations.strava_keychain`); the database keeps only the sync
state. `STRONGSTRIDE_STRAVA_URL` (default https://www.strava.com) is the base of every Strava
address, so the whole flow can run against a local server.
"""

from __future__ import annotations

import os
import threading
import time
import webbrowser
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from importers.progress import Progress
from importers.strava_api import DEFAULT_URL, StravaApi, StravaError, Tokens, Unauthorized
from operations import strava_keychain as keychain
from operations.strava_keychain import KeychainError
from operations.strava_oauth import Authorization, ConnectError, authorize
from operations.strava_setup import SETUP_STEPS
from operations.strava_sync import PER_PAGE, StravaSyncReport
from operations.strava_sync import sync as _sync
from store import Database
from store import strava as store

REFRESH_MARGIN_S = 600  # refresh this long before the access token expires

__all__ = [
    "SETUP_STEPS",
    "ConnectError",
    "KeychainError",
    "NotConnected",
    "StravaSyncReport",
    "connect",
    "status",
    "sync",
]


class NotConnected(Exception):
    """There is no usable Strava connection; the message says what to do."""


def strava_url() -> str:
    return os.environ.get("STRONGSTRIDE_STRAVA_URL") or DEFAULT_URL


@dataclass(frozen=True)
class Connected:
    athlete_id: int | None
    athlete_name: str | None
    scope: str


def connect(
    db: Database,
    *,
    client_id: int,
    client_secret: str,
    open_browser: Callable[[str], object] | None = None,
    show_url: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
    timeout_s: float = 300.0,
) -> Connected:
    """Authorize StrongStride on the runner's account; the tokens go to the keychain.

    Raises `ConnectError` (denied, wrong state, time-out, code refused); nothing is stored then.
    """
    api = StravaApi(strava_url())
    auth: Authorization = authorize(
        lambda redirect, state: api.authorize_url(client_id, redirect, state),
        open_browser=open_browser or webbrowser.open,  # the system browser, or $BROWSER
        show_url=show_url,
        cancel=cancel,
        timeout_s=timeout_s,
    )
    try:
        tokens, athlete = api.exchange_code(client_id, client_secret, auth.code)
    except StravaError as exc:
        raise ConnectError(f"Strava did not accept the authorization: {exc}") from exc
    keychain.save_client_secret(client_secret)
    keychain.save_tokens(tokens)
    name = " ".join(str(athlete.get(k) or "") for k in ("firstname", "lastname")).strip()
    athlete_id = athlete.get("id") if isinstance(athlete.get("id"), int) else None
    with db.session() as s:
        state = store.load_state(s)
        if state.athlete_id is not None and state.athlete_id != athlete_id:
            state = store.StravaState(sync_on_start=state.sync_on_start)  # another account
        state.status, state.client_id = store.CONNECTED, client_id
        state.athlete_id, state.athlete_name = athlete_id, name or None
        store.save_state(s, state)
    return Connected(athlete_id, name or None, auth.scope)


def sync(
    db: Database,
    *,
    cancel: threading.Event | None = None,
    per_page: int = PER_PAGE,
    api: StravaApi | None = None,
) -> Generator[Progress, None, StravaSyncReport]:
    """Bring new Strava activities in (see `operations.strava_sync`). Raises `NotConnected`
    before any request when there is no connection to use."""
    with db.session() as s:
        state = store.load_state(s)
    tokens = keychain.tokens()
    secret = keychain.client_secret()
    if state.status == store.NEEDS_RECONNECTING:
        raise NotConnected("Strava needs reconnecting: connect again (your activities are kept)")
    if state.status != store.CONNECTED or tokens is None or secret is None or not state.client_id:
        raise NotConnected("Strava is not connected: connect first")
    api = api or StravaApi(strava_url())
    api.set_access_token(tokens.access_token)
    holder = {"tokens": tokens}

    def ensure_token(force: bool) -> None:
        current: Tokens = holder["tokens"]
        if not force and current.expires_at - time.time() > REFRESH_MARGIN_S:
            return
        try:
            fresh = api.refresh(state.client_id, secret, current.refresh_token)
        except StravaError as exc:
            if exc.status in (400, 401):  # the refresh token was revoked or is unknown
                raise Unauthorized(str(exc)) from exc
            raise
        keychain.save_tokens(fresh)  # Strava rotates the refresh token: keep the new one
        holder["tokens"] = fresh
        api.set_access_token(fresh.access_token)

    return (yield from _sync(db, api, ensure_token=ensure_token, cancel=cancel, per_page=per_page))


def status(db: Database) -> dict[str, Any]:
    """What Settings and `strava status` show; never a secret."""
    with db.session() as s:
        state = store.load_state(s)
        synced = store.count_synced(s)
    try:
        has_tokens, keychain_error = keychain.tokens() is not None, None
    except KeychainError as exc:
        has_tokens, keychain_error = False, str(exc)
    shown = state.status
    if shown == store.CONNECTED and not has_tokens:
        shown = store.NEEDS_RECONNECTING  # the keychain entry went away
    return {
        "status": shown,
        "client_id": state.client_id,
        "athlete_id": state.athlete_id,
        "athlete_name": state.athlete_name,
        "last_sync_utc": state.last_sync_utc.isoformat(timespec="seconds") + "Z"
        if state.last_sync_utc
        else None,
        "activities_synced": synced,
        "streams_left": len(state.pending_streams),
        "stopped": state.stopped,
        "resume_at": state.resume_at,
        "sync_on_start": state.sync_on_start,
        "strava_url": strava_url(),
        "keychain_error": keychain_error,
    }


def set_sync_on_start(db: Database, enabled: bool) -> None:
    with db.session() as s:
        state = store.load_state(s)
        state.sync_on_start = bool(enabled)
        store.save_state(s, state)


def sync_on_start(db: Database) -> bool:
    with db.session() as s:
        state = store.load_state(s)
    return state.sync_on_start and state.status == store.CONNECTED


def disconnect(db: Database) -> str | None:
    """Deauthorize on Strava (when it answers), delete the keychain entries and the sync state.
    Activities stay. Returns a note when Strava could not be told."""
    tokens = keychain.tokens()
    note = None
    if tokens is not None:
        api = StravaApi(strava_url(), access_token=tokens.access_token)
        try:
            api.deauthorize()
        except StravaError as exc:
            note = f"Strava was not told ({exc}); remove StrongStride under My Apps on Strava"
    keychain.forget_all()
    with db.session() as s:
        keep = store.load_state(s).sync_on_start
        store.forget(s)
        if keep:
            store.save_state(s, store.StravaState(sync_on_start=keep))
    return note
