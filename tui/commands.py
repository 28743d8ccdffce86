"""Command palette entries (ctrl+p): jump to a bookmark, fold to a depth, and the main actions."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.fuzzy import Matcher

from .labels import counted

if TYPE_CHECKING:
    from .app import ThreadloomApp

# (title, help, action) — help strings are ours (the palette reads them as markup).
ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Search", "Find text in the comments (re: for a regular expression)", "search"),
    ("Show bookmarks", "List this dump's bookmarks", "bookmarks"),
    ("Toggle bookmark", "Bookmark the comment under the cursor, or remove it", "bookmark"),
    ("Filter to matches", "Show only comments that match the search, with their ancestors",
     "filter"),
    ("Clear search and filter", "Back to the whole tree", "clear"),
    ("Fold all", "Show only the first comment of each thread", "tree.fold_all"),
    ("Unfold all", "Show every comment", "tree.unfold_all"),
    ("Help", "Every key the reader answers to", "help"),
    *(
        (f"Fold to depth {n}", f"Show {counted(n, 'level')} of replies",
         f"tree.fold_to_depth({n})")
        for n in range(1, 10)
    ),
)


class ReaderCommands(Provider):
    """The reader's actions plus one "Go to bookmark" entry per bookmark of this dump."""

    _entries: list[tuple[Text, str, Callable[[], object]]]

    async def startup(self) -> None:
        # Read the bookmarks once per palette opening, not on every keystroke.
        self._entries = self._build_entries()

    def _build_entries(self) -> list[tuple[Text, str, Callable[[], object]]]:
        app: ThreadloomApp = self.app  # type: ignore[assignment]
        entries: list[tuple[Text, str, Callable[[], object]]] = []
        for title, help_text, action in ACTIONS:
            entries.append((Text(title), help_text,
                            lambda action=action: app.run_palette_action(action)))
        for b in app.bookmark_list():
            label = Text("Go to bookmark: ")
            label.append(" ".join((b.author or "?").split())[:30], style="bold")
            label.append(" — ")
            label.append(b.excerpt[:70])
            entries.append((label, "Jump to this bookmark",
                            lambda cid=b.comment_id: app.jump_to(cid)))
        return entries

    async def discover(self) -> Hits:
        for label, help_text, callback in self._entries:
            yield DiscoveryHit(label, callback, text=label.plain, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for label, help_text, callback in self._entries:
            score = matcher.match(label.plain)
            if score > 0:
                shown = label.copy()
                for start, end in _highlights(matcher, label.plain):
                    shown.stylize("underline", start, end)
                yield Hit(score, shown, callback, text=label.plain, help=help_text)


def _highlights(matcher: Matcher, plain: str) -> list[tuple[int, int]]:
    # Matcher.highlight() parses its candidate as markup, and bookmark excerpts are dump
    # text: take only the matched offsets and style our own Text with them.
    _score, offsets = matcher.fuzzy_search.match(matcher.query, plain)
    return [(at, at + 1) for at in offsets if not plain[at].isspace()]
