from __future__ import annotations

import json

import pytest
from threadloom.threading.decode import read_source
from threadloom.threading.evaluate import (
    Prediction,
    attachment_accuracy,
    boundaries,
    confidence_bands,
    evaluate_file,
    judged_links,
    load_gold,
    total,
)
from threadloom.threading.pipeline import reconstruct


@pytest.fixture
def gold(tmp_path):
    (tmp_path / "d.txt").write_text("a\nb\nc\nd\ne\n")
    spec = {
        "dump": "d.txt",
        "order": "depth-first",
        "comments": [
            {"start": 1, "end": 2, "parent": 0},
            {"start": 3, "end": 3, "parent": 1},
            {"start": 4, "end": 4, "parent": 3, "alt_parents": [0]},
            {"start": 5, "end": 5, "parent": 0},
        ],
    }
    path = tmp_path / "d.gold.json"
    path.write_text(json.dumps(spec))
    return load_gold(path)


def test_parent_may_be_any_line_of_the_gold_parent(gold):
    # comment 3 attached to a predicted comment starting at line 2: inside gold parent 1..2
    pred = Prediction(((1, 1, 0), (2, 2, 1), (3, 3, 2), (4, 4, 0), (5, 5, 0)))
    assert attachment_accuracy(gold, pred) == 1.0


def test_wrong_boundary_is_wrong(gold):
    pred = Prediction(((1, 3, 0), (4, 4, 1), (5, 5, 0)))
    # only 4 (alt parent 0? no: predicted parent 1 not in 3..3 nor root) and 5 judged; 1 correct
    assert attachment_accuracy(gold, pred) == pytest.approx(2 / 4)


def test_boundaries(gold):
    b = boundaries(gold, Prediction(((1, 1, 0), (2, 4, 0), (5, 5, 0))))
    assert (b.tp, b.fp, b.fn) == (2, 1, 2)
    assert b.precision == pytest.approx(2 / 3)
    assert b.recall == pytest.approx(0.5)


def test_baselines_on_a_tiny_gold(gold):
    score = evaluate_file(gold, "chain")
    assert score.baseline_all_root == pytest.approx(3 / 4)  # 1, 4 (alt parent root) and 5
    assert score.baseline_chain == pytest.approx(3 / 4)  # all but 5
    summary = total([score, score])
    assert summary["comments"] == 8
    assert summary["baseline_chain"] == pytest.approx(0.75)


def test_judged_links_are_the_gold_comments_whose_start_was_found(gold):
    pred = Prediction(((1, 3, 0), (4, 4, 1), (5, 5, 0)))
    assert judged_links(gold, pred) == [(1, True), (4, False), (5, True)]


def test_confidence_bands_count_links_and_right_ones():
    bands = confidence_bands([(0.2, False), (0.5, True), (0.69, False), (0.9, True),
                              (1.0, True)])
    assert bands == ((1, 0), (2, 1), (0, 0), (2, 2))  # a band holds its lower bound


def test_a_comment_split_off_where_gold_has_none_counts_as_a_wrong_link(tmp_path):
    # The reader shows the answer as a comment of its own; gold says it continues the
    # first one.  Its link is wrong however it was made.
    (tmp_path / "d.txt").write_text(
        "Der Kundendienst per KI ist eine schlechte Idee, weil niemand zuhört.\n"
        "Nein, das stimmt so nicht, viele Anfragen sind Routine.\n")
    spec = {"dump": "d.txt", "order": "depth-first",
            "comments": [{"start": 1, "end": 2, "parent": 0}]}
    (tmp_path / "d.gold.json").write_text(json.dumps(spec))
    score = evaluate_file(load_gold(tmp_path / "d.gold.json"))
    assert sum(n for n, _ in score.confidence) == 2  # both comments shown are judged
    assert sum(r for _, r in score.confidence) == 1 and score.attachment == 1.0


def test_eval_reports_how_often_links_of_each_confidence_are_right(gold):
    score = evaluate_file(gold)
    # Every predicted comment's link is in one band, and the right ones are those the
    # end-to-end accuracy counts.
    shown = reconstruct(read_source(gold.dump).text, order=gold.order).comments
    assert sum(n for n, _ in score.confidence) == len(shown)
    right = sum(r for _, r in score.confidence)
    assert right / len(gold.comments) == pytest.approx(score.attachment)
    summary = total([score, score])
    assert [b["links"] for b in summary["confidence"]] == [2 * n for n, _ in score.confidence]
    assert [b["right"] for b in summary["confidence"]] == [2 * r for _, r in score.confidence]
