"""Bytes in, text out: read a dump from a path or stdin and find its encoding."""

from __future__ import annotations

import codecs
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

_SNIFF = 8192
# Control bytes that text never holds (BEL, BS, tab, newlines, form feed and ESC excluded:
# terminal junk pasted into a dump has those).
_BINARY_CONTROLS = bytes(range(1, 7)) + bytes(range(14, 27)) + bytes(range(28, 32))


class InputError(Exception):
    """A dump that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    name: str = "-"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


def fingerprint(text: str) -> str:
    """Identity of a dump's content, independent of its encoding and line endings."""
    return hashlib.sha256(normalise_newlines(text).encode("utf-8")).hexdigest()


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str = "-") -> Decoded:
    """BOM first, then strict UTF-8, then cp1252 (German and Danish text saved on Windows)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, name)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding} text ({exc.reason})") from None
    if _looks_binary(data[:_SNIFF]) or _looks_binary(data[-_SNIFF:]):
        raise InputError(f"{name}: binary data (NUL bytes), not a text dump")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined; map them through latin-1 rather than fail.
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:
        text = "".join(
            ch if ch != "\ufffd" else bytes([b]).decode("latin-1")
            for ch, b in zip(text, data, strict=True)
        )
    return Decoded(text, "cp1252", name)


def _looks_binary(sample: bytes) -> bool:
    """NULs beyond a stray one or two, or NULs with other binary control bytes.

    A lone NUL pasted into a text dump is shown neutralised, not refused.
    """
    nuls = sample.count(0)
    if not nuls:
        return False
    return nuls * 100 > len(sample) or any(b in _BINARY_CONTROLS for b in sample)


def read_source(path: str | Path) -> Decoded:
    """Read a dump from a path, or from stdin when the path is "-"."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a dump file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, str(p))
