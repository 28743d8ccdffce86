"""The scored attacher on hand-written threads: each cue moves the parent the right way."""

import json

import pytest
from threadloom.threading import score
from threadloom.threading.attach import enforce_order
from threadloom.threading.cues import comment_cues
from threadloom.threading.evaluate import evaluate_file, load_gold
from threadloom.threading.features import Candidate, greeted_names, prepare
from threadloom.threading.lines import split_lines
from threadloom.threading.model import AuthorSource, Line
from threadloom.threading.score import attach_scored
from threadloom.threading.segment import drafts_from_spans
from threadloom.threading.stages import AttachContext, Draft, Link
from threadloom.threading.weights import weights


def drafts(*texts, authors=None, dates=None):
    out = []
    for i, t in enumerate(texts):
        lines = tuple(Line(i * 10 + k + 1, p) for k, p in enumerate(t.split("\n")))
        out.append(Draft(lines, (authors or [None] * len(texts))[i],
                         (dates or [None] * len(texts))[i]))
    return out


def parents(texts, lang="de", order="depth-first", model=None, **kw):
    links = attach_scored(drafts(*texts, **kw), AttachContext(order=order, language=lang),
                          model=model)
    return [link.parent for link in links], links


def test_greeting_points_to_the_greeted_authors_comment():
    texts = [
        "Die Mieten steigen seit Jahren schneller als die Löhne in der Stadt.",
        "Das liegt vor allem an den Zinsen und an zu wenig Neubau in der Region.",
        "Hallo Peter, der Neubau allein wird es nicht richten.",
        "Stimmt, die Zinsen sind wichtiger.",
        "Hallo Peter, ich bleibe dabei: ohne Neubau geht es nicht.",
    ]
    p, links = parents(texts)
    # The first greeting names the writer of the comment before it ...
    assert p[2] == 1
    assert links[1].author == "Peter" and links[1].author_source is AuthorSource.GREETING
    # ... and the second greeting to Peter goes back up to his comment.
    assert p[4] == 1
    assert any(e.cue == "greets_parent_author" for e in links[4].evidence)


def test_quote_of_an_earlier_comment_wins():
    texts = [
        "Das Problem sind die versteckten Tücken im Vertrag, nicht der Preis.",
        "Ich habe den Vertrag nie unterschrieben, war mir zu teuer.",
        "Die „versteckten Tücken“ stehen doch alle im Kleingedruckten.",
    ]
    p, links = parents(texts)
    assert p[2] == 0
    assert any(e.cue == "quotes_parent" for e in links[2].evidence)


def test_answer_opener_and_second_person_reply_to_the_previous_comment():
    texts = [
        "Klarna ist für mich der bequemste Weg, online zu bezahlen.",
        "Unsinn. Du zahlst am Ende nur mehr Gebühren.",
    ]
    p, links = parents(texts)
    assert p == [None, 0]
    assert links[1].confidence > 0.5
    cues = {e.cue for e in links[1].evidence}
    assert "previous_opener_disagree" in cues


@pytest.mark.parametrize(
    ("lang", "thread", "alone", "pointing_back", "cue"),
    [
        ("de", ["Die Mieten steigen seit Jahren schneller als die Löhne, vor allem für Familien.",
                "Die Politik schaut tatenlos zu und baut keine einzige Sozialwohnung mehr."],
         "Wien bleibt eine der lebenswertesten Städte der Welt, das zeigen alle Umfragen immer.",
         "Und Wien bleibt eine der lebenswertesten Städte der Welt, das zeigen alle Umfragen.",
         "previous_continues"),
        ("de", ["Die Mieten steigen seit Jahren schneller als die Löhne, vor allem für Familien.",
                "Die Politik schaut tatenlos zu und baut keine einzige Sozialwohnung mehr."],
         "Wien bleibt eine der lebenswertesten Städte der Welt, das zeigen alle Umfragen immer.",
         "Das ändert nichts daran, dass Wien eine der lebenswertesten Städte der Welt bleibt.",
         "previous_refers_back"),
        ("da", ["Prisen på el er steget voldsomt i år, især om vinteren for familier med børn.",
                "Regeringen gør ingenting ved det og lader bare afgifterne stige år efter år."],
         "Vindmøller på land ville have gjort strømmen billigere for alle husstande i landet.",
         "Fordi vindmøller på land ville have gjort strømmen billigere for alle husstande.",
         "previous_refers_back"),
    ],
)
def test_a_comment_opening_on_something_said_before_answers_it(lang, thread, alone,
                                                                 pointing_back, cue):
    # The same words with no such opening start a thread of their own.
    assert parents([*thread, alone], lang)[0][2] is None
    p, links = parents([*thread, pointing_back], lang)
    assert p[2] == 1
    assert cue in {e.cue for e in links[2].evidence}


