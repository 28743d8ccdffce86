"""Records with given parents become a Discussion: the part every structured reader shares.

A reader turns its format into `Record`s (source id, parent reference, paragraphs) and a
`Thread`; `build` resolves the references. Sources are messy, so `build` never trusts
them: duplicate ids are renamed, a parent that is not in the file becomes a "missing
message" placeholder, a parent chain that loops is cut at a placeholder, and a deleted
comment is kept as "[deleted]" only while it holds up replies. Nothing is silently moved
to the top level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ..decode import fingerprint
from ..language import detect_language
from ..lines import display_safe
from ..model import Article, AuthorSource, Comment, Discussion, Evidence, Line, Role, Source

GIVEN = Evidence("source", "given by source")
DELETED_TEXT = "[deleted]"
MISSING_TEXT = "missing message"
EMPTY_TEXT = "(no text)"
# Parent references that mean "top level" unless a record really has that id.
ROOT_REFS = frozenset({"0", "-1", "root", "null", "none"})


class Kind(StrEnum):
    COMMENT = "comment"
    DELETED = "deleted"  # removed at the source: kept as "[deleted]" only if it has replies
    MISSING = "missing"  # referenced, not present (a reader may create these itself)
    STUB = "stub"  # a placeholder the source gives itself ("12 more replies")


@dataclass(frozen=True)
class Record:
    id: str
    parent: str | None  # the parent's source id; None: top level
    paragraphs: tuple[str, ...] = ()
    author: str | None = None
    date: str | None = None
    kind: Kind = Kind.COMMENT
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = (GIVEN,)


@dataclass(frozen=True)
class Thread:
    records: tuple[Record, ...]
    title: str = ""
    article: tuple[tuple[Role, str], ...] = ()  # (role, paragraph), title first
    # Parent references that mean "top level": the story, the post, "0".
    root_ids: frozenset[str] = field(default_factory=frozenset)


# -- text helpers shared by the readers --------------------------------------------------


def clean(text: object) -> str:
    """One display-safe line with runs of blanks collapsed."""
    # Split first: display_safe would turn a newline into a visible "␊".
    return display_safe(" ".join(str(text).split())).strip()


def line_paragraphs(text: object) -> tuple[str, ...]:
    """Every non-blank line is a paragraph (JSON, CSV: no hard wrapping)."""
    if text is None:
        return ()
    if isinstance(text, list | tuple):
        return tuple(p for item in text for p in line_paragraphs(item))
    return tuple(c for c in (clean(x) for x in str(text).splitlines()) if c)


def block_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs separated by blank lines; lines inside one are soft-wrapped (mail, Markdown)."""
    out, block = [], []
    for raw in text.splitlines():
        if raw.strip():
            block.append(raw)
        elif block:
            out.append(clean(" ".join(block)))
            block = []
    if block:
        out.append(clean(" ".join(block)))
    return tuple(p for p in out if p)


def article_lines(title: str, *bodies: Iterable[str]) -> tuple[tuple[Role, str], ...]:
    """A Thread's article: the title line (when there is one), then every body paragraph."""
    head = ((Role.TITLE, title),) if title else ()
    return head + tuple((Role.BODY, p) for body in bodies for p in body)


def str_or_none(value: object) -> str | None:
    """Ids and names arrive as strings, numbers or null; lists and objects are not names."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = clean(value)
    return text or None


# -- building ----------------------------------------------------------------------------


@dataclass
class _Node:
    key: str
    record: Record
    position: float  # where it sorts among its siblings: record order
    parent: str | None = None
    extra: list[Evidence] = field(default_factory=list)


def build(
    thread: Thread,
    *,
    input_format: str,
    text: str,
    name: str = "-",
    encoding: str = "utf-8",
) -> Discussion:
    """Resolve the parent references of a thread's records and lay out the Discussion."""
    nodes = _nodes(thread)
    _break_cycles(nodes)
    children = _children(nodes)
    order = _depth_first(children)
    keep = _kept(order, nodes, children)
    order = [k for k in order if keep[k]]

    number = 0
    article_lines = []
    for role, para in thread.article:
        number += 1
        article_lines.append(Line(number, para, role))
    article = Article(tuple(article_lines)) if article_lines else None

    sample = [p for _, p in thread.article]
    sample += [p for k in order[:200] for p in nodes[k].record.paragraphs]
    language = detect_language("\n".join(sample))

    comments: list[Comment] = []
    depth: dict[str | None, int] = {None: -1}
    for index, key in enumerate(order):
        node = nodes[key]
        r = node.record
        paragraphs = _shown(r)
        lines = []
        for para in paragraphs:
            number += 1
            lines.append(Line(number, para))
        depth[key] = depth[node.parent] + 1
        gone = r.kind is Kind.DELETED  # who wrote it and when is not shown either
        author = None if gone else r.author
        comments.append(
            Comment(
                id=key,
                index=index,
                lines=tuple(lines),
                parent=node.parent,
                depth=depth[key],
                author=author,
                author_source=AuthorSource.GIVEN if author else AuthorSource.NONE,
                date=None if gone else r.date,
                language=language,
                confidence=r.confidence,
                evidence=(*r.evidence, *node.extra),
                placeholder=r.kind is not Kind.COMMENT,
            )
        )
    given = [c for c in comments if not c.placeholder]
    title = thread.title or (given[0].excerpt if given else name)
    source = Source(
        name=name,
        encoding=encoding,
        line_count=number,
        fingerprint=fingerprint(text),
        style="structured",
        order="depth-first",
        attacher="",
        input_format=input_format,
    )
    return Discussion(title, language, article, (), tuple(comments), source)


