"""SVG snapshots of the reader on the fixed discussion (pytest-textual-snapshot).

Update after an intended change with: pytest tests/tui/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

from threadloom.tui.app import make_app

SIZE = (110, 28)


def test_main_screen(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store), terminal_size=SIZE)


def test_comment_selected_with_evidence(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store), press=["j"] * 5,
                        terminal_size=SIZE)


def test_folded(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store), press=["j", "space", "j", "space"],
                        terminal_size=SIZE)


def test_search_with_highlights(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store),
                        press=["slash", *"burokratie", "enter"], terminal_size=SIZE)


def test_filter(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store),
                        press=["slash", *"bazi", "enter", "f"], terminal_size=SIZE)


def test_bookmarks_screen(snap_compare, discussion, store):
    press = ["j", "j", "b", "j", "j", "b", "B"]
    assert snap_compare(make_app(discussion, store=store), press=press, terminal_size=SIZE)


def test_help_screen(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store), press=["question_mark"],
                        terminal_size=(110, 50))


def test_narrow_terminal_stacks_the_panes(snap_compare, discussion, store):
    assert snap_compare(make_app(discussion, store=store), press=["j", "j", "j"],
                        terminal_size=(70, 30))
