"""Disqus XML export: `<thread>` elements, then `<post>`s pointing at them.

A post names its thread with `<thread dsq:id>` and its parent with `<parent dsq:id>`
(absent for a top-level post). Deleted and spam posts keep their message in the export;
it is not shown: they become "[deleted]" placeholders when they have replies.
"""

from __future__ import annotations

from dataclasses import replace

from ..decode import InputError
from .markup import format_date, html_paragraphs
from .records import Kind, Record, article_lines, clean
from .xmltree import Part, attr, child, child_text, combine, local, parse


def looks_like(head: str) -> bool:
    return "<disqus" in head


def _true(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes")


def read(text: str):
    root = parse(text, "disqus")
    if local(root.tag) != "disqus":
        raise InputError("disqus: the root element is not <disqus>")
    threads: dict[str, Part] = {}
    posts: dict[str, list[Record]] = {}
    for element in root:
        kind = local(element.tag)
        if kind == "thread":
            key = attr(element, "id") or child_text(element, "id")
            title = clean(child_text(element, "title"))
            link = clean(child_text(element, "link"))
            article = article_lines(title, (link,) if link else (),
                                    html_paragraphs(child_text(element, "message")))
            threads[key] = Part(key, title, article, ())
        elif kind == "post":
            thread = attr(child(element, "thread"), "id")
            author = child(element, "author")
            name = None
            if author is not None:
                name = clean(child_text(author, "name") or child_text(author, "username")) or None
            gone = _true(child_text(element, "isDeleted")) or _true(child_text(element, "isSpam"))
            posts.setdefault(thread, []).append(
                Record(
                    id=attr(element, "id") or child_text(element, "id"),
                    parent=attr(child(element, "parent"), "id") or None,
                    paragraphs=html_paragraphs(child_text(element, "message")),
                    author=name,
                    date=format_date(child_text(element, "createdAt")),
                    kind=Kind.DELETED if gone else Kind.COMMENT,
                )
            )
    parts = [replace(p, records=tuple(posts.get(k, ()))) for k, p in threads.items()]
    parts += [Part(k, k, (), tuple(v)) for k, v in posts.items() if k not in threads]
    return combine(parts, "disqus")
