"""threadloom's own JSON (what `threadloom print --format json` writes), read back.

Everything the export holds is restored as it was: line numbers, roles, links, evidence,
the source block (so bookmarks keyed by the fingerprint still match). Exporting the
result again gives the same JSON.
"""

from __future__ import annotations

from typing import Any

from ..decode import InputError
from ..export import SCHEMA
from ..lines import display_safe
from ..model import (
    Article,
    AuthorSource,
    ChromeBlock,
    Comment,
    Discussion,
    Evidence,
    Line,
    Role,
    Source,
)


def looks_like(doc: Any) -> bool:
    return isinstance(doc, dict) and str(doc.get("schema", "")).startswith("threadloom/")


def _lines(raw: Any, where: str) -> tuple[Line, ...]:
    if not isinstance(raw, list) or not raw:
        raise InputError(f"threadloom: {where} has no source_lines")
    out = []
    for item in raw:
        try:
            out.append(Line(int(item["n"]), display_safe(str(item["text"])), Role(item["role"])))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"threadloom: a line of {where} is malformed: {item!r:.80}") from None
    return tuple(out)


def _safe(value: Any) -> str | None:
    # The file may have been edited by hand or by anyone: no escape sequences get through.
    return None if value is None else display_safe(str(value))


def read(doc: Any) -> Discussion:
    if not looks_like(doc):
        raise InputError("threadloom: not a threadloom JSON export (no schema field)")
    if doc["schema"] != SCHEMA:
        raise InputError(f"threadloom: schema {doc['schema']!r} is not {SCHEMA!r}")
    try:
        article = None
        if doc.get("article") is not None:
            article = Article(_lines(doc["article"]["source_lines"], "the article"))
        chrome = tuple(ChromeBlock(_lines(b["source_lines"], "page chrome"))
                       for b in doc.get("chrome") or ())
        comments = []
        known: set[str] = set()
        for index, c in enumerate(doc["comments"]):
            cid = str(c["id"])
            parent = None if c.get("parent") is None else str(c["parent"])
            if parent is not None and parent not in known:
                raise InputError(f"threadloom: comment {cid!r} replies to {parent!r}, "
                                 "which does not come before it")
            if cid in known:
                raise InputError(f"threadloom: duplicate comment id {cid!r}")
            known.add(cid)
            comments.append(
                Comment(
                    id=cid,
                    index=index,
                    lines=_lines(c["source_lines"], f"comment {cid!r}"),
                    parent=parent,
                    depth=int(c.get("depth") or 0),
                    author=_safe(c.get("author")),
                    author_source=AuthorSource(c.get("author_source") or "none"),
                    date=_safe(c.get("date")),
                    language=c.get("language"),
                    confidence=float(c.get("confidence", 1.0)),
                    evidence=tuple(Evidence(str(e["cue"]), str(e["detail"]),
                                            float(e.get("weight", 0.0)))
                                   for e in c.get("evidence") or ()),
                    placeholder=bool(c.get("placeholder", False)),
                )
            )
        s = doc.get("source") or {}
        source = Source(
            name=str(s.get("name", "-")),
            encoding=str(s.get("encoding", "utf-8")),
            line_count=int(s.get("line_count", 0)),
            fingerprint=str(s.get("fingerprint", "")),
            style=str(s.get("style", "bare")),
            order=str(s.get("order", "depth-first")),
            attacher=str(s.get("attacher", "")),
            input_format=str(s.get("input_format", "text")),
        )
        return Discussion(_safe(doc.get("title")) or "", str(doc.get("language", "")), article,
                          chrome, tuple(comments), source)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"threadloom: malformed export ({type(exc).__name__}: {exc})") from None
