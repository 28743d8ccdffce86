"""Bytes in, text out: read a dump from a path or stdin and find its encoding."""

from __future__ import annotations

import codecs
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

# Any NUL in the first 8 KiB of a file without a UTF-16 BOM means: not a text dump.
_SNIFF = 8192


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
    if b"\x00" in data[:_SNIFF] or b"\x00" in data[-_SNIFF:]:
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
