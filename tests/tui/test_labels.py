"""Authors in the reader and in print: given ones plain, worked-out ones marked, however
they were worked out."""

import pytest
from threadloom.threading.export import author_label
from threadloom.threading.model import AuthorSource, Discussion, Source
from threadloom.tui.labels import (
    MARK_LOW,
    author_source_words,
    author_text,
    comment_detail,
    counted,
    tree_label,
)
from tui_fixtures import _c


@pytest.mark.parametrize(("source", "shown", "printed"), [
    (AuthorSource.GIVEN, "Anna", "Anna"),
    (AuthorSource.GREETING, "~Anna", "Anna (inferred)"),
    (AuthorSource.CONVERSATION, "~Anna", "Anna (inferred)"),
])
def test_inferred_authors_are_marked_everywhere(source, shown, printed):
    c = _c("x", 0, 1, ["Text."], author="Anna", source=source)
    assert author_text(c).plain == shown
    assert author_label(c) == printed
    assert ("inferred" in author_source_words(c)) == (source is not AuthorSource.GIVEN)


def test_an_unknown_author_is_a_question_mark():
    c = _c("x", 0, 1, ["Text."])
    assert author_text(c).plain == "?" and author_label(c) == "?"
    assert not c.author_inferred


@pytest.mark.parametrize(("n", "shown"), [(0, "0 lines"), (1, "1 line"), (2, "2 lines"),
                                          (100_000, "100,000 lines")])
def test_counts_are_english_plurals_with_thousands_separated(n, shown):
    assert counted(n, "line") == shown


@pytest.mark.parametrize("parent", [None, "p"])
@pytest.mark.parametrize(("confidence", "marked"), [(0.3, True), (0.8, False)])
def test_a_doubtful_link_is_marked_a_reply_or_a_top_level_one(parent, confidence, marked):
    # A top-level place is a guess too, and in a bare dump so is the comment's start.
    p = _c("p", 0, 1, ["Erster."], confidence=1.0)
    c = _c("x", 1, 2, ["Text."], parent=parent, depth=0 if parent is None else 1,
           confidence=confidence)
    d = Discussion(title="t", language="de", article=None, chrome=(), comments=(p, c),
                   source=Source())
    assert (MARK_LOW in tree_label(c).plain) == marked
    assert (f"{MARK_LOW} low" in comment_detail(d, c).plain) == marked
