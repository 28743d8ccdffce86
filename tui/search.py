"""Search over the model: case- and accent-insensitive substrings, or `re:` regular expressions.

It runs on the Discussion's plain text, never on widgets, so it stays fast on large dumps:
the folded text of every comment is computed once, and each keystroke is one `in` test (or
one regex search) per comment.  Highlight spans are computed only for what is on screen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from threadloom.threading.model import Discussion

REGEX_PREFIX = "re:"
# Combining marks left behind by NFD ("ü" -> "u" + U+0308): dropping them makes the
# search accent-insensitive.  Whole-string operations keep folding fast in bulk.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


class SearchError(ValueError):
    """A query that cannot be run (a bad regular expression); the message is for the user."""


def fold(text: str) -> str:
    """Lower case, accents dropped: "Bürokratie" -> "burokratie", "Straße" -> "strasse"."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)).casefold()


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """fold(), plus for each folded character the index of the original one it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = ch.lower() if ch.isascii() else fold(ch)
        out.append(piece)
        origin.extend([i] * len(piece))
    return "".join(out), origin


@dataclass(frozen=True)
class Query:
    """A compiled query; `spans(text)` gives (start, end) of each match in the original text."""

    raw: str
    needle: str = ""
    pattern: re.Pattern[str] | None = None

    @property
    def empty(self) -> bool:
        return not self.needle and self.pattern is None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.empty or not text:
            return []
        if self.pattern is not None:
            return [m.span() for m in self.pattern.finditer(text) if m.end() > m.start()]
        folded, origin = fold_with_origin(text)
        out = []
        start = folded.find(self.needle)
        while start >= 0:
            end = start + len(self.needle)
            out.append((origin[start], origin[end - 1] + 1))
            start = folded.find(self.needle, end)
        return out


def compile_query(raw: str) -> Query:
    """Parse what the user typed; raises SearchError with a readable message."""
    if raw.startswith(REGEX_PREFIX):
        source = raw[len(REGEX_PREFIX):]
        if not source:
            return Query(raw)
        try:
            return Query(raw, pattern=re.compile(source, re.IGNORECASE | re.MULTILINE))
        except re.error as exc:
            where = f" at position {exc.pos + 1}" if exc.pos is not None else ""
            raise SearchError(f"bad regular expression: {exc.msg}{where}") from None
    return Query(raw, needle=fold(raw.strip()))


class SearchIndex:
    """The folded text of each comment, built on first use and kept."""

    def __init__(self, discussion: Discussion) -> None:
        self.discussion = discussion
        self._texts: list[str] | None = None
        self._folded: list[str] | None = None
        self._last: tuple[str, list[int]] = ("", [])  # the previous needle and its hits

    @property
    def texts(self) -> Sequence[str]:
        """Each comment's searchable text, unfolded (what regular expressions run on)."""
        if self._texts is None:
            # The author is searchable too ("~Bazi" is found by "bazi"), on its own line so
            # a match never spans name and text.
            self._texts = [f"{c.author}\n{c.text}" if c.author else c.text
                           for c in self.discussion.comments]
        return self._texts

    @property
    def folded(self) -> Sequence[str]:
        if self._folded is None:
            self._folded = [fold(t) for t in self.texts]
        return self._folded

    def find(self, query: Query) -> list[str]:
        """Ids of the comments that match, in dump order."""
        comments = self.discussion.comments
        return [comments[i].id for i in self.find_indices(query)]

    def find_indices(self, query: Query) -> list[int]:
        """Positions (Comment.index) of the comments that match, ascending."""
        if query.empty:
            return []
        if query.pattern is None:
            needle = query.needle
            folded = self.folded
            previous, hits = self._last
            if previous and previous in needle:  # typing on: only earlier hits can still match
                found = [i for i in hits if needle in folded[i]]
            else:
                found = [i for i, f in enumerate(folded) if needle in f]
            self._last = (needle, found)
            return found
        pattern = query.pattern
        return [i for i, t in enumerate(self.texts)
                if any(m.end() > m.start() for m in pattern.finditer(t))]