def test_a_comment_taking_something_said_as_given_looks_less_like_a_new_thread():
    thread = ["Die Mieten steigen seit Jahren schneller als die Löhne, vor allem für Familien.",
              "Die Politik schaut tatenlos zu und baut keine einzige Sozialwohnung mehr."]
    rest = "den Markt entlasten, wie es in anderen Städten passiert ist."
    alone = f"Eine Leerstandsabgabe würde {rest}"
    given = f"Eine Leerstandsabgabe würde auch {rest}"
    (p_alone, links_alone), (p_given, links_given) = parents([*thread, alone]), parents(
        [*thread, given])
    assert p_alone[2] is None
    assert "top_level_presupposes" not in {e.cue for e in links_alone[2].evidence}
    # Still top level here, with less confidence, and the evidence says why.
    assert p_given[2] is None
    assert "top_level_presupposes" in {e.cue for e in links_given[2].evidence}
    assert links_given[2].confidence < links_alone[2].confidence - 0.1


def test_a_short_reaction_without_cues_answers_the_comment_before():
    p, _ = parents([
        "Die Mieten steigen seit Jahren schneller als die Löhne, vor allem für Familien.",
        "Die Politik schaut tatenlos zu und baut keine einzige Sozialwohnung.",
        "Wien bleibt schön.",
    ])
    assert p[2] == 1


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("da", ["Prisen på el er steget voldsomt i år, især om vinteren.",
                "Nej, det passer ikke. Du glemmer afgifterne."]),
        ("en", ["Remote work made our team far more productive this year.",
                "Nope, you are ignoring how much mentoring suffered."]),
        ("sv", ["Elpriset har stigit kraftigt i år, särskilt på vintern.",
                "Nej, det stämmer inte. Du glömmer skatterna."]),
    ],
)
def test_openers_in_other_languages(lang, texts):
    p, _ = parents(texts, lang)
    assert p == [None, 0]


def test_given_authors_follow_the_conversation_turns():
    texts = [
        "Der Artikel verschweigt die Kosten des Projekts.",
        "Welche Kosten meinen Sie genau?",
        "Die Folgekosten für den Betrieb der Anlage.",
    ]
    p, links = parents(texts, authors=["anna", "bernd", "anna"])
    assert p == [None, 0, 1]
    assert [link.author_source for link in links] == [AuthorSource.GIVEN] * 3


def test_dates_rule_out_parents_written_later():
    texts = [
        "Erster Beitrag zum Thema Verkehr in der Innenstadt.",
        "Antwort auf den ersten Beitrag, mit eigenen Gedanken zum Verkehr.",
        "Ein ganz neuer Gedanke zum Verkehr in der Innenstadt.",
    ]
    dates = ["1. Juni 2015, 10:00", "1. Juni 2015, 12:00", "1. Juni 2015, 11:00"]
    p, _ = parents(texts, authors=["a", "b", "c"], dates=dates)
    # Written before comment 1, so it cannot answer it; it answers comment 0 or the article.
    assert p[2] != 1


def test_threads_listed_newest_first_keep_a_later_comment_out_of_the_top_level():
    # Threads newest first, replies in time order under each: the last comment is dated
    # after the top-level comment above it, so it cannot be a thread of its own.
    texts = [
        "Der Radweg am Fluss ist endlich fertig geworden.",
        "Wurde auch Zeit, jahrelang nur Baustelle.",
        "Die Mieten in der Stadt steigen seit Jahren schneller als die Löhne.",
        # Long and addressing nobody: it would pass for a thread of its own, but for its date.
        "Bei uns im Viertel wurden in den letzten Monaten drei Häuser verkauft, und jedes "
        "Mal kamen danach neue Verträge mit deutlich höheren Beträgen. Die Verwaltung "
        "verweist auf gestiegene Kosten für Heizung, Wasser und Instandhaltung, aber die "
        "Belege bekommt niemand zu sehen. Ein Verein von Betroffenen sammelt inzwischen "
        "Unterschriften, damit die Behörde wenigstens prüft, ob das alles rechtens ist.",
    ]
    dates = ["1. Juni 2015, 12:00", "1. Juni 2015, 12:30", "1. Juni 2015, 10:00",
             "1. Juni 2015, 11:00"]
    p, _ = parents(texts, authors=["a", "b", "c", "d"], dates=dates)
    assert p == [None, 0, None, 2]


