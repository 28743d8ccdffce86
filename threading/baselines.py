"""The two baseline attachers that `eval` always reports beside the real method."""

from __future__ import annotations

from collections.abc import Sequence

from .model import AuthorSource, Evidence
from .stages import AttachContext, Draft, Link


def _given(draft: Draft) -> dict:
    if draft.author:
        return {"author": draft.author, "author_source": AuthorSource.GIVEN}
    return {}


def attach_all_root(drafts: Sequence[Draft], context: AttachContext) -> tuple[Link, ...]:
    """Every comment is top level."""
    ev = (Evidence("baseline", "all-root: every comment is top level"),)
    return tuple(Link(None, 0.0, ev, **_given(d)) for d in drafts)


def attach_chain(drafts: Sequence[Draft], context: AttachContext) -> tuple[Link, ...]:
    """Every comment replies to the one before it."""
    ev = (Evidence("baseline", "chain: replies to the previous comment"),)
    return tuple(
        Link(i - 1 if i else None, 0.0, ev, **_given(d)) for i, d in enumerate(drafts)
    )
