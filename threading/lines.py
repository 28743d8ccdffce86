"""Text to physical lines, each made safe to show in a terminal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from .decode import normalise_newlines

TAB_SIZE = 4


def _control_table() -> dict[int, str]:
    # C0 controls and DEL become their visible Unicode "control pictures" (ESC -> ␛), so an
    # escape sequence shows as text instead of reaching the terminal; C1 controls, bidi
    # overrides and isolates (which could reorder what the user sees) become U+FFFD.
    table = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x09}
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table.update({0x2028: " ", 0x2029: " ", 0xFEFF: ""})
    return table


_SAFE = _control_table()
# The same table for a whole dump: its newlines are left for split_lines to split at.
_SAFE_TEXT = {code: to for code, to in _SAFE.items() if code != 0x0A}
_UNSAFE_TEXT = re.compile("[" + "".join(re.escape(chr(code)) for code in _SAFE_TEXT) + "]")


def display_safe(text: str) -> str:
    """Neutralise control characters and escape sequences; expand tabs."""
    if "\t" in text:
        text = text.expandtabs(TAB_SIZE)
    return text.translate(_SAFE)


class SourceLine(NamedTuple):  # a tuple: a big dump has half a million, built fast
    """One physical line: 1-based number, display-safe text without outer blanks, indent."""

    number: int
    text: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> tuple[SourceLine, ...]:
    """Every physical line, blank ones included, numbered as an editor numbers them."""
    text = normalise_newlines(text)
    raw = _display_safe_text(text).split("\n")
    if not text or text.endswith("\n"):
        # The newline that ends the last line does not start another.  (Asked of the text
        # before translation, which drops U+FEFF: a last line of just that still counts.)
        raw.pop()
    out = []
    for number, line in enumerate(raw, start=1):
        safe = line.rstrip()
        stripped = safe.lstrip()
        out.append(SourceLine(number, stripped, len(safe) - len(stripped)))
    return tuple(out)


def _display_safe_text(text: str) -> str:
    """display_safe for every line of a text at once: one pass instead of one per line, and
    none at all when nothing needs replacing (expandtabs restarts its columns at each
    newline, so tabs expand as they would line by line)."""
    if "\t" in text:
        text = text.expandtabs(TAB_SIZE)
    if _UNSAFE_TEXT.search(text):
        text = text.translate(_SAFE_TEXT)
    return text


_TEXT = attrgetter("text")


def text_lines(lines: Iterable[SourceLine]) -> list[SourceLine]:
    """The lines that are not blank (filtered at C speed: a big page has half a million)."""
    return list(filter(_TEXT, lines))


def runs(lines: Iterable[SourceLine], keep: Callable[[SourceLine], bool]
         ) -> list[list[SourceLine]]:
    """The lines `keep` holds for, in runs of consecutive ones."""
    return [list(run) for kept, run in groupby(lines, key=keep) if kept]
