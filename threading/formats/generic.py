"""Generic JSON and JSON Lines: records with an id, a parent reference and a text.

Field names vary between tools, so each field is looked up under its common names;
nested `replies`/`children` lists are accepted too (a reply's parent is then the record
it is nested in). Values of the wrong type are coerced where the meaning is clear (a
numeric id, a list of paragraphs) and refused with a clear message where it is not.
"""

from __future__ import annotations

import re
from typing import Any

from ..decode import InputError
from ..model import Role
from .markup import format_date, html_paragraphs
from .records import Kind, Record, Thread, article_lines, clean, line_paragraphs, str_or_none

ID_KEYS = ("id", "comment_id", "commentId", "_id", "uid", "uuid", "key")
PARENT_KEYS = ("parent_id", "parentId", "in_reply_to", "inReplyTo", "reply_to", "replyTo",
               "parent")
TEXT_KEYS = ("text", "body", "content", "comment", "message", "html")
AUTHOR_KEYS = ("author", "user", "username", "name", "by", "user_name", "author_name")
DATE_KEYS = ("created", "created_at", "createdAt", "time", "timestamp", "date")
NESTED_KEYS = ("replies", "children")  # a comment's replies, nested inside it
# Lists of comments held by a post (the post is then the article).
_HOLDER_KEYS = ("comments", "items", "records", "posts", "messages", "data")
LIST_KEYS = (*_HOLDER_KEYS, *NESTED_KEYS)
DELETED_KEYS = ("deleted", "is_deleted", "isDeleted", "removed", "dead")

_HTML = re.compile(r"<(p|br|div|a|i|b|em|strong|blockquote|pre|code)\b", re.I)
_DELETED_TEXT = frozenset({"[deleted]", "[removed]", "[gelöscht]"})


def first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in record and record[key] is not None:
            return record[key]
    return None


def person(value: Any) -> str | None:
    """An author given as a name, or as an object with a name inside."""
    if isinstance(value, dict):
        value = first(value, ("name", "username", "login", "display_name", "displayName", "id"))
    return str_or_none(value)


def paragraphs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) and _HTML.search(value):
        return html_paragraphs(value)
    if isinstance(value, dict):  # e.g. {"text": ...} or {"html": ...}
        return paragraphs(first(value, TEXT_KEYS))
    if isinstance(value, list):
        return tuple(p for item in value for p in paragraphs(item))
    if isinstance(value, bool):
        return ()
    return line_paragraphs(value)


def _ref(value: Any) -> str | None:
    if isinstance(value, dict):
        value = first(value, ID_KEYS)
    return str_or_none(value)


def record_list(doc: Any) -> tuple[list[Any], str, tuple[tuple[Role, str], ...]]:
    """The records of a document, its title and its article (a post with comments)."""
    if isinstance(doc, list):
        return doc, "", ()
    if not isinstance(doc, dict):
        raise InputError(f"JSON: expected a list of comments or an object, got {_kind(doc)}")
    title = clean(doc["title"]) if isinstance(doc.get("title"), str) else ""
    text = first(doc, TEXT_KEYS)
    for key in _HOLDER_KEYS:  # a post holding its comments: the post is the article
        if isinstance(doc.get(key), list):
            return doc[key], title, article_lines(title, paragraphs(text))
    if text is not None and not isinstance(text, list):
        return [doc], title, ()  # one comment with its replies nested inside
    for key in NESTED_KEYS:
        if isinstance(doc.get(key), list):
            return doc[key], title, ()
    raise InputError("JSON: no list of comments found (looked for "
                      + ", ".join(LIST_KEYS) + ")")


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            type(None): "null"}.get(type(value), "a number")


def read(doc: Any) -> Thread:
    items, title, article = record_list(doc)
    records: list[Record] = []
    # (item, parent id from nesting or None, path for ids of records that have none)
    stack: list[tuple[Any, str | None, str]] = [
        (item, None, f"#{i + 1}") for i, item in reversed(list(enumerate(items)))
    ]
    while stack:  # iterative: nesting may be deeper than the recursion limit
        item, nested_parent, path = stack.pop()
        if not isinstance(item, dict):
            raise InputError(f"JSON: comment {path} is {_kind(item)}, not an object")
        rid = _ref(first(item, ID_KEYS)) or path
        parent = nested_parent if nested_parent is not None else _ref(first(item, PARENT_KEYS))
        text = paragraphs(first(item, TEXT_KEYS))
        deleted = any(item.get(k) is True for k in DELETED_KEYS) or (
            len(text) == 1 and text[0].lower() in _DELETED_TEXT
        )
        records.append(
            Record(
                id=rid,
                parent=parent,
                paragraphs=text,
                author=person(first(item, AUTHOR_KEYS)),
                date=format_date(first(item, DATE_KEYS)),
                kind=Kind.DELETED if deleted else Kind.COMMENT,
            )
        )
        for key in NESTED_KEYS:
            kids = item.get(key)
            if kids is None or kids == "":
                continue
            if isinstance(kids, dict) and isinstance(kids.get("children"), list):
                kids = kids["children"]
            if not isinstance(kids, list):
                raise InputError(f"JSON: {key!r} of comment {rid!r} is {_kind(kids)}, not a list")
            nested = [(kid, rid, f"{path}.{j + 1}") for j, kid in enumerate(kids)]
            stack.extend(reversed(nested))
    return Thread(tuple(records), title=title, article=article)
