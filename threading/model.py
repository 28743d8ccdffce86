"""The discussion model: what every stage produces and the reader displays.

Everything here is a frozen dataclass built from plain strings, so the model can be
shared freely between the reconstructor, the CLI and the TUI.  Line numbers are
1-based physical lines of the dump (blank lines counted), so they line up with gold
files and with what a person sees in an editor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

ROOT = None  # a parent of None means: replies to the article (top level)


class AuthorSource(StrEnum):
    GIVEN = "given"  # printed on the page (page-copy style)
    GREETING = "greeting"  # inferred from a reply that greets or names the author
    CONVERSATION = "conversation"  # inferred from the A-B-A turns of a conversation
    NONE = "none"


class Role(StrEnum):
    """What a line of the dump is."""

    TITLE = "title"
    LEAD = "lead"
    BODY = "body"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"  # disclaimers, captions, "Artikel top billede"
    CHROME = "chrome"  # sidebars, job ads, navigation
    TEXT = "text"  # a paragraph of a comment
    AUTHOR = "author"  # a comment's author line (page style)
    DATE = "date"  # a comment's date line (page style)
    ACTION = "action"  # "Antworten", "Reply", vote counts, a badge under a name (page style)


COMMENT_META = frozenset({Role.AUTHOR, Role.DATE, Role.ACTION})


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank physical line: its number, display-safe text and role."""

    number: int
    text: str
    role: Role = Role.TEXT


@dataclass(frozen=True, slots=True)
class Span:
    first: int
    last: int

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.first <= number <= self.last


@dataclass(frozen=True, slots=True)
class Evidence:
    """One cue that fired for a link: its name, what it saw, and its contribution."""

    cue: str
    detail: str
    weight: float = 0.0

    def __reduce__(self):
        # As its field values: a forked decoder (parallel.py) sends back tens of thousands,
        # and the default (a state set field by field) takes twice as long each way.
        return Evidence, (self.cue, self.detail, self.weight)


@dataclass(frozen=True)
class LineBlock:
    """A run of the dump's lines: the article, or a block of page chrome."""

    lines: tuple[Line, ...]

    @property
    def span(self) -> Span:
        return Span(self.lines[0].number, self.lines[-1].number)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Article(LineBlock):

    def _with(self, *roles: Role) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.role in roles)

    @property
    def title(self) -> str:
        titles = self._with(Role.TITLE)
        return titles[0].text if titles else ""

    @property
    def lead(self) -> tuple[Line, ...]:
        return self._with(Role.LEAD)

    @property
    def body(self) -> tuple[Line, ...]:
        return self._with(Role.BODY, Role.HEADING)

    @property
    def headings(self) -> tuple[Line, ...]:
        return self._with(Role.HEADING)

    @property
    def boilerplate(self) -> tuple[Line, ...]:
        return self._with(Role.BOILERPLATE)


@dataclass(frozen=True)
class ChromeBlock(LineBlock):
    """A run of page chrome (sidebar, ads, navigation), kept, never dropped."""


# A link less sure than this is doubtful: the reader marks it, `eval` counts such links
# apart (evaluate.CONFIDENCE_BANDS).
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    index: int  # position in the dump's order, 0-based
    lines: tuple[Line, ...]  # every line of the comment, metadata lines included
    parent: str | None = ROOT
    depth: int = 0
    author: str | None = None
    author_source: AuthorSource = AuthorSource.NONE
    date: str | None = None
    language: str | None = None
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()
    # A node the source implies but does not hold: "[deleted]", "missing message",
    # "12 more replies not included". Its lines are our own words, not the source's.
    placeholder: bool = False

    @property
    def author_inferred(self) -> bool:
        """The author was worked out (from a greeting or a conversation), not given."""
        return bool(self.author) and self.author_source in (AuthorSource.GREETING,
                                                             AuthorSource.CONVERSATION)

    @property
    def span(self) -> Span:
        return Span(self.lines[0].number, self.lines[-1].number)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.lines if line.role not in COMMENT_META)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def excerpt(self) -> str:
        return excerpt(self.text)


