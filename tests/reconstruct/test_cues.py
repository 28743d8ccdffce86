"""Each cue detector on small hand-written comments, in several languages."""

import pytest
from threadloom.threading.boundary import features
from threadloom.threading.cues import (
    after_subject,
    comment_cues,
    greeting,
    mentions,
    opener,
    quotes,
    second_person,
)


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Hallo Peter, das sehe ich anders.", "de", "Peter"),
        ("Hi Andreas, genau so ist es.", "de", "Andreas"),
        ("Hej Mette, du har ret.", "da", "Mette"),
        ("Hej Lars! Det tror jeg ikke.", "sv", "Lars"),
        ("Hei Kari, takk for svaret.", "nb", "Kari"),
        ("Hi Sarah, that is not what I said.", "en", "Sarah"),
        ("Halløj Mette, det passer ikke.", "da", "Mette"),
        ("Hiya Bob, you are right.", "en", "Bob"),
        ("@user1234 was soll das?", "de", "user1234"),
        ("hallo anna_k, welche Zahlen?", "de", "anna_k"),
        ("In reply to Peter: no, it was 2015.", "en", "Peter"),  # reply lines name the parent
        ("Antwort auf Peter: Nein.", "de", "Peter"),
        ("Svar til Mette: det passer ikke.", "da", "Mette"),
        ("Peter schrieb: Das stimmt nicht.", "de", "Peter"),  # quoting the parent
        ("Mary wrote: the point is moot.", "en", "Mary"),
        ("Zitat Impressum1: „Zu behaupten“", "de", "Impressum1"),
        ("Die Regierung schrieb: nichts.", "de", None),
        ("Wie Peter schrieb, ist das so.", "de", None),
        ("Hallo zusammen, ich habe eine Frage.", "de", None),
        ("Hi all, quick question.", "en", None),
        ("Hallo, wie geht es?", "de", None),
        ("Peter hat das gesagt.", "de", None),
    ],
)
def test_greeting_names_the_addressee(text, lang, name):
    assert greeting(text, lang)[0] == name


@pytest.mark.parametrize(
    ("text", "lang", "lower"),
    [
        ("Hi throwaway, the tax credit helps.", "en", "throwaway"),
        ("hallo anna_k, welche Zahlen?", "de", None),  # a handle: greeted as a name
        ("Hallo zusammen, ich habe eine Frage.", "de", None),
        ("Hi Sarah, that is not what I said.", "en", None),
    ],
)
def test_a_word_greeted_in_lower_case_is_kept_apart(text, lang, lower):
    cues = comment_cues([text], lang)
    assert cues.greeted_lower == lower
    if lower:
        assert cues.greeting is None  # it teaches no author's name


def test_greeting_ignores_markup_and_escapes_around_names():
    assert greeting("Hallo [bold]Peter[/bold], x", "de")[0] is None


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Hallo Chris, Chili hat ganz recht: so ist es.", "de", ("Chili",)),
        ("Der Autor hat recht.", "de", ()),
        ("I think Bob is right about this.", "en", ("Bob",)),
        ("Mette har ret i det.", "da", ("Mette",)),
        ("Mette rammer plet.", "da", ("Mette",)),
        ("Bob makes a good point there.", "en", ("Bob",)),
    ],
)
def test_mentions_credit_someone_further_up(text, lang, names):
    assert mentions(text, lang) == names


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Nein, er hat recht.", "de", "disagree"),
        ("Unsinn.", "de", "disagree"),
        ("Sehe ich nicht ganz so. Lange her ...", "de", "disagree"),
        ("Genau das meine ich.", "de", "agree"),
        ("Gut gesagt.", "de", "agree"),
        ("Nej, det passer ikke.", "da", "disagree"),
        ("Præcis!", "da", "agree"),
        ("Nope, wrong again.", "en", "disagree"),
        ("Exactly what I thought.", "en", "agree"),
        ("Warum sollte das so sein?", "de", "reaction"),
        # The Scandinavian and English lists hold the same kinds of answers.
        ("Tværtimod, det bliver dyrere.", "da", "disagree"),
        ("Så sandt, som det er sagt.", "da", "agree"),
        ("Hvornår skete det?", "da", "reaction"),
        ("Knappast, det blir dyrare.", "sv", "disagree"),
        ("Tvert imot, det blir dyrere.", "nb", "disagree"),
        ("Spot on, as usual.", "en", "agree"),
        ("Actually, the rent went down.", "en", "disagree"),
        ("Well, that depends on the bank.", "en", "reaction"),
        # "Absolutely" agrees, "Absolutely not" does not.
        ("Absolutely not.", "en", "disagree"),
        ("Absolut nicht.", "de", "disagree"),
        ("Bestemt ikke, det er dyrt.", "da", "disagree"),
        ("Absolut richtig.", "de", "agree"),
        # "Well-written", "When I was young": no answers.
        ("Well-written article.", "en", None),
        ("When I was young we paid cash.", "en", None),
        ("När jag var ung betalade vi kontant.", "sv", None),
        ("Der Mensch wird immer mehr ausgesondert.", "de", None),
        ("Neinsager gibt es immer.", "de", None),  # whole words only
    ],
)
def test_openers_that_answer(text, lang, kind):
    assert opener(text, lang)[0] == kind


