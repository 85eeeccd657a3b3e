"""Reading user-supplied text (answers, JD, CV, batches) with clear errors for bad input."""

from __future__ import annotations

import sys
from pathlib import Path

from mockpanel.errors import InputFileError

MAX_ANSWER_CHARS = 100_000
MAX_DOCUMENT_CHARS = 1_000_000


def read_text_file(path: Path, what: str, *, allow_empty: bool = False) -> str:
    """Read a UTF-8 text file, refusing missing, unreadable, binary, non-UTF-8 or empty files."""
    if not path.exists():
        raise InputFileError(f"{what} not found: {path}")
    if path.is_dir():
        raise InputFileError(f"{what} is a directory, not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    return decode_text(data, f"{what} {path}", allow_empty=allow_empty)


def read_stdin(what: str) -> str:
    """Read all of standard input as UTF-8 text."""
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    return decode_text(data, f"{what} on standard input")


def decode_text(data: bytes, label: str, *, allow_empty: bool = False) -> str:
    """Decode bytes as UTF-8 text (a BOM is dropped); reject binary and non-UTF-8 data."""
    if b"\x00" in data[:8192]:
        raise InputFileError(f"{label} looks binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{label} is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputFileError(
            f"{label} is too large ({len(text):,} characters; the limit is {MAX_DOCUMENT_CHARS:,})"
        )
    if not allow_empty and not text.strip():
        raise InputFileError(f"{label} is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_answer(text: str, label: str = "answer") -> str:
    """Refuse an empty answer or one too long to be a spoken answer; return it stripped."""
    stripped = text.strip()
    if not stripped:
        raise InputFileError(f"{label} is empty")
    if len(stripped) > MAX_ANSWER_CHARS:
        raise InputFileError(
            f"{label} is too long to be an interview answer ({len(stripped):,} characters; "
            f"the limit is {MAX_ANSWER_CHARS:,})"
        )
    return stripped
