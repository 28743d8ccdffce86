"""Page parts and comment boundaries on small hand-written dumps of each style."""

import pytest
from threadloom.threading import page as page_module
from threadloom.threading import parallel
from threadloom.threading.lines import split_lines
from threadloom.threading.model import Role, Source
from threadloom.threading.page import byline, is_action, is_date, row_date
from threadloom.threading.pipeline import build, reconstruct
from threadloom.threading.segment import detect_style, group_paragraphs, segment
from threadloom.threading.stages import Link

PAGE_DE = """\
anna_k
1. Juni 2015, 18:06
Der Artikel trifft es nicht.
Die Zahlen sind alt.
Antworten
Melden
bernd77
1. Juni 2015, 18:20
Hallo anna_k, welche Zahlen meinst du?
Antworten
anna_k
1. Juni 2015, 18:31
Die aus dem zweiten Absatz.
Antworten
"""

PAGE_EN = """\
sam
3 hours ago
Great write-up, thanks.
Reply
12
jo
2 hours ago
Agreed, the second part is the best.
Reply
3
"""

BLANK_DA = """\
Jeg synes, det er en god idé.

Og prisen er også helt fin, når man tænker på hvad man får.

Nej, det passer ikke. Prisen er steget to gange i år.

Hej Mette, du har ret i det med prisen.
"""


def drafts_of(text, lang="de"):
    return segment(split_lines(text), lang)


def test_an_author_named_like_a_unit_is_an_author():
    layout = drafts_of(PAGE_EN.replace("sam", "Mo"), "en")
    assert [d.author for d in layout.drafts] == ["Mo", "jo"]
    assert layout.drafts[0].date == "3 hours ago"


def test_page_style_reads_author_date_and_actions():
    layout = drafts_of(PAGE_DE)
    assert layout.style == "page"
    assert [d.author for d in layout.drafts] == ["anna_k", "bernd77", "anna_k"]
    assert layout.drafts[0].date == "1. Juni 2015, 18:06"
    first = layout.drafts[0]
    assert [line.role for line in first.lines] == [
        Role.AUTHOR, Role.DATE, Role.TEXT, Role.TEXT, Role.ACTION, Role.ACTION]
    assert first.text == "Der Artikel trifft es nicht.\nDie Zahlen sind alt."


def test_page_style_with_relative_dates_and_vote_counts():
    layout = drafts_of(PAGE_EN, "en")
    assert layout.style == "page"
    assert [d.author for d in layout.drafts] == ["sam", "jo"]
    assert [d.start for d in layout.drafts] == [1, 6]


def test_page_style_authors_are_given_and_used():
    d = reconstruct(PAGE_DE)
    assert [c.author_source for c in d.comments] == ["given"] * 3
    # bernd77 greets anna_k: his comment answers hers; her reply answers his.
    assert d.comments[1].parent == d.comments[0].id
    assert d.comments[2].parent == d.comments[1].id


def test_metadata_patterns():
    for t in ("1. Juni 2015, 18:06", "vor 3 Stunden", "12 hours ago", "for 2 timer siden",
              "2016-04-21 12:22", "June 1, 2015 at 6:06 pm", "vor 2 Std.", "vor 45 Min.",
              "3h ago", "5 mins ago", "2d", "Mo, 20.06.2016 09:15", "2016-06-20T09:15:00Z",
              "Mon 20 Jun 2016 09.15 BST", "i går kl. 18.06", "vorgestern, 12:00"):
        assert is_date(t), t
    for t in ("Antworten", "Reply", "Svar", "+12", "5 likes", "Melden", "Empfehlen",
              "•Share ›", "Reply · Share · Report", "Antworten | Melden | 12"):
        assert is_action(t), t
    assert not is_action("Ja · Nein")
    for t in ("Das war vor allem gut.", "3 Hunde", "vor 2 Stühlen", "20.06.2016 war",
              "Das ist heute so"):
        assert not is_date(t), t
    assert not is_action("Antworten sind willkommen.")
    # Unit abbreviations make a date only after a number: alone they are names or words.
    for t in ("Mo", "Min", "h", "d", "y", "hrs"):
        assert not is_date(t), t
    assert byline("John Doe • 3 years ago") == ("John Doe", "3 years ago")
    assert byline("anna_k | 1. Juni 2015, 18:06") == ("anna_k", "1. Juni 2015, 18:06")
    assert byline("Preise • Leistungen") is None  # no date after the dot


PAGE_BYLINES = """John Doe • 3 years ago
This article misses the point about housing supply.
Reply
•Share ›
Mary Smith • 3 years ago
Hi John, supply is only half of it.
Reply
•Share ›
"""

PAGE_ABBREVIATED = """Peter M.
vor 2 Std.
Das war doch absehbar.
Melden
Antworten
Empfehlen
Anna_B
vor 1 Std.
Hallo Peter, das sehe ich anders.
Melden
Antworten
"""


def test_page_style_with_author_and_date_on_one_line():
    layout = drafts_of(PAGE_BYLINES, "en")
    assert layout.style == "page"
    assert [(d.author, d.date) for d in layout.drafts] == [
        ("John Doe", "3 years ago"), ("Mary Smith", "3 years ago")]
    assert [line.role for line in layout.drafts[0].lines] == [
        Role.DATE, Role.TEXT, Role.ACTION, Role.ACTION]
    d = reconstruct(PAGE_BYLINES)
    assert d.comments[1].parent == d.comments[0].id  # "Hi John" finds John Doe


PAGE_NESTED = """\
level 1
throwaway_42
· 3 hr. ago
The new budget does nothing for renters.
123
Reply
Save
level 2
MaryK
· 2 hr. ago
hi throwaway, the tax credit will help buyers though.
45
Reply
level 1
Peter_S
· 1 hr. ago
Does anyone know when the changes take effect?
Reply
"""


def test_page_style_with_nesting_levels_and_dotted_dates():
    layout = drafts_of(PAGE_NESTED, "en")
    assert layout.style == "page"
    assert [(d.author, d.date) for d in layout.drafts] == [
        ("throwaway_42", "3 hr. ago"), ("MaryK", "2 hr. ago"), ("Peter_S", "1 hr. ago")]
    # The level line above the first comment goes with it, not into a comment of its own.
    assert [line.role for line in layout.drafts[0].lines][:2] == [Role.ACTION, Role.AUTHOR]
    assert [d.shown_depth for d in layout.drafts] == [1, 2, 1]
    d = reconstruct(PAGE_NESTED)
    # The levels give the tree: the reply under throwaway_42, the third comment at the top.
    assert [c.parent for c in d.comments] == [None, d.comments[0].id, None]
    assert d.comments[1].author == "MaryK" and d.comments[0].author == "throwaway_42"


PAGE_BADGES = """\
Peter M.
Abonnent
vor 2 Stunden
Das war doch absehbar.
Antworten
Anna_B
vor 1 Stunde
Hallo Peter, das sehe ich anders.
Antworten
Klaus
Top-Kommentator
vor 45 Minuten
Sehe ich auch so wie Anna.
Antworten
"""

# Anna's comment without its buttons: the name under it, with a badge and a date below,
# is an author only where the line above is read as buttons (as a split page's second half
# starts) and her comment's last paragraph where the text above is seen.
PAGE_ROLES = PAGE_BADGES.replace("anders.\nAntworten\n", "anders.\n")


