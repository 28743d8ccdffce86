"""Choosing each comment's parent: the attachers, selectable by name."""

from __future__ import annotations

from collections.abc import Sequence

from .baselines import attach_all_root, attach_chain
from .score import attach_scored
from .stages import AttachContext, Attacher, Draft, Link

ATTACHERS: dict[str, Attacher] = {
    "all-root": attach_all_root,
    "chain": attach_chain,
    "scored": attach_scored,
}
DEFAULT_ATTACHER = "scored"


def get_attacher(name: str) -> Attacher:
    key = name.replace("_", "-")
    try:
        return ATTACHERS[key]
    except KeyError:
        known = ", ".join(sorted(ATTACHERS))
        raise ValueError(f"unknown attacher {name!r} (known: {known})") from None


def attach(
    drafts: Sequence[Draft], context: AttachContext, attacher: str = DEFAULT_ATTACHER
) -> tuple[Link, ...]:
    links = get_attacher(attacher)(drafts, context)
    return enforce_order(links, context.order)


def enforce_order(links: Sequence[Link], order: str) -> tuple[Link, ...]:
    """Make the links a tree in the dump's order: a parent comes before its reply and, in
    depth-first order, is the previous comment or one of its ancestors.  A link that breaks
    this (an attacher bug) becomes top level rather than a cycle or a crash."""
    out: list[Link] = []
    stack: list[int] = []  # the previous comment and its ancestors, depth-first only
    for i, link in enumerate(links):
        p = link.parent
        valid = p is None or 0 <= p < i
        if valid and order == "depth-first" and p is not None:
            valid = p in stack
        if not valid:
            link = Link(None, 0.0, link.evidence, link.author, link.author_source)
            p = None
        if order == "depth-first":
            if p is None:
                stack.clear()
            else:
                del stack[stack.index(p) + 1 :]
            stack.append(i)
        out.append(link)
    return tuple(out)
