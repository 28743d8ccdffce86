"""The detail pane: one comment (or the article), wrapped, drawn with the Line API.

A Static inside a scroll container makes Textual lay out the whole screen on every
update (two full reflows per cursor move); this widget wraps its Text itself and only
changes its virtual size, so moving through a large dump stays cheap.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

BULLET = "• "


def wrap_hanging(text: Text, width: int, console: Console) -> list[Text]:
    """Wrap to `width`; an indented or bulleted line continues under its own first word."""
    out: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        plain = line.plain
        indent = len(plain) - len(plain.lstrip(" "))
        if plain[indent:].startswith(BULLET):
            indent += len(BULLET)
        if not indent or indent > width // 2:
            out.extend(line.wrap(console, width, overflow="fold") or [Text()])
            continue
        body = line[indent:].wrap(console, width - indent, overflow="fold")
        for i, part in enumerate(body):
            lead = line[:indent] if i == 0 else Text(" " * indent)
            out.append(Text.assemble(lead, part))
    return out


class DetailView(ScrollView, can_focus=False):
    """Scrollable, wrapped, plain Text (never markup)."""

    DEFAULT_CSS = """
    DetailView { scrollbar-gutter: stable; overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._lines: list[Text] | None = None
        self._width = 0

    @property
    def plain_lines(self) -> list[str]:
        """The wrapped lines as shown (for tests)."""
        return [line.plain for line in self._wrapped()]

    def update(self, text: Text, *, show_style: str | None = None) -> None:
        """Show new text from the top, or from the first line styled `show_style` (a search
        match) when that line would be below the pane."""
        self._text = text
        self._lines = None
        lines = self._wrapped()
        top = 0
        if show_style is not None:
            hit = next((i for i, line in enumerate(lines)
                        if any(span.style == show_style for span in line.spans)), 0)
            height = self.scrollable_content_region.height or self.size.height
            if hit >= height > 0:
                top = max(0, hit - 2)  # a little context above the match
        self.scroll_to(0, top, animate=False)
        self.refresh()

    def _content_width(self) -> int:
        return max(1, self.scrollable_content_region.width or self.size.width)

    def _wrapped(self) -> list[Text]:
        width = self._content_width()
        if self._lines is None or width != self._width:
            self._width = width
            self._lines = wrap_hanging(self._text, width, self.app.console)
            self.virtual_size = Size(width, len(self._lines))
        return self._lines

    def on_resize(self, event: events.Resize) -> None:
        self._lines = None
        self._wrapped()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        lines = self._wrapped()
        index = y + round(self.scroll_offset.y)
        width = self._width
        if index >= len(lines):
            return Strip.blank(width, self.rich_style)
        segments = list(lines[index].render(self.app.console, end=""))
        return Strip(segments).extend_cell_length(width).crop(0, width).apply_style(
            self.rich_style
        )
