"""What the XML exports (Disqus, WordPress) share: parsing with a clear error, and exports
that hold more than one thread."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..decode import InputError
from ..model import Evidence, Role
from .records import Kind, Record, Thread


def parse(text: str, what: str) -> ET.Element:
    # The stdlib parser resolves no external entities, and expat refuses entity expansion
    # bombs, so an untrusted export cannot reach the network or eat the memory.
    try:
        return ET.fromstring(text.lstrip("\ufeff"))
    except ET.ParseError as exc:
        line, column = exc.position
        at_end = line >= text.rstrip().count("\n") + 1
        hint = " (the file ends too early: cut off?)" if at_end else ""
        raise InputError(
            f"{what}: not well-formed XML at line {line}, column {column}{hint}"
        ) from None


def local(tag: object) -> str:
    """`{namespace}name` -> `name` (exports differ in namespace versions and prefixes)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local(c.tag) == name), None)


def child_text(element: ET.Element, name: str) -> str:
    found = child(element, name)
    return (found.text or "").strip() if found is not None else ""


def attr(element: ET.Element | None, name: str) -> str:
    """An attribute by local name, e.g. `dsq:id`."""
    if element is None:
        return ""
    return next((v for k, v in element.attrib.items() if local(k) == name), "").strip()


@dataclass(frozen=True)
class Part:
    """One thread (a Disqus thread, a WordPress post) with its comments."""

    key: str
    title: str
    article: tuple[tuple[Role, str], ...]
    records: tuple[Record, ...]


def combine(parts: Sequence[Part], what: str) -> Thread:
    """One thread: it is the discussion. Several: each becomes a top-level heading node."""
    with_comments = [p for p in parts if p.records]
    if len(with_comments) == 1 or (len(parts) == 1 and not with_comments):
        part = with_comments[0] if with_comments else parts[0]
        return Thread(part.records, part.title, part.article, frozenset({part.key}))
    if not with_comments:
        raise InputError(f"{what}: the export holds no comments")
    records: list[Record] = []
    for part in with_comments:
        key = f"thread:{part.key}"
        heading = tuple(text for _, text in part.article[:2]) or (part.title or part.key,)
        records.append(Record(key, None, heading, kind=Kind.STUB,
                              evidence=(Evidence("source", f"a thread of the {what} export"),)))
        # A comment of this thread whose parent is the thread itself hangs under its heading.
        records += [r if r.parent not in (None, "", part.key) else replace(r, parent=key)
                    for r in part.records]
    return Thread(tuple(records), what, ())
