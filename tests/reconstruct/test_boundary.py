"""The boundary cues: what a paragraph, its neighbours and its typing say about a start."""

from threadloom.threading.boundary import (
    EVEN_GAPS,
    GapHabit,
    features,
    gap_habit,
    habit_bits,
    habits,
    start_probability,
)


def test_typing_habits_are_read_per_paragraph():
    assert habits("Er sagte „nie wieder“ – und ging…", "de") == {
        "quotes": "low", "ellipsis": "one_char", "dash": "en", "opens": "upper"}
    assert habits('He said "never again" - and left...', "en") == {
        "quotes": "straight", "ellipsis": "three_dots", "dash": "hyphen", "opens": "upper"}
    assert habits("Hast Du das gelesen? Und was meinst Du?", "de")["you_case"] == "capital"
    assert habits("Hast du das gelesen? Und was meinst du?", "de")["you_case"] == "lower"
    # Danish "I" (you, plural) is not read in "i" (in).
    assert "you_case" not in habits("Vi bor i Aarhus og arbejder i byen.", "da")
    # No space after a full stop or comma between words; a number is no such habit.
    assert habits("Das war gut,aber zu teuer.", "de")["no_space_after_mark"] == "yes"
    assert habits("Ende.Neuer Satz ohne Abstand.", "de")["no_space_after_mark"] == "yes"
    for typed in ("Es kostet 3,50 Euro.", "Das war gut, aber zu teuer.",
                  "Es kostete ca.50 Euro."):
        assert "no_space_after_mark" not in habits(typed, "de"), typed


def test_paragraphs_typed_alike_or_not():
    alike = features("Das ist „gut“ – sagt er.", "Und „schlecht“ – sagt sie.", "de")
    assert alike.get("same_quotes") == 1.0 and alike.get("same_dash") == 1.0
    unlike = features("Das ist „gut“ – sagt er.", 'Und "schlecht" - sagt sie.', "de")
    assert unlike.get("other_quotes") == 1.0 and unlike.get("other_dash") == 1.0
    assert "same_quotes" not in unlike


def test_pairs_of_end_and_start_cues():
    f = features("Das liegt vor allem daran,", "dass viele nicht lesen.", "de")
    assert f["after_open_clause+starts_lowercase"] == 1.0


def test_how_the_paragraph_before_ends():
    body = "Wir haben das letzte Woche ausprobiert und es lief erstaunlich gut"
    ends = {
        body + " :-)": {"after_smiley"},
        body + " 🙂": {"after_smiley"},
        body + " ;) !": {"after_smiley"},
        body + "...": {"after_ellipsis"},
        body + " :) ...": {"after_smiley"},  # the smiley signs off, the dots add nothing
        "„" + body + ".“": {"after_quote"},
        '"' + body + '"': {"after_quote"},
        body + ".": set(),
        body + " (siehe oben).": set(),
    }
    named = {"after_smiley", "after_ellipsis", "after_quote"}
    for prev, expected in ends.items():
        f = features(prev, "Das sehe ich genauso.", "de")
        assert named & f.keys() == expected, prev
    # A sign-off ends a comment; a quotation is answered by the paragraph after it.
    line = "Ich finde das Konzept trotzdem schwierig."
    plain = start_probability(body + ".", line, "de")
    assert start_probability(body + " :-)", line, "de") > plain
    assert start_probability("„" + body + ".“", line, "de") < plain


def test_the_paragraph_after_counts():
    f = features("Erster Gedanke dazu.", "Zweiter Gedanke dazu.", "de",
                 after="Hallo Peter, das sehe ich anders.")
    assert f["next_greeting"] == 1.0
    assert features("Erster Gedanke.", "Zweiter Gedanke.", "de")["next_none"] == 1.0


def test_cues_after_a_comment_opened_only_right_after_it():
    fresh = features("Radwege", "Ich fahre jeden Tag und weiß, wie das ist.", "de", draft_size=1)
    assert fresh["after_start"] == 1.0 and fresh["after_start+after_short"] == 1.0
    later = features("Radwege", "Ich fahre jeden Tag und weiß, wie das ist.", "de", draft_size=2)
    assert not any(k.startswith("after_start") for k in later)


def test_a_short_title_line_is_followed_by_its_body():
    title = "Mietpreisbremse"
    body = "Wie der Name schon sagt, bremst sie nur und senkt keine einzige Miete."
    assert start_probability(title, body, "de", draft_size=1) < start_probability(
        "Ein langer Absatz, der eine Meinung ausführlich begründet und mit einem Punkt endet.",
        body, "de", draft_size=1)


def test_capitals_inside_sentences_are_a_writers_habit():
    from threadloom.threading.boundary import capitals, describe

    assert capitals("wie wärs mit einer funktion im userprofil für alle?") == 0.0
    assert capitals("Wie wärs mit einer Funktion im Userprofil für alle?") > 0.2
    assert capitals("Zu kurz.") is None
    assert describe("wie wärs mit einer funktion im userprofil für alle?", "de"
                    ).habits["capitals"] == "none"
    # A sentence's first word says nothing about the habit, nor a word after a quote
    # mark, a bracket or a dash.
    assert capitals("ich war da. Dann ging ich. Und dann kam er nach.") == 0.0
    assert capitals("er sagte: „ Gut so“ und dann ( Na ja) noch – Ende gut alles gut") == 0.0
    assert capitals("er sagte gut so und dann na ja noch Ende gut alles gut") == 1 / 12
    unlike = features("Wie wärs mit einer Funktion im Userprofil für alle Leser?",
                      "das wäre doch mal was, dann könnte man das ganze besser sehen", "de")
    assert unlike["other_capitals"] == 1.0 and unlike["capitals_gap"] > 0.5
    alike = features("das sehe ich genauso, die stadt hat da nix gemacht",
                     "und die bürger haben es dann auch nicht gemerkt", "de")
    assert alike["same_capitals"] == 1.0 and alike["capitals_gap"] == 0.0
    # Only where nouns take a capital: elsewhere the capitals are names and "I".
    english = features("Yesterday I went to the shop with Anna and Tom.",
                       "the bread was gone by noon, so we went home again", "en")
    assert not any("capitals" in k for k in english)
    assert "capitals" not in describe("I går var vi i Aarhus med Mette og Lars.", "da").habits


