"""Strava's OAuth 2 authorization code flow with a loopback redirect.

A one-shot listener on 127.0.0.1 (a free port) receives the browser's redirect; the system
browser is opened through `webbrowser`, so the `BROWSER` variable is respected. The `state`
sent is random and must come back unchanged. Denied, wrong state or no answer in time: a
`ConnectError` saying which, and nothing is stored.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

CALLBACK_PATH = "/strongstride-strava"
TIMEOUT_S = 300.0


class ConnectError(Exception):
    """Connecting did not work; the message says why. Nothing was stored."""


@dataclass(frozen=True)
class Authorization:
    code: str
    scope: str


class _Listener(HTTPServer):
    answer: dict[str, str] | None = None
    arrived: threading.Event


class _Handler(BaseHTTPRequestHandler):
    server: _Listener

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        if parts.path != CALLBACK_PATH:
            self.send_error(404)
            return
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if self.server.answer is None:
            self.server.answer = query
        ok = "code" in query and "error" not in query
        text = (
            "StrongStride received Strava's answer. You can close this tab."
            if ok
            else "Strava did not authorize StrongStride. You can close this tab."
        )
        body = f"<!doctype html><title>StrongStride</title><p>{text}</p>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.arrived.set()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the redirect's query holds the one-time code."""


def authorize(
    authorize_url: Callable[[str, str], str],
    *,
    open_browser: Callable[[str], object],
    timeout_s: float = TIMEOUT_S,
    cancel: threading.Event | None = None,
    show_url: Callable[[str], None] | None = None,
) -> Authorization:
    """Open the browser on Strava's authorize page and wait for its redirect.

    `authorize_url(redirect_uri, state)` builds the page address; `show_url` is given it too,
    for a runner whose browser does not open by itself.
    """
    listener = _Listener(("127.0.0.1", 0), _Handler)
    listener.arrived = threading.Event()
    thread = threading.Thread(target=listener.serve_forever, kwargs={"poll_interval": 0.1})
    thread.daemon = True
    thread.start()
    try:
        state = secrets.token_urlsafe(24)
        redirect = f"http://127.0.0.1:{listener.server_address[1]}{CALLBACK_PATH}"
        url = authorize_url(redirect, state)
        if show_url is not None:
            show_url(url)
        open_browser(url)
        answer = _wait(listener, timeout_s, cancel)
    finally:
        listener.shutdown()
        listener.server_close()
        thread.join(timeout=5)
    return _check(answer, state)


def _wait(listener: _Listener, timeout_s: float, cancel: threading.Event | None) -> dict[str, str]:
    waited = 0.0
    while not listener.arrived.wait(0.2):
        waited += 0.2
        if cancel is not None and cancel.is_set():
            raise ConnectError("connecting to Strava was cancelled; nothing was stored")
        if waited >= timeout_s:
            minutes = max(1, round(timeout_s / 60))
            raise ConnectError(
                f"no answer from Strava's page within {minutes} minute(s); nothing was stored"
            )
    return listener.answer or {}


def _check(answer: dict[str, str], state: str) -> Authorization:
    if answer.get("state") != state:
        raise ConnectError(
            "Strava's answer did not carry the state this request sent (an old or foreign "
            "page?); nothing was stored"
        )
    if "error" in answer:
        reason = "denied" if answer["error"] == "access_denied" else answer["error"]
        raise ConnectError(f"Strava authorization {reason}; nothing was stored")
    code = answer.get("code")
    if not code:
        raise ConnectError("Strava's answer held no authorization code; nothing was stored")
    return Authorization(code=code, scope=answer.get("scope", ""))
