"""`threadloom print --format tree`: the reply tree as a Rich Tree."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from rich.tree import Tree
from threadloom.threading.export import explain_link
from threadloom.threading.model import Comment, Discussion, excerpt

from .labels import chrome_label, counted


def comment_label(c: Comment, *, explain: bool = False, d: Discussion | None = None) -> Text:
    # Built from plain strings: dump text may hold Rich markup, which must stay literal.
    label = Text()
    who = c.author or "?"
    label.append(who, style="bold" if c.author_source == "given" else "italic")
    if c.author_inferred:
        label.append(" (inferred)", style="dim")
    if c.date:
        label.append(f" · {c.date}", style="dim")
    label.append(f" · L{c.span.first} ", style="dim")
    label.append(excerpt(c.text, 100))
    if explain and d is not None:
        label.append(f"\n{explain_link(d, c)}", style="cyan")
    return label


def discussion_tree(d: Discussion, *, explain: bool = False) -> Tree:
    root_label = Text(d.title or "(untitled)", style="bold")
    root_label.append(
        f"\n{d.language} · {counted(len(d.comments), 'comment')}"
        f" · {counted(d.thread_count, 'thread')} · {d.source.style}", style="dim"
    )
    tree = Tree(root_label, guide_style="dim")
    if d.article is not None:
        a = d.article
        paragraphs = len(a.lead) + len(a.body)
        node = tree.add(Text(f"article ({counted(paragraphs, 'paragraph')})", style="dim"))
        for line in a.lead[:1] or a.body[:1]:
            node.add(Text(excerpt(line.text, 100), style="dim italic"))
    if d.chrome:
        tree.add(chrome_label(d, style="dim"))
    # Iterative: a deep thread must not hit the recursion limit.
    nodes: dict[str | None, Tree] = {None: tree}
    for c in d.comments:
        nodes[c.id] = nodes[c.parent].add(comment_label(c, explain=explain, d=d))
    return tree


PIPED_WIDTH = 100_000  # a tree written to a file or pipe is cut at no width


def print_tree(d: Discussion, console: Console, *, explain: bool = False) -> None:
    """The tree at the terminal's width; into a file or pipe, every line whole (a tree is
    drawn at the console's width, 80 columns when there is no terminal, which cut the
    evidence of `--explain` off mid-word)."""
    if not console.is_terminal:
        console = Console(file=console.file, highlight=False, width=PIPED_WIDTH)
    console.print(discussion_tree(d, explain=explain), soft_wrap=not console.is_terminal)
