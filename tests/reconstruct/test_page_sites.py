"""Comments copied from the pages of other sites than the dev threads': how each frames a
comment (counts on the buttons, reactions, rows of buttons, subjects, dates without a
year, folding headings) and what a page-style dump must make of it."""

import pytest
from threadloom.threading.dates import before, sort_key
from threadloom.threading.lines import split_lines
from threadloom.threading.page import byline, is_action, is_date
from threadloom.threading.pipeline import reconstruct
from threadloom.threading.segment import segment


def read(text, language="en"):
    layout = segment(split_lines(text), language)
    return layout, [(d.author, d.date, d.text) for d in layout.drafts]


THREE = [  # the three comments most pages below frame
    ("This is exactly what everyone predicted.", "I disagree, the bot solved my refund.",
     "Who even uses Klarna anymore?")]


@pytest.mark.parametrize("line", ["Like 12", "Likes: 4", "Gefällt mir 12", "Upvote 5",
                                  "Synes godt om 3", "Gilla 4", "12 Empfehlungen", "👍 12",
                                  "❤️ 3", "▲ 12 ▼", "👍 12 👎 3", "1.2k ⬆",
                                  "Like · Reply · 2h · Edited", "Antworten Melden",
                                  "permalink embed save parent report give award reply"])
def test_buttons_with_their_counts_and_rows_of_them_are_buttons(line):
    assert is_action(line)


@pytest.mark.parametrize("line", ["👍", "😂", "Del 2", "Top 10", "Share and like",
                                  "Gut gesagt", "Teil 2 ist besser"])
def test_an_emoji_alone_or_a_word_with_a_number_is_no_button(line):
    # A comment may be an emoji alone; "Del 2" is part two in Danish, not a count.
    assert not is_action(line)


def test_a_count_after_the_button_word_stays_with_its_comment():
    page = ("Peter_M\nvor 3 Stunden\nDas war doch absehbar.\nAntworten\nGefällt mir 12\n"
            "Melden\nAnna K.\nvor 2 Stunden\nSehe ich nicht so.\nAntworten\nGefällt mir 3\n"
            "Melden\nBernd\nvor 1 Stunde\nWer nutzt Klarna überhaupt noch?\nAntworten\n"
            "👍 1\nMelden\n")
    _, drafts = read(page, "de")
    assert drafts == [("Peter_M", "vor 3 Stunden", "Das war doch absehbar."),
                      ("Anna K.", "vor 2 Stunden", "Sehe ich nicht so."),
                      ("Bernd", "vor 1 Stunde", "Wer nutzt Klarna überhaupt noch?")]


def test_a_count_before_the_next_name_is_no_author():
    # "Like 12" under the buttons once read as the next comment's author, its name as a
    # badge.
    page = ("JohnSmith\n3 hours ago\nThis is exactly what everyone predicted.\nReply\n"
            "Like 12\nMaryK\n2 hours ago\nI disagree, the bot solved my refund.\nReply\n"
            "Like 3\nBob\n1 hour ago\nWho even uses Klarna anymore?\nReply\n")
    _, drafts = read(page)
    assert [(a, t) for a, _, t in drafts] == [
        ("JohnSmith", THREE[0][0]), ("MaryK", THREE[0][1]), ("Bob", THREE[0][2])]


def test_a_row_of_buttons_with_an_edit_note_ends_its_comment():
    page = ("John Smith\nThis is exactly what everyone predicted.\nLike · Reply · 3h\n"
            "Mary Kowalski\nI disagree, the bot solved my refund.\nLike · Reply · 2h · Edited\n"
            "Bob Builder\nWho even uses Klarna anymore?\nLike · Reply · 1h\n")
    _, drafts = read(page)
    assert drafts == [("John Smith", "3h", THREE[0][0]), ("Mary Kowalski", "2h", THREE[0][1]),
                      ("Bob Builder", "1h", THREE[0][2])]


def test_a_share_button_under_a_comment_is_the_comment_s_not_chrome():
    # "Share" also heads a page's share buttons ("Share" / "Facebook" / "X"): under a
    # framed comment it is that comment's button, and the names under it are authors.
    page = ("JohnSmith\n12 Jun 2024 9:15\nThis is exactly what everyone predicted.\nReply\n"
            "Share\nReport\nMaryK\n12 Jun 2024 9:40\nI disagree, the bot solved my refund.\n"
            "Reply\nShare\nReport\nBob\n12 Jun 2024 11:00\nWho even uses Klarna anymore?\n"
            "Reply\nShare\n")
    layout, drafts = read(page)
    assert layout.chrome == ()
    assert [a for a, _, _ in drafts] == ["JohnSmith", "MaryK", "Bob"]
    assert [t for _, _, t in drafts] == list(THREE[0])


