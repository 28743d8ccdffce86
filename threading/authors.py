"""Who wrote which comment, when the dump does not say: inferred from greetings.

A reply to c that says "Hallo Peter" makes Peter c's author; later greetings to Peter then
point to his comments.  Two weaker rules follow the turns of a conversation: whoever
greets B in a reply to B's answer to A is probably A again (A-B-A), and "Chili hat recht"
in a reply to Chris's comment names the author Chris answered.  A writer who defends an
earlier comment ("Verstehe mich nicht falsch") is the author of the comment two levels up.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence

from .cues import Cues
from .model import AuthorSource

_RANK = {AuthorSource.NONE: 0, AuthorSource.CONVERSATION: 1, AuthorSource.GREETING: 2,
         AuthorSource.GIVEN: 3}


class AuthorBook:
    """Authors per comment index, filled in as links are decided."""

    def __init__(self, given: Sequence[str | None]):
        self.name: list[str | None] = list(given)
        self.source: list[AuthorSource] = [
            AuthorSource.GIVEN if g else AuthorSource.NONE for g in given
        ]
        # Per comment: is its author only a guess from the turns of a conversation?
        self.guessed: list[bool] = [False for _ in given]
        # Per author, the comments known to be theirs, in dump order: finding a greeted
        # author's earlier comments then costs a lookup, not a pass over the dump.
        self._by_name = _index(self.name)

    def known(self, i: int | None) -> str | None:
        return None if i is None else self.name[i]

    def _set(self, i: int | None, name: str, source: AuthorSource) -> bool:
        # Direct evidence (a greeting) overrides a guess from the turns of a conversation.
        if i is None or _RANK[self.source[i]] >= _RANK[source]:
            return False
        old = self.name[i]
        if old:
            self._by_name[old].remove(i)
        insort(self._by_name.setdefault(name, []), i)
        self.name[i], self.source[i] = name, source
        self.guessed[i] = source is AuthorSource.CONVERSATION
        return True

    def adopt(self, start: int, book: AuthorBook) -> None:
        """Take the authors of comments start.. from another book (a decode of the dump's
        second half, which learnt them from those comments alone)."""
        self.name[start:] = book.name[start:]
        self.source[start:] = book.source[start:]
        self.guessed[start:] = book.guessed[start:]
        self._by_name = _index(self.name)

    def latest_by(self, name: str, before: int, count: int) -> list[int]:
        """The last `count` comments before index `before` whose author is `name`, newest
        first."""
        mine = self._by_name.get(name, [])
        end = bisect_left(mine, before)
        return mine[max(0, end - count):end][::-1]

    def after_link(self, i: int, parent: int | None, parents: Sequence[int | None],
                   cues: Cues) -> None:
        """Apply what comment i's text says now that its parent is chosen."""
        if parent is None:
            return
        grand = parents[parent]
        if cues.greeting:
            self._set(parent, cues.greeting, AuthorSource.GREETING)
            a = self.known(grand)
            if a and a != cues.greeting and a not in cues.mentions:
                self._set(i, a, AuthorSource.CONVERSATION)
        for name in cues.mentions:
            if grand is not None and name != self.known(parent):
                self._set(grand, name, AuthorSource.GREETING)

    def settle(self, parents: Sequence[int | None], cues: Sequence[Cues]) -> None:
        """Rules that need authors learnt later in the dump; repeated until nothing changes."""
        for _ in range(3):
            changed = False
            for i, p in enumerate(parents):
                grand = parents[p] if p is not None else None
                if grand is None:
                    continue
                if cues[i].self_reference:
                    if self.name[i] and not self.name[grand]:
                        changed |= self._set(grand, self.name[i], AuthorSource.CONVERSATION)
                    elif self.name[grand] and not self.name[i]:
                        changed |= self._set(i, self.name[grand], AuthorSource.CONVERSATION)
                g = cues[i].greeting
                a = self.name[grand]
                if g and a and a != g and self.name[p] == g and a not in cues[i].mentions:
                    changed |= self._set(i, a, AuthorSource.CONVERSATION)
            if not changed:
                return


def _index(names: Sequence[str | None]) -> dict[str, list[int]]:
    by_name: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if name:
            by_name.setdefault(name, []).append(i)
    return by_name
