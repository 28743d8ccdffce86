"""The help screen: every key the reader answers to, as currently bound (keymap included)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..labels import FOLDED, LEAF, MARK_BOOKMARK, MARK_LOW, OPEN

LEGEND = (
    (FOLDED, "folded; +N: how many replies it hides"),
    (OPEN, "unfolded"),
    (LEAF, "no replies"),
    (MARK_BOOKMARK, "bookmarked"),
    (MARK_LOW, "low confidence: parent or start is a guess"),
    ("~Name", "author inferred from a reply's greeting"),
    ("?", "author unknown"),
)

SEARCH_HELP = (
    "Search ignores case and accents (\"burokratie\" finds \"Bürokratie\"). "
    "Start with re: for a regular expression. Matches are highlighted; f shows only the "
    "matching comments and their ancestors; escape clears."
)


def key_table(rows: list[tuple[str, str]], columns: int = 1) -> Table:
    """Keys and what they do, in one or more side-by-side column pairs."""
    table = Table.grid(padding=(0, 1))
    for _ in range(columns):
        table.add_column(style="bold yellow", no_wrap=True, justify="right")
        table.add_column(style="", ratio=1)
    per = -(-len(rows) // columns)
    for i in range(per):
        cells: list[Text] = []
        for c in range(columns):
            at = c * per + i
            keys, what = rows[at] if at < len(rows) else ("", "")
            cells += [Text(keys), Text(what + "  ")]
        table.add_row(*cells)
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help-close"),
    ]

    def __init__(self, keys: list[tuple[str, str]], keymap_path: Path | None = None,
                 ids: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.keys = keys
        self.keymap_path = keymap_path
        self.ids = ids

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "threadloom — keys"
            body.border_subtitle = "escape closes"
            yield Static(key_table(self.keys, columns=2), id="help-keys")
            yield Static(Text("Marks", style="bold underline"), classes="help-heading")
            yield Static(key_table(list(LEGEND), columns=2), id="help-legend")
            yield Static(Text("Search", style="bold underline"), classes="help-heading")
            yield Static(Text(SEARCH_HELP), id="help-search")
            yield Static(Text("Mouse: click selects; click the fold marker (or double-click) "
                              "folds.", style="dim"), classes="help-heading")
            if self.keymap_path is not None:
                remap = Text("Remap keys in ", style="dim")
                remap.append(str(self.keymap_path), style="dim bold")
                remap.append(', by binding id, e.g. [keys] next = "j,down,ctrl+n". Ids: ',
                             style="dim")
                remap.append(" ".join(self.ids), style="dim italic")
                yield Static(remap, classes="help-heading")

    def action_close(self) -> None:
        self.dismiss(None)
