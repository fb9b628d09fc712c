"""A keychain kept in one JSON file (named by STRONGSTRIDE_TEST_KEYRING), for tests that run the
real command in its own process: `PYTHON_KEYRING_BACKEND=tests.strava.file_keyring.FileKeyring`
selects it the standard way, and the test reads the file to see what was stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ["STRONGSTRIDE_TEST_KEYRING"])

    def _all(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._all()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._all()
        data.pop(f"{service}/{username}", None)
        self.path.write_text(json.dumps(data))
