"""Encryption at rest for report text, and the secrets that stand in for identities.

One 32-byte key (POLICYBOT_REPORT_KEY, base64) is expanded with HKDF into independent sub-keys:
AES-256-GCM for report text, replies and outcomes; HMAC-SHA256 for pseudonyms (the named
reporter, idempotency keys) and for receipts that must be re-derivable on a retried submission.
Each ciphertext is bound to its case and column through the GCM associated data, so a blob copied
into another row does not decrypt.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

log = logging.getLogger(__name__)

KEY_ENV = "POLICYBOT_REPORT_KEY"
KEY_FILE = "report.key"
_VERSION = b"\x01"
_GENERATE_HINT = (
    "generate one with: python -c \"import base64, os; print(base64.b64encode(os.urandom(32)).decode())\""
)

# Receipts: 16 symbols of a 32-symbol alphabet (no 0/O or 1/I look-alikes) = 80 random bits.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
RECEIPT_GROUPS, RECEIPT_GROUP_LEN = 4, 4

# scrypt cost: 16 MiB, ~50 ms here. A receipt has 80 random bits, so the hash guards a secret that
# cannot be guessed anyway; the cost only slows an attacker holding a copy of the database.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class ReportKeyError(RuntimeError):
    """The report key is missing (in production) or malformed. The message names the variable."""


class Cipher:
    """Encrypts and decrypts report text; derives pseudonyms and receipts. Build it once."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ReportKeyError(f"{KEY_ENV} must decode to 32 bytes (got {len(key)}); {_GENERATE_HINT}")
        self._aead = AESGCM(_subkey(key, b"policybot report text v1"))
        self._pseudonym_key = _subkey(key, b"policybot pseudonym v1")
        self._receipt_key = _subkey(key, b"policybot receipt v1")

    @classmethod
    def from_key(cls, encoded: str) -> "Cipher":
        """From the base64 text of POLICYBOT_REPORT_KEY (standard or URL-safe alphabet)."""
        text = encoded.strip()
        try:
            raw = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            raise ReportKeyError(f"{KEY_ENV} is not valid base64; {_GENERATE_HINT}") from None
        return cls(raw)

    @classmethod
    def from_settings(cls, key: str | None, data_dir: Path, production: bool) -> "Cipher":
        """The key from the environment; without one, development mode keeps a generated key in
        <data_dir>/report.key (mode 0600) and says so loudly; production refuses to start."""
        if key:
            return cls.from_key(key)
        if production:
            raise ReportKeyError(
                f"{KEY_ENV} is not set. In production (POLICYBOT_ENV=production) reports are encrypted "
                f"with a key you provide: set {KEY_ENV} to 32 random bytes in base64 and keep a copy "
                f"safe (without it no report can be read); {_GENERATE_HINT}"
            )
        path = Path(data_dir) / KEY_FILE
        created = _create_key_file(path)
        log.warning(
            "DEVELOPMENT MODE: %s is not set; reports are encrypted with a key %s %s. Anyone who can "
            "read that file can read every report. Set %s (and POLICYBOT_ENV=production) before real use.",
            KEY_ENV, "just generated into" if created else "read from", path, KEY_ENV,
        )
        try:
            return cls.from_key(path.read_text(encoding="ascii"))
        except (ReportKeyError, UnicodeDecodeError):
            raise ReportKeyError(
                f"{path} does not hold a valid report key (32 bytes in base64). If reports were stored "
                f"with it, restore the file from a backup; otherwise delete it to generate a new one."
            ) from None

    @staticmethod
    def generate_key() -> str:
        """A fresh key in the form POLICYBOT_REPORT_KEY expects."""
        return base64.b64encode(os.urandom(32)).decode("ascii")

    def encrypt(self, plaintext: str, *, context: str) -> bytes:
        """AES-GCM with a random nonce; `context` (e.g. "SM-2026-0001:text") is authenticated."""
        nonce = os.urandom(12)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext.encode("utf-8"), context.encode())

    def decrypt(self, blob: bytes, *, context: str) -> str:
        if not blob or blob[:1] != _VERSION:
            raise ValueError("unknown ciphertext format")
        try:
            return self._aead.decrypt(blob[1:13], blob[13:], context.encode()).decode("utf-8")
        except InvalidTag:
            # Wrong key or a blob moved to another row: say so without echoing anything.
            raise ValueError(f"cannot decrypt ({context.split(':')[-1]}): wrong {KEY_ENV}?") from None

    def pseudonym(self, value: str) -> str:
        """A keyed hash: equal inputs match, but nobody without the key can test a guess."""
        return hmac.new(self._pseudonym_key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def derive_receipt(self, scope: str) -> str:
        """The receipt for a submission identified by `scope` (reporter + idempotency key), so a
        retried submission can be told the same receipt: it is never stored in the clear."""
        digest = hmac.new(self._receipt_key, scope.encode("utf-8"), hashlib.sha256).digest()
        return _format_receipt(digest)


def new_receipt() -> str:
    """A random receipt, for a submission that carries no idempotency key."""
    return _format_receipt(secrets.token_bytes(32))


def normalise_receipt(receipt: str) -> str:
    """What the person typed, forgiving case, spaces and dashes."""
    return "".join(ch for ch in receipt.upper() if ch.isalnum())


def hash_receipt(receipt: str) -> str:
    """scrypt with a per-case salt, self-describing so the cost can change later."""
    salt = os.urandom(16)
    digest = hashlib.scrypt(normalise_receipt(receipt).encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_receipt(receipt: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            normalise_receipt(receipt).encode(), salt=base64.b64decode(salt),
            n=int(n), r=int(r), p=int(p), dklen=32,
        )
    except (ValueError, binascii.Error):
        return False
    return hmac.compare_digest(digest, base64.b64decode(expected))


def _format_receipt(random_bytes: bytes) -> str:
    # 5 bits per symbol from an integer: uniform because the alphabet has exactly 32 symbols.
    bits = int.from_bytes(random_bytes[:10], "big")
    symbols = [RECEIPT_ALPHABET[(bits >> (5 * i)) & 31] for i in range(RECEIPT_GROUPS * RECEIPT_GROUP_LEN)]
    groups = ["".join(symbols[i : i + RECEIPT_GROUP_LEN]) for i in range(0, len(symbols), RECEIPT_GROUP_LEN)]
    return "-".join(groups)


def _subkey(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def _create_key_file(path: Path) -> bool:
    """Create <path> with a fresh key unless it exists; True if this call created it. Safe when
    several processes start at once: the key is written to a private temporary file and published
    with link(), which fails if another process got there first."""
    if path.exists():
        if path.stat().st_mode & 0o077:
            log.warning("%s is readable by other users; run: chmod 600 %s", path, path)
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(Cipher.generate_key() + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        tmp.unlink(missing_ok=True)