def _shown(r: Record) -> tuple[str, ...]:
    if r.kind is Kind.DELETED:
        return (DELETED_TEXT,)
    if r.kind is Kind.MISSING:
        return r.paragraphs or (MISSING_TEXT,)
    return r.paragraphs or (EMPTY_TEXT,)


def _nodes(thread: Thread) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for i, r in enumerate(thread.records):
        key = r.id or f"#{i + 1}"
        extra = []
        if key in nodes:  # a duplicate id: keep both, the first one owns the id
            n = 2
            while f"{key}~{n}" in nodes:
                n += 1
            extra.append(Evidence("source", f"duplicate id {key!r}, renamed"))
            key = f"{key}~{n}"
        nodes[key] = _Node(key, r, float(i), extra=extra)
    missing: dict[str, _Node] = {}
    for node in list(nodes.values()):
        ref = node.record.parent
        if ref is None or ref == "":
            continue
        if ref in nodes:
            node.parent = ref
            continue
        if ref in thread.root_ids or ref.lower() in ROOT_REFS:
            continue
        holder = missing.get(ref)
        if holder is None:
            holder = _Node(
                ref,
                Record(ref, None, kind=Kind.MISSING,
                       evidence=(Evidence("source", f"parent {ref!r} is not in the file"),)),
                node.position - 0.5,
            )
            missing[ref] = holder
        node.parent = ref
    nodes.update(missing)
    return nodes


def _break_cycles(nodes: dict[str, _Node]) -> None:
    """Cut each loop of parent links at its earliest record, under a placeholder."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: known to reach the top level
    for start in list(nodes):
        path: list[str] = []
        key: str | None = start
        while key is not None and state.get(key) is None:
            state[key] = 1
            path.append(key)
            key = nodes[key].parent
        if key is not None and state.get(key) == 1:
            loop = path[path.index(key):]
            first = min(loop, key=lambda k: nodes[k].position)
            holder_key = f"{first}~loop"
            chain = " → ".join([*loop, key])
            nodes[holder_key] = _Node(
                holder_key,
                Record(holder_key, None, kind=Kind.MISSING,
                       evidence=(Evidence("source", f"parent links form a loop: {chain}"),)),
                nodes[first].position - 0.5,
            )
            state[holder_key] = 2
            nodes[first].parent = holder_key
        for k in path:
            state[k] = 2


def _children(nodes: dict[str, _Node]) -> dict[str | None, list[str]]:
    kids: dict[str | None, list[str]] = {}
    for node in sorted(nodes.values(), key=lambda n: n.position):
        kids.setdefault(node.parent, []).append(node.key)
    return kids


def _depth_first(children: dict[str | None, list[str]]) -> list[str]:
    out = []
    stack = list(reversed(children.get(None, ())))
    while stack:  # iterative: a 10,000-deep reply chain must not hit the recursion limit
        key = stack.pop()
        out.append(key)
        stack.extend(reversed(children.get(key, ())))
    return out


def _kept(
    order: Sequence[str], nodes: dict[str, _Node], children: dict[str | None, list[str]]
) -> dict[str, bool]:
    """Placeholders for deleted or missing messages stay only while they hold up replies."""
    keep: dict[str, bool] = {}
    for key in reversed(order):  # children before parents
        kind = nodes[key].record.kind
        if kind in (Kind.DELETED, Kind.MISSING):
            keep[key] = any(keep[c] for c in children.get(key, ()))
        else:
            keep[key] = True
    return keep
