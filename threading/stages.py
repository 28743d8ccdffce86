"""The values that pass between pipeline stages (before they become the final model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .model import COMMENT_META, Article, AuthorSource, ChromeBlock, Evidence, Line


@dataclass(frozen=True, slots=True)
class Draft:
    """A comment as segmentation found it: its lines, and the author/date if the page gave them."""

    lines: tuple[Line, ...]
    author: str | None = None
    date: str | None = None
    # How deep the page shows the comment, where it shows every comment's depth: by its
    # indentation or a "level 2" line (nesting.py); the tree then needs no guessing.
    shown_depth: int | None = None
    # How likely the comment starts where it does: below 1 where segmentation guessed
    # (bare and blank dumps), so a link's confidence can own that doubt too.
    start_chance: float = 1.0
    # The handle a page shows under the author's name ("Mary K" / "@maryk"), by which
    # replies address the author ("Replying to @maryk").
    handle: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines if line.role not in COMMENT_META)

    @property
    def start(self) -> int:
        return self.lines[0].number


def shows_tree(drafts: Sequence[Draft]) -> bool:
    """Whether the page shows every comment's depth: the tree is then read off it, and
    only the cues (the authors greetings name) are needed of the comments' words."""
    return bool(drafts) and all(d.shown_depth is not None for d in drafts)


@dataclass(frozen=True)
class Layout:
    """What segmentation makes of a dump: article, page chrome, comment drafts."""

    style: str  # bare | blank | page
    article: Article | None
    chrome: tuple[ChromeBlock, ...]
    drafts: tuple[Draft, ...]


class Link(NamedTuple):  # a tuple: one a comment, built at a third of a dataclass's cost
    """An attacher's decision for one comment (index into the drafts)."""

    parent: int | None  # None: top level
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    author: str | None = None
    author_source: AuthorSource = AuthorSource.NONE


@dataclass(frozen=True)
class AttachContext:
    order: str = "depth-first"  # or "chronological"
    language: str = "de"
    article: Article | None = None
    comment_languages: tuple[str, ...] = field(default_factory=tuple)
    # The comments as features.read_comments read them, when the pipeline has it: the
    # scored attacher then need not read them again.
    reading: Reading | None = None


if TYPE_CHECKING:
    from .features import Reading


Attacher = Callable[[Sequence[Draft], AttachContext], tuple[Link, ...]]
