"""The outline: visible rows under folds and filters, guides, navigation helpers."""

from __future__ import annotations

from threadloom.threading.model import Comment, Discussion, Line
from threadloom.tui.outline import ARTICLE, CHROME, MAX_GUIDE_DEPTH, Outline
from tui_fixtures import fixed_discussion

ALL = [ARTICLE, CHROME, *"abcdefgh"]


def test_rows_and_guides():
    o = Outline(fixed_discussion())
    assert o.keys == ALL
    stems = {r.key: r.stem for r in o.rows}
    assert stems == {ARTICLE: "", CHROME: "├╴", "a": "├╴", "b": "│ ├╴", "c": "│ │ └╴",
                     "d": "│ │   └╴", "e": "│ └╴", "f": "├╴", "g": "│ └╴", "h": "└╴"}


def test_fold_and_unfold_splice_only_the_subtree():
    o = Outline(fixed_discussion())
    assert o.fold("b")
    assert o.keys == [ARTICLE, CHROME, "a", "b", "e", "f", "g", "h"]
    assert not o.fold("b") and not o.fold("d")  # already folded / no replies
    o.fold("a")
    assert o.keys == [ARTICLE, CHROME, "a", "f", "g", "h"]
    o.unfold("a")  # "b" keeps its own fold
    assert o.keys == [ARTICLE, CHROME, "a", "b", "e", "f", "g", "h"]
    o.unfold("b")
    assert o.keys == ALL


def test_fold_all_unfold_all_and_depths():
    o = Outline(fixed_discussion())
    o.fold_all()
    assert o.keys == [ARTICLE, CHROME, "a", "f", "h"]
    o.fold_to_depth(2)
    assert o.keys == [ARTICLE, CHROME, "a", "b", "e", "f", "g", "h"]
    o.unfold_all()
    assert o.keys == ALL
    o.unfold(CHROME)
    assert o.keys[2:5] == ["@chrome:4", "@chrome:5", "@chrome:6"]


def test_filter_keeps_matches_and_their_ancestors_with_fresh_guides():
    o = Outline(fixed_discussion())
    o.set_filter(["c"])
    assert o.keys == [ARTICLE, "a", "b", "c"]
    assert o.row(1).stem == "└╴"  # "a" is the last visible thread now
    o.set_filter(None)
    assert o.keys == ALL


def test_reveal_unfolds_ancestors():
    o = Outline(fixed_discussion())
    o.fold_all()
    assert o.reveal(["d"])
    assert "d" in o.keys
    assert not o.reveal(["d"])


def test_navigation():
    o = Outline(fixed_discussion())
    assert o.parent("c") == "b" and o.parent("a") == ARTICLE and o.parent(ARTICLE) is None
    assert o.sibling("b", 1) == "e" and o.sibling("e", 1) is None
    assert o.first_child("a") == "b"
    assert o.thread_step(ARTICLE, 1) == "a"
    assert o.thread_step("c", 1) == "f"
    assert o.thread_step("c", -1) == "a"
    assert o.thread_step("a", -1) is None
    assert o.subtree_size("a") == 4


def test_restore_ignores_unknown_keys():
    o = Outline(fixed_discussion())
    o.restore(["a", "zzz"])
    assert o.folded == {"a"}


def test_depth_first_dumps_are_in_tree_order():
    assert Outline(fixed_discussion()).dump_order_is_tree_order


def _chain(n: int) -> Discussion:
    comments = tuple(
        Comment(id=f"k{i}", index=i, lines=(Line(i + 1, f"comment {i}"),),
                parent=None if i == 0 else f"k{i - 1}", depth=i)
        for i in range(n)
    )
    return Discussion(title="chain", language="en", article=None, chrome=(), comments=comments)


def test_very_deep_threads_keep_a_bounded_indent():
    o = Outline(_chain(200))
    assert len(o.keys) == 201  # iterative: no recursion limit
    deepest = o.row(200)
    assert len(deepest.stem) <= 2 * MAX_GUIDE_DEPTH


def test_chronological_order_is_detected():
    d = _chain(3)
    swapped = (d.comments[0], d.comments[2], d.comments[1])
    d2 = Discussion(title="x", language="en", article=None, chrome=(), comments=swapped)
    o = Outline(d2)
    assert not o.dump_order_is_tree_order
    assert o.tree_position("k1") < o.tree_position("k2")
