"""Talking to Strava's API through stravalib, on a host that can be pointed elsewhere.

stravalib builds `https://www.strava.com/...` URLs itself and has no base-URL option, so
`StravaSession` (a `requests.Session` handed to the client) rewrites scheme and host to
`base_url` (`STRONGSTRIDE_STRAVA_URL` in the application, a local server in tests). stravalib's
own rate limiter sleeps in the caller; here `RateBudget` reads the `X-RateLimit-*` and
`X-ReadRateLimit-*` headers and refuses a request once the budget is spent, so a sync stops
cleanly instead of sleeping. Pages and streams are fetched as raw JSON: a field Strava sends in
an unexpected type costs that field (`importers.strava_records`), never a page.

No secrets are kept here beyond the life of one `StravaApi`; the caller owns the keychain.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from stravalib import Client, exc

DEFAULT_URL = "https://www.strava.com"
STRAVA_HOSTS = {"www.strava.com", "strava.com"}
SCOPE = ["read", "activity:read_all"]
TIMEOUT_S = 30
RETRIES = 3  # a 500 or a dropped connection is tried this many times in all
BACKOFF_S = 2.0  # first wait between tries; doubles each time


class _QuietCredentialHints(logging.Filter):
    """stravalib warns on the root logger when STRAVA_CLIENT_ID/SECRET are not in the
    environment (its own refresh); StrongStride refreshes itself, so those hints are noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            record.pathname.replace("\\", "/").endswith("stravalib/protocol.py")
            and "STRAVA_CLIENT" in str(record.msg)
        )


logging.getLogger().addFilter(_QuietCredentialHints())


class StravaError(Exception):
    """Strava could not be reached or answered with an error; the message says which.
    `status` is the HTTP status when Strava answered (0 when it could not be reached)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class Unauthorized(StravaError):
    """Strava refused the token (401): refresh it, or the runner must connect again."""


class NotFound(StravaError):
    """Strava knows no such object (an activity deleted since it was listed)."""


class RateLimited(StravaError):
    """The request budget is spent; `resume_at` is when Strava's window opens again."""

    def __init__(self, message: str, resume_at: datetime) -> None:
        super().__init__(message, 429)
        self.resume_at = resume_at


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_at: int  # Unix seconds


