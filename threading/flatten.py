"""A Discussion written back as a flat dump, with the gold tree that dump should give.

`flatten` turns any thread with a known structure into an evaluation case for the
reconstructor: the dump holds what a person copying the page would get (depth-first,
no nesting), and the gold file (format: ../shared/gold/README.md) says where every
comment starts, ends and which comment it answers.

Styles, as in the gold set: `bare` (one paragraph a line), `blank` (a blank line between
paragraphs) and `page` (author line, date line, paragraphs, an action line like
"Antworten", as copied from a forum page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .formats.markup import parse_date
from .lexicon import words
from .model import Comment, Discussion, Role

STYLES = ("bare", "blank", "page")
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Flat:
    text: str
    gold: dict[str, Any]


def _action(language: str) -> str:
    found = words(language, "page", "actions")
    return found[0].capitalize() if found else "Reply"


def page_date(date: str | None, language: str) -> str | None:
    """A date as a forum page prints it, in the thread's language ("1. Juni 2015, 18:06")."""
    moment = parse_date(date)
    if moment is None:
        return date
    months = words(language, "page", "months")
    if len(months) != 12:
        return moment.strftime("%Y-%m-%d %H:%M")
    month = months[moment.month - 1]
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    if language == "en":
        return f"{month.capitalize()} {moment.day}, {moment.year}, {clock}"
    if language == "de":
        month = month.capitalize()
    return f"{moment.day}. {month} {moment.year}, {clock}"


class _Writer:
    def __init__(self, style: str) -> None:
        self.style = style
        self.lines: list[str] = []

    def add(self, text: str) -> int:
        """Write one paragraph; its line number."""
        if self.style == "blank" and self.lines:
            self.lines.append("")
        self.lines.append(text)
        return len(self.lines)


def flatten(d: Discussion, style: str = "bare", *, dump_name: str = "dump.txt") -> Flat:
    """The flat dump of a discussion in a page-copy style, and its gold tree."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r} (known: {', '.join(STYLES)})")
    out = _Writer(style)
    article = None
    if d.article is not None:
        where: dict[Role, list[int]] = {}
        numbers = []
        for line in d.article.lines:
            n = out.add(line.text)
            numbers.append(n)
            where.setdefault(line.role, []).append(n)
        body = where.get(Role.BODY, []) + where.get(Role.HEADING, [])
        article = {
            "title": (where.get(Role.TITLE) or [None])[0],
            "lines": [numbers[0], numbers[-1]],
            "headings": where.get(Role.HEADING, []),
            "lead": where.get(Role.LEAD, []),
            "boilerplate": where.get(Role.BOILERPLATE, []),
            "body": [min(body), max(body)] if body else None,
        }
    chrome = []
    for block in d.chrome:
        numbers = [out.add(line.text) for line in block.lines]
        chrome.append([numbers[0], numbers[-1]])

    spans: dict[str, tuple[int, int]] = {}
    comments = []
    for c in d.descendants(None):  # depth-first, whatever order the model holds them in
        first, last = _write_comment(out, c, d.language)
        spans[c.id] = (first, last)
        entry: dict[str, Any] = {
            "start": first,
            "end": last,
            "parent": spans[c.parent][0] if c.parent is not None else 0,
            "alt_parents": [],
        }
        if c.author:
            entry["author"] = c.author
        comments.append(entry)
    gold = {
        "dump": dump_name,
        "language": d.language,
        "order": "depth-first",
        "style": style,
        "source": f"flattened from {d.source.name} ({d.source.input_format})",
        "article": article,
        "page_chrome": chrome,
        "comments": comments,
    }
    return Flat("\n".join(out.lines) + "\n" if out.lines else "", gold)


def _write_comment(out: _Writer, c: Comment, language: str) -> tuple[int, int]:
    paragraphs = list(c.paragraphs) or ["…"]
    if out.style != "page":
        numbers = [out.add(p) for p in paragraphs]
        return numbers[0], numbers[-1]
    first = out.add(c.author or ANONYMOUS)
    date = page_date(c.date, language)
    if date:
        out.add(date)
    for p in paragraphs:
        out.add(p)
    return first, out.add(_action(language))
