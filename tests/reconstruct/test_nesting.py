"""Dumps whose copy kept each reply indented under its parent."""

from dataclasses import replace

from threadloom.threading.attach import attach
from threadloom.threading.features import read_comments
from threadloom.threading.lines import split_lines
from threadloom.threading.nesting import parents_by_depth, read_indentation
from threadloom.threading.pipeline import reconstruct
from threadloom.threading.segment import drafts_from_spans, segment
from threadloom.threading.stages import AttachContext

NESTED = """\
Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne.
    Hallo Peter, das liegt vor allem an den Zinsen.
        Nein, am fehlenden Neubau.
        Und an den vielen Ferienwohnungen.
    Sehe ich auch so.
Der neue Radweg am Fluss ist endlich fertig.
    Wurde auch Zeit.
Weiß jemand, wann die Bibliothek wieder öffnet?
    Im April, steht auf der Website.
"""

SIDEBAR = """\
Die Mieten steigen
Die Stadt hat neue Zahlen vorgelegt.
    Lesen Sie auch
    Neue Radwege für die Innenstadt
Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne.
Hallo Peter, das liegt vor allem an den Zinsen.
"""


def nests(text: str) -> bool:
    return read_indentation(split_lines(text)).nested


def test_indented_runs_that_come_and_go_nest_replies_a_block_does_not():
    assert nests(NESTED)
    assert not nests(SIDEBAR)
    assert not nests("Eins.\nZwei.\nDrei.\n")
    # Two sidebars at different depths: only one comes in at the level most runs start at.
    assert not nests("A.\n  B.\nC.\n    D.\nE.\n  F.\n")
    assert nests("A.\n  B.\n    C.\nD.\n  E.\n")


def test_runs_not_starting_at_the_reply_level_are_set_aside():
    shown = read_indentation(split_lines(NESTED_WITH_SIDEBAR))
    assert shown.nested
    assert shown.aside == {7, 8}
    # Not nested: every indented run is set aside.
    assert read_indentation(split_lines(SIDEBAR)).aside == {3, 4}


def test_a_sidebar_indented_deeper_than_the_replies_stays_chrome_and_the_replies_nest():
    d = reconstruct(NESTED_WITH_SIDEBAR)
    assert [line.number for block in d.chrome for line in block.lines] == [6, 7, 8]
    first_line = {c.id: c.span.first for c in d.comments}
    parent_line = {c.span.first: first_line.get(c.parent) for c in d.comments}
    assert parent_line == {1: None, 2: 1, 3: 2, 5: 1, 9: None, 10: 9, 11: None, 12: 11}


# NESTED with a sidebar between its first and second thread, indented deeper than any reply.
NESTED_WITH_SIDEBAR = NESTED.replace(
    "Der neue Radweg",
    "Lesen Sie auch\n          Neue Radwege für die Innenstadt\n          Die Bibliothek zieht um\n"
    "Der neue Radweg", 1)


def test_the_parent_is_the_nearest_comment_indented_less():
    assert parents_by_depth([0, 4, 8, 4, 0, 4, 4, 2]) == [None, 0, 1, 0, None, 4, 4, 4]


def test_a_nested_dump_is_read_as_its_indentation_shows():
    d = reconstruct(NESTED)
    by_line = {c.span.first: c for c in d.comments}
    first_line = {c.id: c.span.first for c in d.comments}
    assert sorted(by_line) == [1, 2, 3, 5, 6, 7, 8, 9]  # line 4 continues the comment on 3
    parent_line = {n: first_line.get(c.parent) for n, c in by_line.items()}
    assert parent_line == {1: None, 2: 1, 3: 2, 5: 1, 6: None, 7: 6, 8: None, 9: 8}
    assert not d.chrome  # the indented replies are comments, not a sidebar
    assert by_line[1].author == "Peter"  # "Hallo Peter" in the reply under it
    assert [e.cue for e in by_line[3].evidence] == ["shown_nested"]
    assert by_line[3].confidence == 1.0


def test_a_dump_that_shows_its_tree_is_read_for_cues_only():
    drafts = segment(split_lines(NESTED)).drafts
    found = read_comments(drafts, "de").found
    assert all(content == {} for content, _, _ in found)  # no words to weigh
    flat = [replace(d, shown_depth=None) for d in drafts]
    assert read_comments(flat, "de").found[1][0]  # the same comment, read for its words
    assert [cues for _, cues, _ in found] == [cues for _, cues, _ in
                                              read_comments(flat, "de").found]
    assert reconstruct(NESTED).comments[1].parent is not None


