"""Reddit thread JSON: what a comments page returns with `.json` appended to its address.

A list of two listings: the post (`t3`) and the comment forest (`t1`, replies nested as
listings). `more` stubs stand for replies Reddit did not send; they become placeholders.
Bodies are Markdown with `&amp;`, `&lt;`, `&gt;` escaped.
"""

from __future__ import annotations

from html import unescape
from typing import Any

from ..decode import InputError
from ..model import Evidence
from .markup import format_date
from .records import Kind, Record, Thread, article_lines, block_paragraphs, clean, str_or_none

_GONE = frozenset({"[deleted]", "[removed]"})
_MORE = Evidence("source", "a 'more' stub: replies the source did not include")


def is_listing(value: Any) -> bool:
    return isinstance(value, dict) and value.get("kind") == "Listing"


def looks_like(doc: Any) -> bool:
    if is_listing(doc):
        return True
    return isinstance(doc, list) and bool(doc) and all(is_listing(x) for x in doc)


def _children(listing: Any) -> list[Any]:
    if not is_listing(listing):
        return []
    data = listing.get("data")
    kids = data.get("children") if isinstance(data, dict) else None
    return kids if isinstance(kids, list) else []


def _body(text: Any) -> tuple[str, ...]:
    return block_paragraphs(unescape(text)) if isinstance(text, str) else ()


def read(doc: Any) -> Thread:
    if not looks_like(doc):
        raise InputError("reddit: expected the listings of a comments page (kind: Listing)")
    listings = doc if isinstance(doc, list) else [doc]
    title, article, root_ids = "", (), set()
    things: list[Any] = []
    for listing in listings:
        for thing in _children(listing):
            if isinstance(thing, dict) and thing.get("kind") == "t3" and not article:
                post = thing.get("data") if isinstance(thing.get("data"), dict) else {}
                title = clean(post.get("title") or "")
                url = post.get("url")
                linked = isinstance(url, str) and url and not post.get("is_self")
                link = (clean(url),) if linked else ()
                article = article_lines(title, _body(post.get("selftext")), link)
                for key in ("name", "id"):
                    if str_or_none(post.get(key)):
                        root_ids.add(str_or_none(post.get(key)))
            else:
                things.append(thing)
    records: list[Record] = []
    stack = [(thing, None) for thing in reversed(things)]
    while stack:
        thing, parent = stack.pop()
        if not isinstance(thing, dict) or not isinstance(thing.get("data"), dict):
            raise InputError("reddit: a comment is not an object with data")
        data, kind = thing["data"], thing.get("kind")
        name = str_or_none(data.get("name")) or str_or_none(data.get("id")) or ""
        parent = parent or str_or_none(data.get("parent_id"))
        if kind == "more":
            count = data.get("count") if isinstance(data.get("count"), int) else 0
            text = (f"{count} more replies not included" if count
                    else "more replies not included (continue this thread)")
            records.append(Record(name, parent, (text,), kind=Kind.STUB,
                                  evidence=(_MORE,)))
            continue
        if kind != "t1":
            continue
        body = _body(data.get("body"))
        gone = data.get("author") in _GONE or (len(body) == 1 and body[0] in _GONE)
        records.append(
            Record(
                id=name,
                parent=parent,
                paragraphs=body,
                author=str_or_none(data.get("author")),
                date=format_date(data.get("created_utc") or data.get("created")),
                kind=Kind.DELETED if gone else Kind.COMMENT,
            )
        )
        stack.extend((kid, name) for kid in reversed(_children(data.get("replies"))))
    return Thread(tuple(records), title=title, article=article,
                  root_ids=frozenset(root_ids))
