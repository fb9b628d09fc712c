"""The keychain the built app uses in tests/packaging/test_frozen_app.py.

Copied with tests/strava/file_keyring.py into the folder a `keyringrc.cfg` names as
`keyring-path`, so keyring loads it inside the frozen app. On import it first runs the Secret
Service's session encryption the way secretstorage does with a real keychain (Diffie-Hellman
key agreement, then AES-CBC through `cryptography`) and writes the decrypted text to
STRONGSTRIDE_SECRET_SERVICE_PROBE: the Linux bundle keeps `cryptography` for exactly this.
Secrets then go to the JSON file of tests/strava/file_keyring.py, which the test reads.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from file_keyring import FileKeyring  # tests/strava/file_keyring.py, copied beside this
from secretstorage import util
from secretstorage.dhcrypto import Session


def _secret_service_round_trip(secret: bytes) -> bytes:
    app, service = Session(), Session()
    app.object_path = "/org/freedesktop/secrets/session/1"
    app.set_server_public_key(service.my_public_key)
    service.set_server_public_key(app.my_public_key)
    _, iv, encrypted, _ = util.format_secret(app, secret, "text/plain")
    decryptor = Cipher(algorithms.AES(service.aes_key), modes.CBC(bytes(iv))).decryptor()
    padded = decryptor.update(bytes(encrypted)) + decryptor.finalize()
    return padded[: -padded[-1]]


Path(os.environ["STRONGSTRIDE_SECRET_SERVICE_PROBE"]).write_bytes(
    _secret_service_round_trip(b"refresh token")
)


class FrozenAppKeyring(FileKeyring):
    priority = 1
