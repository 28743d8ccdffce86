from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from threadloom.threading.dates import (
    Direction,
    before,
    direction,
    followed_by_earlier,
    sort_key,
)


def test_absolute_dates_in_several_languages_sort_in_time_order():
    order = [
        "1. Juni 2015, 18:06",
        "1. Juni 2015, 18:07",
        "June 2, 2015 at 9:00 am",
        "3. Jänner 2016, 09:01",
        "2016-04-21 12:22",
        "21. april 2016 kl. 13:00",
    ]
    keys = [sort_key(t) for t in order]
    assert all(k is not None and k[0] == "abs" for k in keys)
    assert all(before(a, b) for a, b in pairwise(keys))


def test_relative_dates_sort_with_each_other_only():
    assert before(sort_key("vor 3 Stunden"), sort_key("vor 2 Stunden"))
    assert before(sort_key("2 days ago"), sort_key("5 hours ago"))
    assert before(sort_key("for 2 timer siden"), sort_key("for 10 minutter siden"))
    assert not before(sort_key("vor 3 Stunden"), sort_key("1. Juni 2015, 18:06"))
    # Abbreviated units, with or without a space.
    assert before(sort_key("vor 2 Std."), sort_key("vor 45 Min."))
    assert before(sort_key("2d"), sort_key("3h ago"))
    assert sort_key("3h ago") == sort_key("3 hours ago")


def test_days_named_relative_to_today_sort_by_day_and_clock():
    order = ["vorgestern, 23:59", "gestern, 18:06", "i går kl. 18.07", "Heute, 09:15",
             "today at 10:00"]
    keys = [sort_key(t) for t in order]
    assert all(k is not None and k[0] == "day" for k in keys)
    assert all(before(a, b) for a, b in pairwise(keys))
    assert not before(sort_key("gestern, 18:06"), sort_key("vor 5 Minuten"))  # other kinds


def test_no_date():
    assert sort_key("Antworten") is None
    assert sort_key(None) is None


def _marked(keys):
    return followed_by_earlier(keys, direction(keys))


def test_a_comment_followed_by_an_earlier_one_is_marked():
    keys = [sort_key(t) for t in [
        "1. Juni 2015, 10:00",  # a first thread ...
        "1. Juni 2015, 12:00",  # ... whose reply comes after the next thread began
        None,
        "1. Juni 2015, 11:00",
        "1. Juni 2015, 13:00",
    ]]
    assert _marked(keys) == [False, True, None, False, None]


def test_dates_too_coarse_to_order_the_comments_mark_only_those_out_of_turn():
    # A dozen comments "vor 3 Stunden": the order among them is not in the dates, so
    # being in turn says little; one followed by an earlier one is still out of turn.
    coarse = ["vor 5 Stunden"] + ["vor 3 Stunden"] * 6 + ["vor 2 Stunden"] * 5
    assert _marked([sort_key(t) for t in coarse]) == [None] * 12
    late = ["vor 5 Stunden"] + ["vor 3 Stunden"] * 5 + ["vor 4 Stunden"] + ["vor 2 Stunden"] * 5
    assert not direction([sort_key(t) for t in late]).fine
    assert _marked([sort_key(t) for t in late]) == [None] + [True] * 5 + [None] * 6
    fine = [f"1. Juni 2015, 10:{m:02d}" for m in (1, 5, 3, 7, 9, 8)]
    assert _marked([sort_key(t) for t in fine]) == [
        False, True, False, False, True, None]


def test_threads_listed_newest_first_are_told_from_forward_ones():
    forward = [sort_key(f"1. Juni 2015, {h}:00") for h in (10, 11, 12, 13)]
    assert not direction(forward).newest_first
    assert direction(forward[::-1]).newest_first
    assert not direction([None, None]).newest_first
    assert direction(forward) == Direction(forward=True, newest_first=False, fine=True)
    assert direction(forward[::-1]) == Direction(forward=False, newest_first=True, fine=True)
    # Coarse dates still say which way they run.
    coarse = [sort_key(t) for t in ["vor 1 Stunde"] * 3 + ["vor 5 Stunden"] * 3]
    assert direction(coarse) == Direction(forward=False, newest_first=True, fine=False)
    assert direction(coarse[::-1]) == Direction(forward=True, newest_first=False, fine=False)


def test_newest_first_dumps_mark_nothing():
    keys = [sort_key(t) for t in ["vor 1 Stunde", "vor 5 Stunden", "vor 2 Stunden",
                                  "vor 9 Stunden"]]
    assert _marked(keys) == [None] * 4
    assert _marked([None, None]) == [None, None]


def test_a_superscript_digit_is_no_number():
    # "²" is a digit to str.isdigit() but int() refuses it: it once raised here.
    assert sort_key("1. Juni 2015², 18:06") == sort_key("1. Juni 2015, 18:06")
    assert sort_key("vor ³ Stunden") is None or sort_key("vor ³ Stunden")[0] == "rel"


_PIECES = ["1", "12", "2015", "²", "٣", "Juni", "märz", "June", ".", ",", " ", "-", "18:06",
           "6:06 pm", "vor", "Stunden", "ago", "hours", "gestern", "2015-06-01"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_any_text_sorts_or_is_no_date(text):
    key = sort_key(text)
    assert key is None or (key[0] in ("abs", "md", "rel", "day") and isinstance(key[1], float))


def test_the_short_units_social_pages_print_in_danish_norwegian_swedish_and_english():
    # "3 t" (timer), "1 u" (uge/uke), "2 tim" (timmar), "1 v" (vecka), "45m" (minutes).
    order = ["1 u", "1 v", "2 d", "3 t", "2 tim", "45m", "5 min"]
    keys = [sort_key(t) for t in order]
    assert all(k is not None and k[0] == "rel" for k in keys)
    assert all(before(a, b) or a == b for a, b in pairwise(keys))
    assert sort_key("1 u") == sort_key("1 v") == sort_key("1 week ago")
    assert sort_key("3 t") == sort_key("3 timer siden") == sort_key("3h")
    # A clock's word is no unit: "18 Uhr" is no week ("u") ago.
    assert sort_key("18 Uhr") is None and sort_key("um 18:06 Uhr") is None


def test_an_article_before_a_word_is_no_amount():
    # "an" (one) must stand as a word of its own: "Antworten" holds no "an t(imer)".
    assert sort_key("Antworten") is None and sort_key("Anmelden") is None
    assert sort_key("an hour ago") == sort_key("1 hour ago")
