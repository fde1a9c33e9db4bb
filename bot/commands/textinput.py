"""The text a command works on — a draft, a question — from its arguments or standard input.

Shared by `policybot review` and `policybot ask`: the same limits and the same one-line errors.
"""
from __future__ import annotations

from typing import BinaryIO

MAX_CHARS = 10_000  # a post, not a document (the chat router uses the same limit)
EXIT_OK = 0  # any verdict or answer
EXIT_BAD_INPUT = 2


class InputError(ValueError):
    """The text cannot be used as given; the message is the one line shown on stderr."""


def read_text(words: list[str], stdin: BinaryIO | None, stdin_is_tty: bool, noun: str) -> str:
    """The text from `words` (joined with spaces), or from stdin when `words` is `-` or empty and
    stdin is not a terminal; validated (UTF-8, not empty, at most MAX_CHARS). `noun` names the
    text in messages ("draft", "question")."""
    if words == ["-"] or (not words and not stdin_is_tty and stdin is not None):
        # UTF-8 needs at most 4 bytes a character: reading one byte more than that bounds
        # memory and still tells "too long" apart from a character cut in half.
        raw = stdin.read(MAX_CHARS * 4 + 1) if stdin is not None else b""
        if len(raw) > MAX_CHARS * 4:
            raise InputError(f"the {noun} is longer than {MAX_CHARS:,} characters")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(f"the {noun} is not valid UTF-8 (byte {e.start})") from None
    elif not words:
        raise InputError(f"no {noun}: give it as an argument, or '-' to read standard input")
    else:
        text = " ".join(words)
        try:
            text.encode("utf-8")  # argv that was not UTF-8 arrives as lone surrogates
        except UnicodeEncodeError:
            raise InputError(f"the {noun} is not valid UTF-8") from None
    text = text.lstrip("\ufeff")  # a BOM from a Windows editor is not part of the text
    if not text.strip():
        raise InputError(f"the {noun} is empty")
    if len(text) > MAX_CHARS:
        raise InputError(f"the {noun} is longer than {MAX_CHARS:,} characters ({len(text):,})")
    return text