def test_a_page_that_lists_replies_newest_first_too_is_read_so():
    # Threads and the replies under each newest first (a forum sorted by "new"): read in
    # time order, each older reply would be out of turn with the one above it.
    topics = ["den Radweg am Fluss", "die Mieten in der Stadt", "den Bahnhof im Norden"]
    texts, dates = [], []
    for day, topic in zip((3, 2, 1), topics, strict=True):
        texts += [f"Ein Beitrag über {topic}, wie es im Artikel steht.",
                  f"Eine zweite Antwort zu {topic}, spät am Abend.",
                  f"Eine erste Antwort zu {topic}, am Nachmittag."]
        dates += [f"{day}. Juni 2015, 10:00", f"{day}. Juni 2015, 20:00",
                  f"{day}. Juni 2015, 15:00"]
    p, links = parents(texts, authors=[f"user{k}" for k in range(9)], dates=dates)
    assert p == [None, 0, 0, None, 3, 3, None, 6, 6]
    assert not [e for link in links for e in link.evidence if e.cue == "date_before_sibling"]


def test_depth_first_candidates_are_the_previous_comment_and_its_ancestors():
    texts = [f"Beitrag Nummer {i} über ein ganz anderes Thema {i * 7}." for i in range(30)]
    p, _ = parents(texts)
    stack: list[int] = []
    for i, parent in enumerate(p):
        assert parent is None or parent == i - 1 or parent in stack
        stack = [] if parent is None else stack[: stack.index(parent) + 1] if parent in stack \
            else stack
        stack.append(i)


def test_chronological_order_lets_any_earlier_comment_be_the_parent():
    texts = [
        "Die Mieten in der Stadt steigen schneller als die Löhne.",
        "Ganz anderes Thema: der Radweg am Fluss ist endlich fertig.",
        "Toll, der Radweg am Fluss war überfällig.",
        "Hallo Peter, die Mieten steigen wegen der Zinsen.",
    ]
    links = attach_scored(drafts(*texts), AttachContext(order="chronological"))
    assert all(link.parent is None or link.parent < i for i, link in enumerate(links))


def test_chronological_greeting_reaches_the_greeted_author_beyond_the_window():
    # Anna wrote long before the last MAX_BACK comments: the greeting still finds her.
    fillers = [f"Beitrag {k}: das Wetter in Oslo war heute wieder grau." for k in range(60)]
    texts = ["Die Mieten in der Stadt steigen schneller als die Löhne.", *fillers,
             "Hallo Anna, die Mieten steigen wegen der Zinsen."]
    authors = ["Anna", *(f"user{k}" for k in range(60)), "bernd"]
    p, links = parents(texts, order="chronological", authors=authors)
    assert p[-1] == 0
    assert any(e.cue == "greets_parent_author" for e in links[-1].evidence)


@pytest.mark.parametrize(("greeting", "author", "shown"), [
    # Pages sign with handles; people greet by first name.  "Hi John" answers JohnDoe, two
    # comments back, not the comment just before it (by Peter_S, whom it does not name).
    ("Hi John, I disagree:", "JohnDoe", "John (JohnDoe)"),
    # A handle greeted in lower case, as it is written.
    ("hi throwaway, though:", "throwaway_42", "throwaway (throwaway_42)"),
])
def test_a_greeting_finds_the_comment_signed_with_the_handle_it_names(greeting, author,
                                                                       shown):
    texts = [
        "The new budget does nothing for renters, as usual.",
        "Does anyone know when the changes take effect?",
        f"{greeting} the tax credit will help first-time buyers.",
    ]
    p, links = parents(texts, lang="en", authors=[author, "Peter_S", "MaryK"])
    assert p[2] == 0
    found = next(e for e in links[2].evidence if e.cue == "greets_parent_author")
    assert found.detail == f"greets {shown}, who wrote the parent"


