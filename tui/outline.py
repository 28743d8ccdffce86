"""The reader's tree as rows: which nodes are visible given folds and a filter.

Pure (no Textual): the tree widget only draws `row(i)`.  Nothing is created per comment
up front except a few index dicts; the visible rows are a list of keys (guides are
computed when a row is drawn), folding or unfolding one node splices only that node's
subtree, and whole-tree folds reuse one pass over the unfolded order, so a key press costs
time in proportion to what changes, not to the size of the dump.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from threadloom.threading.model import Discussion

ARTICLE = "@article"  # the root row
CHROME = "@chrome"  # the single "page chrome (N lines)" row under the root
CHROME_LINE = "@chrome:"  # + line number: one chrome line, shown when CHROME is unfolded

# Guides: two cells per level, drawn from plain characters.
_TEE, _ELBOW, _PIPE, _SPACE = "├╴", "└╴", "│ ", "  "
MAX_GUIDE_DEPTH = 24  # deeper rows keep this indent and show their depth instead


@dataclass(frozen=True, slots=True)
class Row:
    key: str  # ARTICLE, CHROME or a comment id
    depth: int  # 0 for the article, 1 for top-level comments
    stem: str  # the guide characters before the fold marker


class Outline:
    """Visible rows of the tree, with fold state and an optional filter."""

    def __init__(self, discussion: Discussion) -> None:
        self.discussion = discussion
        kids: dict[str, list[str]] = {ARTICLE: []}
        parent: dict[str, str] = {}
        if discussion.chrome:
            kids[ARTICLE].append(CHROME)
            parent[CHROME] = ARTICLE
            kids[CHROME] = [f"{CHROME_LINE}{line.number}"
                            for block in discussion.chrome for line in block.lines]
            for k in kids[CHROME]:
                parent[k] = CHROME
        for c in discussion.comments:
            p = ARTICLE if c.parent is None else c.parent
            kids.setdefault(p, []).append(c.id)
            parent[c.id] = p
        self._kids = kids
        self._parent = parent
        depth = {ARTICLE: 0}
        for k in parent:  # climb to a known depth, then fill in the chain walked
            chain = []
            while k not in depth:
                chain.append(k)
                k = parent[k]
            d = depth[k]
            for c in reversed(chain):
                d += 1
                depth[c] = d
        self._depth = depth
        self._last_cache: dict[str, str] = {}  # key -> last visible child (filter-aware)
        # comments with replies: what "fold all" and "fold to depth" act on
        self._inner = [k for k, v in kids.items() if v and k not in (ARTICLE, CHROME)]
        self.folded: set[str] = {CHROME} if discussion.chrome else set()
        self.allowed: set[str] | None = None  # the filter: keys that may show
        self.keys: list[str] = []  # the visible rows, top to bottom
        self._order: dict[str, int] | None = None
        self._order_keys: list[str] | None = None
        self._dump_is_tree: bool | None = None
        self._order_depths: list[int] | None = None
        self._depth_cache: dict[int, tuple[frozenset[str], list[str]]] = {}
        self.rebuild()

    # -- structure ------------------------------------------------------------
    def children(self, key: str) -> list[str]:
        kids = self._kids.get(key, [])
        if self.allowed is None:
            return kids
        return [k for k in kids if k in self.allowed]

    def parent(self, key: str) -> str | None:
        return self._parent.get(key)

    def ancestors(self, key: str) -> Iterator[str]:
        current = self._parent.get(key)
        while current is not None:
            yield current
            current = self._parent.get(current)

    def is_comment(self, key: str) -> bool:
        return not key.startswith("@")

    def has_children(self, key: str) -> bool:
        return bool(self.children(key))

    def subtree_size(self, key: str) -> int:
        """How many replies a comment has, all the way down (what a folded row counts)."""
        return self.discussion.subtree_size(key)

    def is_folded(self, key: str) -> bool:
        return key in self.folded and self.has_children(key)

    def _is_last(self, key: str) -> bool:
        p = self._parent[key]
        last = self._last_cache.get(p)
        if last is None:
            kids = self.children(p)
            last = self._last_cache[p] = kids[-1] if kids else ""
        return last == key

    def stem(self, key: str) -> str:
        """The guides before a row: "│ │ └╴"; computed when drawn, so rows stay cheap."""
        depth = self._depth[key]
        if depth == 0:
            return ""
        parts = [_ELBOW if self._is_last(key) else _TEE]
        current = self._parent[key]
        while current != ARTICLE:
            parts.append(_SPACE if self._is_last(current) else _PIPE)
            current = self._parent[current]
        parts.reverse()
        if depth > MAX_GUIDE_DEPTH:  # keep the outer guides; the label shows the depth
            parts = [*parts[:MAX_GUIDE_DEPTH - 1], parts[-1]]
        return "".join(parts)

    def row(self, i: int) -> Row:
        key = self.keys[i]
        return Row(key, self._depth[key], self.stem(key))

    @property
    def rows(self) -> list[Row]:
        """Every visible row as a Row (for tests and small trees; the widget uses row(i))."""
        return [self.row(i) for i in range(len(self.keys))]

    @property
    def preorder(self) -> dict[str, int]:
        """Every key's position in the fully unfolded tree (search sorts matches by it)."""
        if self._order is None:
            order: dict[str, int] = {}
            stack = [ARTICLE]
            while stack:
                k = stack.pop()
                order[k] = len(order)
                stack.extend(reversed(self._kids.get(k, ())))
            self._order = order
        return self._order

    @property
    def dump_order_is_tree_order(self) -> bool:
        """True for depth-first dumps: then a comment's index orders it in the tree too."""
        if self._dump_is_tree is None:
            order = self.preorder
            ranks = [order[c.id] for c in self.discussion.comments]
            self._dump_is_tree = all(a < b for a, b in itertools.pairwise(ranks))
        return self._dump_is_tree

    def tree_position(self, key: str) -> int:
        """A number that orders keys as the fully unfolded tree does (for search)."""
        if self.dump_order_is_tree_order:
            return self.discussion[key].index if self.is_comment(key) else -1
        return self.preorder[key]

    # -- rows -----------------------------------------------------------------
    def _expand(self, key: str) -> list[str]:
        """Keys of the visible descendants of `key`, depth-first (iterative)."""
        if key in self.folded:
            return []
        folded = self.folded
        if self.allowed is None:  # the common case: plain dict lookups, no filter check
            kids_of = self._kids
            if key == ARTICLE and not folded - {CHROME}:  # nothing folded: the whole tree
                below = self._all_keys()[1:]
                if CHROME in folded:
                    below = [k for k in below if not k.startswith(CHROME_LINE)]
                return below
            children = kids_of.get
        else:
            children = self.children  # type: ignore[assignment]
        out: list[str] = []
        stack = list(reversed(children(key) or ()))
        while stack:
            k = stack.pop()
            out.append(k)
            if k not in folded:
                kids = children(k)
                if kids:
                    stack.extend(reversed(kids))
        return out

    def _all_keys(self) -> list[str]:
        order = self.preorder  # insertion-ordered: the fully unfolded tree, top to bottom
        if self._order_keys is None:
            self._order_keys = list(order)
        return self._order_keys

    def _all_depths(self) -> list[int]:
        """Depths aligned with _all_keys(); chrome lines count as infinitely deep, since
        they show only under an unfolded chrome row, which depth folds never unfold."""
        if self._order_depths is None:
            depth, hidden = self._depth, 1 << 30
            self._order_depths = [hidden if k.startswith(CHROME_LINE) else depth[k]
                                  for k in self._all_keys()]
        return self._order_depths

    def rebuild(self) -> None:
        self.keys = [ARTICLE, *self._expand(ARTICLE)]

    def row_of(self, key: str) -> int | None:
        """The visible row of a key, or None.  A C-speed scan (about 1 ms at 100k rows)
        beats keeping a key -> row dict in step with every splice."""
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def _subtree_end(self, i: int) -> int:
        depth = self._depth
        keys = self.keys
        d = depth[keys[i]]
        j = i + 1
        while j < len(keys) and depth[keys[j]] > d:
            j += 1
        return j

    # -- folding --------------------------------------------------------------
    def fold(self, key: str) -> bool:
        """Fold a node; returns whether anything changed."""
        if not self.has_children(key) or key in self.folded:
            return False
        self.folded.add(key)
        i = self.row_of(key)
        if i is not None:
            del self.keys[i + 1 : self._subtree_end(i)]
        return True

    def unfold(self, key: str) -> bool:
        if key not in self.folded:
            return False
        self.folded.discard(key)
        i = self.row_of(key)
        if i is not None:
            self.keys[i + 1 : i + 1] = self._expand(key)
        return self.has_children(key)

    def toggle(self, key: str) -> bool:
        return self.unfold(key) if key in self.folded else self.fold(key)

    def fold_all(self) -> None:
        """Fold every node below the article: only the threads' first comments show."""
        self.fold_to_depth(1)

    def unfold_all(self) -> None:
        self.folded = {CHROME} if CHROME in self._parent else set()
        self.rebuild()

    def fold_to_depth(self, depth: int) -> None:
        """Show `depth` levels of comments (1: top level only); fold everything deeper."""
        cached = self._depth_cache.get(depth)
        if cached is None:
            depths = self._depth
            folded = frozenset(k for k in self._inner if depths[k] >= depth)
            if CHROME in self._parent:
                folded |= {CHROME}
            # Without a filter the visible rows are exactly the nodes this shallow.
            shallow = [k for k, d in zip(self._all_keys(), self._all_depths(), strict=True)
                       if d <= depth]
            cached = self._depth_cache[depth] = (folded, shallow)
        self.folded = set(cached[0])
        if self.allowed is not None:
            self.rebuild()
        else:  # copies of what the first press computed: a big dump stays under a frame
            self.keys = list(cached[1])

    def reveal(self, keys: Iterable[str]) -> bool:
        """Unfold the ancestors of each key so it shows; returns whether anything changed."""
        changed = False
        for key in keys:
            for a in self.ancestors(key):
                if a in self.folded:
                    self.folded.discard(a)
                    changed = True
        if changed:
            self.rebuild()
        return changed

    def set_filter(self, keys: Iterable[str] | None) -> None:
        """Show only these keys and their ancestors (None: everything)."""
        if keys is None:
            self.allowed = None
        else:
            allowed = {ARTICLE}
            for key in keys:
                if key in allowed:
                    continue
                allowed.add(key)
                for a in self.ancestors(key):
                    if a in allowed:
                        break
                    allowed.add(a)
            self.allowed = allowed
        self._last_cache = {}
        self.rebuild()

    # -- navigation -------------------------------------------------------------
    def first_child(self, key: str) -> str | None:
        kids = self.children(key)
        return kids[0] if kids else None

    def sibling(self, key: str, step: int) -> str | None:
        p = self._parent.get(key)
        if p is None:
            return None
        sibs = self.children(p)
        try:
            at = sibs.index(key) + step
        except ValueError:
            return None
        return sibs[at] if 0 <= at < len(sibs) else None

    def thread_step(self, key: str, step: int) -> str | None:
        """The previous/next top-level thread from here (the article counts as before all)."""
        tops = [k for k in self.children(ARTICLE) if self.is_comment(k)]
        if not tops:
            return None
        if not self.is_comment(key):  # the article and its chrome come before every thread
            return tops[0] if step > 0 else None
        top = self.discussion.top_level(key).id
        if step < 0 and top != key:
            return top  # from inside a thread, "previous" first goes to its start
        at = tops.index(top) + step if top in tops else -1
        return tops[at] if 0 <= at < len(tops) else None

    def restore(self, folded: Iterable[str]) -> None:
        known = self._kids
        self.folded = {k for k in folded if k in known or k in self._parent}
        self.rebuild()
