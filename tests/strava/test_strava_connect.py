"""Connecting to Strava: the OAuth loopback flow, its refusals, and where the secrets go."""

from __future__ import annotations

import logging
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from operations import strava
from operations import strava_keychain as keychain
from store.models import SyncState
from tests.strava.conftest import CLIENT_ID, CLIENT_SECRET, follow_redirects, run_sync


def _connect(db, browser=follow_redirects, **kwargs):
    return strava.connect(
        db, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, open_browser=browser, **kwargs
    )


def _nothing_stored(db) -> None:
    assert keychain.tokens() is None and keychain.client_secret() is None
    with db.session() as s:
        assert s.scalars(select(SyncState)).all() == []


def test_connecting_through_the_browser_puts_the_tokens_in_the_keychain(db, fake_strava):
    done = _connect(db)

    assert done.athlete_name == "Daniel Block" and done.athlete_id == 12342176
    assert done.scope == "read,activity:read_all"
    tokens = keychain.tokens()
    assert tokens.access_token in fake_strava.valid_access
    assert tokens.refresh_token in fake_strava.valid_refresh
    assert keychain.client_secret() == CLIENT_SECRET
    info = strava.status(db)
    assert info["status"] == "connected" and info["athlete_name"] == "Daniel Block"


def test_the_authorize_page_is_asked_for_the_right_scope_on_the_configured_host(db, fake_strava):
    seen: list[str] = []
    _connect(db, browser=lambda url: seen.append(url) or follow_redirects(url))

    assert seen[0].startswith(fake_strava.url + "/oauth/authorize?")
    assert (
        "scope=read%2Cactivity%3Aread_all" in seen[0] or "scope=read,activity:read_all" in seen[0]
    )
    assert (
        "redirect_uri=http%3A%2F%2F127.0.0.1%3A" in seen[0]
        or "redirect_uri=http://127.0.0.1:" in seen[0]
    )


def test_a_denied_authorization_says_so_and_stores_nothing(db, fake_strava):
    fake_strava.deny = True

    with pytest.raises(strava.ConnectError, match="authorization denied; nothing was stored"):
        _connect(db)
    _nothing_stored(db)


def test_an_answer_with_another_state_is_refused(db, fake_strava):
    fake_strava.wrong_state = True

    with pytest.raises(strava.ConnectError, match="did not carry the state"):
        _connect(db)
    _nothing_stored(db)
    assert fake_strava.calls["/oauth/token"] == 0  # the code was never exchanged


def test_no_answer_in_time_ends_the_wait(db, fake_strava):
    with pytest.raises(strava.ConnectError, match="no answer from Strava's page within"):
        _connect(db, browser=lambda url: True, timeout_s=0.5)
    _nothing_stored(db)


def test_a_code_strava_refuses_stores_nothing(db, fake_strava):
    def tampering_browser(url: str) -> bool:
        opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))
        try:
            opener.open(url, timeout=10)
        except urllib.error.HTTPError as redirect:
            target = redirect.headers["Location"].replace("code=", "code=forged")
            follow_redirects(target)
        return True

    with pytest.raises(strava.ConnectError, match="did not accept the authorization"):
        _connect(db, browser=tampering_browser)
    _nothing_stored(db)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        return None


def test_no_token_or_secret_reaches_the_database_settings_logs_or_data_folder(
    db, fake_strava, data_dir, isolated_home, caplog
):
    caplog.set_level(logging.DEBUG)
    _connect(db)
    fake_strava.valid_access.clear()  # force a refresh: a second pair of tokens
    run_sync(db, per_page=10)
    strava.status(db)
    secrets = {
        CLIENT_SECRET,
        *fake_strava.valid_access,
        *fake_strava.valid_refresh,
        *(f"access-{i}-d41d8cd9" for i in range(1, fake_strava.issued + 1)),
        *(f"refresh-{i}-8f00b204" for i in range(1, fake_strava.issued + 1)),
    }
    assert fake_strava.issued == 2
    db.close()
    files = [p for root in (data_dir, Path(isolated_home)) for p in root.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite" for p in files)
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, f"{secret} found in {path}"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET" in logged or "POST" in logged  # the requests were logged ...
    for secret in secrets:
        assert secret not in logged  # ... without a secret


def test_disconnecting_deauthorizes_deletes_the_keychain_entries_and_keeps_activities(
    connected, fake_strava
):
    run_sync(connected, per_page=10)

    note = strava.disconnect(connected)

    assert note is None and fake_strava.calls["/oauth/deauthorize"] == 1
    assert keychain.tokens() is None and keychain.client_secret() is None
    info = strava.status(connected)
    assert info["status"] == "not connected" and info["activities_synced"] == 30
    with pytest.raises(strava.NotConnected, match="not connected"):
        run_sync(connected)