def test_a_comment_opening_with_a_page_author_s_name_answers_that_author():
    # Pages that tag the one answered put the full name first, with no greeting word.
    texts = [
        "Klarna has the worst customer service I have ever dealt with.",
        "The new app is fine, the old one was slow.",
        "Peter Hansen agreed, I waited two weeks for a refund.",
        "Maria Lopez thinks so too.",  # no page author of that name: no greeting
    ]
    p, links = parents(texts, lang="en", authors=["Peter Hansen", "Jo", "Anna Berg", "Ole"])
    assert p[2] == 0
    found = next(e for e in links[2].evidence if e.cue == "greets_parent_author")
    assert found.detail == "greets Peter Hansen, who wrote the parent"
    assert not any(e.cue.startswith("greets") for e in links[3].evidence)
    # Nor does one's own name at the start greet anyone.
    _, links = parents(texts, lang="en", authors=["Peter Hansen", "Jo", "Peter Hansen", "Ole"])
    assert not any(e.cue.startswith("greets") for e in links[2].evidence)


def test_an_answer_to_a_question_says_so_in_its_evidence():
    _, links = parents(["Kommt die Tram bis 2030 wirklich in unser Viertel?",
                        "Ja, der Vertrag ist seit März unterschrieben.",
                        "Wirklich?"])
    assert links[1].parent == 0
    answered = {e.cue: e.detail for e in links[1].evidence}
    assert "“ja”" in answered.get("answers_question", "").lower()
    assert "short_after_question" not in answered
    # No question before it: nothing was answered.
    _, links = parents(["Die Tram kommt bis 2030 in unser Viertel.",
                        "Ja, der Vertrag ist seit März unterschrieben."])
    assert not {"answers_question", "short_after_question"} & {e.cue for e in links[1].evidence}


def test_every_link_has_evidence_and_a_confidence():
    _, links = parents(["Erster Beitrag.", "Zweiter Beitrag, du hast recht.", "Dritter."])
    for link in links:
        assert link.evidence
        assert 0.0 <= link.confidence <= 1.0


def test_enforce_order_repairs_impossible_links():
    bad = [Link(None), Link(0), Link(5), Link(0), Link(1)]
    fixed = enforce_order(bad, "depth-first")
    assert [link.parent for link in fixed] == [None, 0, None, None, None]


def test_klarna_greetings_and_authors(fixtures):
    """The four greeting links of the German sample and the five inferred authors."""
    gold = load_gold(fixtures / "klarna-de.gold.json")
    lines = split_lines(gold.dump.read_text(encoding="utf-8"))
    spans = [(g.start, g.end) for g in gold.comments]
    drafts = drafts_from_spans(lines, spans, nested=False)
    links = attach_scored(drafts, AttachContext(language="de"))
    parent_line = {s[0]: None if link.parent is None else spans[link.parent][0]
                   for s, link in zip(spans, links, strict=True)}
    for reply, parent in ((36, 33), (40, 39), (44, 40), (76, 75)):
        assert parent_line[reply] == parent, reply
    authors = {s[0]: link.author for s, link in zip(spans, links, strict=True) if link.author}
    assert authors[33] == "Bazi"
    assert authors[39] == "Peter" and authors[44] == "Peter"
    assert authors[40] == "Andreas"
    assert authors[75] == "Chris"
    assert authors[73] == "Chili"


def test_klarna_scores_beat_the_baselines(fixtures):
    score = evaluate_file(load_gold(fixtures / "klarna-de.gold.json"))
    assert score.attachment_gold_segments > score.baseline_chain
    assert score.attachment > score.baseline_all_root


def test_the_articles_words_link_no_two_comments():
    from threadloom.threading.features import prepare, similarity

    texts = ["Die Zentralbank erhöht die Leitzinsen schon wieder.",
             "Höhere Leitzinsen treffen vor allem Häuslebauer mit Krediten.",
             "Mein Nachbar hat deshalb seinen Hauskredit umgeschuldet, die Häuslebauer leiden."]
    plain, _ = prepare(drafts(*texts), ["de"] * 3)
    assert similarity(plain[0], plain[1])[0] > 0  # "Leitzinsen" links them
    article = "Zentralbank erhöht Leitzinsen"
    infos, facts = prepare(drafts(*texts), ["de"] * 3, article)
    assert similarity(infos[0], infos[1])[0] == 0  # the article's topic links nobody
    assert similarity(infos[1], infos[2])[0] > 0  # "Häuslebauer" still does
    assert "leitz" in facts.article_terms  # and the topic still says "top level"


