"""A Strava-like server on 127.0.0.1 (pytest-httpserver) answering with the recorded responses.

The activities are the 30 real runs of `dblock_athlete_activities_200.json`, served oldest first
after `after=` and paged like Strava; streams are the recorded `key_by_type` streams; the OAuth
endpoints hand out fresh tokens shaped like the recorded token responses. `fail` queues faults
(a status with a body, a dropped connection, a body that is not JSON) for the next requests to
a path, so a test can break a sync exactly where it wants.
"""

from __future__ import annotations

import copy
import json
import re
import socket
import struct
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import STRAVA_FIXTURES


def recorded(name: str) -> Any:
    return json.loads((STRAVA_FIXTURES / name).read_text())


@dataclass
class Fault:
    status: int = 500
    body: str = '{"message": "Internal Server Error", "errors": []}'
    reset: bool = False  # drop the connection instead of answering
    headers: dict[str, str] = field(default_factory=dict)


class FakeStrava:
    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.activities: list[dict[str, Any]] = recorded("dblock_athlete_activities_200.json")
        self.streams = recorded("DERIVED_gostrava_activity_streams_key_by_type.json")
        self.token_shape = recorded("dblock_oauth_token_exchange_200.json")
        self.calls: Counter[str] = Counter()
        self.faults: dict[str, list[Fault]] = {}
        self.issued = 0
        self.valid_access: set[str] = set()
        self.valid_refresh: set[str] = set()
        self.refresh_revoked = False
        self.deny = False  # the runner presses "Cancel" on Strava's page
        self.wrong_state = False
        self.read_usage = 0  # requests counted against the read limit in this window
        self.read_limit = (100, 1000)
        self.overall_limit = (200, 2000)
        self.last_code: str | None = None
        server.expect_request(re.compile(r".*")).respond_with_handler(self._handle)

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    def fail(self, path_pattern: str, *faults: Fault) -> None:
        self.faults.setdefault(path_pattern, []).extend(faults)

    def issue_tokens(self, *, expires_at: int) -> tuple[str, str]:
        self.issued += 1
        access, refresh = f"access-{self.issued}-d41d8cd9", f"refresh-{self.issued}-8f00b204"
        self.valid_access.add(access)
        self.valid_refresh.add(refresh)
        self.expires_at = expires_at
        return access, refresh

    def add_run(self, start: str, *, ident: int, has_hr: bool = True) -> None:
        run = copy.deepcopy(self.activities[0])
        run.update(id=ident, start_date=start, start_date_local=start, has_heartrate=has_hr)
        self.activities.append(run)

    def stream_requests(self) -> int:
        return sum(n for path, n in self.calls.items() if path.endswith("/streams"))

    # --- the server side -------------------------------------------------------------------

    def _handle(self, request: Request) -> Response:
        path = request.path
        self.calls[path] = self.calls[path] + 1
        for pattern, queue in self.faults.items():
            if queue and re.fullmatch(pattern, path):
                return self._fault(request, queue.pop(0))
        if path == "/oauth/authorize":
            return self._authorize(request)
        if path == "/oauth/token":
            return self._token(request)
        if path == "/oauth/deauthorize":
            return self._json({"access_token": "revoked"})
        if not self._authorized(request):
            return self._json(recorded("dblock_error_401.json"), 401)
        self.read_usage += 1
        if path == "/api/v3/athlete":
            return self._json(self.token_shape["athlete"])
        if path == "/api/v3/athlete/activities":
            return self._json(self._page(request))
        if re.fullmatch(r"/api/v3/activities/\d+/streams", path):
            return self._json(self.streams)
        return self._json({"message": "Record Not Found", "errors": []}, 404)

    def _fault(self, request: Request, fault: Fault) -> Response:
        if fault.reset:
            sock: socket.socket = request.environ["werkzeug.socket"]
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.shutdown(socket.SHUT_RDWR)
        return Response(
            fault.body, fault.status, headers=fault.headers, content_type="application/json"
        )

    def _authorize(self, request: Request) -> Response:
        args = request.args
        target = args["redirect_uri"]
        state = "not-the-state-sent" if self.wrong_state else args.get("state", "")
        if self.deny:
            query = {"state": state, "error": "access_denied"}
        else:
            self.last_code = f"code-{self.issued + 1}"
            query = {"state": state, "code": self.last_code, "scope": args.get("scope", "")}
        return Response(status=302, headers={"Location": f"{target}?{urlencode(query)}"})

    def _token(self, request: Request) -> Response:
        form = request.form
        if form.get("grant_type") == "authorization_code":
            if form.get("code") != self.last_code:
                return self._json(recorded("dblock_oauth_token_invalid_code_400.json"), 400)
            access, refresh = self.issue_tokens(expires_at=_now() + 21600)
            body = dict(self.token_shape, access_token=access, refresh_token=refresh)
            body["expires_at"] = self.expires_at
            return self._json(body)
        if self.refresh_revoked or form.get("refresh_token") not in self.valid_refresh:
            return self._json(
                {
                    "message": "Bad Request",
                    "errors": [
                        {"resource": "RefreshToken", "field": "refresh_token", "code": "invalid"}
                    ],
                },
                400,
            )
        self.valid_refresh.discard(form["refresh_token"])  # Strava rotates it
        access, refresh = self.issue_tokens(expires_at=_now() + 21600)
        body = dict(recorded("dblock_oauth_token_refresh_200.json"))
        body.update(access_token=access, refresh_token=refresh, expires_at=self.expires_at)
        return self._json(body)

    def _authorized(self, request: Request) -> bool:
        auth = request.headers.get("Authorization", "")
        return auth.removeprefix("Bearer ") in self.valid_access

    def _page(self, request: Request) -> list[dict[str, Any]]:
        after = int(request.args.get("after", 0))
        page = int(request.args.get("page", 1))
        per_page = int(request.args.get("per_page", 30))
        newer = sorted(
            (a for a in self.activities if _epoch(a.get("start_date")) > after),
            key=lambda a: str(a.get("start_date")),
        )
        return newer[(page - 1) * per_page : page * per_page]

    def _json(self, body: Any, status: int = 200) -> Response:
        usage = f"{self.read_usage},{self.read_usage}"
        headers = {
            "X-RateLimit-Limit": f"{self.overall_limit[0]},{self.overall_limit[1]}",
            "X-ReadRateLimit-Limit": f"{self.read_limit[0]},{self.read_limit[1]}",
            "X-RateLimit-Usage": usage,
            "X-ReadRateLimit-Usage": usage,
        }
        return Response(
            json.dumps(body),
            status,
            headers=headers,
            content_type="application/json; charset=utf-8",
        )


def _epoch(iso: object) -> int:
    try:
        return int(datetime.fromisoformat(str(iso).replace("Z", "+00:00")).timestamp())
    except ValueError:
        return 1  # a start Strava cannot place: in the first page only


def _now() -> int:
    return int(datetime.now().timestamp())
