"""The benchmark scripts' own logic: the dumps of real discussions
(tests/bench/bench_reconstruct.py --text omp) and the threshold bench's segmentation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from threadloom.threading.evaluate import evaluate_file, load_gold
from threadloom.threading.fit import load_threads
from threadloom.threading.pipeline import reconstruct
from threadloom.threading.weights import weights

sys.path.insert(0, str(Path(__file__).parent / "bench"))
import bench_reconstruct  # a script's folder, not a package
import bench_threshold

sys.path.pop(0)


@pytest.mark.shared
def test_omp_text_copies_discussions_to_the_size_asked_each_copy_varied(shared_gold):
    bare = sorted((shared_gold / "omp-dev").glob("omp-*[0-9].gold.json"))
    one = sum(len(load_gold(p).comments) for p in bare)
    one_copy = sum(p.with_name(load_gold(p).dump.name).read_text(encoding="utf-8").count("\n")
                   for p in bare)
    text = bench_reconstruct.omp_dump(2 * one, "bare")
    assert text.count("\n") == 2 * one_copy  # each discussion twice, nothing more
    # Unvaried, half of the long lines would be repeats.
    lines = [line for line in text.split("\n") if len(line) > 60]
    assert len(set(lines)) > 0.95 * len(lines)
    page = bench_reconstruct.omp_dump(300, "page")
    d = reconstruct(page)
    assert d.source.style == "page" and len(d.comments) >= 300


def test_omp_text_skips_cleanly_without_the_shared_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench_reconstruct, "OMP_DEV", tmp_path / "missing")
    monkeypatch.setattr(sys, "argv", ["bench_reconstruct.py", "--text", "omp"])
    assert bench_reconstruct.main() == 0
    assert capsys.readouterr().out.startswith("skipped:")


@pytest.mark.shared
def test_threshold_bench_segments_and_attaches_as_reconstruct_does(shared_gold):
    """With the shipped weights at their own threshold, the bench's end-to-end figures for
    a thread are `eval`'s: what it shows for other thresholds is what the reader would get."""
    (thread,) = [t for t in load_threads(shared_gold, ("bare",)) if t.name == "klarna-de.gold.json"]
    model = weights("boundary")
    right, n, found = bench_threshold.judged(thread, model, model["_threshold"])
    score = evaluate_file(thread.gold)
    assert right / n == score.attachment
    assert found == score.boundaries
    # A lower threshold splits more: more starts found, more found wrongly.
    _, _, lower = bench_threshold.judged(thread, model, model["_threshold"] - 0.1)
    assert lower.tp >= found.tp and lower.fp > found.fp


def test_threshold_bench_skips_cleanly_without_the_shared_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(bench_threshold, "GOLD", tmp_path / "missing")
    assert bench_threshold.main([]) == 0
    assert capsys.readouterr().out.startswith("skipped:")
