"""flatten: a thread with known structure becomes a flat dump plus its gold tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from threadloom.threading.decode import Decoded, read_source
from threadloom.threading.evaluate import (
    Prediction,
    attachment_accuracy,
    evaluate_file,
    load_gold,
)
from threadloom.threading.flatten import STYLES, flatten, page_date
from threadloom.threading.loader import load
from threadloom.tui.cli import main

FORMATS = Path(__file__).parent / "fixtures" / "formats"


def thread(parents: list[int | None], *, paragraphs: int = 1):
    doc = [
        {"id": f"r{i}", "parent": None if p is None else f"r{p}", "author": f"user{i % 3}",
         "created": 1700000000 + 60 * i,
         "text": "\n".join(f"Comment {i} paragraph {k}." for k in range(paragraphs))}
        for i, p in enumerate(parents)
    ]
    return load(Decoded(json.dumps(doc), "utf-8", "t.json"))


def placed(gold: dict) -> dict[int, str]:
    """Which gold item each line belongs to."""
    where: dict[int, str] = {}
    spans = [("article", *gold["article"]["lines"])] if gold["article"] else []
    spans += [("chrome", a, b) for a, b in gold["page_chrome"]]
    spans += [(f"c{c['start']}", c["start"], c["end"]) for c in gold["comments"]]
    for name, first, last in spans:
        for n in range(first, last + 1):
            assert n not in where, f"line {n} is in {where.get(n)} and {name}"
            where[n] = name
    return where


def true_prediction(d, gold: dict) -> Prediction:
    """The source tree, on the flattened lines: what a perfect reconstructor predicts."""
    starts = {c.id: g["start"] for c, g in zip(d.descendants(None), gold["comments"], strict=True)}
    return Prediction(tuple(
        (g["start"], g["end"], starts[c.parent] if c.parent else 0)
        for c, g in zip(d.descendants(None), gold["comments"], strict=True)
    ))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=-1, max_value=40), min_size=1, max_size=40),
    st.sampled_from(STYLES),
    st.integers(min_value=1, max_value=3),
)
def test_gold_describes_the_source_tree(raw, style, paragraphs):
    parents = [None if r < 0 or r >= i else r for i, r in enumerate(raw)]
    d = thread(parents, paragraphs=paragraphs)
    flat = flatten(d, style)
    lines = flat.text.split("\n")[:-1]
    where = placed(flat.gold)
    for n, text in enumerate(lines, start=1):
        assert n in where or not text, f"line {n} {text!r} is nowhere"
    for c in flat.gold["comments"]:  # blank lines may sit inside a comment, never at its ends
        assert lines[c["start"] - 1] and lines[c["end"] - 1]
    gold = load_gold_dict(flat.gold)
    assert attachment_accuracy(gold, true_prediction(d, flat.gold)) == 1.0
    assert len(flat.gold["comments"]) == len(parents)


def load_gold_dict(raw: dict):
    from threadloom.threading.evaluate import Gold, GoldComment

    comments = tuple(GoldComment(c["start"], c["end"], c["parent"]) for c in raw["comments"])
    return Gold(Path("x.gold.json"), Path("x.txt"), raw["style"], raw["order"], comments, {})


def test_styles_look_like_the_gold_set():
    d = thread([None, 0, 1, None], paragraphs=2)
    bare = flatten(d, "bare").text.splitlines()
    assert bare[:3] == ["Comment 0 paragraph 0.", "Comment 0 paragraph 1.",
                        "Comment 1 paragraph 0."]
    blank = flatten(d, "blank").text.splitlines()
    assert blank[:3] == ["Comment 0 paragraph 0.", "", "Comment 0 paragraph 1."]
    page = flatten(d, "page")
    assert page.text.splitlines()[:5] == ["user0", page_date("2023-11-14 22:13", d.language),
                                          "Comment 0 paragraph 0.", "Comment 0 paragraph 1.",
                                          "Reply"]
    assert page.gold["comments"][0] == {"start": 1, "end": 5, "parent": 0, "alt_parents": [],
                                        "author": "user0"}
    assert page.gold["comments"][1]["parent"] == 1


def test_page_dates_in_the_thread_language():
    assert page_date("2015-06-01 18:06", "de") == "1. Juni 2015, 18:06"
    assert page_date("2015-06-01 18:06", "da") == "1. juni 2015, 18:06"
    assert page_date("2015-06-01 18:06", "en") == "June 1, 2015, 18:06"
    assert page_date("gestern", "de") == "gestern"  # not a date we can read: kept as given


def test_article_and_placeholders_are_written(tmp_path):
    d = load(read_source(FORMATS / "reddit.json"))
    flat = flatten(d, "bare", dump_name="r.txt")
    lines = flat.text.splitlines()
    assert lines[0] == d.title and flat.gold["article"]["title"] == 1
    assert flat.gold["article"]["lines"] == [1, 3]
    assert flat.gold["comments"][0]["start"] == 4
    assert "[deleted]" in lines and "3 more replies not included" in lines


def test_unknown_style_is_refused():
    with pytest.raises(ValueError, match="unknown style"):
        flatten(thread([None]), "fancy")


@pytest.mark.parametrize("style", STYLES)
def test_flatten_then_eval_round_trip(tmp_path, capsys, style):
    out = tmp_path / f"case-{style}.txt"
    code = main(["flatten", str(FORMATS / "disqus.xml"), "--style", style, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    gold_path = tmp_path / f"case-{style}.gold.json"
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    assert raw["dump"] == out.name and raw["style"] == style
    assert [c["parent"] != 0 for c in raw["comments"]] == [False, True, True, False, True]
    score = evaluate_file(load_gold(gold_path), "chain")
    assert score.comments == 5
    assert score.baseline_all_root == pytest.approx(2 / 5)  # two of five are top level
    assert score.baseline_chain == pytest.approx(4 / 5)  # only "Mira" under [deleted] breaks it
    # and through the command a user runs:
    assert main(["eval", str(gold_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total"]["comments"] == 5


def test_flatten_a_flat_dump_keeps_its_reconstruction(tmp_path, fixtures, capsys):
    out = tmp_path / "de.txt"
    assert main(["flatten", str(fixtures / "klarna-de.txt"), "-o", str(out),
                 "--attacher", "chain"]) == 0
    gold = json.loads((tmp_path / "de.gold.json").read_text(encoding="utf-8"))
    assert gold["article"] is not None and gold["comments"]
    assert gold["source"].endswith("(text)")


def test_flatten_command_errors(tmp_path, capsys):
    assert main(["flatten", str(FORMATS / "truncated.json"), "-o", str(tmp_path / "x.txt")]) == 2
    assert "cut off" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:  # -o is required
        main(["flatten", str(FORMATS / "disqus.xml")])
    assert exited.value.code == 2 and "-o" in capsys.readouterr().err
    missing_dir = tmp_path / "nope" / "x.txt"
    assert main(["flatten", str(FORMATS / "disqus.xml"), "-o", str(missing_dir)]) == 2
    assert "cannot write" in capsys.readouterr().err
