"""Hacker News JSON, in both shapes the public APIs give.

- Algolia `items/ID`: the story with its comments nested under `children`.
- The Firebase API: one object per item, replies listed by id in `kids` (a JSON list or
  JSON Lines of items; `kids` gives the page's order).
Bodies are HTML with `<p>` between paragraphs; deleted or dead items lose their text.
"""

from __future__ import annotations

from typing import Any

from ..decode import InputError
from ..model import Role
from .markup import format_date, html_paragraphs
from .records import Kind, Record, Thread, article_lines, clean, str_or_none

_TYPES = frozenset({"story", "comment", "job", "poll", "ask", "show"})


def _is_item(value: Any) -> bool:
    return isinstance(value, dict) and value.get("type") in _TYPES and "id" in value


def looks_like(doc: Any) -> bool:
    if _is_item(doc):
        return "children" in doc or "kids" in doc or "by" in doc or "story_id" in doc
    if isinstance(doc, list) and doc and all(_is_item(x) for x in doc):
        return all("by" in x or "kids" in x or "deleted" in x for x in doc)
    return False


def _record(item: dict[str, Any], parent: str | None) -> Record:
    text = html_paragraphs(item.get("text"))
    gone = bool(item.get("deleted") or item.get("dead")) or (
        not text and item.get("author") is None and item.get("by") is None
    )
    return Record(
        id=str_or_none(item.get("id")) or "",
        parent=parent,
        paragraphs=text,
        author=str_or_none(item.get("author") or item.get("by")),
        date=format_date(item.get("created_at") or item.get("time")),
        kind=Kind.DELETED if gone else Kind.COMMENT,
    )


def _article(story: dict[str, Any]) -> tuple[str, tuple[tuple[Role, str], ...]]:
    title = clean(story.get("title") or "")
    url = story.get("url")
    link = (clean(url),) if isinstance(url, str) and url else ()
    return title, article_lines(title, link, html_paragraphs(story.get("text")))


def read(doc: Any) -> Thread:
    if not looks_like(doc):
        raise InputError("hn: expected a Hacker News item (type, id, children or kids)")
    items = doc if isinstance(doc, list) else [doc]
    story = next((x for x in items if x.get("type") != "comment"), None)
    title, article = _article(story) if story is not None else ("", ())
    root = str_or_none(story.get("id")) if story is not None else None
    if isinstance(doc, dict) and "children" in doc:
        return _nested(doc, title, article, root)
    return _flat(items, story, title, article, root)


def _nested(story, title, article, root) -> Thread:
    records: list[Record] = []
    kids = story.get("children") if story.get("type") != "comment" else [story]
    if not isinstance(kids, list):
        raise InputError("hn: 'children' is not a list")
    stack = [(kid, None) for kid in reversed(kids)]
    while stack:
        item, parent = stack.pop()
        if not isinstance(item, dict):
            raise InputError("hn: a comment is not an object")
        record = _record(item, parent or str_or_none(item.get("parent_id")))
        records.append(record)
        children = item.get("children") or []
        if not isinstance(children, list):
            raise InputError(f"hn: 'children' of item {record.id} is not a list")
        stack.extend((kid, record.id) for kid in reversed(children))
    return Thread(tuple(records), title, article, frozenset({root} if root else ()))


def _flat(items, story, title, article, root) -> Thread:
    by_id = {str_or_none(x.get("id")): x for x in items if x is not story}
    order: list[str] = []
    seen: set[str | None] = set()
    start = story.get("kids") if story is not None else None
    stack = [str_or_none(k) for k in reversed(start)] if isinstance(start, list) else []
    while stack:  # the page order: each item's kids, depth first
        key = stack.pop()
        if key in seen or key not in by_id:
            continue
        seen.add(key)
        order.append(key)
        kids = by_id[key].get("kids")
        if isinstance(kids, list):
            stack.extend(str_or_none(k) for k in reversed(kids))
    order += [k for k in by_id if k not in seen]  # items no kids list reaches: file order
    records = [_record(by_id[k], str_or_none(by_id[k].get("parent"))) for k in order]
    return Thread(tuple(records), title, article, frozenset({root} if root else ()))
