"""Structured inputs: threads whose reply structure the source gives, read without guessing.

`detect(text)` names the format of a decoded input ("text" for a flat dump), and
`read_structured(text, fmt, ...)` turns a structured one into a Discussion. Each reader
lives in its own module; they share `records.build`, which resolves parent references.
"""

from __future__ import annotations

import json
import re
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..decode import InputError

if TYPE_CHECKING:
    from ..model import Discussion

TEXT = "text"
# name -> one line for --help
FORMATS: dict[str, str] = {
    TEXT: "a flat dump: one paragraph a line (reconstructed)",
    "threadloom": "threadloom's own JSON (print --format json)",
    "json": "generic JSON or JSON Lines records (id, parent, text, ...)",
    "reddit": "Reddit thread JSON (a comments page's .json)",
    "hn": "Hacker News JSON (Algolia items or Firebase items with kids)",
    "disqus": "Disqus XML export",
    "wxr": "WordPress export (WXR)",
    "mbox": "mbox mailing-list archive",
    "csv": "CSV with id, parent and text columns",
}
ALIASES = {"jsonl": "json", "hackernews": "hn", "wordpress": "wxr", "native": "threadloom",
           "flat": TEXT, "txt": TEXT, "tsv": "csv", "email": "mbox"}
# The readers are imported when a file needs them, not with this package (every command
# imports it for FORMATS): format -> the module in this package that reads it.
_JSON_READERS = {"json": "generic", "reddit": "reddit", "hn": "hackernews"}
_TEXT_READERS = {"disqus": "disqus", "wxr": "wxr", "mbox": "mbox", "csv": "csvfile"}
_JSON_FORMATS = ("threadloom", *_JSON_READERS)
# A dump may well start with "[quote]" or "{sic}"; JSON starts with an object or a list of them.
_JSON_START = re.compile(r'\s*(\{\s*("|\})|\[\s*(\{|\[|\]))')
_HEAD = 8192


def canonical(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        known = ", ".join(FORMATS)
        raise InputError(f"unknown input format {name!r} (known: {known})")
    return key


def parse_json(text: str) -> Any:
    """A JSON document, or JSON Lines (one value a line) as a list."""
    text = text.lstrip("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as whole:
        message = f"JSON: {whole.msg} at line {whole.lineno}, column {whole.colno}"
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                raise InputError(
                    message
                    + (" (the file ends too early: cut off?)" if _at_end(whole, text) else "")
                ) from None
            if number == 1 and not isinstance(rows[0], dict):
                break
        if rows and all(isinstance(r, dict) for r in rows):
            return rows
        raise InputError(message) from None
    except RecursionError:
        raise InputError("JSON: nested too deeply to read") from None


def _at_end(error: json.JSONDecodeError, text: str) -> bool:
    tail = text.rstrip()
    return error.pos >= len(tail) - 1 or (
        error.msg.startswith("Unterminated string") and '"' not in tail[error.pos + 1:]
    )


def json_kind(doc: Any) -> str:
    from . import hackernews, native, reddit

    if native.looks_like(doc):
        return "threadloom"
    if reddit.looks_like(doc):
        return "reddit"
    if hackernews.looks_like(doc):
        return "hn"
    return "json"


def detect(text: str) -> str:
    """The format of a decoded input, by its content."""
    return sniff(text)[0]


def sniff(text: str) -> tuple[str, Any]:
    """The format, and the parsed JSON document when it is JSON (so it is parsed once)."""
    head = text[:_HEAD].lstrip("\ufeff \t\r\n")
    if _JSON_START.match(head):
        doc = parse_json(text)
        return json_kind(doc), doc
    return _text_kind(head), None


def _text_kind(head: str) -> str:
    from . import csvfile, disqus, mbox, wxr

    if head.startswith("<"):
        if disqus.looks_like(head):
            return "disqus"
        if wxr.looks_like(head):
            return "wxr"
        if head.startswith("<?xml") or head.startswith("<rss"):
            raise InputError("XML, but neither a Disqus nor a WordPress (WXR) export; "
                             "use --input-format to force a format")
    if mbox.looks_like(head):
        return "mbox"
    if csvfile.looks_like(head):
        return "csv"
    return TEXT


def _reader(module: str) -> Any:
    """The `read` function of a reader module of this package."""
    return import_module(f".{module}", __name__).read


def read_structured(
    text: str, fmt: str, *, name: str = "-", encoding: str = "utf-8", doc: Any = None
) -> Discussion:
    """A structured input as a Discussion; `fmt` is a name from FORMATS other than text.

    `doc`: the JSON document `sniff` already parsed from `text`, if any.
    """
    from .records import build

    fmt = canonical(fmt)
    if fmt in _JSON_FORMATS:
        doc = parse_json(text) if doc is None else doc
        if fmt == "threadloom":
            return _reader("native")(doc)
        thread = _reader(_JSON_READERS[fmt])(doc)
    elif fmt in _TEXT_READERS:
        thread = _reader(_TEXT_READERS[fmt])(text)
    else:
        raise InputError(f"{fmt!r} is not a structured format")
    if not thread.records and not thread.article:
        raise InputError(f"{name}: no comments found ({fmt})")
    return build(thread, input_format=fmt, text=text, name=name, encoding=encoding)
