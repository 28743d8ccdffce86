"""The reply tree: a Line API widget that draws only the rows on screen.

A Textual Tree creates a node object per comment (about 7 s for 100k comments); this
widget keeps the visible rows in an `Outline` (plain data) and renders a row only when
Textual asks for that screen line, so first paint and key presses stay fast at any size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from threadloom.threading.model import Discussion, Line

from ..labels import (
    FOLDED,
    LEAF,
    OPEN,
    article_label,
    chrome_label,
    chrome_line_label,
    tree_label,
)
from ..outline import ARTICLE, CHROME, CHROME_LINE, MAX_GUIDE_DEPTH, Outline
from ..search import Query


class ThreadTree(ScrollView, can_focus=True, inherit_bindings=False):
    """Keyboard- and mouse-driven reply tree over an Outline."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next", id="next",
                tooltip="next visible comment"),
        Binding("k,up", "cursor_up", "Prev", id="previous",
                tooltip="previous visible comment"),
        Binding("space,enter", "toggle_fold", "Fold", id="toggle-fold",
                tooltip="fold / unfold the subtree"),
        Binding("h,left", "fold_or_parent", "Fold/parent", show=False, id="fold-or-parent",
                tooltip="fold, or go to the parent"),
        Binding("l,right", "unfold_or_child", "Unfold/reply", show=False, id="unfold-or-child",
                tooltip="unfold, or go to the first reply"),
        Binding("p", "parent", "Parent", show=False, id="parent",
                tooltip="go to the parent"),
        Binding("left_square_bracket", "sibling(-1)", "Prev sibling", show=False,
                id="previous-sibling", tooltip="previous sibling"),
        Binding("right_square_bracket", "sibling(1)", "Next sibling", show=False,
                id="next-sibling", tooltip="next sibling"),
        Binding("left_curly_bracket", "thread(-1)", "Prev thread", show=False,
                id="previous-thread", tooltip="previous thread (or this thread's start)"),
        Binding("right_curly_bracket", "thread(1)", "Next thread", show=False, id="next-thread",
                tooltip="next top-level thread"),
        Binding("g,home", "first", "First", show=False, id="first",
                tooltip="first row (the article)"),
        Binding("G,end", "last", "Last", show=False, id="last",
                tooltip="last row"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="page-down",
                tooltip="a page down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page-up",
                tooltip="a page up"),
        Binding("z", "fold_all", "Fold all", show=False, id="fold-all",
                tooltip="fold all: one row per thread"),
        Binding("Z", "unfold_all", "Unfold all", show=False, id="unfold-all",
                tooltip="unfold all"),
        *(
            Binding(str(n), f"fold_to_depth({n})", f"Fold to depth {n}", show=False,
                    id=f"fold-to-depth-{n}", tooltip="fold to that depth (1: top level only)")
            for n in range(1, 10)
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "thread-tree--cursor",
        "thread-tree--guides",
        "thread-tree--marker",
    }

    DEFAULT_CSS = """
    ThreadTree { background: $surface; }
    ThreadTree > .thread-tree--cursor { background: $accent 35%; text-style: bold; }
    ThreadTree:focus > .thread-tree--cursor { background: $accent 60%; }
    ThreadTree > .thread-tree--guides { color: $foreground 35%; }
    ThreadTree > .thread-tree--marker { color: $accent; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)

    class Moved(Message):
        """The cursor is on another node."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, discussion: Discussion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.discussion = discussion
        self.outline = Outline(discussion)
        self.query_: Query | None = None  # the search whose matches labels highlight
        self.is_bookmarked: Callable[[str], bool] = lambda key: False
        self._labels: LRUCache[str, Text] = LRUCache(1024)
        self._sizes: dict[str, int] = {}

    # -- state ------------------------------------------------------------------------
    @property
    def key(self) -> str:
        keys = self.outline.keys
        return keys[min(self.cursor, len(keys) - 1)]

    def on_mount(self) -> None:
        self._sync()

    def _sync(self, keep: str | None = None) -> None:
        """After the rows changed: resize, keep the cursor on `keep` (or in range), redraw."""
        rows = self.outline.keys
        self.virtual_size = Size(self.size.width, len(rows))
        if keep is not None:
            outline = self.outline
            at = outline.row_of(keep)
            if at is None:  # hidden now: go to its nearest visible ancestor
                at = next((row for a in outline.ancestors(keep)
                           if (row := outline.row_of(a)) is not None), 0)
            self.cursor = at
        else:
            self.cursor = max(0, min(self.cursor, len(rows) - 1))
        self.refresh()

    def relabel(self, key: str | None = None) -> None:
        """Forget cached labels (one, or all) after bookmarks or the search changed."""
        if key is None:
            self._labels.clear()
        else:
            self._labels.discard(key)
        self.refresh()

    def set_query(self, query: Query | None) -> None:
        self.query_ = query
        self.relabel()

    def select(self, key: str) -> bool:
        """Put the cursor on a node, unfolding its ancestors if needed."""
        outline = self.outline
        at = outline.row_of(key)
        if at is None and outline.reveal([key]):
            self._labels.clear()
            self.virtual_size = Size(self.size.width, len(outline.keys))
            self.refresh()
            at = outline.row_of(key)
        if at is None:
            return False
        self.cursor = at
        return True

    def reshape(self, change: Callable[[Outline], object]) -> None:
        """Change the outline from outside (filter, reveal, restore), keeping the cursor on
        its node (or the nearest visible ancestor)."""
        key = self.key  # read before the rows change under the cursor
        change(self.outline)
        self._labels.clear()
        self._sync(keep=key)

    def watch_cursor(self, old: int, new: int) -> None:
        # Repaint only the two rows that changed; scrolling repaints what it needs itself.
        self._scroll_to_cursor()
        self.refresh_line(old)
        self.refresh_line(new)
        self.post_message(self.Moved(self.key))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if height <= 0:
            return
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.outline.keys))
        self._scroll_to_cursor()

    # -- drawing ----------------------------------------------------------------------
    def _folded_count(self, key: str) -> int:
        if key not in self._sizes:
            self._sizes[key] = self.outline.subtree_size(key)
        return self._sizes[key]

    def _chrome_line(self, key: str) -> Line:
        number = int(key[len(CHROME_LINE):])
        return next(line for block in self.discussion.chrome for line in block.lines
                    if line.number == number)

    def _label(self, key: str, depth: int) -> Text:
        cached = self._labels.get(key)
        if cached is not None:
            return cached
        if key == ARTICLE:
            label = article_label(self.discussion)
        elif key == CHROME:
            label = chrome_label(self.discussion)
        elif key.startswith(CHROME_LINE):
            label = chrome_line_label(self._chrome_line(key), self.query_)
        else:
            folded = self.outline.is_folded(key)
            label = tree_label(
                self.discussion[key],
                folded_replies=self._folded_count(key) if folded else 0,
                bookmarked=self.is_bookmarked(key),
                query=self.query_,
                depth_badge=depth - 1 if depth > MAX_GUIDE_DEPTH else None,
            )
        self._labels[key] = label
        return label

    def render_line(self, y: int) -> Strip:
        index = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width or self.size.width
        if index >= len(self.outline.keys) or width <= 0:
            return Strip.blank(width, self.rich_style)
        row = self.outline.row(index)
        if self.outline.has_children(row.key):
            marker = FOLDED if row.key in self.outline.folded else OPEN
        else:
            marker = LEAF
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(row.stem, style=self.get_component_rich_style("thread-tree--guides"))
        line.append(marker + " ", style=self.get_component_rich_style("thread-tree--marker"))
        line.append_text(self._label(row.key, row.depth))
        line.truncate(width, overflow="ellipsis", pad=True)
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("thread-tree--cursor")
        segments = list(line.render(self.app.console))
        return Strip(segments).apply_style(base).crop(0, width).simplify()

    # -- mouse --------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + round(self.scroll_offset.y)
        if not 0 <= index < len(self.outline.keys):
            return
        self.cursor = index
        row = self.outline.row(index)
        marker_x = len(row.stem)
        if marker_x <= offset.x <= marker_x + 1 or event.chain > 1:
            self.action_toggle_fold()

    # -- keys -----------------------------------------------------------------------------
    def _go(self, key: str | None) -> None:
        if key is not None:
            self.select(key)
        else:
            self.app.bell()

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.outline.keys) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.cursor = max(0, min(len(self.outline.keys) - 1, self.cursor + step * height))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.outline.keys) - 1

    def _refold(self, key: str, changed: bool) -> None:
        if changed:
            self._labels.discard(key)
            self._sync(keep=key)

    def action_toggle_fold(self) -> None:
        key = self.key
        if key == ARTICLE:  # folding the root would hide everything: fold all threads instead
            if self.outline.folded - {CHROME}:
                self.action_unfold_all()
            else:
                self.action_fold_all()
            return
        self._refold(key, self.outline.toggle(key))

    def action_fold_or_parent(self) -> None:
        key = self.key
        if key != ARTICLE and self.outline.has_children(key) and key not in self.outline.folded:
            self._refold(key, self.outline.fold(key))
        else:
            self._go(self.outline.parent(key))

    def action_unfold_or_child(self) -> None:
        key = self.key
        if key in self.outline.folded and self.outline.has_children(key):
            self._refold(key, self.outline.unfold(key))
        else:
            self._go(self.outline.first_child(key))

    def action_parent(self) -> None:
        self._go(self.outline.parent(self.key))

    def action_sibling(self, step: int) -> None:
        self._go(self.outline.sibling(self.key, step))

    def action_thread(self, step: int) -> None:
        self._go(self.outline.thread_step(self.key, step))

    def action_fold_all(self) -> None:
        self.reshape(Outline.fold_all)

    def action_unfold_all(self) -> None:
        self.reshape(Outline.unfold_all)

    def action_fold_to_depth(self, depth: int) -> None:
        self.reshape(lambda outline: outline.fold_to_depth(depth))