def test_page_roles_in_two_halves_as_in_one(monkeypatch):
    """The second half of a page's lines read from no line above, taken from the first
    line both readings give the same role: the roles of one reading, wherever the
    halves meet."""
    texts = [sl for sl in split_lines(PAGE_ROLES * 4) if not sl.blank]
    monkeypatch.setattr(parallel, "can_fork", lambda: False)  # the same work, not forked
    guessed_otherwise = 0
    for n in range(2, len(texts) + 1):
        part = texts[:n]
        dated = page_module.date_lines(part)
        one = page_module.classify(part, "page", dated)
        monkeypatch.setattr(page_module, "PARALLEL_MIN", 2)
        assert page_module.classify(part, "page", dated) == one
        monkeypatch.setattr(page_module, "PARALLEL_MIN", 10**9)
        closing = page_module.dates_close_comments(part, dated, {})
        child = page_module._Roles.of(part, dated, {}, closing).read(n // 2, n, None)
        guessed_otherwise += child != [line.role for line in one[n // 2:]]
    assert guessed_otherwise  # some halves met where the guess was wrong


PAGE_DATE_FIRST = """\
1. Juni 2015, 18:06 · Peter
Das war doch absehbar.
Antworten
1. Juni 2015, 18:20 · Anna
Hallo Peter, das sehe ich anders.
Antworten
"""


def test_page_style_with_a_badge_under_the_name():
    layout = drafts_of(PAGE_BADGES)
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("Peter M.", "vor 2 Stunden", "Das war doch absehbar."),
        ("Anna_B", "vor 1 Stunde", "Hallo Peter, das sehe ich anders."),
        ("Klaus", "vor 45 Minuten", "Sehe ich auch so wie Anna."),
    ]
    assert [line.role for line in layout.drafts[0].lines] == [
        Role.AUTHOR, Role.ACTION, Role.DATE, Role.TEXT, Role.ACTION]


def test_page_style_with_the_date_before_the_name_on_one_line():
    layout = drafts_of(PAGE_DATE_FIRST)
    assert [(d.author, d.date) for d in layout.drafts] == [
        ("Peter", "1. Juni 2015, 18:06"), ("Anna", "1. Juni 2015, 18:20")]


PAGE_NO_DATES = """\
Peter
Das war doch absehbar. Die Regierung hat jahrelang nichts getan.
Antworten
Anna
Hallo Peter, das sehe ich anders. Es wurde viel getan.
Antworten
Klaus
Sehe ich auch so wie Anna.
Antworten
"""

PAGE_UNSIGNED = """\
Das war doch absehbar, die Regierung hat jahrelang nichts getan.
Antworten
Ich sehe das anders, es wurde viel getan in den letzten Jahren.
Antworten
Kurz gesagt: nein.
Antworten
"""


def test_a_page_without_dates_is_framed_by_its_buttons():
    layout = drafts_of(PAGE_NO_DATES)
    assert layout.style == "page"
    assert [(d.author, d.text) for d in layout.drafts] == [
        ("Peter", "Das war doch absehbar. Die Regierung hat jahrelang nichts getan."),
        ("Anna", "Hallo Peter, das sehe ich anders. Es wurde viel getan."),
        ("Klaus", "Sehe ich auch so wie Anna."),
    ]
    # Without names after the buttons, a short first line stays the comment's text.
    layout = drafts_of(PAGE_UNSIGNED)
    assert layout.style == "page"
    assert [(d.author, d.text) for d in layout.drafts][-1] == (None, "Kurz gesagt: nein.")
    # A lone number in a bare dump does not make it a page.
    assert drafts_of("Erster Gedanke zum Thema.\n12\nZweiter Gedanke.\n").style == "bare"


PAGE_DATE_ABOVE_NAME = """\
1. Juni 2015, 18:06
anna_k
Der Artikel trifft es nicht.
Antworten
1. Juni 2015, 18:20
bernd77
Welche Zahlen meinst du?
Antworten
1. Juni 2015, 18:31
anna_k
Die aus dem zweiten Absatz.
Antworten
1. Juni 2015, 18:40
carla
Gut.
Antworten
"""


def test_page_style_with_the_date_above_the_name():
    layout = drafts_of(PAGE_DATE_ABOVE_NAME)
    assert [(d.author, d.text) for d in layout.drafts] == [
        ("anna_k", "Der Artikel trifft es nicht."), ("bernd77", "Welche Zahlen meinst du?"),
        ("anna_k", "Die aus dem zweiten Absatz."), ("carla", "Gut.")]
    # Where the lines under the dates are the comments' own first lines, they stay text.
    unsigned = PAGE_DATE_ABOVE_NAME.replace("anna_k\n", "").replace("bernd77\n", "").replace(
        "carla\n", "")
    assert [d.author for d in drafts_of(unsigned).drafts] == [None] * 4


def test_page_style_with_abbreviated_relative_dates():
    layout = drafts_of(PAGE_ABBREVIATED)
    assert layout.style == "page"
    assert [(d.author, d.date) for d in layout.drafts] == [
        ("Peter M.", "vor 2 Std."), ("Anna_B", "vor 1 Std.")]
    assert [d.text for d in layout.drafts] == [
        "Das war doch absehbar.", "Hallo Peter, das sehe ich anders."]


def test_a_dump_that_parts_comments_with_wider_gaps_is_split_at_them():
    # The wider gap decides even against the text: a continuation word after it starts a
    # comment, a greeting after a narrow gap continues one.
    text = ("Der Radweg ist endlich fertig.\n\nEr führt bis zum Fluss.\n\n\n"
            "Und wer bezahlt das alles?\n\n\n"
            "Die Stadt.\n\nHallo Peter, das steht im Artikel.\n\n\n"
            "Schön für die Radler.\n")
    layout = drafts_of(text)
    assert [d.text for d in layout.drafts] == [
        "Der Radweg ist endlich fertig.\nEr führt bis zum Fluss.",
        "Und wer bezahlt das alles?",
        "Die Stadt.\nHallo Peter, das steht im Artikel.",
        "Schön für die Radler.",
    ]


def test_blank_lines_alone_are_not_boundaries():
    layout = drafts_of(BLANK_DA, "da")
    assert layout.style == "blank"
    starts = [d.start for d in layout.drafts]
    assert 3 not in starts  # "Og prisen ..." continues the first comment
    assert 5 in starts and 7 in starts  # an answer opener and a greeting start comments


def test_bare_continuations_and_openers():
    text = (
        "Der Kundendienst per KI ist eine schlechte Idee, weil niemand zuhört.\n"
        "Denn am Ende will man mit einem Menschen reden.\n"
        "Öööh – Nö\n"
        "Das stimmt so nicht, viele Anfragen sind Routine.\n"
        "Hallo Peter, da hast du recht.\n"
    )
    starts = [d.start for d in drafts_of(text).drafts]
    assert starts[0] == 1
    assert 2 not in starts  # "Denn ..." continues
    assert 3 in starts and 4 not in starts  # a short opener and its body
    assert 5 in starts  # a greeting starts a comment


def test_paragraphs_are_grouped_by_the_boundary_weights_given():
    """The threshold bench fits its own boundary weights: they, not the shipped ones,
    decide.  A bias alone makes every paragraph start a comment, or none but the first."""
    lines = split_lines("Erster Gedanke.\nDenn so ist es.\nHallo Peter, nein.\n")
    shipped = [d.start for d in group_paragraphs(lines, "de")]
    assert shipped == [1, 3]
    assert [d.start for d in group_paragraphs(lines, "de", 0.5, model={"bias": 9.0})] == [1, 2, 3]
    assert [d.start for d in group_paragraphs(lines, "de", 0.5, model={"bias": -9.0})] == [1]
    # The model's own threshold when none is given.
    sure = {"bias": 0.0, "_threshold": 0.4}
    assert [d.start for d in group_paragraphs(lines, "de", model=sure)] == [1, 2, 3]


def test_a_guessed_start_owns_its_doubt_in_the_link_confidence():
    text = BLANK_DA.replace("\n\n", "\n")  # bare: every start is a guess
    layout = drafts_of(text, "da")
    chances = [d.start_chance for d in layout.drafts]
    assert chances[0] == 1.0  # the first comment starts where the comments do
    assert all(0.0 < c < 1.0 for c in chances[1:])
    links = [Link(i - 1 if i else None, 0.9) for i in range(len(layout.drafts))]
    built = build(layout, links, "da", Source(), ["da"] * len(links))
    assert built.comments[0].confidence == 0.9 and not built.comments[0].evidence
    for c, chance in zip(built.comments[1:], chances[1:], strict=True):
        assert c.confidence == round(0.9 * chance, 3)
        assert [e.cue for e in c.evidence] == ["comment_start"]
        assert f"{int(chance * 100)}% sure" in c.evidence[0].detail
    # The scored attacher's links own it too, first among their cues.
    assert reconstruct(text).comments[1].evidence[0].cue == "comment_start"


def test_a_page_marks_its_starts_so_they_cost_no_confidence():
    layout = drafts_of(PAGE_DE)
    assert [d.start_chance for d in layout.drafts] == [1.0, 1.0, 1.0]
    d = reconstruct(PAGE_DE)
    assert all(e.cue != "comment_start" for c in d.comments for e in c.evidence)


def test_style_detection():
    assert detect_style(split_lines("a\nb\nc\n")) == "bare"
    assert detect_style(split_lines("a\n\nb\n\nc\n")) == "blank"
    assert detect_style(split_lines(PAGE_DE)) == "page"


ARTICLE_DE = (
    "Neue Regeln für Lieferdienste ab Januar\n"
    "Die Bundesregierung hat neue Regeln für Lieferdienste beschlossen. Fahrer sollen künftig"
    " fest angestellt werden, wie das Ministerium am Montag mitteilte.\n"
    "Was sich ändert\n"
    "Bisher arbeiten viele Fahrer als Selbstständige. Das soll sich ändern, sagt der Minister,"
    " und verweist auf Urteile aus mehreren Ländern.\n"
    "Transparenz: In diesem Artikel sind Partnerlinks enthalten.\n"
    "Endlich! Das war längst überfällig.\n"
    "Unsinn. Die Preise werden nur steigen.\n"
)

ARTICLE_DA = """\
Ny app skal hjælpe pendlere

Appen viser forsinkelser i realtid.

(Foto: Pressefoto)

Trafikselskabet lancerer i dag en ny app, som skal gøre det lettere at være pendler.

Appen er gratis og kan hentes fra i dag.

Læses lige nu

    Firma A/S

    Udvikler

    Aarhus
"""


def test_article_found_up_to_the_disclaimer():
    d = reconstruct(ARTICLE_DE)
    a = d.article
    assert a is not None and a.title == "Neue Regeln für Lieferdienste ab Januar"
    assert [line.number for line in a.headings] == [3]
    assert [line.number for line in a.boilerplate] == [5]
    assert [c.span.first for c in d.comments] == [6, 7]
    assert d.title == a.title


def test_article_and_sidebar_without_comments():
    d = reconstruct(ARTICLE_DA)
    assert d.comments == ()
    assert d.article is not None and d.article.title == "Ny app skal hjælpe pendlere"
    assert [line.number for line in d.article.lead] == [3]
    assert [line.number for line in d.article.boilerplate] == [5]
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(11, 17)]


def test_a_label_above_a_caption_is_boilerplate_not_a_heading():
    d = reconstruct(
        "Ny bro over havnen åbner i dag\n\nBroen forbinder to bydele.\n\nBroen set fra vandet\n\n"
        "(Foto: Kommunen)\n\nBroen har kostet 200 millioner kroner og er bygget på to år.\n\n"
        "Læses lige nu\n\n    Firma A/S\n"
    )
    assert d.article is not None
    assert [line.number for line in d.article.boilerplate] == [5, 7]
    assert d.article.headings == ()


ARTICLE_EN_UNMARKED = """\
City council approves new cycle lanes for the centre
23 November 2026
The city council voted on Monday to build eleven kilometres of protected cycle lanes through \
the centre, the largest change to the city's streets in a generation. Work is due to start in \
the spring and to take two years.
Supporters say the lanes will make cycling safer for children and older riders, who now \
share narrow roads with buses and delivery vans. Opponents warn that the loss of parking will \
hurt shops on the high street, which already struggle.
Shops fear fewer customers
The traders' association said it would ask the council to phase the work so that no street \
loses all of its parking at once. A survey it commissioned found that a third of customers \
arrive by car, although the council disputes the figure.
The council's transport committee will publish a detailed plan in January, and residents \
will be able to comment on each stretch of the route before construction begins. The total \
cost is estimated at forty million pounds.
Finally! I have been waiting for this for years.
You say that now, but wait until the roadworks start.
"""


def test_an_article_with_no_end_shown_is_found_by_its_shape():
    # No disclaimer, caption, header or chrome: a title over paragraphs of prose.
    d = reconstruct(ARTICLE_EN_UNMARKED)
    a = d.article
    assert a is not None and a.title == "City council approves new cycle lanes for the centre"
    assert [line.number for line in a.boilerplate] == [2]  # the date under the title
    assert [line.number for line in a.headings] == [5]
    assert [c.span.first for c in d.comments] == [8, 9]


FIRST_PERSON_COMMENT = (
    "My grandmother cycled to work in this city for forty years, long before anyone painted "
    "a lane for her. She would have laughed at the idea that it takes two years and a "
    "council vote to make the streets safe enough for what she did every morning.\n")


def test_a_first_comment_opening_in_the_first_person_is_not_the_article_s_last_paragraph():
    # Plain prose of the article's kind, right under it: its first sentence says "I"
    # (here "my"), which none of the article's did.
    text = ARTICLE_EN_UNMARKED.replace("Finally!", FIRST_PERSON_COMMENT + "Finally!", 1)
    d = reconstruct(text)
    assert d.article is not None and d.article.span.last == 7
    assert [c.span.first for c in d.comments] == [8, 9, 10]


def test_a_column_in_the_first_person_keeps_its_first_person_paragraphs():
    # A paragraph of the article that opened in the first person says that its writer
    # speaks so: a later one doing the same is still the article's.
    column = ARTICLE_EN_UNMARKED.replace(
        "Supporters say the lanes", "I cycle there every day, and I think the lanes", 1)
    d = reconstruct(column.replace("Finally!", FIRST_PERSON_COMMENT + "Finally!", 1))
    assert d.article is not None and d.article.span.last == 8
    assert [c.span.first for c in d.comments] == [9, 10]


ARTICLE_DA_CAPTION_UNDER_LEAD = """\
Ny cykelbro over havnen åbner til sommer

Kommunen har godkendt den sidste del af finansieringen, og broen kan nu stå færdig i juni.

(Foto: Kommunen)

Broen bliver 180 meter lang og forbinder de to nye boligområder på hver sin side af havnen.

Ifølge kommunen vil omkring 8.000 cyklister og fodgængere bruge broen hver dag, når den åbner.

Byggeriet har været forsinket i et år, fordi entreprenøren gik konkurs i efteråret sidste år.

»Vi er glade for, at vi endelig kan sige en dato til borgerne,« siger rådmanden for teknik.

Hvorfor skal det tage så lang tid?

Fordi de skulle finde en ny entreprenør, det står jo i artiklen.
"""


def test_a_photo_caption_under_the_lead_does_not_end_the_article():
    d = reconstruct(ARTICLE_DA_CAPTION_UNDER_LEAD)
    a = d.article
    assert a is not None and [line.number for line in a.boilerplate] == [5]
    assert [line.number for line in a.body] == [7, 9, 11, 13]  # the quote's "vi" is not hers
    assert [c.span.first for c in d.comments] == [15, 17]


def test_a_byline_under_the_title_is_the_article_s():
    text = ARTICLE_EN_UNMARKED.replace("centre\n", "centre\nBy Sarah Jones\n", 1)
    d = reconstruct(text)
    a = d.article
    assert a is not None and [line.number for line in a.boilerplate] == [2, 3]
    assert [line.number for line in a.lead] == [4]
    assert [c.span.first for c in d.comments] == [9, 10]


def test_plain_prose_after_a_closing_disclaimer_is_comments():
    # A disclaimer closes the article (a caption need not): what follows is comments,
    # however plainly they are written.
    plain = ("Die Fahrer werden sich freuen, die Kunden eher weniger, denn die Preise steigen.\n"
             "Die Regeln gelten in den Niederlanden schon seit zwei Jahren, ohne große Folgen.\n"
             "Interessant wäre, was die großen Lieferdienste zu den neuen Regeln sagen werden.\n")
    d = reconstruct(ARTICLE_DE.split("Endlich!")[0] + plain)
    assert d.article is not None and d.article.lines[-1].number == 5
    assert d.comments[0].span.first == 6


def test_an_article_of_short_paragraphs_is_found_by_its_shape():
    # One or two sentences a paragraph, as many news sites write: eight such in a row.
    paragraphs = [
        "The city museum will close for two years from March while its leaking roof is replaced.",
        "The work, which the city council approved last week, is expected to cost twelve million.",
        "Part of the collection will be lent to other museums in the region in the meantime.",
        "The rest will be stored in a new depot outside the city, the museum's director said.",
        "Schools that visit the museum will be offered lessons in their classrooms instead.",
        "The shop and the café in the basement will stay open throughout the building works.",
        "The last major renovation of the old building took place more than forty years ago.",
        "A public meeting about the plans will be held at the town hall on Thursday evening.",
    ]
    text = ("Museum to close for two years\n" + "\n".join(paragraphs)
            + "\nAbout time, the roof has leaked for ages!\nDo you know where the depot is?\n")
    d = reconstruct(text)
    assert d.article is not None and d.article.lines[-1].number == 9
    assert [c.span.first for c in d.comments] == [10, 11]


NEWS_DE_AGENCY = """\
Bahn kündigt neue Sparpreise für den Winter an
Von Anna Schmidt
24. November 2026, 10:15 Uhr
Die Bahn will im Winter mehr Fahrgäste in die Züge locken und senkt die Preise.
Ab Dezember sollen die neuen Sparpreise gelten, auf den meisten Strecken ab 17,90 Euro.
Der Fahrgastverband begrüßte den Schritt, mahnte aber mehr Pünktlichkeit an.
(dpa)
Endlich mal eine gute Nachricht. Bisher zahle ich ein Vermögen.
Was nützt der Preis, wenn der Zug zwei Stunden zu spät kommt?
"""


@pytest.mark.parametrize(("mark", "language"), [
    ("(dpa)", "de"), ("(AFP/red)", "de"), ("(APA, 24.11.2015)", "de"), ("/ritzau/", "da"),
    ("(TT)", "sv"), ("(NTB)", "nb"), ("(AP)", "en"), ("(Reuters)", "en"),
])
def test_a_news_agency_s_mark_closes_the_article(mark, language):
    # Three paragraphs are too few for the shape: the mark alone ends the article (each
    # language knows its agencies; the words around it are the German sample's).
    layout = segment(split_lines(NEWS_DE_AGENCY.replace("(dpa)", mark)), language)
    a = layout.article
    assert a is not None and a.span.last == 7
    assert [line.text for line in a.boilerplate] == [
        "Von Anna Schmidt", "24. November 2026, 10:15 Uhr", mark]
    assert [d.start for d in layout.drafts] == [8, 9]


@pytest.mark.parametrize("line", ["(seufz)", "(Ironie aus)", "/s", "(dpa-Meldung von gestern?)"])
def test_a_short_line_in_brackets_is_no_agency_s_mark(line):
    d = reconstruct(NEWS_DE_AGENCY.replace("(dpa)", line))
    assert d.article is None


def test_a_short_news_article_is_found_by_its_shape():
    # A lead and four paragraphs of a sentence or two, no mark at its end.
    paragraphs = [
        "Der Landkreis will bis Ende nächsten Jahres fünfzig neue Ladesäulen aufstellen lassen.",
        "Die meisten davon sollen an Rathäusern, Schulen und Sporthallen entstehen, hieß es.",
        "Finanziert wird das Projekt zu zwei Dritteln aus einem Förderprogramm des Bundes.",
        "Bisher gibt es im Landkreis nur rund dreißig öffentliche Ladepunkte für Elektroautos.",
        "Der Kreistag hatte dem Vorhaben bereits im Sommer mit großer Mehrheit zugestimmt.",
    ]
    assert all(len(p) >= 80 for p in paragraphs)
    text = ("Neue Ladesäulen für den Landkreis\n" + "\n".join(p + " So ist es geplant."
                                                            for p in paragraphs)
            + "\nFünfzig Säulen für den ganzen Landkreis? Das ist ein Witz.\n"
            + "Besser als nichts. Bei uns gibt es bisher gar keine.\n")
    d = reconstruct(text)
    assert d.article is not None and d.article.span.last == 6
    assert [c.span.first for c in d.comments] == [7, 8]
    # Four are too few: a forum thread's first comment may be a title over so many.
    d = reconstruct(text.replace(paragraphs[-1] + " So ist es geplant.\n", ""))
    assert d.article is None


NEWS_DE_KICKER = """\
Energiepolitik
Regierung einigt sich auf neues Heizungsgesetz
3 Min. Lesezeit
Nach monatelangem Streit hat sich die Koalition auf einen Kompromiss geeinigt.
Eine Wärmepumpe vor einem Einfamilienhaus. Foto: Max Muster/dpa
Neue Heizungen müssen erst ab 2028 zu 65 Prozent mit erneuerbaren Energien laufen.
Für bestehende Heizungen gilt kein Austauschzwang, sie dürfen weiter repariert werden.
Die Förderung für den Einbau einer Wärmepumpe steigt auf bis zu 70 Prozent der Kosten.
Der Bundestag soll das Gesetz noch vor der Sommerpause beschließen, hieß es am Abend.
Wieder so ein fauler Kompromiss. Am Ende zahlt der Mieter.
Hallo Klaus, die Förderung gilt doch auch für Vermieter.
"""


def test_a_kicker_over_the_title_and_a_caption_ending_in_its_credit():
    d = reconstruct(NEWS_DE_KICKER)
    a = d.article
    assert a is not None and a.title == "Regierung einigt sich auf neues Heizungsgesetz"
    # The kicker, the reading time and the caption: the article goes on after the caption.
    assert [line.number for line in a.boilerplate] == [1, 3, 5]
    assert [line.number for line in a.lead] == [4]
    assert a.span.last == 9
    assert [c.span.first for c in d.comments] == [10, 11]


def test_a_caption_credited_to_a_photographer_under_the_lead():
    # An English page's credit ("Photograph: ..."), no mark at the article's end: the
    # article goes on after the caption and ends where its plain prose does.
    text = ("Storm Bert: thousands without power as heavy rain hits Wales\n"
            "Residents in south Wales have been told to prepare for flooding after heavy rain.\n"
            "Flood water in Pontypridd on Sunday morning. Photograph: Ben Birchall/PA\n"
            "Natural Resources Wales issued three severe flood warnings for rivers in the south.\n"
            "More than 20,000 homes were without power on Sunday morning, the operators said.\n"
            "The Met Office said the worst of the rain should clear by the afternoon on Sunday.\n"
            "I live in Pontypridd and it's worse than 2020. The high street is under water.\n"
            "Stay safe. Have you got somewhere to go?\n")
    d = reconstruct(text)
    a = d.article
    assert a is not None and [line.number for line in a.boilerplate] == [3]
    assert a.span.last == 6
    assert [c.span.first for c in d.comments] == [7, 8]


def test_a_byline_under_a_short_title_is_no_title():
    d = reconstruct(NEWS_DE_KICKER.replace("Regierung einigt sich auf neues Heizungsgesetz",
                                           "Von Dr. Anna Maria Schmidt"))
    assert d.article is not None and d.article.title == "Energiepolitik"


@pytest.mark.parametrize("comment", ["Schönes Foto: wo ist das?", "Das Bild oben. Foto: anbei.",
                                     "Tolles Foto: Max Muster hat es gemacht"])
def test_a_comment_that_mentions_a_photo_is_no_caption(comment):
    # Under a forum comment's title, no article is closed by it.
    text = f"Heizungsgesetz\nDas wird teuer.\n{comment}\nStimmt.\n"
    d = reconstruct(text)
    assert d.article is None
    assert d.comments[0].span.first == 1


def test_a_forum_comment_with_a_title_and_long_paragraphs_is_no_article():
    # A forum thread's first comment can look like an article: a headline over long
    # paragraphs.  Its writer says "I" at once, as a news lead seldom does.
    long = " Der Zug war pünktlich, das Abteil sauber und der Schaffner freundlich, was man" \
           " nicht von jeder Verbindung in diesem Land behaupten kann, schon gar nicht im Winter."
    text = ("Meine Erfahrungen mit dem Nachtzug\n"
            "Ich bin letzte Woche mit dem Nachtzug nach Hamburg gefahren." + long + "\n"
            + ("Die Betten waren bequemer als erwartet." + long + "\n") * 3
            + "Wie waren eure Erfahrungen?\n")
    d = reconstruct(text)
    assert d.article is None
    assert d.comments[0].span.first == 1


def test_forum_dump_without_article_keeps_its_first_comment():
    text = "Irreführende Überschrift\nWieso steht das so im Titel?\nWeil es klickt.\n"
    d = reconstruct(text)
    assert d.article is None
    assert d.comments[0].span.first == 1


def test_every_line_placed_once_on_a_page_with_everything():
    text = ARTICLE_DE + "\n" + "Læses lige nu\n    Sidebar A\n    Sidebar B\n" + PAGE_DE
    d = reconstruct(text)
    placed = [line.number for _, line in d.placed_lines()]
    nonblank = [i for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    assert sorted(placed) == nonblank


def test_a_number_under_the_date_is_the_comments_first_line_not_a_vote_count():
    page = PAGE_DE.replace("Der Artikel trifft es nicht.", "1998\nDer Artikel trifft es nicht.")
    layout = drafts_of(page)
    assert [d.author for d in layout.drafts] == ["anna_k", "bernd77", "anna_k"]
    assert layout.drafts[0].text.startswith("1998\nDer Artikel")
    # Under the comment, a number is still a vote count.
    assert [line.role for line in drafts_of(PAGE_EN, "en").drafts[0].lines][-1] is Role.ACTION
    # So is a count with its thousands shortened ("28.8k"), which is a vote count below.
    page = PAGE_EN.replace("Great write-up", "28.8k\nGreat write-up").replace("12\n", "1.2K\n")
    first = drafts_of(page, "en").drafts[0]
    assert first.text.startswith("28.8k\nGreat write-up")
    assert [line.role for line in first.lines][-1] is Role.ACTION


# Copied from a page whose comments are signed the way several big sites sign them.
PAGE_CONTROLS = """\
Klarna says AI now does the work of 700 customer service agents
The Swedish fintech says its assistant handled two thirds of customer chats in its first month.
128 Comments
Sort by: Best
JohnnyB
3 hours ago
Nobody I know wants to talk to a chatbot when something goes wrong.
Reply
42
MaryK
2 hours ago
@JohnnyB That's exactly it.
Reply
Show 5 more replies
Sandra W.
1 hour ago
Growth at any cost meets a down market.
Reply
1.2K
"""


def test_a_page_control_above_the_first_comment_is_chrome_not_its_author():
    d = reconstruct(PAGE_CONTROLS)
    assert [(c.author, c.span.first) for c in d.comments] == [
        ("JohnnyB", 5), ("MaryK", 10), ("Sandra W.", 15)]
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, 4)]
    # A button with a count in it ends its comment like any other button.
    assert [line.role for line in d.comments[1].lines][-2:] == [Role.ACTION, Role.ACTION]
    # With no article above: every comment here has its name right above its date, so a
    # short line above a name is no badge of it (and this one is no author).
    d = reconstruct(PAGE_CONTROLS.split("\n", 2)[2])
    assert [(c.author, c.span.first) for c in d.comments] == [
        ("JohnnyB", 3), ("MaryK", 8), ("Sandra W.", 13)]
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(1, 2)]
    # A page that puts a badge under some names keeps reading them as badges.
    d = reconstruct(PAGE_CONTROLS.replace("MaryK\n", "MaryK\nTop commenter\n"))
    assert [c.author for c in d.comments] == ["JohnnyB", "MaryK", "Sandra W."]
    assert [line.role for line in d.comments[1].lines][:3] == [Role.AUTHOR, Role.ACTION,
                                                               Role.DATE]