def test_second_person_informal_and_formal():
    assert "du" in second_person("Kannst du das nachweisen?", "de")
    assert second_person("Können Sie das belegen?", "de") == ("Sie",)
    # Sentence-initial "Sie" is "they" as often as "you": not counted.
    assert second_person("Sie haben es versucht.", "de") == ()
    assert second_person("Hvad mener du?", "da") == ("du",)
    # Danish plural "I" (you) only as a capital: in lower case it is "in".
    assert second_person("Han bor i Aarhus og arbejder i Vejle.", "da") == ()
    assert second_person("Hvad mener I om det?", "da") == ("I",)
    # Norwegian "deres" is "their" as often as "your": only "dere" says "you".
    assert second_person("De har gjort deres beste.", "nb") == ()
    assert second_person("Hva mener dere?", "nb") == ("dere",)
    assert second_person("Did you read it?", "en") == ("you",)
    assert second_person("Das ist gut.", "de") == ()


def test_function_words_leave_only_topic_words():
    from threadloom.threading.features import _content
    from threadloom.threading.lexicon import function_words

    assert {"einen", "dieses", "haben", "durch"} <= function_words("de")
    assert {"because", "would"} <= function_words("en")
    assert set(_content("durch einen Gerichtsvollzieher dieses Problem".lower().split(), "de")) \
        == {"geric", "probl"}
    # The Scandinavian lists hold the longer function words too.
    assert set(_content("hvilken egentlig fordi kundeservice".split(), "da")) == {"kunde"}
    assert set(_content("eftersom egentligen väldigt kundtjänst".split(), "sv")) == {"kundt"}
    assert set(_content("hvilken egentlig nesten kundeservice".split(), "nb")) == {"kunde"}


def test_quotes_in_any_quote_style():
    assert quotes("Die „Tücken“? Verstehe ich nicht.") == ("Tücken",)
    assert quotes('He said "not again" twice.') == ("not again",)
    assert quotes("»Sådan er det« siger han.") == ("Sådan er det",)


def test_comment_cues_collects_everything():
    c = comment_cues(["Hallo Bazi, verstehe mich nicht falsch.", "Wie meinst du das?"], "de")
    assert c.greeting == "Bazi"
    assert c.self_reference == "verstehe mich nicht falsch"
    assert c.question
    assert "du" in c.second_person
    assert c.addresses


def test_lexicon_words_that_mean_something_else_give_no_cue():
    # A word list's apostrophes match the curly one too.
    assert second_person("You’re wrong about that.", "en") == ("you’re",)
    # "U.S." is no "you", "Well said" no disagreement, "This article..." no agreement.
    assert second_person("The U.S. will not sign it.", "en") == ()
    assert opener("Well said!", "en")[0] == "agree"
    assert opener("This article is garbage.", "en") == (None, None)
    # "Var tredje svensk..." (every third), "Å kalle..." (to call): no reactions.
    assert opener("Var tredje svensk röstar inte.", "sv") == (None, None)
    assert opener("Å kalle dette demokrati er feil.", "nb") == (None, None)
    # German "ihr" is "her"/"their" far more often than "you"; "Kurz" is a chancellor.
    assert second_person("Sie hat ihr Auto verkauft.", "de") == ()
    assert "continuation_word" not in features("Das stimmt.", "Kurz hat wieder gelogen.", "de")
    assert "continuation_word" in features("Das stimmt.", "Kurz gesagt: nein.", "de")
    # "For mig er det..." opens a comment as often as it goes on with one.
    assert "continuation_word" not in features("Det er dyrt.", "For mig er det for dyrt.", "da")
    assert "continuation_word" in features("Det er dyrt.", "Og det bliver værre.", "da")


