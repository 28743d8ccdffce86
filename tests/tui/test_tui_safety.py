"""Comment text is data: markup, escapes, control characters and huge lines stay literal."""

from __future__ import annotations

import time

from rich.console import Console
from threadloom.threading.lines import display_safe
from threadloom.threading.model import Comment, Discussion, Line, Source
from threadloom.threading.pipeline import reconstruct
from threadloom.tui.app import make_app
from threadloom.tui.labels import comment_detail, tree_label
from threadloom.tui.search import compile_query
from threadloom.tui.widgets.detail import DetailView
from tui_fixtures import SIZE

HOSTILE_LINES = [
    "[bold red]not bold[/] and [link=https://evil.example]a link[/link] and [/]",
    "escape \x1b[2J\x1b[31mred\x1b[0m and OSC 8 \x1b]8;;https://evil.example\x07x\x1b]8;;\x07",
    "nul \x00 bell \x07 backspace \x08 rtl \u202eevil\u202c and \u2066isolate\u2069",
    "title change \x1b]0;pwned\x07 and a C1 \x9b31m",
]


def _tree_text(app) -> str:
    tree = app.tree
    return "\n".join(tree.render_line(y).text for y in range(tree.size.height))


async def test_hostile_text_renders_literally_in_tree_and_detail(store):
    text = "Article title\n\n" + "\n".join(HOSTILE_LINES) + "\n"
    d = reconstruct(text, attacher="all-root")
    app = make_app(d, store=store)
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(len(d.comments) + 2):
            await pilot.press("j")
            shown = "".join(app.query_one(DetailView).plain_lines)
            assert "\x1b" not in shown and "\x00" not in shown and "\u202e" not in shown
            seen.append(shown)
        await pilot.press("g")
        rows = _tree_text(app)
    assert "[bold red]not bold[/]" in rows  # markup stayed text
    assert "\x1b" not in rows
    everything = "".join(seen)
    assert "␛[2J␛[31mred" in everything  # escapes show as pictures, never reach the terminal
    assert "[link=https://evil.example]a link[/link]" in everything


def test_labels_and_detail_keep_markup_as_plain_text():
    safe = display_safe(HOSTILE_LINES[0] + " " + HOSTILE_LINES[1])
    c = Comment(id="x", index=0, lines=(Line(1, safe),), author="[b]Eve[/b]")
    d = Discussion(title="[red]t", language="en", article=None, chrome=(), comments=(c,))
    label = tree_label(c, query=compile_query("[/]"))
    assert "[bold red]not bold[/]" in label.plain
    assert "[b]Eve[/b]" in label.plain
    detail = comment_detail(d, c, compile_query("link"))
    assert "[link=https://evil.example]a link[/link]" in detail.plain
    console = Console(width=80, record=True, force_terminal=True, color_system="truecolor")
    console.print(detail)
    rendered = console.export_text(styles=True)
    assert "\x1b]8;" not in rendered  # no hyperlink was created from the text
    assert "␛[2J" in rendered


async def test_a_one_megabyte_line_is_capped_and_fast(store):
    huge = "x" * 1_000_000
    c = Comment(id="big", index=0, lines=(Line(1, huge),))
    small = Comment(id="small", index=1, lines=(Line(2, "after the big one"),))
    d = Discussion(title="big", language="en", article=None, chrome=(), comments=(c, small),
                   source=Source(name="big", fingerprint="b" * 64))
    app = make_app(d, store=store)
    async with app.run_test(size=SIZE) as pilot:
        start = time.perf_counter()
        await pilot.press("j")
        shown = "".join(app.query_one(DetailView).plain_lines)
        assert "more characters not shown" in shown
        await pilot.press("j", "slash", *"after", "enter")
        assert app.tree.key == "small"
        assert time.perf_counter() - start < 10  # generous: this is about not hanging