def test_gold_segments_of_a_nested_dump_keep_the_nesting_shown():
    """`eval` with gold boundaries reads the tree as the reconstruction does."""
    spans = [(1, 1), (2, 2), (3, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9)]
    drafts = drafts_from_spans(split_lines(NESTED), spans, nested=True)
    assert [d.shown_depth for d in drafts] == [0, 4, 8, 4, 0, 4, 0, 4]
    links = attach(drafts, AttachContext(language="de"), "scored")
    assert [link.parent for link in links] == [None, 0, 1, 0, None, 4, None, 6]


NESTED_PAGE = """\
anna_k
1. Juni 2015, 18:06
Der Artikel trifft es nicht.
Antworten
    bernd77
    1. Juni 2015, 18:20
    Welche Zahlen meinst du?
    Antworten
carla
1. Juni 2015, 18:25
Ganz neues Thema: der Radweg.
Antworten
    dora
    1. Juni 2015, 18:31
    Endlich!
    Antworten
        carla
        1. Juni 2015, 18:40
        Ja, oder?
        Antworten
"""


def test_a_nested_page_is_read_as_its_indentation_shows():
    d = reconstruct(NESTED_PAGE)
    assert d.source.style == "page"
    assert [c.author for c in d.comments] == ["anna_k", "bernd77", "carla", "dora", "carla"]
    first_line = {c.id: c.span.first for c in d.comments}
    assert [first_line.get(c.parent) for c in d.comments] == [None, 1, None, 9, 13]


def test_levels_count_only_when_every_comment_has_one():
    page = ("level 1\nanna\n3 hr. ago\nErster.\nReply\nlevel 2\nbernd\n2 hr. ago\nZweiter.\n"
            "Reply\ncarla\n1 hr. ago\nDritter.\nReply\n")
    layout = segment(split_lines(page), "en")
    assert [d.author for d in layout.drafts] == ["anna", "bernd", "carla"]
    assert [d.shown_depth for d in layout.drafts] == [None, None, None]  # carla has none


def test_nesting_is_read_on_the_comments_not_the_article():
    from threadloom.threading.article import find_parts

    quoting_article = (
        "Zentralbank erhöht die Leitzinsen\n"
        "Die Zentralbank hat die Zinsen erneut angehoben, wie sie am Donnerstag mitteilte.\n"
        "Die wichtigsten Punkte:\n  Der Leitzins steigt auf 4,5 Prozent.\n"
        "Außerdem kündigte sie an:\n  Weitere Schritte sind möglich.\n"
        "Die Präsidentin sagte dazu:\n  Wir behalten die Inflation im Blick.\n"
        "Kommentare\n"
        "Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne.\n"
        "Hallo Peter, das liegt vor allem an den Zinsen.\n")
    parts = find_parts(split_lines(quoting_article), "de")
    assert parts.article is not None and not parts.nested  # the quotes are the article's
    d = reconstruct(quoting_article)
    assert d.comments[1].parent == d.comments[0].id  # "Hallo Peter" still answers
    # Every comment indented (most of the page), the article at the left edge: the
    # comments still nest.
    indented_comments = ("Zentralbank erhöht die Leitzinsen\n"
                         "Die Zentralbank hat die Zinsen erneut angehoben.\nKommentare\n"
                         + "".join(f"    {line}\n" for line in NESTED.splitlines()) * 3)
    parts = find_parts(split_lines(indented_comments), "de")
    assert parts.nested and parts.article is not None and not parts.chrome[1:]


def test_a_nested_dump_keeps_its_last_line_and_the_reply_after_a_deeper_run():
    # A last line that reads like a chrome heading ("Newsletter") is a comment here.
    d = reconstruct(NESTED + "Newsletter\n")
    assert not d.chrome and d.article is None and len(d.comments) == 9
    # A deeper run followed at once by a reply: only the deeper lines are set aside.
    quoted = NESTED.replace("    Im April", "          Geschlossen bis auf Weiteres.\n    Im April")
    shown = read_indentation(split_lines(quoted))
    assert shown.nested and shown.aside == {9}
    d = reconstruct(quoted)
    first_line = {c.id: c.span.first for c in d.comments}
    assert {c.span.first: first_line.get(c.parent) for c in d.comments}[10] == 8