def test_whether_a_writer_opens_paragraphs_in_lower_case():
    assert habits("„ja, genau so war das“", "de")["opens"] == "lower"
    assert habits("... Und dann kam er.", "de")["opens"] == "upper"
    assert "opens" not in habits("2015 war das anders.", "de")
    f = features("das sehe ich genauso.", "Aber die Stadt tut nichts.", "de")
    assert f["other_opens"] == 1.0


def test_whether_a_writer_exclaims_at_all():
    assert habits("Das ist ja wohl nicht dein Ernst, oder doch!", "de")["exclaims"] == "yes"
    assert habits("Das ist ja wohl nicht dein Ernst, oder doch.", "de")["exclaims"] == "no"
    assert "exclaims" not in habits("Kurz!", "de")


def test_gap_habit_finds_the_gap_within_a_comment_and_whether_wider_ones_part_them():
    # Mostly one-paragraph comments, two blank lines between them: the common gap is the
    # wider one, and the narrower one is still the gap within a comment.
    assert gap_habit([2, 2, 1, 2, 2, 1, 2, 2, 2, 1]) == GapHabit(1, parting=True)
    assert gap_habit([1] * 30) == GapHabit(1, parting=False)
    assert gap_habit([0] * 30 + [1]) == GapHabit(0, parting=False)  # one stray blank line
    assert gap_habit([]) == EVEN_GAPS


def test_gaps_cue_a_start_only_where_the_dump_parts_comments_with_them():
    parting = GapHabit(1, parting=True)
    assert features("Erster.", "Zweiter.", "de", gap=2, habit=parting)["wider_gap"] == 1.0
    assert features("Erster.", "Zweiter.", "de", gap=1, habit=parting)["same_gap"] == 1.0
    even = GapHabit(1, parting=False)
    assert features("Erster.", "Zweiter.", "de", gap=2, habit=even)["stray_gap"] == 1.0
    assert not {"wider_gap", "same_gap", "stray_gap"} & set(
        features("Erster.", "Zweiter.", "de", gap=1, habit=even))


def test_gaps_with_no_common_width_read_as_the_narrowest_within():
    from threadloom.threading.pipeline import reconstruct

    # Eleven gaps, each width once: none is common, which used to raise ValueError.
    assert gap_habit(list(range(11))) == GapHabit(0, parting=True)
    paragraphs = [f"Absatz Nummer {k} mit etwas Text darin." for k in range(12)]
    dump = "".join(p + "\n" * (k + 2) for k, p in enumerate(paragraphs))
    assert len(reconstruct(dump).comments) >= 1


def test_every_typing_habit_has_its_bits():
    from threadloom.threading.boundary import _VARIANTS, describe

    typed = ["Er sagte „nie wieder“ – und ging…", 'He said "never" - and left...',
             "»So« — sagt er.. und ‚so‘....", "Das ist’s , oder ? 😀", "Don't :-) !!",
             "kein Großbuchstabe hier drin. ok.ja", "Hast Du das? Und du?", "It`s “fine”",
             "Ein Satz, der lang genug ist, um zu zeigen, ob jemand Ausrufezeichen setzt."]
    seen = set()
    for text in typed:
        found = describe(text, "de").habits  # with the share of capitals
        used, unused = habit_bits(found)
        assert used.bit_count() == len(found) and not used & unused
        seen |= set(found)
    assert seen == set(_VARIANTS)


def test_the_comment_so_far_beyond_the_paragraph_before():
    # The paragraph before is typed like neither: only the earlier ones are compared here.
    earlier = ["Das ist „gut“ – sagt er…", "Und „schlecht“ – sagt sie…"]
    before = "Kurz dazwischen."
    alike = features(before, "Noch „mehr“ – sagt wer…", "de", draft_size=3, earlier=earlier)
    unlike = features(before, 'Noch "mehr" - sagt wer...', "de", draft_size=3, earlier=earlier)
    assert alike["draft_same_habits"] > unlike["draft_same_habits"]  # both open upper case
    assert unlike["draft_other_habits"] > 0 == alike["draft_other_habits"]
    alone = features(before, 'Noch "mehr" - sagt wer...', "de")
    assert alone["draft_same_habits"] == alone["draft_other_habits"] == 0
    # The comment's length so far counts every paragraph, the one before included.
    assert unlike["draft_chars"] > alone["draft_chars"] > 0


def test_a_comment_that_opens_with_a_greeting_runs_on():
    greeting = "Hallo Peter, da muss ich dir widersprechen, das sehe ich anders."
    body = "Die Kosten tragen am Ende immer die Kunden, auch wenn das keiner sagt."
    plain = "Die Kosten tragen am Ende die Kunden, das ist nun einmal so im Handel."
    # Right after the greeting's paragraph, and further down the same comment.
    assert features(greeting, body, "de", draft_size=1)["draft_greets"] == 1.0
    assert features(plain, body, "de", draft_size=2, earlier=[greeting])["draft_greets"] == 1.0
    assert "draft_greets" not in features(plain, body, "de", draft_size=2, earlier=[plain])
    assert start_probability(greeting, body, "de") < start_probability(plain, body, "de")
