"""Separate article, page chrome and comments, and group comment lines into comments.

This is the simple first version: page-style metadata (author, date and action lines) is
recognised, every other line is a comment paragraph, and each paragraph starts a comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .lines import SourceLine
from .model import Line, Role
from .stages import Draft, Layout

_DATE = re.compile(
    r"^(\d{1,2}\.\s*\w+\.?\s+\d{4},?\s+\d{1,2}:\d{2}"  # 1. Juni 2015, 18:06
    r"|vor \d+ \w+|\d+ \w+ ago|for \d+ \w+ siden)$",
    re.IGNORECASE,
)
_ACTION = re.compile(r"^(Antworten|Melden|Reply|Report|Svar|Like|Gefällt mir|[+-]?\d+)$", re.I)
_AUTHOR = re.compile(r"^\S{1,40}$")


def detect_style(lines: Sequence[SourceLine]) -> str:
    text_lines = [sl for sl in lines if not sl.blank]
    if not text_lines:
        return "bare"
    dates = sum(1 for sl in text_lines if _DATE.match(sl.text))
    if dates >= 2 and dates * 12 >= len(text_lines):
        return "page"
    blanks = len(lines) - len(text_lines)
    return "blank" if blanks * 3 >= len(text_lines) else "bare"


def classify(lines: Sequence[SourceLine], style: str) -> list[Line]:
    """Give every non-blank line a role."""
    out = []
    texts = [sl for sl in lines if not sl.blank]
    for i, sl in enumerate(texts):
        role = Role.TEXT
        if style == "page":
            nxt = texts[i + 1].text if i + 1 < len(texts) else ""
            if _DATE.match(sl.text):
                role = Role.DATE
            elif _ACTION.match(sl.text):
                role = Role.ACTION
            elif _AUTHOR.match(sl.text) and _DATE.match(nxt):
                role = Role.AUTHOR
        out.append(Line(sl.number, sl.text, role))
    return out


def group(lines: Iterable[Line], style: str) -> tuple[Draft, ...]:
    """Page style: a comment starts at an author line or after an action line.
    Otherwise every paragraph is a comment of its own."""
    drafts: list[list[Line]] = []
    for line in lines:
        if not drafts:
            starts = True
        elif style == "page":
            starts = line.role is Role.AUTHOR or drafts[-1][-1].role is Role.ACTION
        else:
            starts = True
        if starts:
            drafts.append([line])
        else:
            drafts[-1].append(line)
    return tuple(_draft(d) for d in drafts)


def _draft(lines: Sequence[Line]) -> Draft:
    author = next((x.text for x in lines if x.role is Role.AUTHOR), None)
    date = next((x.text for x in lines if x.role is Role.DATE), None)
    return Draft(tuple(lines), author, date)


def segment(lines: Sequence[SourceLine]) -> Layout:
    style = detect_style(lines)
    return Layout(style, None, (), group(classify(lines, style), style))


def drafts_from_spans(
    lines: Sequence[SourceLine], spans: Iterable[tuple[int, int]]
) -> tuple[Draft, ...]:
    """Drafts with boundaries given from outside (gold segmentation in `eval`)."""
    style = detect_style(lines)
    by_number = {line.number: line for line in classify(lines, style)}
    drafts = []
    for first, last in spans:
        members = tuple(by_number[n] for n in range(first, last + 1) if n in by_number)
        if members:
            drafts.append(_draft(members))
    return tuple(drafts)
