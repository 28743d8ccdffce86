"""Small text helpers shared by the cue detectors: words, phrase matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# Runs of letters, or of digits, apart ("Juni2015" -> "Juni", "2015"; "Peter_S" -> "Peter", "S").
RUNS = re.compile(r"[^\W\d_]+|\d+")
_TRAILING_CLOSERS = "\"'“”„«»‚‘’)]*_ "
TERMINAL = ".!?…"


def words(text: str) -> list[str]:
    """Lower-cased words (letters and digits, inner hyphens and apostrophes kept)."""
    low = text.lower()
    # Two fast paths that find what WORD finds (the regex reads a character at a time, the
    # string methods run a pass each in C): without hyphens and apostrophes, the words
    # are the runs of letters and digits, and whitespace plus punctuation split them.
    if low.isascii():
        if "-" not in low and "'" not in low:
            return low.translate(_ASCII_SEPARATORS).split()
    else:
        spaced = low
        for mark in _COMMON_MARKS:
            spaced = spaced.replace(mark, " ")
        parts = spaced.split()
        if "".join(parts).isalnum():  # nothing but letters and digits between the spaces
            return parts
    return WORD.findall(low)


# Every ASCII character that is neither a letter, a digit, a hyphen nor an apostrophe.
_ASCII_SEPARATORS = {code: " " for code in range(128)
                     if not chr(code).isalnum() and chr(code) not in "-'"}
_COMMON_MARKS = ".,?!:;()\""


def head(text: str, limit: int = 200) -> str:
    """The start of a paragraph, lower-cased and with leading quotes/dashes removed."""
    return text[:limit].lstrip(" \t-–—•*>\"'“„»«‚").lower()


def alternation(phrases: Iterable[str]) -> str:
    """Literal phrases as one regex alternation, longest first (so "sehe ich nicht ganz so"
    wins over "sehe ich nicht"); a pattern that never matches when there are none."""
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)) or "(?!)"


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile(rf"^(?:{alternation(phrases)})(?=$|[^\w])")


@cache
def _phrase_table(phrases: tuple[str, ...]) -> dict[str, re.Pattern[str] | None]:
    """One pattern per first character: the regex engine tries alternatives one by one, and
    only the phrases that start like the paragraph can match."""
    lowered = [p.lower() for p in phrases]
    empty = [p for p in lowered if not p]  # would match anywhere: in every bucket
    table: dict[str, re.Pattern[str] | None] = {"": _phrase_pattern(empty)}
    for ch in {p[0] for p in lowered if p}:
        table[ch] = _phrase_pattern([p for p in lowered if p.startswith(ch)] + empty)
    return table


def starts_with(text: str, phrases: Iterable[str], *, opening: str | None = None) -> str | None:
    """The phrase a paragraph opens with (whole words only), or None.  `opening` is the
    paragraph's `head()` when the caller has it already."""
    opening = head(text) if opening is None else opening
    table = _phrase_table(tuple(phrases))
    pattern = table.get(opening[:1], table[""])
    if pattern is None:
        return None
    m = pattern.match(opening)
    return m.group(0) if m else None


@cache
def choice_table(groups: tuple[tuple[str, ...], ...]) -> dict[str, re.Pattern[str]]:
    """For `first_of`: per first character, one pattern with a named group per list (g0,
    g1, ...), the lists in order and each list's phrases longest first."""
    lowered = [[p.lower() for p in group if p] for group in groups]
    table = {}
    for ch in {p[0] for group in lowered for p in group}:
        branches = []
        for k, group in enumerate(lowered):
            mine = [p for p in group if p.startswith(ch)]
            if mine:
                branches.append(rf"(?P<g{k}>{alternation(mine)})(?=$|[^\w])")
        table[ch] = re.compile("^(?:" + "|".join(branches) + ")")
    return table


def first_of(opening: str, table: dict[str, re.Pattern[str]]) -> tuple[int, str] | None:
    """The first of several phrase lists whose phrase the opening (a `head()`) starts with,
    and that phrase: `starts_with` over the lists in turn, in one match.  Empty phrases,
    which starts_with would report as "" (no phrase), are left out."""
    pattern = table.get(opening[:1])
    m = pattern.match(opening) if pattern is not None else None
    return (int(m.lastgroup[1:]), m.group(0)) if m and m.lastgroup else None


@cache
def _anywhere_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile(rf"(?<![\w])(?:{alternation(p.lower() for p in phrases)})(?![\w])")


def find_phrase(text: str, phrases: Iterable[str]) -> str | None:
    """The first of the phrases found anywhere in the text (whole words), or None."""
    pattern = _anywhere_pattern(tuple(phrases))
    if pattern is None:
        return None
    m = pattern.search(text.lower())
    return m.group(0) if m else None


def last_char(text: str) -> str:
    """The last meaningful character, closing quotes and brackets skipped."""
    stripped = text.rstrip(_TRAILING_CLOSERS)
    return stripped[-1] if stripped else ""


def ends_sentence(text: str) -> bool:
    ch = last_char(text)
    return ch in TERMINAL or _is_symbol(ch)


def _is_symbol(ch: str) -> bool:
    # Emoji and other symbols close a paragraph the way a full stop does.
    return bool(ch) and unicodedata.category(ch) in ("So", "Sk")


def is_url(text: str) -> bool:
    t = text.strip()
    return " " not in t and (t.startswith(("http://", "https://", "www.")))


def titled(text: str, max_chars: int, marks: str = "?") -> bool:
    """A title line: `title_like`, or one short sentence that ends in one of `marks`
    ("Wie sicher sind die neuen Radwege?", "Wozu Klarna?")."""
    t = text.strip()
    if title_like(t, max_chars):
        return True
    if len(t) > max_chars or not t.endswith(tuple(marks)):
        return False
    body = t.rstrip(marks)
    return not any(m in body for m in marks) and _SENTENCE_BREAK.search(body) is None


_SENTENCE_BREAK = re.compile(r"[.!?]\s")


def title_like(text: str, max_chars: int = 160) -> bool:
    """Short, without closing punctuation: a headline or sub-heading."""
    t = text.strip()
    if not t or len(t) > max_chars or is_url(t):
        return False
    return last_char(t) not in TERMINAL + ",;:" and not _is_symbol(last_char(t))


def asked_once(known: dict[str, bool], text: str, test: Callable[..., bool], *args) -> bool:
    """test(text, *args), asked once per distinct short text: `known` holds the answers so
    far.  The short lines of a page repeat ("Antworten", authors, dates); long ones rarely,
    and are not kept."""
    if len(text) > 60:
        return test(text, *args)
    found = known.get(text)
    if found is None:
        found = known[text] = test(text, *args)
    return found
