"""Search on the model: folding, spans, regular expressions, incremental narrowing."""

from __future__ import annotations

import pytest
from threadloom.tui.search import SearchError, SearchIndex, compile_query, fold, fold_with_origin
from tui_fixtures import fixed_discussion


@pytest.mark.parametrize(("text", "folded"), [
    ("Bürokratie", "burokratie"), ("STRASSE", "strasse"), ("Straße", "strasse"),
    ("Ærø", "ærø"), ("café", "cafe"), ("e\u0301", "e"),
])
def test_fold_drops_case_and_accents(text, folded):
    assert fold(text) == folded


def test_fold_with_origin_maps_back_to_the_original():
    folded, origin = fold_with_origin("Große Bürokratie")
    assert folded == fold("Große Bürokratie")
    at = folded.index("burokratie")
    assert origin[at] == 6  # "ß" folds to two letters
    assert len(origin) == len(folded)


@pytest.mark.parametrize(("query", "text", "spans"), [
    ("burokratie", "Die Bürokratie, BUROKRATIE!", [(4, 14), (16, 26)]),
    ("strasse", "Eine Straße", [(5, 11)]),
    ("re:B.zi", "Bazi und Bozi", [(0, 4), (9, 13)]),
    ("re:x*", "abc", []),  # empty matches are not matches
    ("nichts", "Bazi", []),
])
def test_spans(query, text, spans):
    assert compile_query(query).spans(text) == spans


def test_a_bad_regular_expression_has_a_readable_message():
    with pytest.raises(SearchError, match=r"bad regular expression: .* at position 2"):
        compile_query("re:a(")


def test_empty_queries_match_nothing():
    index = SearchIndex(fixed_discussion())
    assert compile_query("").empty and compile_query("re:").empty
    assert index.find(compile_query("   ")) == []


def test_index_finds_in_dump_order_and_narrows_as_you_type():
    index = SearchIndex(fixed_discussion())
    assert index.find(compile_query("b")) == ["a", "c", "e", "f", "g"]
    assert index.find(compile_query("ba")) == ["a", "c", "g"]  # "abbauen"
    assert index.find(compile_query("bazi")) == ["c", "g"]
    assert index.find(compile_query("bazi a")) == ["g"]
    # a query that does not extend the previous one searches everything again
    assert index.find(compile_query("stimmt")) == ["d"]
    assert index.find(compile_query("re:^Stimmt")) == ["d"]


def test_authors_are_searched_too():
    index = SearchIndex(fixed_discussion())
    assert index.find(compile_query("bernd")) == ["c"]
    assert index.find(compile_query("re:^Dora$")) == ["h"]


def test_markup_in_comments_is_searched_as_text():
    index = SearchIndex(fixed_discussion())
    assert index.find(compile_query("[bold red]")) == ["f"]
    assert index.find(compile_query("re:\\[/\\]")) == ["f"]


def test_a_match_far_into_a_comment_is_brought_into_its_row():
    from threadloom.threading.model import Comment, Line
    from threadloom.tui.labels import tree_label

    c = Comment(id="x", index=0, lines=(Line(1, "word " * 30 + "Nadel am Ende"),))
    plain = tree_label(c, query=compile_query("nadel")).plain
    assert plain.index("Nadel") < 30 and "…" in plain
    assert tree_label(c).plain.startswith("? word")
