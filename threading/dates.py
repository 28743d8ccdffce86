"""Dates printed on copied pages, as sortable numbers (minutes), in every lexicon's language.

Only the order matters to the reconstructor: a reply is written after its parent, and
sibling replies appear in time order.  Relative dates ("vor 3 Stunden", "12 hours ago")
become negative minutes-ago so they sort with each other; days named relative to today
("gestern, 18:06") sort by their offset and clock; absolute dates sort as
year-month-day-hour-minute, and this year's without the year ("Jun 12") as
month-day-hour-minute.  Mixed kinds are not compared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from .lexicon import available, lexicon
from .lexicon import words as lexicon_words
from .text import RUNS, alternation

_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?m\.?)?", re.IGNORECASE)
_NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@cache
def _relative() -> tuple[re.Pattern[str], tuple[tuple[str, int], ...], frozenset[str]]:
    """"3 Stunden" / "an hour": the amount and the unit word; the units' first letters
    with their minutes, longest first, from every lexicon; and the words after a clock
    time ("18 Uhr"), which no unit's letters ("u": Danish "1 u", a week) may take."""
    one: set[str] = set()
    units: dict[str, int] = {}
    clock: set[str] = set()
    for lang in available():
        one.update(lexicon_words(lang, "page", "one"))
        units.update(lexicon(lang).get("page", {}).get("time_units", {}))
        clock.update(w.lower() for w in lexicon_words(lang, "page", "clock_after"))
    pattern = re.compile(rf"(\d+(?=\s*[^\W\d_])|(?<!\w)(?:{alternation(one)})(?=\s))\s*([^\W\d_]+)",
                         re.IGNORECASE)  # "3 hours", "3h", "an hour"
    return (pattern, tuple(sorted(units.items(), key=lambda kv: -len(kv[0]))),
            frozenset(clock))


@cache
def day_offsets() -> dict[str, int]:
    """Days named relative to today ("gestern", "i dag") -> their offset in days."""
    table: dict[str, int] = {}
    for lang in available():
        for name, offset in lexicon(lang).get("page", {}).get("days", {}).items():
            table[name] = int(offset)
    return table


@cache
def _day_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)({alternation(day_offsets())})(?!\w)")


@cache
def month_numbers() -> dict[str, int]:
    """Month names, their aliases and three-letter abbreviations -> 1..12."""
    table: dict[str, int] = {}
    for lang in available():
        for i, name in enumerate(lexicon_words(lang, "page", "months"), start=1):
            table[name] = i
            table.setdefault(name[:3], i)
            table.setdefault(name[:4], i)
        for alias, number in lexicon(lang).get("page", {}).get("month_aliases", {}).items():
            table[alias] = int(number)
    return table


def _clock(text: str) -> tuple[int, int]:
    m = _CLOCK.search(text)
    if not m:
        return 0, 0
    hour, minute = int(m.group(1)), int(m.group(2))
    if m.group(3) and m.group(3).lower() == "p" and hour < 12:
        hour += 12
    return hour, minute


def _absolute(year: int, month: int, day: int, text: str) -> float:
    hour, minute = _clock(text)
    if year < 100:
        year += 2000
    return float((((year * 12 + month) * 31 + day) * 24 + hour) * 60 + minute)