def test_a_reply_dated_after_the_next_thread_began_is_not_top_level():
    texts = [
        "Die neue Umgehungsstraße wird den Verkehr in der Innenstadt kaum entlasten.",
        "Im Sommer sind die Baustellen am Ring das eigentliche Problem für Radfahrer.",
        "Ganz anderes Thema: der Bahnhof bekommt endlich einen Aufzug.",
    ]
    authors = ["anna", "bernd", "carla"]
    # Top-level comments run forward in time, each followed by its replies: comment 1,
    # written after comment 2 began a new thread, must belong to comment 0's thread.
    late = ["1. Juni 2015, 10:00", "1. Juni 2015, 12:00", "1. Juni 2015, 11:00"]
    p, _ = parents(texts, authors=authors, dates=late)
    assert p == [None, 0, None]
    in_turn = ["1. Juni 2015, 10:00", "1. Juni 2015, 11:00", "1. Juni 2015, 12:00"]
    p, links = parents(texts, authors=authors, dates=in_turn)
    assert p[1] is None
    assert any(e.cue == "top_level_in_time_order" for e in links[1].evidence)
    # Sorted by time, every comment is "in time order": the cue then says nothing.
    _, links = parents(texts, order="chronological", authors=authors, dates=in_turn)
    assert not any(e.cue.startswith("top_level_in") for link in links for e in link.evidence)


def test_dates_by_the_hour_still_show_a_reply_written_after_the_next_thread_began():
    texts = [
        "Die neue Umgehungsstraße wird den Verkehr in der Innenstadt kaum entlasten.",
        "Im Sommer sind die Baustellen am Ring das eigentliche Problem für Radfahrer.",
        "Ganz anderes Thema: der Bahnhof bekommt endlich einen Aufzug.",
        "Der Wochenmarkt sollte samstags länger offen haben.",
        "Warum fährt der Nachtbus eigentlich nur bis Mitternacht?",
        "Das Freibad öffnet dieses Jahr erst im Juni, habe ich gelesen.",
        "Die Bibliothek hat jetzt auch sonntags geöffnet.",
        "Am Stadtpark fehlen seit Jahren öffentliche Toiletten.",
    ]
    authors = ["anna", "bernd", "carla", "dora", "emil", "frida", "gerd", "hanna"]
    # Three dates for eight comments: too coarse to say that a comment in turn is top
    # level, not to say that one followed by an earlier one is not (comment 2, "vor 6
    # Stunden", is followed by comment 3, "vor 10 Stunden", and so are 4 and 5 by 6).
    hours = [10, 5, 6, 10, 6, 6, 10, 6]
    p, links = parents(texts, authors=authors, dates=[f"vor {h} Stunden" for h in hours])
    out_of_turn = [i for i in range(1, 8) if any(later > hours[i] for later in hours[i + 1:])]
    assert out_of_turn == [1, 2, 4, 5] and None not in [p[i] for i in out_of_turn]
    assert not any(e.cue == "top_level_in_time_order" for link in links for e in link.evidence)


def test_dumps_whose_dates_run_forward_have_weights_of_their_own():
    from threadloom.threading.score import attach_weights

    page, shared = attach_weights(dated_forward=True), attach_weights(dated_forward=False)
    assert page["top_level_followed_by_earlier"] < 0 < page["top_level_in_time_order"]
    assert "top_level_in_time_order" not in shared  # a cue the others cannot have
    # Out of turn is never top level, however coarse the dates: pages dated too coarsely
    # for the page weights read it with the shared ones, weighed as the page fit does.
    assert shared["top_level_followed_by_earlier"] == page["top_level_followed_by_earlier"]
    texts = ["Die Ampel am Markt ist seit Wochen kaputt.", "Das Wetter wird morgen besser.",
             "Die Bahn fährt am Sonntag nicht."]
    forward = ["1. Juni 2015, 10:00", "1. Juni 2015, 11:00", "1. Juni 2015, 12:00"]

    def top_level_weight(dates):
        _, links = parents(texts, authors=["anna", "bernd", "carla"], dates=dates)
        return next(e.weight for e in links[0].evidence if e.cue == "top_level")

    assert top_level_weight(forward) == round(page["top_level"], 3)
    # Newest first, the time-order cue does not apply, nor do the weights fitted with it.
    assert top_level_weight(forward[::-1]) == round(shared["top_level"], 3)


