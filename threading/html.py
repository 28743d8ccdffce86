"""The model as one self-contained HTML file: replies nest in foldable `<details>`.

No scripts, no external resources: the file opens anywhere and shows the same tree the
reader does. Every piece of dump text is escaped; nothing from the input becomes markup.
"""

from __future__ import annotations

from html import escape

from .export import article_body, author_label, explain_link
from .model import Comment, Discussion, Role

_CSS = """
body { font: 16px/1.45 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
header p { margin: .4rem 0; }
details { margin: .35rem 0 .35rem .9rem; padding-left: .6rem; border-left: 2px solid #d7dbe0; }
details > summary { cursor: pointer; color: #555; font-size: .9rem; }
details > summary b { color: #1d1d1f; }
.body p { margin: .25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.placeholder > .body { color: #888; font-style: italic; }
.why { color: #2a6f97; font-size: .85rem; }
.chrome { color: #777; }
footer { margin-top: 2rem; color: #888; font-size: .8rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #161618; } details > summary b { color: #e6e6e6; }
  details { border-color: #3a3d42; }
}
"""


def _summary(c: Comment) -> str:
    parts = [f"<b>{escape(author_label(c))}</b>"]
    if c.date:
        parts.append(escape(c.date))
    parts.append(f"line {c.span.first}")
    if c.placeholder:
        parts.append("placeholder")
    return " · ".join(parts)


def to_html(d: Discussion, *, explain: bool = False) -> str:
    """A complete HTML document of the discussion."""
    title = escape(d.title or "(untitled)")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(d.language or "und")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="threadloom">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
    ]
    if d.article is not None:
        for line in article_body(d.article):
            tag = "h2" if line.role == Role.HEADING else "p"
            out.append(f"<{tag}>{escape(line.text)}</{tag}>")
    out.append("</header>")
    if d.chrome:
        n = d.chrome_line_count
        out.append(f'<details class="chrome"><summary>page chrome ({n} lines)</summary>')
        out += [f"<p>{escape(line.text)}</p>" for b in d.chrome for line in b.lines]
        out.append("</details>")
    out.append(f"<h2>Comments ({len(d.comments)} in {d.thread_count} threads)</h2>")
    out.append("<main>")
    # Depth-first with an explicit stack of open <details>: no recursion, any depth.
    open_ids: list[str] = []
    for c in d.descendants(None):
        while open_ids and open_ids[-1] != c.parent:
            out.append("</details>")
            open_ids.pop()
        css = "c placeholder" if c.placeholder else "c"
        out.append(f'<details open class="{css}" id="c{c.index}">')
        out.append(f"<summary>{_summary(c)}</summary>")
        out.append('<div class="body">')
        out += [f"<p>{escape(p)}</p>" for p in c.paragraphs]
        if explain:
            out.append(f'<p class="why">{escape(explain_link(d, c))}</p>')
        out.append("</div>")
        open_ids.append(c.id)
    out += ["</details>"] * len(open_ids)
    out.append("</main>")
    s = d.source
    origin = ("reconstructed" if s.input_format == "text"
              else f"given by the source ({s.input_format})")
    out.append(f"<footer>{escape(s.name)} · {escape(d.language)} · structure {escape(origin)}"
               "</footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
