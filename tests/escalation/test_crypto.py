"""The report key (environment, development file, production refusal), encryption, receipts."""
from __future__ import annotations

import base64
import logging
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.escalation.crypto import (
    RECEIPT_ALPHABET, Cipher, ReportKeyError, hash_receipt, new_receipt, normalise_receipt, verify_receipt,
)


def test_development_mode_generates_a_private_key_file_and_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    cipher = Cipher.from_settings(None, tmp_path / "data", production=False)
    key_file = tmp_path / "data" / "report.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(base64.b64decode(key_file.read_text())) == 32
    warning = caplog.records[-1]
    assert warning.levelno == logging.WARNING and "POLICYBOT_REPORT_KEY" in warning.getMessage()
    assert "DEVELOPMENT MODE" in warning.getMessage()
    blob = cipher.encrypt("hello", context="SM-2026-0001:text")
    again = Cipher.from_settings(None, tmp_path / "data", production=False)  # the same key next start
    assert again.decrypt(blob, context="SM-2026-0001:text") == "hello"
    assert list(key_file.parent.iterdir()) == [key_file]  # no temporary files left


def test_concurrent_first_starts_agree_on_one_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        ciphers = list(pool.map(lambda _: Cipher.from_settings(None, tmp_path, production=False), range(8)))
    blob = ciphers[0].encrypt("x", context="c")
    assert all(c.decrypt(blob, context="c") == "x" for c in ciphers)


def test_a_damaged_key_file_is_named_in_the_error(tmp_path: Path) -> None:
    (tmp_path / "report.key").write_text("damaged")
    with pytest.raises(ReportKeyError, match="report.key does not hold a valid report key"):
        Cipher.from_settings(None, tmp_path, production=False)


def test_production_without_a_key_refuses_to_start(tmp_path: Path) -> None:
    with pytest.raises(ReportKeyError, match="POLICYBOT_REPORT_KEY is not set") as caught:
        Cipher.from_settings(None, tmp_path, production=True)
    assert "base64" in str(caught.value)
    assert not (tmp_path / "report.key").exists()


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"short").decode()])
def test_a_malformed_key_is_named_in_the_error(bad: str, tmp_path: Path) -> None:
    with pytest.raises(ReportKeyError, match="POLICYBOT_REPORT_KEY"):
        Cipher.from_settings(bad, tmp_path, production=True)


def test_url_safe_and_standard_base64_are_both_accepted() -> None:
    raw = bytes(range(250, 256)) * 5 + b"\xfb\xff"
    standard, urlsafe = base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode()
    assert standard != urlsafe
    blob = Cipher.from_key(standard).encrypt("x", context="c")
    assert Cipher.from_key(urlsafe).decrypt(blob, context="c") == "x"


def test_a_ciphertext_is_bound_to_its_case_and_column() -> None:
    cipher = Cipher.from_key(Cipher.generate_key())
    blob = cipher.encrypt("secret", context="SM-2026-0001:text")
    assert b"secret" not in blob
    assert cipher.encrypt("secret", context="SM-2026-0001:text") != blob  # random nonce
    for context in ("SM-2026-0002:text", "SM-2026-0001:message"):
        with pytest.raises(ValueError):
            cipher.decrypt(blob, context=context)
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(ValueError):
        cipher.decrypt(tampered, context="SM-2026-0001:text")


def test_receipts_are_readable_random_and_stored_only_as_slow_hashes() -> None:
    receipts = {new_receipt() for _ in range(200)}
    assert len(receipts) == 200
    for receipt in list(receipts)[:20]:
        groups = receipt.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4] and set("".join(groups)) <= set(RECEIPT_ALPHABET)
    assert not set("01IO") & set(RECEIPT_ALPHABET)
    receipt = new_receipt()
    stored = hash_receipt(receipt)
    assert stored.startswith("scrypt$") and normalise_receipt(receipt) not in stored
    assert hash_receipt(receipt) != stored  # a salt per case
    assert verify_receipt(receipt.lower().replace("-", " "), stored)
    assert not verify_receipt(new_receipt(), stored)
    assert not verify_receipt(receipt, "garbage")


def test_derived_receipts_depend_on_the_key_and_the_scope() -> None:
    one, two = Cipher.from_key(Cipher.generate_key()), Cipher.from_key(Cipher.generate_key())
    assert one.derive_receipt("slack:U1:ev1") == one.derive_receipt("slack:U1:ev1")
    assert one.derive_receipt("slack:U1:ev1") != one.derive_receipt("slack:U2:ev1")
    assert one.derive_receipt("slack:U1:ev1") != two.derive_receipt("slack:U1:ev1")
    assert one.pseudonym("slack:U1") != two.pseudonym("slack:U1")
