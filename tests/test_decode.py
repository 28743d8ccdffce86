from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from threadloom.threading.decode import InputError, decode_bytes, fingerprint, read_source

TEXT = "Grüße aus Århus – „Tücken“\nzweite Zeile\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data, encoding):
    decoded = decode_bytes(data, "x.txt")
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def test_cp1252_undefined_bytes_do_not_fail():
    decoded = decode_bytes(b"caf\xe9 \x81 \x9d", "x")
    assert decoded.encoding == "cp1252"
    assert decoded.text.startswith("café")


def test_nul_bytes_are_binary():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.png")


def test_fingerprint_ignores_line_endings():
    assert fingerprint("a\r\nb\r\n") == fingerprint("a\nb\n") == fingerprint("a\rb\r")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


def test_permission_denied(tmp_path, monkeypatch):
    # Tests may run as root, where chmod 000 still reads; fake the OS answer instead.
    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError, match="permission denied"):
        read_source(tmp_path / "locked.txt")


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("cp1252"))))
    decoded = read_source("-")
    assert decoded.text == TEXT
    assert decoded.name == "<stdin>"
