"""WordPress export (WXR): an RSS feed whose `<item>`s are posts with `<wp:comment>`s.

`wp:comment_parent` is 0 for a top-level comment. Comments that are not approved
(pending, spam, trash) are not shown: they become "[deleted]" placeholders when approved
replies hang under them.
"""

from __future__ import annotations

from ..decode import InputError
from .markup import format_date, html_paragraphs
from .records import Kind, Record, article_lines, clean, line_paragraphs
from .xmltree import Part, child, child_text, combine, local, parse


def looks_like(head: str) -> bool:
    return "<rss" in head and "wordpress.org/export" in head


def _body(text: str) -> tuple[str, ...]:
    # WordPress stores comments as text where a newline is a line break; tags are allowed.
    return html_paragraphs(text) if "<" in text else line_paragraphs(text)


def _date(comment) -> str | None:
    gmt = child_text(comment, "comment_date_gmt")
    if gmt and not gmt.startswith("0000"):  # WordPress writes zeros when it has no GMT time
        return format_date(gmt)
    return format_date(child_text(comment, "comment_date"))


def read(text: str):
    root = parse(text, "wxr")
    channel = child(root, "channel") if local(root.tag) == "rss" else None
    if channel is None:
        raise InputError("wxr: expected <rss><channel> (a WordPress export)")
    parts = []
    for item in channel:
        if local(item.tag) != "item":
            continue
        key = child_text(item, "post_id") or child_text(item, "guid") or child_text(item, "link")
        title = clean(child_text(item, "title"))
        article = article_lines(title, _body(child_text(item, "encoded")))
        records = []
        for c in item:
            if local(c.tag) != "comment" or child(c, "comment_id") is None:
                continue
            approved = child_text(c, "comment_approved") or "1"
            gone = approved != "1"
            parent = child_text(c, "comment_parent")
            records.append(
                Record(
                    id=child_text(c, "comment_id"),
                    parent=None if parent in ("", "0") else parent,
                    paragraphs=_body(child_text(c, "comment_content")),
                    author=clean(child_text(c, "comment_author")) or None,
                    date=_date(c),
                    kind=Kind.DELETED if gone else Kind.COMMENT,
                )
            )
        parts.append(Part(key, title, article, tuple(records)))
    if not parts:
        raise InputError("wxr: the export holds no posts")
    return combine(parts, "wxr")
