"""The Strava client secret and tokens, kept in the OS keychain only (through `keyring`).

keyring picks its backend the standard way, so `PYTHON_KEYRING_BACKEND` and keyring's config
file are honoured. Nothing here is ever written to the database, the settings or a log.
"""

from __future__ import annotations

import json

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from importers.strava_api import Tokens

SERVICE = "StrongStride Strava"
_SECRET, _TOKENS = "client_secret", "tokens"


class KeychainError(Exception):
    """The keychain could not be used; the message names what failed."""


def save_client_secret(secret: str) -> None:
    _set(_SECRET, secret)


def client_secret() -> str | None:
    return _get(_SECRET)


def save_tokens(tokens: Tokens) -> None:
    """Every refresh rotates the refresh token: the new one replaces the old at once."""
    _set(
        _TOKENS,
        json.dumps(
            {
                "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token,
                "expires_at": tokens.expires_at,
            }
        ),
    )


def tokens() -> Tokens | None:
    raw = _get(_TOKENS)
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return Tokens(
            str(data["access_token"]), str(data["refresh_token"]), int(data["expires_at"])
        )
    except (ValueError, KeyError, TypeError):
        return None  # an entry from elsewhere: treated as not connected


def forget_all() -> None:
    for name in (_SECRET, _TOKENS):
        try:
            keyring.delete_password(SERVICE, name)
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            raise KeychainError(
                f"cannot delete the Strava {name} from the keychain: {exc}"
            ) from exc


def _get(name: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError as exc:
        raise KeychainError(f"cannot read the Strava {name} from the keychain: {exc}") from exc


def _set(name: str, value: str) -> None:
    try:
        keyring.set_password(SERVICE, name, value)
    except KeyringError as exc:
        raise KeychainError(f"cannot store the Strava {name} in the keychain: {exc}") from exc
