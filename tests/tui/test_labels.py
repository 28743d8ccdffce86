"""Authors in the reader and in print: given ones plain, worked-out ones marked, however
they were worked out."""

import pytest
from threadloom.threading.export import author_label
from threadloom.threading.model import AuthorSource
from threadloom.tui.labels import author_source_words, author_text, counted
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