def test_a_forum_subject_that_asks_heads_its_comment():
    page = ("Peter_M\n25.11.2026 14:03\nDas war doch absehbar.\nAntworten\n"
            "Re: Klarna und KI\nAnna K.\n25.11.2026 14:20\nSehe ich nicht so.\nAntworten\n"
            "Wozu Klarna?\nBernd\n25.11.2026 15:10\nEinfach mit Karte zahlen.\nAntworten\n")
    _, drafts = read(page, "de")
    assert drafts == [("Peter_M", "25.11.2026 14:03", "Das war doch absehbar."),
                      ("Anna K.", "25.11.2026 14:20", "Re: Klarna und KI\nSehe ich nicht so."),
                      ("Bernd", "25.11.2026 15:10", "Wozu Klarna?\nEinfach mit Karte zahlen.")]


def test_this_year_s_dates_without_the_year_frame_comments_and_sort():
    assert all(map(is_date, ["Jun 12", "12. Juni", "3. März, 18:06", "Jun 12, 2:30 pm"]))
    assert not is_date("Juni 2015") and not is_date("März")
    assert before(sort_key("Jun 12"), sort_key("Jun 13"))
    assert before(sort_key("Jun 12, 9:15 am"), sort_key("Jun 12, 2:30 pm"))
    # A page may add the year to older comments only: the two kinds are not compared.
    assert not before(sort_key("Jun 12, 2023"), sort_key("Jan 3"))
    assert not before(sort_key("Jan 3"), sort_key("Jun 12, 2023"))
    page = ("johnsmith\nJun 12\nThis is exactly what everyone predicted.\n2 Replies\n"
            "maryk\nJun 12\nI disagree, the bot solved my refund.\n"
            "bob\nJun 14\nWho even uses Klarna anymore?\n")
    layout, drafts = read(page)
    assert layout.style == "page"
    assert drafts == [("johnsmith", "Jun 12", THREE[0][0]), ("maryk", "Jun 12", THREE[0][1]),
                      ("bob", "Jun 14", THREE[0][2])]


def test_a_folding_heading_gives_name_and_date_and_its_buttons_end_the_comment():
    assert byline("[–]johnsmith 12 points 5 hours ago") == ("johnsmith", "5 hours ago")
    assert byline("[+]bob 3 hours ago") == ("bob", "3 hours ago")
    assert byline("[–] what is this") is None
    page = ("[–]johnsmith 12 points 5 hours ago\nThis is exactly what everyone predicted.\n"
            "permalink embed save report reply\n"
            "[–]maryk 3 points 4 hours ago\nI disagree, the bot solved my refund.\n"
            "permalink embed save parent report reply\n"
            "[–]bob 1 point 3 hours ago\nWho even uses Klarna anymore?\n"
            "permalink embed save report reply\n")
    layout, drafts = read(page)
    assert layout.style == "page"
    assert drafts == [("johnsmith", "5 hours ago", THREE[0][0]),
                      ("maryk", "4 hours ago", THREE[0][1]),
                      ("bob", "3 hours ago", THREE[0][2])]


def test_a_reply_s_subject_line_says_it_is_no_new_thread():
    # The subject "Re: ..." is a title like a thread's own, but says the opposite: read
    # as a new thread's headline, both replies below went to the top level.
    page = ("Klarna ersetzt Kundenservice durch KI\nPeter_M\n25.11.2026 14:03\n"
            "Das war doch absehbar. Der Kundenservice wird schlechter, nicht besser.\n"
            "Antworten\nMelden\n"
            "Re: Klarna ersetzt Kundenservice durch KI\nAnna K.\n25.11.2026 14:20\n"
            "Der Chatbot hat meine Erstattung in zwei Minuten erledigt.\nAntworten\nMelden\n"
            "Re: Klarna ersetzt Kundenservice durch KI\nPeter_M\n25.11.2026 14:45\n"
            "Bei mir hat es drei Wochen gedauert.\nAntworten\nMelden\n")
    first, second, third = reconstruct(page).comments
    assert first.parent is None and second.parent == first.id and third.parent == second.id


def test_a_badge_under_the_name_is_no_text_of_the_comment():
    page = ("John Smith\nTop fan\nThis is exactly what everyone predicted.\nLike · Reply · 3h\n"
            "Mary Kowalski\nAuthor\nI disagree, the bot solved my refund.\nLike · Reply · 2h\n"
            "Bob Builder\nWho even uses Klarna anymore?\nLike · Reply · 1h\n")
    layout, drafts = read(page)
    assert drafts == [("John Smith", "3h", THREE[0][0]), ("Mary Kowalski", "2h", THREE[0][1]),
                      ("Bob Builder", "1h", THREE[0][2])]
    assert [line.text for line in layout.drafts[0].lines if line.role.value == "action"] == [
        "Top fan", "Like · Reply · 3h"]