def sort_key(text: str | None) -> tuple[str, float] | None:
    """("abs", minutes) or ("rel", -minutes ago), or None when the text is no date we know."""
    if not text:
        return None
    t = text.strip().lower()
    if m := _ISO.search(t):
        return "abs", _absolute(int(m.group(1)), int(m.group(2)), int(m.group(3)),
                                t[m.end():])
    months = month_numbers()
    tokens = RUNS.findall(t)
    month = None
    for w in tokens:  # the first month name
        if (month := months.get(w)) is not None:
            break
    if month is not None:
        year = day = None  # the first number that can be each
        for x in tokens:
            # Decimal digits only: "²" is a digit to isdigit() but no number to int().
            if x.isdecimal():
                n = int(x)
                if year is None and n > 999:
                    year = n
                if day is None and 1 <= n <= 31:
                    day = n
        if year and day:
            clock_part = t[t.find(str(year)) + 4:]
            return "abs", _absolute(year, month, day, clock_part)
        if day:  # this year's, "Jun 12": sorts among such only (a page may add the year
            # to older ones)
            hour, minute = _clock(t)
            return "md", float(((month * 31 + day) * 24 + hour) * 60 + minute)
    if m := _NUMERIC.search(t):
        return "abs", _absolute(int(m.group(3)), int(m.group(2)), int(m.group(1)),
                                t[m.end():])
    day = _day_pattern()
    if m := day.search(t):  # "gestern, 18:06": sorts among such
        hour, minute = _clock(t[m.end():])
        return "day", float(day_offsets()[m.group(1)] * 1440 + hour * 60 + minute)
    relative, units, clock = _relative()
    if (m := relative.search(t)) and m.group(2) not in clock:
        amount = int(m.group(1)) if m.group(1).isdecimal() else 1
        unit = m.group(2)
        for prefix, minutes in units:
            if unit.startswith(prefix):
                return "rel", -float(amount * minutes)
    return None


def before(a: tuple[str, float] | None, b: tuple[str, float] | None) -> bool:
    """True when date a is known to be strictly earlier than date b."""
    return a is not None and b is not None and a[0] == b[0] and a[1] < b[1]


def followed_by_earlier(keys: Sequence[tuple[str, float] | None], runs: Direction
                        ) -> list[bool | None]:
    """For each comment (its sort_key), whether a comment after it in the dump is dated
    before it.  Where top-level comments run forward in time, each followed by its replies
    in time order, such a comment cannot be top level: the earlier one after it would
    have no place in the tree; one that is not is likely top level, where the dates are
    fine enough to say so (`runs.fine`: with dates by the hour most comments tie with
    those after them, so only True is told).  None for an undated comment, for the last
    dated one (nothing after it to tell), and for all when the dates do not run forward
    (`runs`: direction(keys)), where the reasoning does not hold."""
    out: list[bool | None] = [None] * len(keys)
    if not runs.forward:
        return out
    earliest: dict[str, float] = {}  # per kind of date, the earliest one after this comment
    for i in range(len(keys) - 1, -1, -1):
        key = keys[i]
        if key is None:
            continue
        kind, value = key
        seen = earliest.get(kind)
        # The last dated comment has nothing to be compared with.
        if seen is not None and (seen < value or runs.fine):
            out[i] = seen < value
        if seen is None or value < seen:
            earliest[kind] = value
    return out


FINE_SHARE = 0.5  # of the dated comments with a date of their own: dates fine enough


class Direction(NamedTuple):
    """Which way a dump's dates run, from those of the kind most comments have, in its
    first half against its second, on average."""

    forward: bool  # later in the second half
    # Earlier in the second half: threads listed newest first (replies may still run
    # forward within them).
    newest_first: bool
    # Fine enough to tell the comments apart: "vor 3 Stunden" on a dozen comments says
    # little of their order (omp pages, dated to the minute: 75-100% of the dates differ;
    # the same threads dated "vor N Stunden": 1-8%).
    fine: bool = False


def direction(keys: Sequence[tuple[str, float] | None]) -> Direction:
    kinds = Counter(key[0] for key in keys if key is not None)
    if not kinds:
        return Direction(False, False)
    kind = kinds.most_common(1)[0][0]
    half = len(keys) // 2
    first = [key[1] for key in keys[:half] if key is not None and key[0] == kind]
    second = [key[1] for key in keys[half:] if key is not None and key[0] == kind]
    if not (first and second):
        return Direction(False, False)
    early, late = sum(first) / len(first), sum(second) / len(second)
    fine = len(set(first + second)) >= FINE_SHARE * (len(first) + len(second))
    return Direction(early < late, early > late, fine)
