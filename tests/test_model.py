from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from threadloom.threading import pipeline
from threadloom.threading.lines import split_lines
from threadloom.threading.model import Comment, Discussion, Line, stable_ids
from threadloom.threading.pipeline import reconstruct


def make(parents: list[int | None]) -> Discussion:
    """A discussion whose comment i replies to comment parents[i]."""
    ids = [f"c{i}" for i in range(len(parents))]
    depth: list[int] = []
    comments = []
    for i, p in enumerate(parents):
        depth.append(0 if p is None else depth[p] + 1)
        comments.append(
            Comment(ids[i], i, (Line(i + 1, f"text {i}"),), None if p is None else ids[p], depth[i])
        )
    return Discussion("t", "de", None, (), tuple(comments))


#  0
#  ├─ 1
#  │  └─ 2
#  └─ 3
#  4
#  └─ 5
D = make([None, 0, 1, 0, None, 4])


def test_children_and_roots():
    assert [c.id for c in D.roots] == ["c0", "c4"]
    assert [c.id for c in D.children("c0")] == ["c1", "c3"]
    assert D.child_count("c2") == 0
    assert D.thread_count == 2


def test_ancestors_parent_first():
    assert [c.id for c in D.ancestors("c2")] == ["c1", "c0"]
    assert D.ancestors("c0") == ()
    assert D.parent("c0") is None


def test_siblings_and_steps():
    assert [c.id for c in D.siblings("c1")] == ["c1", "c3"]
    assert D.next_sibling("c1").id == "c3"
    assert D.next_sibling("c3") is None
    assert D.next_sibling("c3", -1).id == "c1"


def test_top_level_navigation():
    assert D.top_level("c2").id == "c0"
    assert D.next_top_level("c2").id == "c4"
    assert D.next_top_level("c5", -1).id == "c0"
    assert D.next_top_level("c5") is None


def test_descendants_depth_first():
    assert [c.id for c in D.descendants("c0")] == ["c1", "c2", "c3"]
    assert [c.id for c in D.descendants(None)] == [f"c{i}" for i in range(6)]
    assert D.subtree_size("c0") == 3


def test_deep_chain_needs_no_recursion():
    deep = make([None, *range(5000)])
    assert len(deep.ancestors("c5000")) == 5000
    assert deep.subtree_size("c0") == 5000


def test_stable_ids_depend_on_text_and_occurrence_only():
    ids = stable_ids(["Ja.", "Nein", "Ja.", "Ja. "])
    assert ids[0] != ids[2] and ids[2] != ids[3]
    assert len(set(ids)) == 4
    assert stable_ids(["x", "Ja."])[1] == ids[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(["", "   ", "\t", "Antworten", "Hallo Peter, ja.",
                             "1. Juni 2015, 18:06", "user12", "Reply", "  indented sidebar",
                             "Transparenz: Partnerlinks", "level 2", "•Share ›",
                             "John Doe • 3 years ago", "· 3 hr. ago", "    Eingerückt, ja.",
                             "        Noch tiefer.", "Reply · Share", "Abonnent",
                             "Peter schrieb: nein", "·", "Sort by: Best", "128 Comments",
                             "Most read", "Like · Reply · 3h", "· edited 1 hr. ago",
                             "pg 3 hours ago | parent | next [–]", "Show 5 more replies",
                             "#1.1 — vor 2 Stunden", "1.2K", "John Doe agreed, yes.",
                             "Re: Klarna und KI", "@maryk", "Top", "Quote",
                             "Post by anna_k » Mon Jun 10, 2024 2:32 pm"]),
        ),
        max_size=40,
    )
)
def test_every_non_blank_line_is_placed_exactly_once(rows):
    text = "\n".join(rows)
    d = reconstruct(text)
    placed = Counter(line.number for _, line in d.placed_lines())
    expected = {sl.number for sl in split_lines(text) if not sl.blank}
    assert set(placed) == expected
    assert all(n == 1 for n in placed.values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=30))
def test_tree_is_well_formed(rows):
    d = reconstruct("\n".join(rows))
    seen: set[str] = set()
    for c in d.comments:
        if c.parent is not None:
            assert c.parent in seen  # parents come first
            assert c.depth == d[c.parent].depth + 1
        else:
            assert c.depth == 0
        seen.add(c.id)
    assert len(seen) == len(d.comments)


def test_reconstruct_reports_the_time_of_each_stage_in_order(monkeypatch):
    plain = reconstruct("Erster Beitrag.\nHallo Peter, zweiter Beitrag.\n")
    ticks = itertools.count()  # a clock that moves one second each time it is read
    monkeypatch.setattr(pipeline.time, "perf_counter", lambda: float(next(ticks)))
    timings: dict[str, float] = {}
    timed = reconstruct("Erster Beitrag.\nHallo Peter, zweiter Beitrag.\n", timings=timings)
    # Laps, each from the one before (times since the start would read 1, 2, 3, ...).
    assert timings == dict.fromkeys(["lines", "language", "segment", "read", "attach", "build"],
                                    1.0)
    assert list(timings) == ["lines", "language", "segment", "read", "attach", "build"]
    assert timed == plain  # measuring changes nothing