def test_a_comments_header_opening_a_bare_dump_is_chrome():
    d = reconstruct("128 Comments\nNobody wants a chatbot when a payment goes wrong.\n"
                    "Unsinn, that is exactly what they want.\n")
    assert d.article is None
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(1, 1)]
    assert [c.span.first for c in d.comments][:1] == [2]


@pytest.mark.parametrize("header", ["1 Kommentar", "Diskutieren Sie mit", "Kommentar verfassen",
                                    "Kommentare anzeigen", "Alle 42 Kommentare anzeigen",
                                    "Zur Diskussion"])
def test_more_ways_a_page_heads_its_comments_end_the_article(header):
    text = ("Neue Regeln für Lieferdienste\nDie Bundesregierung hat neue Regeln beschlossen.\n"
            f"{header}\nEndlich! Das war längst überfällig.\n")
    d = reconstruct(text)
    assert d.article is not None and d.article.lines[-1].number == 2
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, 3)]
    assert [c.span.first for c in d.comments] == [4]


@pytest.mark.parametrize(("page", "controls", "first"), [
    ("Neue Regeln für Lieferdienste\nDie Bundesregierung hat neue Regeln beschlossen.\n"
     "42 Kommentare\n", "Sortieren nach: Neueste\nNeueste zuerst\n",
     "Neueste Zahlen zeigen das Gegenteil\nEndlich! Das war längst überfällig.\n"),
    ("New rules for delivery riders\nThe government has passed new rules for the apps.\n"
     "42 Comments\n", "Sort by: Best\n",
     "Best decision they made all year\nAbout time! The riders have waited long enough.\n"),
])
def test_the_controls_under_a_comments_header_are_chrome(page, controls, first):
    # Under the header only, as the whole line or before its colon: a first comment that
    # opens with the same word stays a comment.
    d = reconstruct(page + controls + first)
    n = 3 + controls.count("\n")
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, n)]
    assert [c.span.first for c in d.comments] == [n + 1, n + 2]


