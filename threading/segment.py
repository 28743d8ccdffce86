"""Separate article, page chrome and comments, and group comment lines into comments.

Three page-copy styles are told apart automatically:
- page: author, date and action lines ("Antworten", "Reply", vote counts) frame each
  comment, so boundaries are read off them and the author is given (`page.py`);
- blank: blank lines between paragraphs, which say nothing about comment boundaries by
  themselves (unless the gaps vary: a wider gap then counts as a cue);
- bare: one paragraph a line.
In the last two, each paragraph is scored by `boundary.py`: start a comment or continue.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple

from .article import PageParts, find_parts
from .boundary import gap_habit, starts
from .lines import SourceLine, text_lines
from .model import ChromeBlock, Line, Role
from .page import (
    button_lines,
    classify,
    date_lines,
    dates_close_comments,
    draft_of,
    first_comment,
    levels,
    page_drafts,
)
from .stages import Draft, Layout
from .weights import weights

DEFAULT_THRESHOLD = 0.5


def detect_style(lines: Sequence[SourceLine], dated: set[int] | None = None,
                 actions: dict[str, bool] | None = None) -> str:
    """`dated`: date_lines(lines), when the caller has it; `actions`: a cache of
    page.is_action by text, for `classify` to go on with."""
    texts = text_lines(lines)
    if not texts:
        return "bare"
    dates = len(date_lines(texts) if dated is None else dated)
    if dates >= 2 and dates * 12 >= len(texts):
        return "page"
    buttons = button_lines(texts, actions)  # a page that shows no dates still has its buttons
    if buttons >= 2 and buttons * 12 >= len(texts):
        return "page"
    blanks = len(lines) - len(texts)
    return "blank" if blanks * 3 >= len(texts) else "bare"


def group_paragraphs(
    lines: Sequence[SourceLine], language: str, threshold: float | None = None,
    nested: bool = False, model: Mapping[str, float] | None = None,
    chrome: Sequence[ChromeBlock] = (),
) -> tuple[Draft, ...]:
    """Bare and blank dumps: each paragraph starts a comment or continues the last one.
    `nested`: the indentation nests replies (find_parts), so a change of it starts
    a comment.  `model`: boundary weights instead of the shipped ones (the threshold
    bench fits its own).  `chrome`: the page's blocks taken out of `lines`; a comment
    starts after each (a button or an ad stands between comments, never inside one)."""
    if model is None:
        model = weights("boundary")
    if threshold is None:
        threshold = model.get("_threshold", DEFAULT_THRESHOLD)
    gaps = paragraph_gaps(lines)
    paragraphs = text_lines(lines)
    forced = ([k > 0 and sl.indent != paragraphs[k - 1].indent for k, sl in enumerate(paragraphs)]
              if nested else [])
    if chrome and paragraphs:
        numbers = [sl.number for sl in paragraphs]
        after = {bisect_right(numbers, block.lines[-1].number) for block in chrome}
        forced = forced or [False] * len(paragraphs)
        for k in after - {0, len(paragraphs)}:  # chrome above or below every comment: none
            forced[k] = True
    found = starts([sl.text for sl in paragraphs], [gaps.get(sl.number, 0) for sl in paragraphs],
                   gap_habit(list(gaps.values())), language, threshold, model, forced)
    drafts: list[list[Line]] = []
    chances: list[float] = []
    for sl, begin, chance in zip(paragraphs, found.begins, found.chances, strict=True):
        line = Line(sl.number, sl.text, Role.TEXT)
        if begin:
            drafts.append([line])
            chances.append(chance)
        else:
            drafts[-1].append(line)
    # Text lines only: no author or date for draft_of to look for.
    return tuple(Draft(tuple(d), start_chance=chance)
                 for d, chance in zip(drafts, chances, strict=True))


def paragraph_gaps(lines: Sequence[SourceLine]) -> dict[int, int]:
    """Blank lines before each paragraph (after the first)."""
    gaps: dict[int, int] = {}
    run = 0
    seen = False
    for sl in lines:
        if sl.blank:
            run += 1
            continue
        if seen:
            gaps[sl.number] = run
        seen = True
        run = 0
    return gaps


class StyleReading(NamedTuple):
    """The dump's style, with what telling it found on the way for `classify` to go on
    with."""

    style: str
    dated: set[int]  # the date lines' numbers
    actions: dict[str, bool]  # the is_action answers (a dateless page asks them twice)
    closing: bool  # a page whose dates close their comments (page.dates_close_comments)


def _read_style(lines: Sequence[SourceLine]) -> StyleReading:
    dated = date_lines(lines)
    actions: dict[str, bool] = {}
    style = detect_style(lines, dated, actions)
    return StyleReading(style, dated, actions,
                        style == "page" and dates_close_comments(lines, dated, actions))


def segment(lines: Sequence[SourceLine], language: str = "de") -> Layout:
    reading = _read_style(lines)
    parts = _parts(lines, language, reading)
    if reading.style == "page":
        drafts = page_drafts(parts.rest, reading.dated, reading.actions, reading.closing)
    else:
        drafts = group_paragraphs(parts.rest, language, nested=parts.nested, chrome=parts.chrome)
    return Layout(reading.style, parts.article, parts.chrome,
                  _shown_depths(drafts, parts.rest, parts.nested))


def _parts(lines: Sequence[SourceLine], language: str, reading: StyleReading) -> PageParts:
    """find_parts told what the style shows: where a page's framed comments start; in a
    bare or blank dump, that nothing frames them, so a button is chrome."""
    page = reading.style == "page"
    return find_parts(lines, language,
                      first_comment(lines, reading.dated, reading.actions, reading.closing)
                      if page else None,
                      framed=page)


def _shown_depths(drafts: tuple[Draft, ...], lines: Sequence[SourceLine], nested: bool
                  ) -> tuple[Draft, ...]:
    """The drafts with the depth the page shows for each, where it shows every one: each
    comment indented under its parent, or a "level 2" line above every comment."""
    if nested:
        indent = {sl.number: sl.indent for sl in lines}
        depths: list[int] | None = [indent[d.start] for d in drafts]
    else:
        depths = levels(drafts)
    if depths is None:
        return drafts
    return tuple(replace(d, shown_depth=depth) for d, depth in zip(drafts, depths, strict=True))


def drafts_from_spans(
    lines: Sequence[SourceLine], spans: Iterable[tuple[int, int]],
    nested: bool,
) -> tuple[Draft, ...]:
    """Drafts with boundaries given from outside (gold segmentation in `eval`), with the
    depths the page shows, as `segment` gives them.  `nested`: the indentation nests
    replies (find_parts)."""
    return _spans_drafts(lines, spans, nested, _read_style(lines))


def gold_parts(lines: Sequence[SourceLine], language: str, spans: Iterable[tuple[int, int]]
               ) -> tuple[PageParts, tuple[Draft, ...]]:
    """The page parts as `segment` finds them, and drafts_from_spans for the comments
    (gold segments in `eval`), with one reading of the dump's style for both."""
    reading = _read_style(lines)
    parts = _parts(lines, language, reading)
    return parts, _spans_drafts(lines, spans, parts.nested, reading)


def _spans_drafts(lines: Sequence[SourceLine], spans: Iterable[tuple[int, int]], nested: bool,
                  reading: StyleReading) -> tuple[Draft, ...]:
    roles = classify(lines, reading.style, reading.dated, reading.actions, reading.closing)
    by_number = {line.number: line for line in roles}
    drafts = []
    for first, last in spans:
        members = tuple(by_number[n] for n in range(first, last + 1) if n in by_number)
        if members:
            drafts.append(draft_of(members))
    return _shown_depths(tuple(drafts), lines, nested)