class StravaSession(requests.Session):
    """A requests session that sends every Strava URL to `base_url` instead."""

    def __init__(self, base_url: str = DEFAULT_URL) -> None:
        super().__init__()
        self.trust_env = False  # no proxy or .netrc from the environment touches the tokens
        self.base = urlsplit(base_url.rstrip("/"))

    def rewrite(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.hostname not in STRAVA_HOSTS:
            return url
        path = self.base.path + parts.path
        return urlunsplit((self.base.scheme, self.base.netloc, path, parts.query, parts.fragment))

    def request(self, method, url, *args, **kwargs):  # noqa: ANN001, ANN201 - requests' own
        kwargs.setdefault("timeout", TIMEOUT_S)
        return super().request(method, self.rewrite(str(url)), *args, **kwargs)


@dataclass
class RateBudget:
    """Requests left in Strava's 15-minute and daily windows, from the last response headers.

    Strava counts reads (100 per 15 min, 1,000 a day) and all requests (200 / 2,000); the
    tighter of the two limits the sync. `reserve` requests are kept back for the next run.
    """

    reserve: int = 0
    left_15min: int | None = None
    left_day: int | None = None
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def __call__(self, headers: Any, method: str = "GET") -> None:
        """stravalib's rate-limiter hook: remember what the response says is left."""
        for prefix in ("X-RateLimit", "X-ReadRateLimit"):
            if prefix == "X-ReadRateLimit" and method != "GET":
                continue
            limit = _pair(headers.get(f"{prefix}-Limit"))
            usage = _pair(headers.get(f"{prefix}-Usage"))
            if limit and usage:
                self._take(limit[0] - usage[0], limit[1] - usage[1])

    def _take(self, short: int, day: int) -> None:
        self.left_15min = short if self.left_15min is None else min(self.left_15min, short)
        self.left_day = day if self.left_day is None else min(self.left_day, day)

    def reset(self) -> None:
        self.left_15min = self.left_day = None

    def exhaust(self) -> None:
        """Strava said 429: nothing is left in the window the headers name (else 15 min)."""
        if self.left_day is None or self.left_day > self.reserve:
            self.left_15min = min(self.left_15min or 0, self.reserve)

    @property
    def day_spent(self) -> bool:
        return self.left_day is not None and self.left_day <= self.reserve

    @property
    def spent(self) -> bool:
        left = [v for v in (self.left_15min, self.left_day) if v is not None]
        return bool(left) and min(left) <= self.reserve

    def resume_at(self) -> datetime:
        """The next 15-minute boundary, or midnight UTC when the daily budget is spent."""
        now = self.now()
        if self.day_spent:
            return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        quarter = now.replace(minute=now.minute - now.minute % 15, second=0, microsecond=0)
        return quarter + timedelta(minutes=15)


def _pair(value: Any) -> tuple[int, int] | None:
    try:
        a, b = (int(float(x)) for x in str(value).split(",")[:2])
    except (TypeError, ValueError):
        return None
    return a, b


class StravaApi:
    """One conversation with Strava: OAuth calls and the reads a sync needs."""

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        *,
        access_token: str | None = None,
        budget: RateBudget | None = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff_s: float = BACKOFF_S,
    ) -> None:
        self.session = StravaSession(base_url)
        self.budget = budget or RateBudget()
        self.client = Client(
            access_token=access_token, rate_limiter=self.budget, requests_session=self.session
        )
        # Refreshing is the caller's job (before expiry, saving the rotated token): stravalib's
        # own refresh after expiry would lose the new refresh token.
        self.client.protocol.client_id = None
        self.client.protocol.client_secret = None
        self.sleep = sleep
        self.backoff_s = backoff_s

    def set_access_token(self, token: str) -> None:
        self.client.access_token = token

    def authorize_url(self, client_id: int, redirect_uri: str, state: str) -> str:
        url = self.client.authorization_url(
            client_id=client_id,
            redirect_uri=redirect_uri,
            scope=SCOPE,
            state=state,
            approval_prompt="auto",
        )
        return self.session.rewrite(url)

    def exchange_code(
        self, client_id: int, client_secret: str, code: str
    ) -> tuple[Tokens, dict[str, Any]]:
        info, athlete = self._call(
            lambda: self.client.exchange_code_for_token(
                client_id=client_id, client_secret=client_secret, code=code, return_athlete=True
            )
        )
        if hasattr(athlete, "model_dump"):  # stravalib's SummaryAthlete
            athlete = athlete.model_dump(mode="json")
        return _tokens(info), athlete if isinstance(athlete, dict) else {}

    def refresh(self, client_id: int, client_secret: str, refresh_token: str) -> Tokens:
        info = self._call(
            lambda: self.client.refresh_access_token(
                client_id=client_id, client_secret=client_secret, refresh_token=refresh_token
            )
        )
        return _tokens(info)

    def deauthorize(self) -> None:
        server = self.client.protocol.server
        self._call(lambda: self.client.protocol.post(f"https://{server}/oauth/deauthorize"))

    def athlete(self) -> dict[str, Any]:
        return self._get("/athlete")

    def activities_page(self, *, after: int, page: int, per_page: int) -> list[Any]:
        data = self._get("/athlete/activities", after=after, page=page, per_page=per_page)
        if not isinstance(data, list):
            what = type(data).__name__
            raise StravaError(f"activities page {page}: Strava sent a {what}, not a list")
        return data

    def streams(self, activity_id: str) -> dict[str, Any]:
        data = self._get(
            f"/activities/{activity_id}/streams",
            keys=",".join(("time", "heartrate", "velocity_smooth")),
            key_by_type="true",
        )
        if not isinstance(data, dict):
            raise StravaError(f"streams of activity {activity_id}: not keyed by type")
        return data

    def _get(self, path: str, **params: Any) -> Any:
        if self.budget.spent:
            window = "daily" if self.budget.day_spent else "15-minute"
            raise RateLimited(
                f"Strava's {window} request limit is reached", self.budget.resume_at()
            )
        return self._call(lambda: self.client.protocol.get(path, **params))

    def _call(self, request: Callable[[], Any]) -> Any:
        """Run one request: retry 5xx answers and dropped connections with backoff, translate
        stravalib's and requests' errors into ours."""
        wait = self.backoff_s
        for attempt in range(1, RETRIES + 1):
            try:
                return request()
            except exc.AccessUnauthorized as e:
                raise Unauthorized(f"Strava refused the access token ({_reason(e)})", 401) from e
            except exc.ObjectNotFound as e:
                raise NotFound(f"Strava answered {_reason(e)}", 404) from e
            except exc.Fault as e:
                status = e.response.status_code if e.response is not None else 0
                if status == 429:
                    self.budget(e.response.headers)
                    self.budget.exhaust()
                    raise RateLimited(
                        "Strava says too many requests (429)", self.budget.resume_at()
                    ) from e
                if status < 500 or attempt == RETRIES:
                    raise StravaError(f"Strava answered {_reason(e)}", status) from e
            except (requests.ConnectionError, requests.Timeout) as e:
                if attempt == RETRIES:
                    raise StravaError(
                        f"cannot reach Strava at {urlunsplit(self.session.base)} "
                        f"after {RETRIES} tries ({type(e).__name__})"
                    ) from e
            except ValueError as e:  # a body that is not JSON
                raise StravaError(f"Strava sent an answer that is not JSON ({e})") from e
            self.sleep(wait)
            wait *= 2
        raise AssertionError("unreachable")


def _reason(e: exc.Fault) -> str:
    return str(e).split(" [", 1)[0] or type(e).__name__


def _tokens(info: dict[str, Any]) -> Tokens:
    return Tokens(
        access_token=str(info["access_token"]),
        refresh_token=str(info["refresh_token"]),
        expires_at=int(info["expires_at"]),
    )
