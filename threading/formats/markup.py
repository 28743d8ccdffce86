"""Comment bodies given as HTML, and dates given in whatever form a source uses."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from html.parser import HTMLParser

from .records import clean

# Tags that end a paragraph; everything else is inline and only contributes its text.
_BLOCK = frozenset({
    "p", "br", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "hr", "section", "article",
})
_SKIP = frozenset({"script", "style", "head", "title"})


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        text = clean("".join(self.buf))
        if text:
            self.out.append(text)
        self.buf = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.buf.append(data)


def html_paragraphs(html: object) -> tuple[str, ...]:
    """Plain paragraphs from an HTML fragment (Disqus, WordPress, Hacker News bodies)."""
    if not isinstance(html, str) or not html.strip():
        return ()
    if "<" not in html:  # plain text, maybe with entities: one paragraph per line
        return tuple(c for c in (clean(unescape(x)) for x in html.splitlines()) if c)
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser._flush()
    return tuple(parser.out)


def _fmt(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M")


def format_date(value: object) -> str | None:
    """A readable "YYYY-MM-DD HH:MM" (UTC when the source says), or the source's own text.

    Accepts Unix seconds (number or digits), ISO 8601 and RFC 2822 (mail) dates.
    """
    if value is None or isinstance(value, bool | dict | list):
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        try:
            seconds = float(value)
            if seconds > 1e11:  # milliseconds
                seconds /= 1000
            return _fmt(datetime.fromtimestamp(seconds, UTC))
        except (ValueError, OverflowError, OSError):
            return clean(value) or None
    text = clean(value)
    if not text:
        return None
    try:
        return _fmt(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _fmt(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return text


def parse_date(text: str | None) -> datetime | None:
    """The datetime behind a `format_date` string, for sorting and re-rendering."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.replace(tzinfo=None) if moment.tzinfo else moment
