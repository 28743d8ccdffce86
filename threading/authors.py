"""Who wrote which comment, when the dump does not say: inferred from greetings.

A reply to c that says "Hallo Peter" makes Peter c's author; later greetings to Peter then
point to his comments.  Two weaker rules follow the turns of a conversation: whoever
greets B in a reply to B's answer to A is probably A again (A-B-A), and "Chili hat recht"
in a reply to Chris's comment names the author Chris answered.  A writer who defends an
earlier comment ("Verstehe mich nicht falsch") is the author of the comment two levels up.
A greeting names a person as people call them ("Hi John", "@maryk"), pages sign comments
with handles ("JohnDoe", "MaryK"): `same_person` tells whether the two are one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from functools import lru_cache

from .cues import Cues
from .model import AuthorSource
from .text import RUNS

# A name's words: runs of letters or of digits, and a capital after a small letter starts
# a word ("JohnDoe", "john_doe", "John.Doe" and "@john doe" all say john, doe).
_CAMEL = re.compile(r"(?<=[a-zäöüßæøåé])(?=[A-ZÄÖÜÆØÅÉ])")
_FIRST_NAME_MIN = 3  # "Al" alone is too short to pick out a handle


@lru_cache(maxsize=8192)  # the same few names are compared again and again
def name_words(name: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in RUNS.findall(_CAMEL.sub(" ", name)))


def same_person(greeted: str | None, author: str | None) -> bool:
    """Whether a name from a greeting or mention and an author's name are one person: the
    same words whatever the case and separators ("@maryk", "MaryK"), or one of them is a
    single word, the other's first ("John" for "JohnDoe", "Peter" for "Peter_S")."""
    if not greeted or not author:
        return False
    if greeted == author:
        return True
    g, a = name_words(greeted), name_words(author)
    if not g or not a:
        return False
    if "".join(g) == "".join(a):  # "maryk" is "MaryK"
        return True
    short, long = (g, a) if len(g) <= len(a) else (a, g)
    return len(short) == 1 and len(short[0]) >= _FIRST_NAME_MIN and short[0] == long[0]


def _keys(name: str) -> set[str]:
    """Where the author index files a name: under its first word and its words run
    together, which every name that same_person matches with it shares one of."""
    words = name_words(name)
    return {words[0], "".join(words)} if words else {name}


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
        # Per author (filed by _keys), the comments known to be theirs, in dump order:
        # finding a greeted author's earlier comments then costs a lookup, not a pass
        # over the dump.  Built on the first such search (chronological order only).
        self._by_name: dict[str, list[int]] | None = None
        # What each change replaced, so that a decoder can take links back (rewind).
        self._journal: list[tuple[int, str | None, AuthorSource, bool]] = []

    def known(self, i: int | None) -> str | None:
        return None if i is None else self.name[i]

    def _set(self, i: int | None, name: str, source: AuthorSource) -> bool:
        # Direct evidence (a greeting) overrides a guess from the turns of a conversation.
        if i is None or _RANK[self.source[i]] >= _RANK[source]:
            return False
        self._journal.append((i, self.name[i], self.source[i], self.guessed[i]))
        self._put(i, name, source)
        return True

    def _put(self, i: int, name: str | None, source: AuthorSource) -> None:
        old = self.name[i]
        if self._by_name is not None:
            for key in _keys(old) if old else ():
                self._by_name[key].remove(i)
            for key in _keys(name) if name else ():
                insort(self._by_name.setdefault(key, []), i)
        self.name[i], self.source[i] = name, source
        self.guessed[i] = source is AuthorSource.CONVERSATION

    def mark(self) -> int:
        """Where the book stands now, for `rewind`."""
        return len(self._journal)

    def rewind(self, mark: int) -> None:
        """Undo every change made since `mark`."""
        journal = self._journal
        while len(journal) > mark:
            i, name, source, guessed = journal.pop()
            self._put(i, name, source)
            self.guessed[i] = guessed

    def adopt(self, start: int, book: AuthorBook) -> None:
        """Take the authors of comments start.. from another book (a decode of the dump's
        second half, which learnt them from those comments alone)."""
        self.name[start:] = book.name[start:]
        self.source[start:] = book.source[start:]
        self.guessed[start:] = book.guessed[start:]
        self._by_name = None
        self._journal.clear()  # what it replaced is no longer known

    def latest_by(self, name: str, before: int, count: int) -> list[int]:
        """The last `count` comments before index `before` whose author is `name` (or
        the same person: see same_person), newest first."""
        if self._by_name is None:
            self._by_name = _index(self.name)
        found: set[int] = set()
        for key in _keys(name):
            filed = self._by_name.get(key, [])
            taken = 0
            for k in range(bisect_left(filed, before) - 1, -1, -1):
                if taken == count:
                    break
                if same_person(name, self.name[filed[k]]):
                    found.add(filed[k])
                    taken += 1
        return sorted(found, reverse=True)[:count]

    def after_link(self, i: int, parent: int | None, parents: Sequence[int | None],
                   cues: Cues) -> None:
        """Apply what comment i's text says now that its parent is chosen."""
        if parent is None:
            return
        grand = parents[parent]
        if cues.greeting:
            self._set(parent, cues.greeting, AuthorSource.GREETING)
            a = self.known(grand)
            if a and not same_person(cues.greeting, a) and not named(a, cues.mentions):
                self._set(i, a, AuthorSource.CONVERSATION)
        for name in cues.mentions:
            if grand is not None and not same_person(name, self.known(parent)):
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
                if (g and a and not same_person(g, a) and same_person(g, self.name[p])
                        and not named(a, cues[i].mentions)):
                    changed |= self._set(i, a, AuthorSource.CONVERSATION)
            if not changed:
                return


def named(author: str | None, names: Sequence[str]) -> bool:
    """Whether one of `names` (greeted or mentioned) is `author`."""
    return any(same_person(name, author) for name in names)


def _index(names: Sequence[str | None]) -> dict[str, list[int]]:
    by_name: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        if name:
            for key in _keys(name):
                by_name.setdefault(key, []).append(i)
    return by_name
