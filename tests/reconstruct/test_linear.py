"""The linear scoring and fitting behind the boundary and attach models."""

from threadloom.threading.attach_fit import OUT_OF_TURN, PAGE_ONLY
from threadloom.threading.boundary import features as boundary_features
from threadloom.threading.linear import dot, fit_choice, fit_logistic, sigmoid, softmax
from threadloom.threading.score import DATE_CUES, DESCRIBE
from threadloom.threading.weights import weights


def test_logistic_fit_learns_the_sign_of_a_cue():
    examples = [({"bias": 1.0, "cue": 1.0}, 1, 1.0)] * 20 + [({"bias": 1.0}, 0, 1.0)] * 20
    w = fit_logistic(examples, epochs=200)
    assert w["cue"] > 1.0
    assert sigmoid(dot({"bias": 1.0, "cue": 1.0}, w)) > 0.8
    assert sigmoid(dot({"bias": 1.0}, w)) < 0.2


def test_choice_fit_prefers_the_marked_candidate_and_keeps_priors_without_data():
    groups = [([{"plain": 1.0}, {"plain": 1.0, "good": 1.0}], 1, 1.0)] * 30
    w = fit_choice(groups, prior={"rare": 3.0}, epochs=200)
    assert w["good"] > 1.0
    assert abs(w["rare"] - 3.0) < 1e-9


def test_softmax_is_a_distribution():
    p = softmax([1.0, 2.0, 3.0])
    assert abs(sum(p) - 1.0) < 1e-12 and p[2] > p[1] > p[0]
    assert softmax([1000.0, 0.0])[0] > 0.99  # no overflow


def test_shipped_weights_cover_every_cue_the_scorer_describes():
    # The page weights know every cue; the shared ones all but the one only finely dated
    # pages have (the other page-only cue they take from the page fit).
    page = weights("attach", "page_weights")
    assert not [name for name in DESCRIBE if name not in page]
    attach = weights("attach")
    assert [name for name in DESCRIBE if name not in attach] == sorted(PAGE_ONLY - {OUT_OF_TURN})


def test_shared_weights_weigh_what_dates_rule_out_as_the_page_weights_do():
    # Pages read with the shared weights (dated coarsely, or threads newest first) still
    # have dates, and a reply dated before its parent is as wrong there.
    page, attach = weights("attach", "page_weights"), weights("attach")
    assert {cue: attach[cue] for cue in DATE_CUES} == {cue: page[cue] for cue in DATE_CUES}
    assert all(page[cue] < -1.0 for cue in DATE_CUES)


def test_shipped_boundary_weights_cover_the_boundary_cues():
    w = weights("boundary")
    assert 0.0 < w["_threshold"] < 1.0
    f = boundary_features("Ein Titel ohne Punkt", "Denn das ist so.", "de")
    assert set(f) - {"paragraphs_so_far"} <= set(w)