def test_a_dump_whose_comments_look_like_new_threads_gets_more_top_level_comments(
        monkeypatch):
    from threadloom.threading import score
    from threadloom.threading.score import SHARE_KEY, SHIFT_CUE

    texts = ["Die Ampel am Markt ist seit Wochen kaputt.", "Das Wetter wird morgen besser."]
    # On these weights the second comment is top level with probability 0.45 (0 against
    # 0.2): less likely than a reply, but more likely than in dumps where 20% were.
    model = {"step_0": 0.2, SHIFT_CUE: 1.0}
    assert parents(texts, model=model)[0] == [None, 0]  # no share stored: nothing moves
    # One comment says little about a dump: the measured share starts from the usual one.
    p, links = parents(texts, model={**model, SHARE_KEY: 0.2})
    damped = next(e for e in links[0].evidence if e.cue == SHIFT_CUE)  # top level
    assert p == [None, 0] and 0 < damped.weight < 0.2 and "22%" in damped.detail
    monkeypatch.setattr(score, "SHARE_PRIOR", 0)  # as a dump of many such comments
    p, links = parents(texts, model={**model, SHARE_KEY: 0.2})
    assert p == [None, None]
    shift = next(e for e in links[1].evidence if e.cue == SHIFT_CUE)
    assert shift.weight > 0.2 and "more common" in shift.detail and "45%" in shift.detail
    # Where the fitted dumps looked top level more often, the score stays as it was.
    p, links = parents(texts, model={**model, SHARE_KEY: 0.9})
    assert p == [None, 0]
    assert not any(e.cue == SHIFT_CUE for link in links for e in link.evidence)
    # The shared weights' share was measured on bare dumps: a page whose dates do not run
    # forward (read with those weights) has nothing to compare with.
    p, links = parents(texts, model={**model, SHARE_KEY: 0.2}, authors=["anna", "bernd"])
    assert p == [None, 0]


def test_the_shipped_weights_know_how_often_the_fitted_dumps_start_threads():
    from threadloom.threading.score import SHARE_KEY, attach_weights

    for dated_forward in (False, True):
        assert 0.1 < attach_weights(dated_forward)[SHARE_KEY] < 0.9


def test_greeted_names_are_the_candidates_whose_author_is_greeted():
    authors = ["Peter", "anna_k", None, "Peter"]
    cands = [Candidate(3, 0), Candidate(2, 1), Candidate(1, 2), Candidate(0, 3),
             Candidate(None, -1)]
    greets = comment_cues(["Hallo Peter, so war das nicht gemeint."], "de")
    assert greeted_names(greets, cands, authors) == {3: "Peter", 0: "Peter"}
    # A handle greeted in lower case names its author.
    handle = comment_cues(["Hi anna_k, danke dir."], "de")
    assert greeted_names(handle, cands, authors) == {1: "anna_k"}
    assert greeted_names(comment_cues(["Das stimmt so nicht."], "de"), cands, authors) == {}


HASTY_THREAD = ["Erster Beitrag zum Verkehr in der Innenstadt.",
                "Eine Antwort darauf, geschrieben um fünf nach zehn.",
                "Ein neuer Faden, geschrieben um drei nach zehn."]
HASTY_DATES = ["1. Juni 2015, 10:00", "1. Juni 2015, 10:05", "1. Juni 2015, 10:03"]


def test_a_later_comment_its_date_leaves_no_parent_makes_the_decode_think_again(hasty_model):
    """Comment 1 looks top level; then comment 2, written before it, can neither be top
    level after it nor answer it.  Decided again together, 1 answers 0 and 2 starts a
    thread: the only reading of the dates where every comment has a parent."""
    p, links = parents(HASTY_THREAD, model=hasty_model, authors=["a", "b", "c"], dates=HASTY_DATES)
    assert p == [None, 0, None]
    assert links[1].evidence[0].cue == "decided_again"
    assert "no parent its date allows" in links[1].evidence[0].detail
    assert all(e.cue != "decided_again" for e in links[2].evidence)  # its first choice


