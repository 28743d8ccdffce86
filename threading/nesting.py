"""Replies nested as the page shows them: some copies keep each reply indented under its
parent, some print each comment's depth ("level 2").

Such a dump shows its tree outright.  It is told apart from a page's sidebars (indented
blocks too, see article.py) by how often indented runs come and go, and where they start:
sidebars make a block or two anywhere, nested replies one run per thread, one level in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from .authors import AuthorBook
from .cues import Cues
from .lines import SourceLine, runs, text_lines
from .model import Evidence
from .stages import Draft, Link

NESTED_RUNS = 3  # indented runs a dump needs before its indentation reads as nesting

_UNDER = (Evidence("shown_nested", "the page shows it nested under this comment"),)
_TOP = (Evidence("shown_nested", "the page shows it at the top level"),)


_INDENT = attrgetter("indent")


@dataclass(frozen=True)
class Indentation:
    """What a dump's indentation shows."""

    nested: bool  # replies indented under what they answer
    aside: frozenset[int]  # numbers of the lines in indented runs that are no replies


def read_indentation(lines: Sequence[SourceLine],
                     speaks: Callable[[Sequence[SourceLine]], bool] | None = None
                     ) -> Indentation:
    """Whether the indentation nests replies, and which indented runs are sidebars.

    Each thread's replies make one indented run, and every run starts one level in (a
    reply answers a comment at the top level first); a sidebar is a run or two anywhere.
    So the level most runs start at is the replies' level, and a run starting at another
    is set aside as far as it stays that deep (a reply may follow it at once), in a nested
    dump as in any other.  `speaks`: whether the lines of the runs taken for replies read as
    replies; a sidebar of teasers, one beside each part of an article, makes as many runs
    as a thread does."""
    texts = text_lines(lines)
    if not texts:
        return Indentation(False, frozenset())
    indents = list(map(_INDENT, texts))
    base = min(indents)
    if max(indents) < base + 2:  # most dumps: told at C speed
        return Indentation(False, frozenset())
    indented = runs(texts, lambda sl: sl.indent >= base + 2)
    starts = Counter(run[0].indent for run in indented)
    reply_level = min(starts, key=lambda indent: (-starts[indent], indent))
    replies = [run for run in indented if run[0].indent == reply_level]
    levels = {sl.indent for run in replies for sl in run}
    # Replies under replies show as a second level; without them, it takes a few runs.
    nested = len(replies) >= NESTED_RUNS or (len(replies) >= 2 and len(levels) >= 2)
    if not nested or (speaks is not None and not speaks([sl for run in replies for sl in run])):
        return Indentation(False, frozenset(sl.number for run in indented for sl in run))
    aside: set[int] = set()
    for run in indented:
        if run[0].indent != reply_level:
            for sl in run:
                if sl.indent < run[0].indent:
                    break
                aside.add(sl.number)
    return Indentation(True, frozenset(aside))


def parents_by_depth(depths: Sequence[int]) -> list[int | None]:
    """Each comment's parent: the nearest comment before it that the page shows less deep
    (indented less, or at a lower level)."""
    parents: list[int | None] = []
    open_: list[tuple[int, int]] = []  # (depth, index) of the comments a reply may answer
    for i, depth in enumerate(depths):
        while open_ and open_[-1][0] >= depth:
            open_.pop()
        parents.append(open_[-1][1] if open_ else None)
        open_.append((depth, i))
    return parents


def attach_as_shown(drafts: Sequence[Draft], cues: Sequence[Cues]) -> tuple[Link, ...]:
    """Links as the page shows them (every draft has its `shown_depth`); greetings still
    name the authors of the comments they answer."""
    parents = parents_by_depth([d.shown_depth or 0 for d in drafts])
    book = AuthorBook([d.author for d in drafts])
    for i, parent in enumerate(parents):
        book.after_link(i, parent, parents, cues[i])
    book.settle(parents, cues)
    return tuple(Link(p, 1.0, _TOP if p is None else _UNDER, book.name[i], book.source[i])
                 for i, p in enumerate(parents))
