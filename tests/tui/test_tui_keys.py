"""Every key binding, driven through Pilot on the fixed discussion (see conftest.py)."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from threadloom.tui.app import ThreadloomApp, make_app
from threadloom.tui.outline import ARTICLE, CHROME
from threadloom.tui.screens.bookmarks import BookmarksScreen
from threadloom.tui.screens.help import HelpScreen
from threadloom.tui.widgets.thread_tree import ThreadTree
from tui_fixtures import SIZE  # (columns, rows)


def keys(app: ThreadloomApp) -> list[str]:
    return [row.key for row in app.tree.outline.rows]


async def at(pilot, app: ThreadloomApp, key: str) -> None:
    app.tree.select(key)
    await pilot.pause()


async def test_opens_on_the_article_with_chrome_folded(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.tree.key == ARTICLE
        assert keys(app) == [ARTICLE, CHROME, *"abcdefgh"]
        assert isinstance(app.focused, ThreadTree)


@pytest.mark.parametrize(("press", "expected"), [
    (["j"], CHROME), (["down"], CHROME), (["j", "j", "j"], "b"),
    (["j", "j", "k"], CHROME), (["j", "j", "up"], CHROME),
])
async def test_next_previous(app, press, expected):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*press)
        assert app.tree.key == expected


async def test_next_stops_at_the_end_and_previous_at_the_top(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        assert app.tree.key == ARTICLE
        await pilot.press("G", "j")
        assert app.tree.key == "h"


@pytest.mark.parametrize("key", ["space", "enter"])
async def test_space_and_enter_fold_and_unfold(app, key):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "a")
        await pilot.press(key)
        assert keys(app) == [ARTICLE, CHROME, "a", "f", "g", "h"]
        assert app.tree.key == "a"
        await pilot.press(key)
        assert keys(app) == [ARTICLE, CHROME, *"abcdefgh"]


async def test_chrome_unfolds_into_its_lines(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "space")
        assert keys(app)[2:5] == ["@chrome:4", "@chrome:5", "@chrome:6"]


@pytest.mark.parametrize("key", ["h", "left"])
async def test_h_folds_then_goes_to_parent(app, key):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "b")
        await pilot.press(key)
        assert "c" not in keys(app) and app.tree.key == "b"
        await pilot.press(key)
        assert app.tree.key == "a"


@pytest.mark.parametrize("key", ["l", "right"])
async def test_l_unfolds_then_goes_to_first_reply(app, key):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "a")
        await pilot.press("space")
        await pilot.press(key)
        assert "b" in keys(app) and app.tree.key == "a"
        await pilot.press(key)
        assert app.tree.key == "b"


async def test_p_goes_to_parent(app):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "d")
        await pilot.press("p")
        assert app.tree.key == "c"
        await pilot.press("p", "p", "p")
        assert app.tree.key == ARTICLE


async def test_brackets_move_between_siblings(app):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "b")
        await pilot.press("right_square_bracket")
        assert app.tree.key == "e"
        await pilot.press("left_square_bracket")
        assert app.tree.key == "b"
        await pilot.press("left_square_bracket")  # no earlier sibling: stays
        assert app.tree.key == "b"


async def test_braces_move_between_threads(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_curly_bracket")
        assert app.tree.key == "a"
        await pilot.press("right_curly_bracket")
        assert app.tree.key == "f"
        await at(pilot, app, "g")
        await pilot.press("left_curly_bracket")  # inside a thread: to its start first
        assert app.tree.key == "f"
        await pilot.press("left_curly_bracket")
        assert app.tree.key == "a"


@pytest.mark.parametrize(("first", "last"), [("g", "G"), ("home", "end")])
async def test_first_and_last(app, first, last):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(last)
        assert app.tree.key == "h"
        await pilot.press(first)
        assert app.tree.key == ARTICLE


async def test_page_down_and_up(app):
    async with app.run_test(size=(100, 12)) as pilot:
        await pilot.press("pagedown")
        assert app.tree.cursor > 3
        await pilot.press("pageup")
        assert app.tree.key == ARTICLE


async def test_z_folds_all_and_shift_z_unfolds_all(app):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "c")
        await pilot.press("z")
        assert keys(app) == [ARTICLE, CHROME, "a", "f", "h"]
        assert app.tree.key == "a"  # the cursor's comment was hidden: its thread is kept
        await pilot.press("Z")
        assert keys(app) == [ARTICLE, CHROME, *"abcdefgh"]


@pytest.mark.parametrize(("depth", "shown"), [
    ("1", ["a", "f", "h"]), ("2", ["a", "b", "e", "f", "g", "h"]),
    ("3", ["a", "b", "c", "e", "f", "g", "h"]), ("9", list("abcdefgh")),
])
async def test_digits_fold_to_depth(app, depth, shown):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(depth)
        assert keys(app) == [ARTICLE, CHROME, *shown]


async def test_slash_searches_incrementally_accent_insensitive(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"burokratie")
        assert isinstance(app.focused, Input)
        assert app.matches == ["a", "g"]
        assert app.tree.key == "a"
        await pilot.press("enter")
        assert isinstance(app.focused, ThreadTree)
        assert "match 1/2" in str(app.query_one("#status").render())


async def test_search_reveals_folded_matches(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z", "slash", *"stimmt", "enter")
        assert app.tree.key == "d"
        assert "d" in keys(app)


async def test_n_and_shift_n_cycle_through_matches(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"bazi", "enter")
        assert app.tree.key == "c"
        await pilot.press("n")
        assert app.tree.key == "g"
        await pilot.press("n")  # wraps
        assert app.tree.key == "c"
        await pilot.press("N")
        assert app.tree.key == "g"


async def test_n_without_a_search_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert app.tree.key == ARTICLE
        assert "press / to search" in str(app.query_one("#status").render())


async def test_regex_search_and_a_bad_regex(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"re:Bazi|täglich")
        assert app.matches == ["c", "e", "g"]
        await pilot.press("backspace", *"(")
        assert app.search_error and "bad regular expression" in app.search_error
        assert "bad regular expression" in str(app.query_one("#status").render())


async def test_f_filters_to_matches_with_ancestors_and_escape_clears(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"bazi", "enter", "f")
        assert app.filtered
        assert keys(app) == [ARTICLE, "a", "b", "c", "f", "g"]
        await pilot.press("escape")
        assert not app.filtered and app.matches == ["c", "g"]
        assert keys(app) == [ARTICLE, CHROME, *"abcdefgh"]
        await pilot.press("escape")
        assert app.query_ is None and app.matches == []


async def test_filter_keeps_the_cursor_on_a_match(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"bazi", "enter")
        assert app.tree.key == "c"
        await pilot.press("f")
        assert app.tree.key == "c"
        await at(pilot, app, "a")
        await pilot.press("f", "f")  # off, on again from a non-match: to the next match
        assert app.tree.key == "c"


async def test_f_again_clears_the_filter(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"bazi", "enter", "f", "f")
        assert not app.filtered


async def test_escape_in_the_search_box_clears_the_search(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"bazi", "escape")
        assert not app.query_one("#search").display
        assert app.query_ is None and isinstance(app.focused, ThreadTree)


async def test_b_toggles_a_bookmark_in_the_store(app, store, discussion):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "c")
        await pilot.press("b")
        [mark] = store.bookmarks(discussion.source.fingerprint)
        assert (mark.comment_id, mark.author, mark.line) == ("c", "Bernd", 10)
        assert mark.excerpt.startswith("Hallo Anna")
        await pilot.press("b")
        assert store.bookmarks(discussion.source.fingerprint) == []


async def test_b_on_the_article_does_nothing(app, store):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        assert store.bookmarks() == []


async def test_shift_b_lists_bookmarks_enter_jumps_d_deletes(app, store, discussion):
    async with app.run_test(size=SIZE) as pilot:
        for key in ("c", "h"):
            await at(pilot, app, key)
            await pilot.press("b")
        await pilot.press("g", "B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("down", "enter")
        assert not isinstance(app.screen, BookmarksScreen)
        assert app.tree.key == "h"
        await pilot.press("B", "d", "escape")
        assert [b.comment_id for b in store.bookmarks()] == ["h"]
        assert app.bookmarked == {"h"}


async def test_question_mark_shows_every_key(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {d for _, d in app.screen.keys}
        for binding in [*ThreadTree.BINDINGS, *ThreadloomApp.BINDINGS]:
            assert binding.tooltip in descriptions
        assert ("1…9", "fold to that depth (1: top level only)") in app.screen.keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_p_palette_folds_to_depth(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"fold to depth 1")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert keys(app) == [ARTICLE, CHROME, "a", "f", "h"]


async def test_ctrl_p_palette_goes_to_a_bookmark(app):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "f")  # its excerpt is full of markup: shown as text, no crash
        await pilot.press("b", "g", "ctrl+p", *"go to bookmark")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.tree.key == "f"


async def test_ctrl_d_and_ctrl_u_scroll_the_detail(discussion, store):
    app = make_app(discussion, store=store)
    async with app.run_test(size=(60, 14)) as pilot:  # narrow: the detail is under the tree
        await at(pilot, app, "a")
        detail = app.query_one("#detail")
        await pilot.press("ctrl+d")
        assert detail.scroll_y > 0
        await pilot.press("ctrl+u")
        assert detail.scroll_y == 0


async def test_q_quits_and_saves_position(app, store, discussion):
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "e")
        await pilot.press("1", "q")
    pos = store.position(discussion.source.fingerprint)
    assert pos is not None and pos.cursor == "a"  # depth 1 hid "e": the cursor went up
    assert set(pos.folded) >= {"a", "f"}


async def test_reopening_restores_cursor_and_folds(discussion, store):
    first = make_app(discussion, store=store)
    async with first.run_test(size=SIZE) as pilot:
        await at(pilot, first, "f")
        await pilot.press("space", "q")
    second = make_app(discussion, store=store)
    async with second.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert second.tree.key == "f"
        assert "g" not in keys(second)


async def test_mouse_click_selects_and_marker_click_folds(app):
    async with app.run_test(size=SIZE) as pilot:
        tree = app.tree
        await pilot.click(ThreadTree, offset=(12, 3))  # row 3: "b", its text
        assert tree.key == "b"
        assert "c" in keys(app)
        await pilot.click(ThreadTree, offset=(4, 3))  # its fold marker, after "│ ├╴"
        assert "c" not in keys(app)


async def test_keymap_remaps_a_binding(discussion, store):
    app = make_app(discussion, store=store, keymap={"next": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert app.tree.key == CHROME
        assert ("x", "next visible comment") in app.key_rows()


async def test_an_empty_dump_opens_and_every_key_is_harmless(store):
    from threadloom.threading.model import Discussion

    empty = Discussion(title="", language="en", article=None, chrome=(), comments=())
    app = make_app(empty, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"jkhlp[]{}gGzZ19", "space", "b", "n", "f", "escape")
        await pilot.press("slash", "x", "enter")
        assert app.tree.key == ARTICLE
        assert app.matches == []


async def test_a_restored_cursor_inside_a_fold_is_revealed(discussion, store):
    store.save_position(discussion.source.fingerprint, "fixture", "d", ["a", "c"])
    app = make_app(discussion, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.tree.key == "d"
        assert "d" in keys(app)


async def test_a_locked_database_is_reported_not_a_crash(app, store, monkeypatch):
    import sqlite3

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "add_bookmark", locked)
    async with app.run_test(size=SIZE) as pilot:
        await at(pilot, app, "c")
        await pilot.press("b")
        assert app.bookmarked == set()
        assert "could not save the bookmark" in str(app.query_one("#status").render())


def test_load_keymap_reads_the_home_file_and_ignores_a_broken_one(home):
    from threadloom.tui.app import KEYMAP_FILE, load_keymap

    home.mkdir(parents=True, exist_ok=True)
    assert load_keymap() == {}
    (home / KEYMAP_FILE).write_text('[keys]\nnext = "x,ctrl+n"\nbad = 3\n', encoding="utf-8")
    assert load_keymap() == {"next": "x,ctrl+n"}
    (home / KEYMAP_FILE).write_text("[keys\n", encoding="utf-8")
    assert load_keymap() == {}


async def test_the_detail_scrolls_to_a_match_in_a_long_comment(store):
    from threadloom.threading.model import Comment, Discussion, Line, Source
    from threadloom.tui.widgets.detail import DetailView

    paragraphs = [f"Absatz {i} ohne Treffer." for i in range(60)] + ["Hier ist die Nadel."]
    c = Comment(id="long", index=0,
                lines=tuple(Line(i + 1, p) for i, p in enumerate(paragraphs)))
    d = Discussion(title="t", language="de", article=None, chrome=(), comments=(c,),
                   source=Source(name="long", fingerprint="l" * 64))
    app = make_app(d, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        detail = app.query_one(DetailView)
        assert detail.scroll_y == 0
        await pilot.press("slash", *"nadel", "enter")
        await pilot.pause()
        assert detail.scroll_y > 0


async def test_a_corrupt_database_is_reported_in_the_app(discussion, home):
    from threadloom.tui.store import DB_NAME, Store

    home.mkdir(parents=True)
    (home / DB_NAME).write_bytes(b"garbage, not sqlite" * 50)
    store = Store()
    app = make_app(discussion, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert "database was unreadable" in str(app.query_one("#status").render())
        await pilot.press("j", "j", "b")  # and bookmarks work in the fresh database
        assert store.bookmarked_ids(discussion.source.fingerprint) == {"a"}