def test_without_taking_links_back_the_dead_end_stays(hasty_model, monkeypatch):
    monkeypatch.setattr(score, "REPAIR_BACK", 0)
    p, _ = parents(HASTY_THREAD, model=hasty_model, authors=["a", "b", "c"], dates=HASTY_DATES)
    assert p == [None, None, None]  # comment 2 dated out of turn at the top level


def test_taking_links_back_restores_replies_and_the_authors_learnt():
    texts = ["Die Bahn fährt zu selten.", "Hallo Anna, das stimmt leider.",
             "Hallo Bernd, und am Wochenende gar nicht.", "Ganz anderes Thema."]
    infos, facts = prepare(drafts(*texts), ["de"] * 4)
    decoder = score.Decoder([None] * 4, infos, facts, weights("attach"), "depth-first")
    states = []
    for i, parent in enumerate([None, 0, 1, None]):
        states.append((list(decoder.parents), dict(decoder.last_child),
                       list(decoder.book.name), list(decoder.book.source)))
        decoder.link(i, parent)
    assert decoder.book.name[:2] == ["Anna", "Bernd"]
    for state in reversed(states):
        decoder.unlink()
        assert (decoder.parents, decoder.last_child, decoder.book.name,
                decoder.book.source) == state


def test_dumps_read_in_chronological_order_have_weights_of_their_own():
    from threadloom.threading.score import SHARE_KEY, attach_weights

    by_time = attach_weights(dated_forward=False, order="chronological")
    shared = attach_weights(dated_forward=False)
    assert by_time != shared and 0.1 < by_time[SHARE_KEY] < 0.9
    # Listed by time, the comment before is seldom the parent (replies come later, under
    # comments further back): that step counts for less than where replies follow theirs.
    assert by_time["step_0"] < shared["step_0"]
    texts = ["Die Ampel am Markt ist seit Wochen kaputt.", "Das Wetter wird morgen besser."]
    _, links = parents(texts, order="chronological")
    top = next(e.weight for e in links[0].evidence if e.cue == "top_level")
    assert top == round(by_time["top_level"], 3)


def test_a_dated_thread_listed_by_time_keeps_its_tree(tmp_path):
    from threadloom.threading.attach_fit import by_time
    from threadloom.threading.fit import load_threads

    # Depth-first: Anna's thread with Bernd's late reply, then Carla's thread.
    dump = ["Anna", "1. Juni 2015, 10:00", "Die Ampel am Markt ist seit Wochen kaputt.",
            "Bernd", "1. Juni 2015, 12:00", "Die Stadt hat sie gestern repariert.",
            "Carla", "1. Juni 2015, 11:00", "Das Wetter wird morgen besser."]
    (tmp_path / "t.txt").write_text("\n".join(dump) + "\n", encoding="utf-8")
    gold = {"dump": "t.txt", "style": "page", "authors": {"Bernd": [4]}, "comments": [
        {"start": 1, "end": 3, "parent": 0}, {"start": 4, "end": 6, "parent": 1},
        {"start": 7, "end": 9, "parent": 0}]}
    (tmp_path / "t.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (thread,) = load_threads(tmp_path, ("page",))
    copy = by_time(thread)
    assert copy.gold.order == "chronological" and copy.name == "t-by-time.gold.json"
    assert [sl.text for sl in copy.lines if not sl.text[0].isdigit()] == [
        "Anna", "Die Ampel am Markt ist seit Wochen kaputt.", "Carla",
        "Das Wetter wird morgen besser.", "Bernd", "Die Stadt hat sie gestern repariert."]
    assert [(c.start, c.end, c.parent) for c in copy.gold.comments] == [
        (1, 3, 0), (4, 6, 0), (7, 9, 1)]
    assert copy.gold.authors == {"Bernd": (7,)}
    # A comment without a date cannot be placed in time: no copy.
    (tmp_path / "t.txt").write_text("\n".join(dump[:4] + dump[5:]) + "\n", encoding="utf-8")
    gold["comments"][1:] = [{"start": 4, "end": 5, "parent": 1},
                            {"start": 6, "end": 8, "parent": 0}]
    (tmp_path / "t.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (thread,) = load_threads(tmp_path, ("page",))
    assert by_time(thread) is None