@pytest.mark.parametrize(("page", "under"), [
    ("Neue Regeln für Lieferdienste\nDie Bundesregierung hat neue Regeln beschlossen.\n"
     "Kommentare\n", "Um zu kommentieren, melden Sie sich bitte an.\nAnmelden\n"),
    ("Neue Regeln für Lieferdienste\nDie Bundesregierung hat neue Regeln beschlossen.\n"
     "Kommentar schreiben\n", "Jetzt kommentieren\nMehr anzeigen\n"),
    ("Neue Regeln für Lieferdienste\nDie Bundesregierung hat neue Regeln beschlossen.\n"
     "Diskutieren Sie mit!\n", "Kommentare (42)\n"),
    ("New rules for delivery riders\nThe government has passed new rules for the apps.\n"
     "Comments\n", "Log in to comment\nLoad more comments\n"),
    ("Nye regler for budene\nRegeringen har vedtaget nye regler for apps.\n"
     "Kommentarer\n", "Log ind for at kommentere\nVis flere kommentarer\n"),
])
def test_what_a_page_shows_under_its_comments_header_is_chrome(page, under):
    # A request to sign in, a second header, a button: with these read as comments the
    # first comment was read as going on from the last of them.
    first = "Endlich! Das war längst überfällig.\nUnd die Kunden zahlen am Ende.\n"
    d = reconstruct(page + under + first)
    n = 3 + under.count("\n")
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, n)]
    assert [c.span.first for c in d.comments][:1] == [n + 1]


