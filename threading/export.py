"""The model as JSON (a documented, versioned schema) and as Markdown."""

from __future__ import annotations

from typing import Any

from .model import Article, Comment, Discussion, Line

SCHEMA = "threadloom/1"


def _lines(lines: tuple[Line, ...]) -> list[dict[str, Any]]:
    return [{"n": line.number, "role": str(line.role), "text": line.text} for line in lines]


def _comment(c: Comment) -> dict[str, Any]:
    return {
        "id": c.id,
        "parent": c.parent,
        "lines": [c.span.first, c.span.last],
        "depth": c.depth,
        "author": c.author,
        "author_source": str(c.author_source),
        "date": c.date,
        "language": c.language,
        "confidence": round(c.confidence, 4),
        "evidence": [
            {"cue": e.cue, "detail": e.detail, "weight": round(e.weight, 4)} for e in c.evidence
        ],
        "text": c.text,
        "placeholder": c.placeholder,
        "source_lines": _lines(c.lines),
    }


def to_json(d: Discussion) -> dict[str, Any]:
    """Every field of the model; see README "JSON schema"."""
    article = None
    if d.article is not None:
        a = d.article
        article = {
            "title": a.title,
            "lines": [a.span.first, a.span.last],
            "lead": [line.number for line in a.lead],
            "headings": [line.number for line in a.headings],
            "boilerplate": [line.number for line in a.boilerplate],
            "text": a.text,
            "source_lines": _lines(a.lines),
        }
    s = d.source
    return {
        "schema": SCHEMA,
        "title": d.title,
        "language": d.language,
        "source": {
            "name": s.name,
            "encoding": s.encoding,
            "line_count": s.line_count,
            "fingerprint": s.fingerprint,
            "style": s.style,
            "order": s.order,
            "attacher": s.attacher,
            "input_format": s.input_format,
        },
        "article": article,
        "chrome": [
            {"lines": [b.span.first, b.span.last], "text": b.text, "source_lines": _lines(b.lines)}
            for b in d.chrome
        ],
        "comments": [_comment(c) for c in d.comments],
    }


def _quote(text: str, prefix: str) -> list[str]:
    return [f"{prefix}{para}" for para in text.split("\n")]


def to_markdown(d: Discussion, *, explain: bool = False) -> str:
    """Nested, readable Markdown: replies are nested block quotes."""
    out = [f"# {d.title}", ""]
    if d.article is not None:
        for line in article_body(d.article):
            out += [f"## {line.text}" if line.role == "heading" else line.text, ""]
    if d.chrome:
        n = d.chrome_line_count
        out += [f"*page chrome: {n} lines*", ""]
    out += [f"## Comments ({len(d.comments)} in {d.thread_count} threads)", ""]
    for c in d.comments:
        prefix = "> " * c.depth
        who = author_label(c)
        date = f", {c.date}" if c.date else ""
        head = f"**{who}**{date} · lines {c.span.first}–{c.span.last}"
        out.append(f"{prefix}{head}")
        out.append(prefix.rstrip() if prefix else "")
        # A placeholder's words are ours ("[deleted]"), not the source's: set them apart.
        out += _quote(f"*{c.text}*" if c.placeholder else c.text, prefix)
        if explain:
            out.append(prefix.rstrip() if prefix else "")
            out.append(f"{prefix}*{explain_link(d, c)}*")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def article_body(article: Article) -> tuple[Line, ...]:
    """The article's lines after its title (the title is shown as the heading)."""
    return article.lines[1:] if article.title else article.lines


def author_label(c: Comment) -> str:
    """The author as a heading shows it: "?" when unknown, marked when inferred."""
    who = c.author or "?"
    if c.author_inferred:
        who += " (inferred)"
    return who


def explain_link(d: Discussion, c: Comment) -> str:
    """One line: where the comment was attached, how sure, and why."""
    target = "top level" if c.parent is None else f"reply to line {d[c.parent].span.first}"
    shown = [e for e in c.evidence if abs(e.weight) >= 0.05 or not e.weight][:6]
    cues = "; ".join(e.detail + (f" ({e.weight:+.2f})" if e.weight else "") for e in shown)
    out = f"{target}, confidence {c.confidence:.2f}" + (f" — {cues}" if cues else "")
    if c.author_inferred:
        out += f"; author {c.author} inferred ({c.author_source})"
    return out
