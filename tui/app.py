"""The reader: a reply tree, the selected comment, search, filter and bookmarks."""

from __future__ import annotations

import bisect
import gc
import os
import sqlite3
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Input, Static
from threadloom.threading.model import Discussion, excerpt

from .commands import ReaderCommands
from .labels import MATCH_STYLE, article_detail, chrome_detail, comment_detail, counted
from .outline import ARTICLE, CHROME, CHROME_LINE, Outline
from .screens.bookmarks import BookmarksScreen
from .screens.help import HelpScreen
from .search import Query, SearchError, SearchIndex, compile_query
from .store import Bookmark, Store, data_home
from .widgets.detail import DetailView
from .widgets.thread_tree import ThreadTree

MESSAGE_SECONDS = 5  # how long a note stays in the status line
NARROW = 100  # columns: below this the comment goes under the tree
KEYMAP_FILE = "keymap.toml"  # [keys] binding-id = "key,key" in the data directory


def load_keymap() -> dict[str, str]:
    """User remaps from THREADLOOM_HOME/keymap.toml; a broken file is ignored, not fatal."""
    path = data_home() / KEYMAP_FILE
    try:
        with path.open("rb") as f:
            keys = tomllib.load(f).get("keys", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {str(k): str(v) for k, v in keys.items() if isinstance(v, str)}


class ThreadloomApp(App[int]):
    """Read a reconstructed discussion with the keyboard (or the mouse)."""

    CSS_PATH = "app.tcss"
    TITLE = "threadloom"
    ENABLE_COMMAND_PALETTE = True
    # below NARROW columns the screen gets "-narrow" (the comment goes under the tree)
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (NARROW, "-wide")]
    COMMANDS = App.COMMANDS | {ReaderCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled as the key arrives, so the rest of a fast "/word" reaches the box
        Binding("slash", "search", "Search", priority=True, id="search",
                tooltip="search (re: for a regular expression)"),
        Binding("n", "next_match(1)", "Next match", id="next-match",
                tooltip="next match"),
        Binding("N", "next_match(-1)", "Prev match", show=False, id="previous-match",
                tooltip="previous match"),
        Binding("f", "filter", "Filter", id="filter",
                tooltip="filter to matches + ancestors (f again: off)"),
        Binding("escape", "clear", "Clear", show=False, id="clear",
                tooltip="clear the filter, then the search"),
        Binding("b", "bookmark", "Bookmark", id="bookmark",
                tooltip="bookmark on / off"),
        Binding("B", "bookmarks", "Bookmarks", id="bookmarks",
                tooltip="bookmarks (enter jumps, d deletes)"),
        Binding("ctrl+d", "scroll_detail(1)", "Detail down", show=False, id="detail-down",
                tooltip="scroll the comment down"),
        Binding("ctrl+u", "scroll_detail(-1)", "Detail up", show=False, id="detail-up",
                tooltip="scroll the comment up"),
        Binding("question_mark", "help", "Help", id="help",
                tooltip="this help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True,
                id="command-palette", tooltip="command palette"),
        Binding("q", "quit", "Quit", id="quit",
                tooltip="quit (the position is kept)"),
    ]

    def __init__(self, discussion: Discussion, *, store: Store | None = None,
                 keymap: dict[str, str] | None = None, keymap_path: Path | None = None) -> None:
        super().__init__()
        self.discussion = discussion
        self.store = store
        self.keymap = keymap or {}
        self.keymap_path = keymap_path  # shown in the help screen, where remaps live
        self.index = SearchIndex(discussion)
        self.query_: Query | None = None
        self.matches: list[str] = []
        self._match_pos: list[int] = []  # tree positions of matches, ascending, for bisect
        self.search_error: str | None = None
        self.message: Text | None = None
        self.bookmarked: set[str] = set()
        self._search_origin: str | None = None
        self._message_timer: Timer | None = None

    # -- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="header")
        with Horizontal(id="main"):
            yield ThreadTree(self.discussion, id="tree")
            yield DetailView(id="detail")
        yield Input(placeholder="search (re: for a regular expression) — enter keeps, "
                    "escape clears", id="search", compact=True)
        yield Static(id="status")
        yield Footer()

    def _header(self) -> Text:
        d = self.discussion
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(" threadloom ", style="bold reverse")
        n, t = len(d.comments), d.thread_count
        # the counts first: a long title is what gets cut, never them
        out.append(f" {d.language} · {counted(n, 'comment')} · {counted(t, 'thread')} ",
                   style="dim")
        out.append("│ ", style="dim")
        out.append(" ".join((d.title or "(untitled)").split())[:300], style="bold")
        return out

    @property
    def tree(self) -> ThreadTree:
        return self.query_one(ThreadTree)

    @property
    def filtered(self) -> bool:
        """Whether the tree shows only the matches and their ancestors."""
        return self.tree.outline.allowed is not None

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        tree = self.tree
        tree.is_bookmarked = self.bookmarked.__contains__
        self.query_one("#search", Input).display = False
        if self.store is not None:
            if self.store.notice:  # a toast and the status line: hard to miss
                self.notify(self.store.notice, title="threadloom", severity="warning",
                            markup=False, timeout=15)
            self.bookmarked.update(self.store.bookmarked_ids(self.fingerprint))
            self._restore()
        tree.focus()
        self._show(tree.key)
        if self.store is not None and self.store.notice:
            self._say(self.store.notice, "bold yellow", seconds=30)
        # Fold every comment for search in the background, so the first "/" is instant.
        self.run_worker(self._warm_search, thread=True, exclusive=True, group="search-index")
        # The model is built and will live as long as the app: keep the collector from
        # rescanning its hundreds of thousands of objects (100+ ms pauses on big dumps).
        gc.freeze()

    def _warm_search(self) -> None:
        _ = self.index.folded

    @property
    def fingerprint(self) -> str:
        return self.discussion.source.fingerprint

    # -- reading position -------------------------------------------------------------------
    def _restore(self) -> None:
        assert self.store is not None
        pos = self.store.position(self.fingerprint)
        if pos is None:
            return
        tree = self.tree
        tree.reshape(lambda outline: outline.restore(pos.folded))
        if pos.cursor and pos.cursor in tree.outline.preorder:
            tree.select(pos.cursor)
        self._say("back where you left off")

    def save_position(self) -> None:
        if self.store is None:
            return
        tree = self.tree
        outline = tree.outline
        self._write("save the reading position", lambda: self.store.save_position(
            self.fingerprint, self.discussion.source.name, tree.key, sorted(outline.folded)))

    async def action_quit(self) -> None:
        self.save_position()
        self.exit(0)

    # -- detail and status ---------------------------------------------------------------------
    @on(ThreadTree.Moved)
    def _moved(self, event: ThreadTree.Moved) -> None:
        self._show(event.key)

    def _show(self, key: str) -> None:
        d = self.discussion
        if key == ARTICLE:
            text = article_detail(d, self.query_)
        elif key == CHROME or key.startswith(CHROME_LINE):
            text = chrome_detail(d, self.query_)
        else:
            text = comment_detail(d, d[key], self.query_)
        show = MATCH_STYLE if self.query_ is not None else None
        self.query_one(DetailView).update(text, show_style=show)
        self._status()

    def _say(self, message: str, style: str = "", seconds: float = MESSAGE_SECONDS) -> None:
        """A short note in the status line; it goes away by itself."""
        self.message = Text(message, style=style or "italic")
        self._status()
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(seconds, self._unsay)

    def _unsay(self) -> None:
        self.message = None
        self._message_timer = None
        self._status()

    def _write(self, what: str, call: Callable[[], object]) -> bool:
        """Run a store write; a locked or broken database is reported, never a crash."""
        try:
            call()
        except sqlite3.Error as exc:
            self._say(f"could not {what}: {exc}", "bold red")
            return False
        return True

    def _status(self) -> None:
        tree = self.tree
        key = tree.key
        out = Text(no_wrap=True, overflow="ellipsis")
        if key == ARTICLE:
            out.append("article", style="bold")
        elif key == CHROME or key.startswith(CHROME_LINE):
            out.append("page chrome", style="bold")
        else:
            c = self.discussion[key]
            out.append(f"comment {c.index + 1:,}/{len(self.discussion.comments):,}",
                       style="bold")
            out.append(f" · line {c.span.first} · depth {c.depth}", style="dim")
        if self.search_error:
            out.append("  │  ", style="dim")
            out.append(self.search_error, style="bold red")
        elif self.query_ is not None:
            out.append("  │  ", style="dim")
            out.append("/", style="dim")
            out.append(self.query_.raw, style="bold")
            out.append("  ")
            if not self.matches:
                out.append("no matches", style="red")
            else:
                at = self._current_match()
                total = len(self.matches)
                if at is not None:
                    out.append(f"match {at + 1}/{total}", style="bold yellow")
                else:
                    out.append(f"{total} match{'es' * (total != 1)}", style="yellow")
            if self.filtered:
                out.append("  [filter]", style="bold magenta")
        if self.message is not None:
            out.append("  │  ", style="dim")
            out.append_text(self.message)
        self.query_one("#status", Static).update(out, layout=False)  # one line, always

    def _current_match(self) -> int | None:
        key = self.tree.key
        pos = self.tree.outline.tree_position(key)
        at = bisect.bisect_left(self._match_pos, pos)
        if at < len(self._match_pos) and self._match_pos[at] == pos:
            return at
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" typed into the search box (or any input) is just a character.
        return not (action == "search" and isinstance(self.focused, Input))

    # -- search --------------------------------------------------------------------------------
    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        self._search_origin = self.tree.key
        box.display = True
        box.value = self.query_.raw if self.query_ is not None else ""
        # Focus now, not on the next idle (focus() defers): keys typed right after "/"
        # must land in the box, not trigger the tree's bindings.
        self.screen.set_focus(box)

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search")
    def _submitted(self, event: Input.Submitted) -> None:
        box = self.query_one("#search", Input)
        box.display = False
        self.tree.focus()
        if self.matches:  # reveal every folded match, now that typing is done
            self.tree.reshape(lambda outline: outline.reveal(self.matches))
        elif not event.value:
            self.clear_search()

    def run_search(self, raw: str) -> None:
        """Compile and run a query; move to the first match at or after where search began."""
        tree = self.tree
        if not raw.strip():
            self.query_, self.matches, self._match_pos, self.search_error = None, [], [], None
            tree.set_query(None)
            self._show(tree.key)
            return
        try:
            query = compile_query(raw)
        except SearchError as exc:
            self.search_error = str(exc)
            self._status()
            return
        self.search_error = None
        self.query_ = query
        outline = tree.outline
        indices = self.index.find_indices(query)
        comments = self.discussion.comments
        if outline.dump_order_is_tree_order:  # depth-first dumps: already in tree order
            self.matches = [comments[i].id for i in indices]
            self._match_pos = indices
        else:
            pairs = sorted((outline.preorder[comments[i].id], comments[i].id) for i in indices)
            self.matches = [k for _, k in pairs]
            self._match_pos = [p for p, _ in pairs]
        tree.set_query(query)
        if self.filtered:
            self._apply_filter()
        if self.matches:
            origin = outline.tree_position(self._search_origin or tree.key)
            at = bisect.bisect_left(self._match_pos, origin) % len(self.matches)
            tree.select(self.matches[at])
        elif not self.filtered:  # nothing moved, so no Moved message will show the detail
            self._show(tree.key)

    def action_next_match(self, step: int) -> None:
        if not self.matches:
            self._say("no search: press / to search" if self.query_ is None else "no matches")
            self.bell()
            return
        pos = self.tree.outline.tree_position(self.tree.key)
        if step > 0:
            at = bisect.bisect_right(self._match_pos, pos)
        else:
            at = bisect.bisect_left(self._match_pos, pos) - 1
        wrapped = not 0 <= at < len(self.matches)
        at %= len(self.matches)
        self.tree.select(self.matches[at])
        if wrapped:
            self._say("search wrapped")

    def _apply_filter(self) -> None:
        def change(outline: Outline) -> None:
            outline.set_filter(self.matches)
            outline.reveal(self.matches)

        self.tree.reshape(change)

    def action_filter(self) -> None:
        if self.filtered:
            self._clear_filter()
            return
        if not self.matches:
            self._say("nothing to filter: search first (/)")
            self.bell()
            return
        self._apply_filter()  # reshaping posts Moved, which shows the detail
        tree = self.tree
        if tree.key not in self.matches:  # hidden or an ancestor: go to the next match
            pos = tree.outline.tree_position(tree.key)
            at = bisect.bisect_left(self._match_pos, pos) % len(self.matches)
            tree.select(self.matches[at])

    def _clear_filter(self) -> None:
        self.tree.reshape(lambda outline: outline.set_filter(None))  # posts Moved

    def clear_search(self) -> None:
        if self.filtered:
            self._clear_filter()
        self.query_, self.matches, self._match_pos, self.search_error = None, [], [], None
        self.tree.set_query(None)
        self.message = None
        self._show(self.tree.key)

    def action_clear(self) -> None:
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            self.tree.focus()
            self.clear_search()
        elif self.filtered:
            self._clear_filter()
        elif self.query_ is not None or self.search_error:
            self.clear_search()
        else:
            self.message = None
            self._status()

    # -- bookmarks ---------------------------------------------------------------------------
    def bookmark_list(self) -> list[Bookmark]:
        return self.store.bookmarks(self.fingerprint) if self.store is not None else []

    def action_bookmark(self) -> None:
        key = self.tree.key
        if not self.tree.outline.is_comment(key):
            self._say("only comments can be bookmarked")
            return
        if self.store is None:
            self._say("bookmarks are off: no user data directory")
            return
        store = self.store
        if key in self.bookmarked:
            if self._write("remove the bookmark",
                           lambda: store.remove_bookmark(self.fingerprint, key)):
                self.bookmarked.discard(key)
                self._say("bookmark removed")
        else:
            c = self.discussion[key]
            mark = Bookmark(
                fingerprint=self.fingerprint, comment_id=key,
                source=self.discussion.source.name, title=excerpt(self.discussion.title, 120),
                author=c.author, line=c.span.first, excerpt=excerpt(c.text, 100),
                created=time.time(),
            )
            if self._write("save the bookmark", lambda: store.add_bookmark(mark)):
                self.bookmarked.add(key)
                self._say("★ bookmarked")
        self.tree.relabel(key)

    def action_bookmarks(self) -> None:
        if self.store is None:
            self._say("bookmarks are off: no user data directory")
            return
        screen = BookmarksScreen(self.store, self.fingerprint, self.discussion)

        def done(target: str | None) -> None:
            # Reload: deletions here, and bookmarks another open reader added meanwhile.
            self.bookmarked.clear()
            self.bookmarked.update(b.comment_id for b in screen.items)
            self.tree.relabel()
            if target is not None:
                self.jump_to(target)

        self.push_screen(screen, done)

    def jump_to(self, comment_id: str) -> None:
        tree = self.tree
        if comment_id not in self.discussion:
            self._say("that comment is not in this reconstruction")
            return
        allowed = tree.outline.allowed
        if allowed is not None and comment_id not in allowed:
            self._clear_filter()
        tree.select(comment_id)
        tree.focus()

    # -- other screens -----------------------------------------------------------------------
    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every binding, with the user's keymap applied.

        The nine fold-to-depth bindings share one row while they keep their default keys.
        """
        rows: list[tuple[str, str]] = []
        depth_keys: list[str] = []
        for binding in [*ThreadTree.BINDINGS, *self.BINDINGS]:
            assert isinstance(binding, Binding)
            keys = self.keymap.get(binding.id or "", binding.key)
            shown = " ".join(
                self.get_key_display(Binding(k.strip(), binding.action)) for k in keys.split(",")
            )
            if (binding.id or "").startswith("fold-to-depth-") and keys == binding.key:
                depth_keys.append(shown)
                if len(depth_keys) == 9:
                    rows.append((f"{depth_keys[0]}…{depth_keys[-1]}", binding.tooltip))
                continue
            rows.append((shown, binding.tooltip or binding.description))
        return rows

    def action_help(self) -> None:
        ids = tuple(b.id for b in [*ThreadTree.BINDINGS, *self.BINDINGS]
                    if isinstance(b, Binding) and b.id)
        self.push_screen(HelpScreen(self.key_rows(), self.keymap_path, ids))

    def action_scroll_detail(self, step: int) -> None:
        detail = self.query_one(DetailView)
        if step > 0:
            detail.scroll_page_down(animate=False)
        else:
            detail.scroll_page_up(animate=False)

    def run_palette_action(self, action: str) -> None:
        """Run a palette entry's action ("tree." ones on the tree widget)."""
        if action.startswith("tree."):
            self.call_later(self.tree.run_action, action.removeprefix("tree."))
        else:
            self.call_later(self.run_action, action)


def make_app(discussion: Discussion, *, store: Store | None = None,
             keymap: dict[str, str] | None = None,
             keymap_path: Path | None = None) -> ThreadloomApp:
    """The seam tests use: a given store (or none) and keymap, nothing read from the user."""
    return ThreadloomApp(discussion, store=store, keymap=keymap, keymap_path=keymap_path)


def _reattach_terminal() -> None:
    """The dump came through stdin: read keys from the controlling terminal instead."""
    fd = os.open("/dev/tty", os.O_RDWR)
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False, encoding="utf-8")  # noqa: SIM115 (lives as long as we do)


def run_app(discussion: Discussion) -> int:
    if not sys.stdin.isatty():
        try:
            _reattach_terminal()
        except OSError:
            print("threadloom: no terminal to read keys from; try `threadloom print -`.",
                  file=sys.stderr)
            return 1
    try:
        store: Store | None = Store()
    except OSError as exc:
        print(f"threadloom: bookmarks are off ({exc})", file=sys.stderr)
        store = None
    app = make_app(discussion, store=store, keymap=load_keymap(),
                   keymap_path=data_home() / KEYMAP_FILE)
    result = app.run()
    return result if isinstance(result, int) else 0