BUTTON_BETWEEN = """\
Den Kundendienst an eine KI abzugeben ist eine schlechte Idee.
Das sehe ich genauso, und zwar aus einem einfachen Grund:
{button}
die Hotline war schon vorher kaum zu erreichen, und jetzt gar nicht mehr.
"""


@pytest.mark.parametrize("button", ["Weitere Kommentare laden", "Mehr anzeigen", "Antworten",
                                    "Load more comments", "LOAD MORE",
                                    "Weitere Antworten anzeigen (3)", "12 weitere Kommentare",
                                    "Show 5 more replies"])
def test_a_button_between_the_comments_of_a_bare_dump_is_chrome_and_parts_them(button):
    d = reconstruct(BUTTON_BETWEEN.format(button=button))
    assert d.source.style == "bare"
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, 3)]
    # No comment is a button's words alone, and a button stands between comments: the
    # paragraph under it starts one, though in lower case after a colon it would go on
    # from the one above.
    assert [c.span.first for c in d.comments][-1] == 4
    assert all(line.number != 3 for c in d.comments for line in c.lines)
    plain = reconstruct(BUTTON_BETWEEN.replace("{button}\n", ""))
    assert [c.span.first for c in plain.comments][-1] == 2  # it goes on there


@pytest.mark.parametrize("number", ["1998", "28.8k", "+3"])
def test_a_number_alone_in_a_bare_dump_stays_a_comment(number):
    # A vote count frames comments on a page, but alone in a bare dump it may be what a
    # comment says ("1998", a year asked for; the omp dev threads have such).
    d = reconstruct(BUTTON_BETWEEN.format(button=number))
    assert d.chrome == ()
    assert any(line.number == 3 for c in d.comments for line in c.lines)


def test_an_ad_between_the_comments_of_a_bare_dump_parts_them():
    ad = "Anzeige\nJetzt Tarife vergleichen und bis zu 300 Euro sparen"
    text = BUTTON_BETWEEN.format(button=ad)
    d = reconstruct(text)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, 4)]
    assert [c.span.first for c in d.comments][-1] == 5


def test_the_buttons_of_a_page_style_dump_frame_its_comments_not_chrome():
    d = reconstruct(PAGE_CONTROLS)
    assert all(b.span.first < 5 for b in d.chrome)
    assert [line.role for line in d.comments[0].lines][-1] == Role.ACTION


PAGE_DOTS = """\
John Doe
• 3 years ago
Great article, but you forgot to mention the fees.
12
•
Reply
•
Share ›
Avatar
Jane Roe
John Doe
• 3 years ago
The fees are in the second paragraph.
3
•
Reply
•
Share ›
"""

PAGE_BYLINE_WITH_BUTTONS = """\
pg 3 hours ago | parent | next [–]
Support costs scale with users, not with revenue.
reply
dang 2 hours ago | parent | next [–]
That's true for most consumer fintechs.
reply
"""


def test_dots_between_buttons_and_a_picture_s_name_are_the_page_s():
    layout = drafts_of(PAGE_DOTS, "en")
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("John Doe", "3 years ago", "Great article, but you forgot to mention the fees."),
        ("Jane Roe", "3 years ago", "The fees are in the second paragraph.")]
    assert is_action("•") and is_action("Avatar") and not is_action("")


def test_a_byline_with_name_and_date_before_its_buttons():
    assert byline("pg 3 hours ago | parent | next [–]") == ("pg", "3 hours ago")
    assert byline("Anna Maria Berg 2 days ago | parent") == ("Anna Maria Berg", "2 days ago")
    assert byline("This is what happened 3 hours ago | fun") is None
    layout = drafts_of(PAGE_BYLINE_WITH_BUTTONS, "en")
    assert layout.style == "page"
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("pg", "3 hours ago", "Support costs scale with users, not with revenue."),
        ("dang", "2 hours ago", "That's true for most consumer fintechs.")]


