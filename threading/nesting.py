"""Replies nested as the page shows them: some copies keep each reply indented under its
parent, some print each comment's depth ("level 2").

Such a dump shows its tree outright.  It is told apart from a page's sidebars (indented
blocks too, see article.py) by how often indented runs come and go: sidebars make a block
or two, nested replies one run per thread and more.
"""

from __future__ import annotations

from collections.abc import Sequence

from .authors import AuthorBook
from .cues import Cues
from .lines import SourceLine
from .model import Evidence
from .stages import Draft, Link

NESTED_RUNS = 3  # indented runs a dump needs before its indentation reads as nesting

_UNDER = (Evidence("shown_nested", "the page shows it nested under this comment"),)
_TOP = (Evidence("shown_nested", "the page shows it at the top level"),)


def nests_by_indent(lines: Sequence[SourceLine]) -> bool:
    """Whether the indentation of a dump's comment lines shows replies nested under what
    they answer rather than a sidebar."""
    indents = [sl.indent for sl in lines if not sl.blank]
    if not indents or max(indents) < min(indents) + 2:  # most dumps: told at C speed
        return False
    base = min(indents)
    levels = {indent for indent in indents if indent >= base + 2}
    first_level = min(levels)
    runs, inside = 0, False
    for indent in indents:
        indented = indent >= base + 2
        if indented and not inside:
            if indent != first_level:  # a reply is one level in; a sidebar may be anywhere
                return False
            runs += 1
        inside = indented
    # Replies under replies show as a second level; without them, it takes a few runs.
    return runs >= NESTED_RUNS or (runs >= 2 and len(levels) >= 2)


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