@pytest.mark.parametrize(
    ("text", "lang", "continues", "refers_back"),
    [
        ("Und selbst das würde ich mir überlegen.", "de", "und", None),
        ("Das wird spannend bei rechtlich relevanten Aussagen.", "de", None, "das"),
        ("Sie hat halt gepokert.", "de", None, "sie"),  # "she" just named, or formal "you"
        ("But nobody asked them.", "en", "but", None),
        ("That is exactly the problem.", "en", None, "that"),
        ("Fordi ingen gider betale for det.", "da", None, "fordi"),
        ("Och sen då?", "sv", "och", None),
        ("For det første er det dyrt.", "da", "for det første", None),
        ("Framför allt kostar det.", "sv", "framför allt", None),
        ("Likevel betaler vi.", "nb", "likevel", None),
        ("Furthermore, nobody asked them.", "en", "furthermore", None),
        ("Yet another bank app.", "en", None, None),  # "Yet another ..." starts a topic
        ("Dette har du helt rett i.", "nb", None, "dette"),
        # "Er", "He", "Hun": as often the people an article is about.
        ("Er hat wieder gelogen.", "de", None, None),
        ("He lied again.", "en", None, None),
        # A comment that starts a topic of its own points nowhere.
        ("Klarna nutze ich nur auf Rechnung.", "de", None, None),
        ("Det er en skam.", "da", None, None),
    ],
)
def test_openings_that_go_on_from_something_said(text, lang, continues, refers_back):
    c = comment_cues([text], lang)
    assert (c.continues, c.refers_back) == (continues, refers_back)


def test_an_answer_opener_is_no_pointing_back():
    # "Das ist falsch" disagrees: that cue covers it, not a second one on "Das".
    c = comment_cues(["Das ist falsch, lies nochmal."], "de")
    assert c.opener == "disagree"
    assert (c.continues, c.refers_back) == (None, None)


@pytest.mark.parametrize(("text", "lang", "own"), [
    ("Re: Klarna und KI\nHallo anna_k, nein.", "de", "Hallo anna_k, nein."),
    ("AW: Klarna\nStimmt.", "de", "Stimmt."),
    ("Sv: Klarna\nNej, det passer ikke.", "da", "Nej, det passer ikke."),
    ("Re: nothing after it", "en", "Re: nothing after it"),  # a subject alone is all it says
    ("Regeln sind Regeln.\nJa.", "de", "Regeln sind Regeln.\nJa."),  # "Re" opening a word
])
def test_a_reply_s_own_words_start_under_its_subject_line(text, lang, own):
    assert after_subject(text) == own
    cues = comment_cues([text], lang)
    if own != text:
        assert cues.greeting or cues.opener  # read where the reply's words begin


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("Zustellung durch einen Gerichtsvollzieher löst auch dieses Problem.", "de", "auch"),
        ("Das ist ja seit Jahren bekannt.", "de", "ja"),
        ("Det er jo sådan, det fungerer.", "da", "jo"),
        ("Jeg har også prøvet det.", "da", "også"),
        ("Det är ju precis så.", "sv", "ju"),
        ("Dette gjelder også for Norge.", "nb", "også"),
        ("A tax on empty flats would also help.", "en", "also"),
        ("Renters pay for it as well.", "en", "as well"),
        ("Det er nemlig sådan.", "da", "nemlig"),
        ("It was his idea after all.", "en", "after all"),
        # The first word is an opener's or a continuation's, read as such.
        ("Ja, das stimmt.", "de", None),
        ("Also, the rent went up.", "en", None),
        # Only the first sentence: "auch" further on takes nothing said as given.
        ("Klarna nutze ich nur auf Rechnung. Das machen andere auch.", "de", None),
        ("Klarna nutze ich nur auf Rechnung\nDas machen andere auch.", "de", None),
        ("Prices went up too much.", "en", None),  # "too" is mostly "too much"
    ],
)
def test_a_first_sentence_that_takes_something_said_as_given(text, lang, word):
    assert comment_cues([text], lang).presupposes == word