ARTICLE_ABOVE = """\
Klarna erstatter kundeservice med kunstig intelligens
Betalingsfirmaet siger, at AI nu klarer arbejdet for 700 medarbejdere.
Klarna har i det seneste år indført en chatbot, som besvarer de fleste henvendelser.
Det har ført til, at virksomheden har skåret i antallet af ansatte i kundeservice.
"""

COMMENTS_DA = """\
Jeg har prøvet deres chat, og den var faktisk ret god. Fik svar på to minutter.
Hej Mette, det lyder heldigt. Min oplevelse var det modsatte.
Enig med dig. Det er frustrerende når man har et reelt problem.
Hvad med de ansatte? Der er ingen der taler om dem.
"""

PAGE_DA = """\
Mette Hansen
for 3 timer siden
Jeg har prøvet deres chat, og den var faktisk ret god.
Svar
Lars Nielsen
for 2 timer siden
Hej Mette, det lyder heldigt. Min oplevelse var det modsatte.
Svar
"""


def _indented(text):
    return "".join(f"    {line}\n" for line in text.splitlines())


def test_an_indented_comment_section_is_comments_not_a_sidebar():
    # The page indents its whole comment section under an article at the left edge: the
    # comments speak ("jeg", "du", a greeting, a question) where a sidebar lists names
    # and news; their start closes the article.
    d = reconstruct(ARTICLE_ABOVE + _indented(COMMENTS_DA))
    assert d.chrome == ()
    assert d.article is not None and d.article.span.last == 4
    assert d.comments[0].span.first == 5 and len(d.comments) >= 2
    # The same lines framed by authors and dates: comments by their dates alone.
    d = reconstruct(ARTICLE_ABOVE + _indented(PAGE_DA))
    assert d.chrome == () and d.article is not None and d.article.span.last == 4
    assert [(c.author, c.span.first) for c in d.comments] == [("Mette Hansen", 5),
                                                              ("Lars Nielsen", 9)]
    # A box inside the article speaks to its reader too, but the article goes on after it.
    lines = ARTICLE_ABOVE.splitlines()
    box = "    Nyhedsbrev\n    Få nyhederne i din indbakke.\n    Du kan altid afmelde dig.\n"
    d = reconstruct("\n".join(lines[:3]) + "\n" + box + lines[3] + "\n(Foto: Klarna)\n"
                    + COMMENTS_DA)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(4, 6)]
    assert d.article is not None and d.article.span.last == 8
    assert d.comments[0].span.first == 9


def test_a_page_ends_its_article_where_the_first_comment_is_signed():
    # No disclaimer, no header, no chrome: the first author and date line closes it.
    d = reconstruct(ARTICLE_ABOVE + PAGE_DA)
    assert d.article is not None and d.article.title.startswith("Klarna erstatter")
    assert [(c.author, c.span.first) for c in d.comments] == [("Mette Hansen", 5),
                                                              ("Lars Nielsen", 9)]
    # Buttons above the first comment ("level 1") go with it, not with an article.
    d = reconstruct("level 1\n" + PAGE_DA)
    assert d.article is None and d.comments[0].span.first == 1


def test_teasers_beside_an_article_are_chrome_not_nested_replies():
    # Three indented runs at one level would read as a thread's replies; these speak as
    # no reply does (titles and news), so they are a sidebar, and the article goes on
    # past them to its disclaimer.
    lines = ARTICLE_ABOVE.splitlines()
    teaser = "    Læs også\n    {}\n"
    text = (lines[0] + "\n" + lines[1] + "\n" + teaser.format("Bank lukker filialer i Jylland")
            + lines[2] + "\n" + teaser.format("Ny app skal hjælpe pendlere")
            + lines[3] + "\n" + teaser.format("Elbiler sælger som aldrig før")
            + "Transparens: Artiklen indeholder links.\n" + COMMENTS_DA)
    d = reconstruct(text)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(3, 4), (6, 7), (9, 10)]
    assert d.article is not None and d.article.span.last == 11
    assert [c.span.first for c in d.comments][:1] == [12]
    assert all(c.parent is None or c.confidence < 1.0 for c in d.comments)  # not as shown


def test_a_page_article_dated_under_its_title_is_no_comment():
    # The article's date frames no comment: no button follows it before the next date,
    # where every comment's does.  It is the article's, and the lead comes after it.
    lines = ARTICLE_ABOVE.splitlines()
    d = reconstruct(lines[0] + "\n23. november 2026\n" + "\n".join(lines[1:]) + "\n" + PAGE_DA
                    + "Ole Berg\nfor 1 time siden\nHvad med de ansatte?\nSvar\n")
    a = d.article
    assert a is not None and a.title.startswith("Klarna erstatter")
    assert [line.number for line in a.boilerplate] == [2]
    assert [line.number for line in a.lead] == [3]
    assert [(c.author, c.span.first) for c in d.comments] == [
        ("Mette Hansen", 6), ("Lars Nielsen", 10), ("Ole Berg", 14)]
    # A page whose first comment is dated like that keeps it: its button follows.
    d = reconstruct(PAGE_DA + "Ole Berg\nfor 1 time siden\nHvad med de ansatte?\nSvar\n")
    assert d.article is None and [c.span.first for c in d.comments] == [1, 5, 9]


PAGE_TIME_IN_BUTTONS = """\
Peter Hansen
Klarna has the worst customer service I have ever dealt with.
Like · Reply · 3h
Anna Berg
Agreed, I waited two weeks for a refund.
Like · Reply · 2h
Lars Ek
Works fine for me.
Like · Reply · 1h
"""


def test_a_page_with_the_time_among_the_buttons_under_the_text():
    assert is_action("Like · Reply · 3h") and row_date("Like · Reply · 3h") == "3h"
    assert not is_action("John Doe • 3 years ago") and row_date("Reply · Share") is None
    layout = drafts_of(PAGE_TIME_IN_BUTTONS, "en")
    assert layout.style == "page"
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("Peter Hansen", "3h", "Klarna has the worst customer service I have ever dealt with."),
        ("Anna Berg", "2h", "Agreed, I waited two weeks for a refund."),
        ("Lars Ek", "1h", "Works fine for me.")]


def test_dates_with_seconds_and_numbered_comments():
    assert is_date("23. November 2026, 14:32:11") and is_date("12/06/2024 14:32:11")
    assert is_date("#12 — vor 3 Stunden") and is_date("#1.1 · 2 hours ago")
    assert is_date("20. Juni 2016 - 09:15") and is_date("3 hours ago (edited)")
    assert not is_date("Juni 2015 - das war") and not is_date("3 - 4 Stunden")
    # The words around a date are no date alone; what tells a time without a number is.
    assert not any(map(is_date, ["a", "at", "ago", "vor", "um", "siden", "sedan"]))
    assert all(map(is_date, ["heute", "just now", "an hour ago", "vor einem Tag", "i går"]))
    assert not is_date("#12 ist meine Lieblingszahl")
    page = ("#1 — vor 3 Stunden\nDen Kundendienst via KI abwickeln ist ne geniale Idee!\n"
            "Antworten\nLink kopieren\n"
            "#1.1 — vor 2 Stunden\nUnsinn. Das klappt nie.\nAntworten\nLink kopieren\n")
    layout = drafts_of(page)
    assert [(d.date, d.text) for d in layout.drafts] == [
        ("vor 3 Stunden", "Den Kundendienst via KI abwickeln ist ne geniale Idee!"),
        ("vor 2 Stunden", "Unsinn. Das klappt nie.")]


NEWS_EN = """\
Klarna says its AI assistant now does the work of 700 people
The buy now, pay later firm says the chatbot handled 2.3 million conversations.
Klarna said on Tuesday that its AI assistant was now doing the work of 700 agents.
"We are not replacing people with AI," the chief executive said.
Most read
Storm warning issued for the east coast
Why house prices are falling again
Comments (3)
Nobody I know wants to talk to a chatbot when something goes wrong with a payment.
That is exactly it. The bots are fine for tracking a parcel, useless for anything else.
This is what happens when growth at any cost meets a down market.
"""


def test_a_chrome_heading_at_the_left_edge_takes_the_headlines_under_it():
    # Not indented as a sidebar: "Most read" and the headlines it lists are still chrome,
    # and they end the article.
    d = reconstruct(NEWS_EN)
    assert d.article is not None and d.article.span.last == 4
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(5, 8)]
    assert [c.span.first for c in d.comments][:1] == [9]
    # Over prose it lists no headlines: the prose is not swallowed.
    d = reconstruct(NEWS_EN.replace("Storm warning issued for the east coast\n",
                                    "Storms were warned of in the east in March.\n"))
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(8, 8)]
    assert d.article is not None and d.article.span.last == 7


