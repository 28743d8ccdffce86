"""The bookmarks screen: this dump's bookmarks; enter jumps to one, d deletes it."""

from __future__ import annotations

from collections.abc import Container
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from threadloom.threading.model import excerpt

from ..store import Bookmark, Store

PROMPT_EXCERPT = 70  # characters: one line per bookmark in the list


def bookmark_prompt(b: Bookmark, present: bool) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("★ ", style="bold magenta")
    text.append(f"L{b.line:<5} " if b.line else "      ", style="dim")
    text.append(" ".join((b.author or "?").split())[:40], style="bold cyan")
    text.append("  ")
    text.append(excerpt(b.excerpt, PROMPT_EXCERPT), style="" if present else "dim strike")
    if not present:
        text.append("  (not in this reconstruction)", style="dim italic")
    return text


class BookmarksScreen(ModalScreen[str | None]):
    """Returns the id of the comment to jump to, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,B", "close", "Close", id="bookmarks-close"),
        Binding("d,delete", "delete", "Delete", id="bookmarks-delete"),
        Binding("enter", "jump", "Jump", show=False, id="bookmarks-jump"),
    ]

    def __init__(self, store: Store, fingerprint: str, present: Container[str]) -> None:
        super().__init__()
        self.store = store
        self.fingerprint = fingerprint
        self.present = present
        self.items: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-body") as body:
            body.border_title = "Bookmarks"
            body.border_subtitle = "enter jumps · d deletes · escape closes"
            yield OptionList(id="bookmarks-list")
            yield Static(id="bookmarks-empty")

    def on_mount(self) -> None:
        self._load()

    def _load(self, keep: int = 0) -> None:
        self.items = self.store.bookmarks(self.fingerprint)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(bookmark_prompt(b, b.comment_id in self.present), id=b.comment_id)
            for b in self.items
        )
        empty = self.query_one("#bookmarks-empty", Static)
        empty.display = not self.items
        empty.update(Text("No bookmarks yet: press b on a comment to add one.", style="dim"))
        if self.items:
            options.highlighted = min(keep, len(self.items) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_jump(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and self.items:
            self.dismiss(self.items[options.highlighted].comment_id)

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        at = options.highlighted
        if at is None or not self.items:
            return
        victim = self.items[at]
        self.store.remove_bookmark(self.fingerprint, victim.comment_id)
        self._load(keep=at)

    def action_close(self) -> None:
        self.dismiss(None)
