"""Rich Text for tree rows and the detail pane, built only from plain strings.

Dump text may hold Rich markup, escape sequences or a megabyte on one line: it is always
appended as plain text (never parsed as markup) and capped before it reaches the screen.
"""

from __future__ import annotations

from rich.text import Text
from threadloom.threading.model import (
    LOW_CONFIDENCE,
    AuthorSource,
    Comment,
    Discussion,
    Line,
    Role,
    excerpt,
)

from .search import Query

MAX_DETAIL_CHARS = 20_000  # per paragraph in the detail pane; the rest is counted, not shown
MAX_LABEL_CHARS = 240  # the tree shows one screen line per comment at most
MATCH_LEAD = 30  # a search match further into a row's text than this is scrolled into view

MATCH_STYLE = "bold black on yellow"
MARK_BOOKMARK = "★"
MARK_LOW = "△"
FOLDED, OPEN, LEAF = "▸", "▾", "·"


def counted(n: int, word: str) -> str:
    """"1 line", "3 lines", "1,024 lines": the English plural of a count."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def author_text(c: Comment, query: Query | None = None) -> Text:
    """The author: bold when the page gave it, italic with "~" when inferred, "?" unknown."""
    if not c.author:
        return Text("?", style="dim")
    name = " ".join(c.author.split())[:60]
    if c.author_inferred:
        out = Text("~", style="italic cyan")
        out.append_text(_highlighted(name, query, "italic cyan"))
        return out
    return _highlighted(name, query, "bold cyan")


def author_source_words(c: Comment) -> str:
    if not c.author:
        return "author unknown"
    if c.author_source == AuthorSource.GREETING:
        return "inferred: a reply greets this author by name"
    if c.author_source == AuthorSource.CONVERSATION:
        return "inferred: the conversation's turns (A answers B, B answers A)"
    if c.author_source == AuthorSource.GIVEN:
        return "given on the page"
    return "source unknown"


def _highlighted(text: str, query: Query | None, style: str = "") -> Text:
    out = Text(text, style=style)
    if query is not None:
        for start, end in query.spans(text):
            out.stylize(MATCH_STYLE, start, end)
    return out


def tree_label(
    c: Comment,
    *,
    folded_replies: int = 0,
    bookmarked: bool = False,
    query: Query | None = None,
    depth_badge: int | None = None,
) -> Text:
    """One row's text after the guides and fold marker."""
    label = Text(no_wrap=True, overflow="ellipsis", end="")
    if depth_badge is not None:
        label.append(f"⋯{depth_badge} ", style="dim")
    label.append_text(author_text(c, query))
    if c.confidence < LOW_CONFIDENCE:  # a top-level place or a guessed start is doubtful too
        label.append(MARK_LOW, style="yellow")
    if bookmarked:
        label.append(MARK_BOOKMARK, style="bold magenta")
    if folded_replies:  # before the text, so a narrow pane never cuts it off
        label.append(f" +{folded_replies}", style="bold yellow")
    label.append(" ")
    first = excerpt(c.text[:MAX_LABEL_CHARS], MAX_LABEL_CHARS)
    spans = query.spans(first) if query is not None else []
    if spans and spans[0][0] > MATCH_LEAD:
        # The match would be cut off in a narrow pane: start the row's text just before it.
        first = "…" + first[spans[0][0] - MATCH_LEAD // 2:]
    if c.placeholder:
        label.append(first, style="dim italic")
    else:
        label.append_text(_highlighted(first, query))
    return label


def article_label(d: Discussion) -> Text:
    label = Text(no_wrap=True, overflow="ellipsis", end="")
    label.append(" ".join((d.title or "(untitled)").split())[:MAX_LABEL_CHARS], style="bold")
    return label


def chrome_label(d: Discussion, style: str = "dim italic") -> Text:
    return Text(f"page chrome ({counted(d.chrome_line_count, 'line')})", style=style, end="")


def chrome_line_label(line: Line, query: Query | None = None) -> Text:
    label = Text(no_wrap=True, overflow="ellipsis", end="")
    label.append(f"L{line.number} ", style="dim")
    label.append_text(_highlighted(" ".join(line.text[:MAX_LABEL_CHARS].split()), query, "dim"))
    return label


def _capped(text: str) -> tuple[str, int]:
    if len(text) <= MAX_DETAIL_CHARS:
        return text, 0
    return text[:MAX_DETAIL_CHARS], len(text) - MAX_DETAIL_CHARS


def _paragraph(out: Text, text: str, query: Query | None, style: str = "",
               end: str = "\n\n") -> None:
    shown, hidden = _capped(text)
    out.append_text(_highlighted(shown, query, style))
    if hidden:
        out.append(f" … ({hidden:,} more characters not shown)", style="dim italic")
    out.append(end)


def comment_detail(d: Discussion, c: Comment, query: Query | None = None) -> Text:
    """The comment as a reader wants it: who, in reply to what, the text; then where it
    sits in the dump and why the reconstructor hung it there."""
    out = Text(end="")
    out.append_text(author_text(c, query))
    out.append(f"  ({author_source_words(c)})", style="dim")
    if c.date:
        out.append(f"  {c.date}", style="dim")
    out.append("\n")
    parent = d.get(c.parent)
    if parent is None:
        out.append("↳ top level: replies to the article", style="dim italic")
    else:
        out.append("↳ reply to ", style="dim italic")
        out.append_text(author_text(parent))
        out.append(": ", style="dim")
        out.append(excerpt(parent.text[:MAX_LABEL_CHARS], 90), style="italic dim")
    out.append("\n\n")
    for para in c.paragraphs:
        _paragraph(out, para, query, "italic dim" if c.placeholder else "")
    out.append("─" * 24 + "\n", style="dim")
    confidence_style = "yellow" if c.confidence < LOW_CONFIDENCE else "green"
    out.append("link confidence ", style="dim")
    out.append(f"{c.confidence:.2f}", style=f"bold {confidence_style}")
    if c.confidence < LOW_CONFIDENCE:
        out.append(f" {MARK_LOW} low", style="yellow")
    span = c.span
    where = f"line {span.first}" if span.first == span.last else f"lines {span.first}–{span.last}"
    out.append(f" · {where} · language {c.language or d.language} · depth {c.depth}",
               style="dim")
    out.append("\n")
    for e in c.evidence:
        out.append("  • ", style="dim")
        out.append(e.cue, style="bold dim")
        out.append(": ", style="dim")
        out.append(" ".join(e.detail.split())[:300], style="dim")
        if e.weight:
            out.append(f" ({e.weight:+.2f})", style="dim")
        out.append("\n")
    out.rstrip()
    return out


_ARTICLE_STYLES = {
    Role.TITLE: "bold",
    Role.LEAD: "italic",
    Role.HEADING: "bold underline",
    Role.BOILERPLATE: "dim italic",
}


def article_detail(d: Discussion, query: Query | None = None) -> Text:
    out = Text(end="")
    lines: tuple[Line, ...] = d.article.lines if d.article is not None else ()
    if not any(line.role == Role.TITLE for line in lines):
        out.append((d.title or "(untitled)") + "\n\n", style="bold")
    for line in lines:
        _paragraph(out, line.text, query, _ARTICLE_STYLES.get(line.role, ""))
    comments, threads = len(d.comments), d.thread_count
    out.append(f"{counted(comments, 'comment')} in {counted(threads, 'thread')} · "
               f"language {d.language} · {counted(d.source.line_count, 'line')} · "
               f"{d.source.style} style", style="dim")
    return out


def chrome_detail(d: Discussion, query: Query | None = None) -> Text:
    out = Text(end="")
    out.append("Page chrome: sidebars, ads, buttons and navigation, wherever the page put "
               "them, kept here so no line of the dump is lost.\n\n", style="dim italic")
    for block in d.chrome:
        for line in block.lines:
            out.append(f"{line.number:>5}  ", style="dim")
            _paragraph(out, line.text, query, end="\n")
    out.rstrip()
    return out