NEWS_DE_RELATED = """\
Stadt plant autofreie Innenstadt ab 2028
Die Stadtverwaltung hat am Dienstag ihre Pläne für eine autofreie Innenstadt vorgestellt.
Künftig sollen mehr Buslinien durch das Zentrum fahren, dazu kommen breitere Radwege.
Mehr zum Thema
Radverkehr: Wie sicher sind die neuen Radwege?
Parkgebühren steigen ab Januar deutlich
Wurde auch Zeit. In Kopenhagen funktioniert das seit Jahren.
Kopenhagen ist aber auch flach.
"""


def test_a_chrome_heading_as_german_writes_it_with_a_question_under_it():
    # "Mehr zum Thema": a noun in capitals, as no "capitalize" or "title" form writes it;
    # a headline may ask.
    d = reconstruct(NEWS_DE_RELATED)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(4, 6)]
    assert d.article is not None and d.article.span.last == 3
    assert [c.span.first for c in d.comments] == [7, 8]
    # A comment that asks, right under the article, is no headline: nothing heads it.
    d = reconstruct(NEWS_DE_RELATED.replace("Mehr zum Thema\n", "Wie sicher ist das?\n"))
    assert d.chrome == ()


TEASERS_DE = ("Radverkehr: Wie sicher sind die neuen Radwege?\n"
              "Parkgebühren steigen ab Januar deutlich\n"
              "So sparen Sie beim Lastenrad bis zu 500 Euro\n")  # "Sie": headlines advise


def test_a_list_of_headlines_under_the_article_with_no_heading_is_chrome():
    # Other articles' headlines between the article's end and the comments, with no
    # "Mehr zum Thema" over them: chrome, and the first comment stays one of its own.
    text = ARTICLE_DE.replace("Endlich!", TEASERS_DE + "Endlich!", 1)
    d = reconstruct(text)
    assert d.article is not None and d.article.span.last == 5
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(6, 8)]
    assert [c.span.first for c in d.comments] == [9, 10]
    # Above a comments header, they are not the article's last lines.
    d = reconstruct(text.replace("Endlich!", "12 Kommentare\nEndlich!", 1))
    assert d.article is not None and d.article.span.last == 5
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(6, 9)]
    assert [c.span.first for c in d.comments] == [10, 11]
    # Under an article found by its shape alone.
    teasers = ("Council to vote on new parking charges next month\n"
               "Five of the best bike routes around the city\n"
               "Why the tram extension is two years late\n")
    d = reconstruct(ARTICLE_EN_UNMARKED.replace("Finally!", teasers + "Finally!", 1))
    assert d.article is not None and d.article.span.last == 7
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(8, 10)]
    assert [c.span.first for c in d.comments] == [11, 12]


NEWS_DE_LONG = (
    "Stadt plant autofreie Innenstadt ab 2028\n"
    "Die Stadtverwaltung hat am Dienstag ihre Pläne für eine autofreie Innenstadt"
    " vorgestellt, die der Rat im Frühjahr beschließen soll.\n"
    "Künftig sollen mehr Buslinien durch das Zentrum fahren, dazu kommen breitere Radwege"
    " und neue Plätze an den Einfallstraßen.\n"
    "Die Händler in der Fußgängerzone sehen die Pläne skeptisch und fürchten, dass weniger"
    " Kunden aus dem Umland kommen werden.\n"
    "Der Oberbürgermeister verwies dagegen auf Städte in den Niederlanden, wo der Umsatz"
    " der Läden nach dem Umbau gestiegen sei.\n"
    "Eine Bürgerversammlung zu den Plänen findet am kommenden Donnerstag um 19 Uhr im"
    " großen Saal des Rathauses statt.\n"
    "Wurde auch Zeit. In Kopenhagen funktioniert das seit Jahren!\n"
    "Kopenhagen ist aber auch flach.\n"
)


@pytest.mark.parametrize("inside", [
    "Anzeige\n",
    "Mehr zum Thema\nRadverkehr: Wie sicher sind die neuen Radwege?\n"
    "Parkgebühren steigen ab Januar deutlich\n",
])
def test_an_ad_or_a_box_inside_the_article_does_not_end_it(inside):
    # An ad's label or a box of other headlines after the second paragraph, prose of the
    # article's kind after it, no mark at the article's end: the article goes on.
    text = NEWS_DE_LONG.replace("Die Händler", inside + "Die Händler", 1)
    d = reconstruct(text)
    shift = inside.count("\n")
    assert d.article is not None and d.article.span.last == 6 + shift
    assert [c.span.first for c in d.comments] == [7 + shift, 8 + shift]


def test_a_comment_s_short_title_under_a_box_of_headlines_stays_the_comment_s():
    # Headlines of three words or more above the comments: a shorter line under them is
    # the first comment's title, not one more headline.
    text = NEWS_DE_RELATED.replace("Wurde auch Zeit.", "Gutes Projekt\nWurde auch Zeit.", 1)
    d = reconstruct(text)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(4, 6)]
    assert d.comments[0].span.first == 7 and d.comments[0].text.startswith("Gutes Projekt")


@pytest.mark.parametrize("first_lines", [
    # Two headline-like lines are no list; comments' title lines in lower case, numbered,
    # in the first person, answering or taking something said as given are no headlines.
    "Parkgebühren steigen ab Januar deutlich\nDie besten Lastenräder im Vergleich\n",
    "das war ja klar und keiner hat gefragt\nwieder einmal die gleichen Fehler\n"
    "am Ende zahlen die Fahrer dafür\n",
    "1. Die Fahrer zahlen drauf wie immer\n2. Die Kunden zahlen mehr als bisher\n"
    "3. Die Firmen zahlen gar nichts dafür\n",
    "Ich sehe das ganz anders als alle hier\nMeine Erfahrung mit den Diensten ist gut\n"
    "Wir bestellen trotzdem weiter jede Woche\n",
    "Das ist doch alles nur Show\nTypisch Lieferdienste mal wieder halt\n"
    "Wer braucht schon Fahrer mit Vertrag\n",
])
def test_headline_like_comments_under_the_article_stay_comments(first_lines):
    d = reconstruct(ARTICLE_DE.replace("Endlich!", first_lines + "Endlich!", 1))
    assert d.chrome == ()
    assert d.article is not None and d.article.span.last == 5
    assert d.comments[0].span.first == 6


@pytest.mark.parametrize("heading", ["Artikel teilen", "Teilen", "Diesen Artikel teilen"])
def test_the_buttons_that_share_an_article_are_chrome(heading):
    text = NEWS_DE_RELATED.replace("Mehr zum Thema\n", heading + "\n").replace(
        "Radverkehr: Wie sicher sind die neuen Radwege?\nParkgebühren steigen ab Januar deutlich\n",
        "Facebook\nWhatsApp\nE-Mail\n")
    d = reconstruct(text)
    assert [(b.span.first, b.span.last) for b in d.chrome] == [(4, 7)]
    assert d.article is not None and d.article.span.last == 3
    assert [c.span.first for c in d.comments] == [8, 9]


PAGE_DOTTED_NAMES = """\
level 1
throwaway_42
OP
·
3 hr. ago
Klarna replacing support with a bot is exactly why I stopped using them.
124
Reply
level 2
MaryK
·
2 hr. ago
· edited 1 hr. ago
Same here. Took me three weeks to get a refund.
31
Reply
level 1
Peter_S
·
1 hr. ago
Did you try the email address?
4
Reply
2 more replies
Continue this thread →
"""


def test_a_dot_between_name_and_date_is_decoration_and_an_edit_note_no_comment():
    layout = drafts_of(PAGE_DOTTED_NAMES, "en")
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("throwaway_42", "3 hr. ago",
         "Klarna replacing support with a bot is exactly why I stopped using them."),
        ("MaryK", "2 hr. ago", "Same here. Took me three weeks to get a refund."),
        ("Peter_S", "1 hr. ago", "Did you try the email address?")]
    assert [d.shown_depth for d in layout.drafts] == [1, 2, 1]
    assert all(is_action(t) for t in ("· edited 1 hr. ago", "bearbeitet", "2 more replies",
                                      "Continue this thread →"))
    assert not is_action("edited the article, did you?")
    # Without the levels, the badge ("OP") and the dots, names still frame the comments.
    plain = "\n".join(line for line in PAGE_DOTTED_NAMES.splitlines()
                      if not line.startswith("level") and line != "OP")
    assert [d.author for d in drafts_of(plain, "en").drafts] == ["throwaway_42", "MaryK",
                                                                 "Peter_S"]