def excerpt(text: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Source:
    name: str = "-"  # path, "-" for stdin, or "sample:NAME"
    encoding: str = "utf-8"
    line_count: int = 0  # physical lines, blank ones counted
    fingerprint: str = ""  # sha256 of the decoded text: the key for user data
    style: str = "bare"  # page-copy style: bare, blank, page
    order: str = "depth-first"
    attacher: str = ""
    input_format: str = "text"  # "text": a flat dump; else the structured reader used


@dataclass(frozen=True)
class Discussion:
    title: str
    language: str
    article: Article | None
    chrome: tuple[ChromeBlock, ...]
    comments: tuple[Comment, ...]
    source: Source = field(default_factory=Source)

    # -- lookup -------------------------------------------------------------
    # cached_property writes to the instance __dict__, which a frozen dataclass allows.
    @cached_property
    def _by_id(self) -> dict[str, Comment]:
        return {c.id: c for c in self.comments}

    @cached_property
    def _children(self) -> dict[str | None, tuple[str, ...]]:
        kids: dict[str | None, list[str]] = {}
        for c in self.comments:
            kids.setdefault(c.parent, []).append(c.id)
        return {k: tuple(v) for k, v in kids.items()}

    def __getitem__(self, comment_id: str) -> Comment:
        return self._by_id[comment_id]

    def __contains__(self, comment_id: object) -> bool:
        return comment_id in self._by_id

    def get(self, comment_id: str | None) -> Comment | None:
        return self._by_id.get(comment_id) if comment_id is not None else None

    # -- navigation ---------------------------------------------------------
    @property
    def roots(self) -> tuple[Comment, ...]:
        return self.children(ROOT)

    def children(self, comment_id: str | None) -> tuple[Comment, ...]:
        """Direct replies of a comment (None: the top-level comments), in order."""
        return tuple(self._by_id[i] for i in self._children.get(comment_id, ()))

    def child_count(self, comment_id: str | None) -> int:
        return len(self._children.get(comment_id, ()))

    def parent(self, comment_id: str) -> Comment | None:
        return self.get(self._by_id[comment_id].parent)

    def ancestors(self, comment_id: str) -> tuple[Comment, ...]:
        """Parent first, up to the top-level comment."""
        chain = []
        current = self.parent(comment_id)
        while current is not None:
            chain.append(current)
            current = self.parent(current.id)
        return tuple(chain)

    def siblings(self, comment_id: str) -> tuple[Comment, ...]:
        """All comments with the same parent, this one included, in order."""
        return self.children(self._by_id[comment_id].parent)

    def next_sibling(self, comment_id: str, step: int = 1) -> Comment | None:
        sibs = self._children.get(self._by_id[comment_id].parent, ())
        at = sibs.index(comment_id) + step
        return self._by_id[sibs[at]] if 0 <= at < len(sibs) else None

    def top_level(self, comment_id: str) -> Comment:
        """The top-level comment of the thread this comment is in."""
        found = self.ancestors(comment_id)
        return found[-1] if found else self._by_id[comment_id]

    def next_top_level(self, comment_id: str, step: int = 1) -> Comment | None:
        return self.next_sibling(self.top_level(comment_id).id, step)

    def descendants(self, comment_id: str | None) -> Iterator[Comment]:
        """Depth-first, the comment itself excluded."""
        stack = list(reversed(self._children.get(comment_id, ())))
        while stack:
            current = stack.pop()
            yield self._by_id[current]
            stack.extend(reversed(self._children.get(current, ())))

    def subtree_size(self, comment_id: str) -> int:
        return sum(1 for _ in self.descendants(comment_id))

    @property
    def thread_count(self) -> int:
        return len(self._children.get(ROOT, ()))

    @property
    def chrome_line_count(self) -> int:
        return sum(len(b.lines) for b in self.chrome)

    # -- the whole dump ------------------------------------------------------
    def placed_lines(self) -> Iterator[tuple[str, Line]]:
        """Every line the model holds, with where it went: article, chrome or a comment id."""
        if self.article is not None:
            for line in self.article.lines:
                yield "article", line
        for block in self.chrome:
            for line in block.lines:
                yield "chrome", line
        for c in self.comments:
            for line in c.lines:
                yield c.id, line


def stable_ids(texts: list[str]) -> list[str]:
    """Ids from each comment's own text plus its occurrence index among equal texts.

    They do not depend on the parent, so bookmarks survive a re-run of the reconstructor
    with other heuristics.
    """
    seen: dict[str, int] = {}
    ids = []
    for text in texts:
        digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        ids.append(f"c{digest}" if n == 0 else f"c{digest}-{n + 1}")
    return ids