PAGE_HANDLES = """\
@techreviewer
2 years ago
The part about the hotline at 4:32 is spot on.
1.2K
Reply
14 replies
@anna_k
2 years ago
@techreviewer exactly, I waited 40 minutes last week.
56
Reply
"""


def test_a_page_signed_with_handles_and_counted_in_thousands():
    d = reconstruct(PAGE_HANDLES)
    assert [(c.author, c.date, c.text) for c in d.comments] == [
        ("@techreviewer", "2 years ago", "The part about the hotline at 4:32 is spot on."),
        ("@anna_k", "2 years ago", "@techreviewer exactly, I waited 40 minutes last week.")]
    assert d.comments[1].parent == d.comments[0].id


PAGE_NAMES_AND_HANDLES = """\
Sebastian S.
@klarnaceo
·
3h
Our AI assistant now does the work of 700 agents.
1.2K
Mary K
@maryk
·
2h
Replying to @klarnaceo
Happier? I waited three weeks for a refund.
12
Tom B
@tomb@social.example
·
1h
Same here, the bot kept sending me links.
3
Ann
@ann
·
1h
@tomb did you try the email address?
1
"""


def test_a_handle_under_the_name_is_how_replies_greet_its_author():
    d = reconstruct(PAGE_NAMES_AND_HANDLES)
    assert [c.author for c in d.comments] == ["Sebastian S.", "Mary K", "Tom B", "Ann"]
    ids = [c.id for c in d.comments]
    assert d.comments[1].parent == ids[0]  # "Replying to @klarnaceo": Sebastian S.
    assert any(e.detail == "greets Sebastian S., who wrote the parent"
               for e in d.comments[1].evidence)
    assert d.comments[3].parent == ids[2]  # "@tomb", whose handle names an instance too
    drafts = drafts_of(PAGE_NAMES_AND_HANDLES, "en").drafts
    assert [x.handle for x in drafts] == ["@klarnaceo", "@maryk", "@tomb@social.example",
                                          "@ann"]


PAGE_FORUM_BYLINES = """\
Klarna und KI
Post by anna_k » Mon Jun 10, 2024 2:32 pm
Das war doch absehbar, die sparen wo sie können.
Quote
Top
Re: Klarna und KI
Post by bernd77 » Mon Jun 10, 2024 3:01 pm
Hallo anna_k, welche Firma spart denn nicht?
Quote
Top
"""

PAGE_SUBJECTS_ABOVE_NAMES = """\
Re: Klarna und KI
anna_k
23.11.2026 14:32
Das war doch absehbar, die sparen wo sie können.
Antworten
Re: Klarna und KI
bernd77
23.11.2026 14:40
Hallo anna_k, welche Firma spart denn nicht?
Antworten
Bürokratie
chris_x
23.11.2026 15:01
Die KI wird auch keine Anträge schneller bearbeiten.
Antworten
"""


def test_a_forum_s_subject_lines_go_with_the_comments_they_head():
    # A byline with the name after "Post by" and the date after "»"; each reply's subject
    # above it.  The thread's title, first, is the page's.
    layout = drafts_of(PAGE_FORUM_BYLINES, "en")
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("anna_k", "Mon Jun 10, 2024 2:32 pm", "Das war doch absehbar, die sparen wo sie können."),
        ("bernd77", "Mon Jun 10, 2024 3:01 pm",
         "Re: Klarna und KI\nHallo anna_k, welche Firma spart denn nicht?")]
    assert byline("Beitrag von anna_k » 10.06.2024, 14:32") == ("anna_k", "10.06.2024, 14:32")
    # A subject above the name is no author, nor the name a badge, with "Re:" or without.
    layout = drafts_of(PAGE_SUBJECTS_ABOVE_NAMES)
    assert [(d.author, d.text.split("\n")[0]) for d in layout.drafts] == [
        ("anna_k", "Re: Klarna und KI"), ("bernd77", "Re: Klarna und KI"),
        ("chris_x", "Bürokratie")]
    # The subject names the thread: the reply's own words start under it.
    d = reconstruct(PAGE_SUBJECTS_ABOVE_NAMES)
    assert d.comments[1].parent == d.comments[0].id
    assert any(e.detail == "greets anna_k, who wrote the parent" for e in d.comments[1].evidence)


# Comments as social sites print them: the name, the text, then the time and the buttons.
PAGE_DATES_UNDER_TEXT = """\
Klarna skærer halvdelen af medarbejderne væk
Den svenske betalingsvirksomhed vil bruge kunstig intelligens i kundeservicen.
I dag kl. 08:14
Klarna har i flere år brugt kunstig intelligens, men nu går virksomheden et skridt videre.
Det vækker bekymring hos fagforeningerne, som frygter for de ansattes fremtid.
Kommentarer
Lars Nielsen
Det var da forventeligt. Alle virksomheder vil spare på kundeservice.
Og det går altid ud over kunderne til sidst.
3 t
Synes godt om
Svar
Anne Sørensen
Hej Lars, men bliver kvaliteten bedre af det? Deres chatbot forstod intet.
2 t
Synes godt om
Svar
Peter Holm
Enig
2 t
Synes godt om
Svar
Mette Berg
2024
var året, hvor jeg holdt op med at bruge Klarna.
45 min
Synes godt om
Svar
Vis flere kommentarer
"""


def test_a_page_that_prints_the_time_under_the_text():
    layout = drafts_of(PAGE_DATES_UNDER_TEXT, "da")
    assert layout.style == "page"
    assert layout.article is not None and "Lars Nielsen" not in layout.article.text
    assert [(d.author, d.date, d.text) for d in layout.drafts] == [
        ("Lars Nielsen", "3 t", "Det var da forventeligt. Alle virksomheder vil spare på "
         "kundeservice.\nOg det går altid ud over kunderne til sidst."),
        ("Anne Sørensen", "2 t",
         "Hej Lars, men bliver kvaliteten bedre af det? Deres chatbot forstod intet."),
        # A short text above its time is no name, and a number under a name is text.
        ("Peter Holm", "2 t", "Enig"),
        ("Mette Berg", "45 min", "2024\nvar året, hvor jeg holdt op med at bruge Klarna.")]
    d = reconstruct(PAGE_DATES_UNDER_TEXT)
    assert d.comments[1].parent == d.comments[0].id  # "Hej Lars": Lars Nielsen's


def test_the_first_comment_under_the_time_starts_at_its_name_not_at_its_title():
    # The first author writes once: the name nearest above the text is its title, which
    # ends like no name does.
    page = ("user42\nSuspendiert?\nWenn es so war, ist es ein klarer Fall.\n"
            "21. April 2016, 12:22\nAntworten\n"
            "user7\nSehe ich anders.\n21. April 2016, 12:30\nAntworten\n"
            "user9\nIch auch.\n21. April 2016, 12:41\nAntworten\n")
    assert [(d.author, d.text) for d in drafts_of(page).drafts] == [
        ("user42", "Suspendiert?\nWenn es so war, ist es ein klarer Fall."),
        ("user7", "Sehe ich anders."), ("user9", "Ich auch.")]


def test_dates_in_the_article_leave_a_signed_page_s_names_authors():
    # The article's date heads no comment: the names after the buttons are still authors.
    page = PAGE_DATES_UNDER_TEXT.replace("3 t\nSynes godt om\nSvar", "Synes godt om · Svar · 3 t")
    for time in ("2 t", "45 min"):
        page = page.replace(f"{time}\nSynes godt om\nSvar", f"Synes godt om · Svar · {time}")
    layout = drafts_of(page, "da")
    assert [(d.author, d.date) for d in layout.drafts] == [
        ("Lars Nielsen", "3 t"), ("Anne Sørensen", "2 t"), ("Peter Holm", "2 t"),
        ("Mette Berg", "45 min")]


def test_a_reply_that_calls_a_page_author_by_first_name_greets_them():
    page = ("John Smith\nI called them and got a bot that understood nothing.\n3h\nLike\n"
            "Reply\nSarah Jones\nJohn, same here. It took me an hour to reach a human.\n2h\n"
            "Like\nReply\nEmma Wilson\nThe bot solved my refund in two minutes.\n1h\nLike\n"
            "Reply\n")
    d = reconstruct(page)
    assert [c.author for c in d.comments] == ["John Smith", "Sarah Jones", "Emma Wilson"]
    assert d.comments[1].parent == d.comments[0].id
    assert any(e.detail == "greets John (John Smith), who wrote the parent"
               for e in d.comments[1].evidence)
