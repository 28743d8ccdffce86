"""The benchmark's dumps of real discussions (tests/bench/bench_reconstruct.py --text omp)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from threadloom.threading.evaluate import load_gold
from threadloom.threading.pipeline import reconstruct

sys.path.insert(0, str(Path(__file__).parent / "bench"))
import bench_reconstruct  # a script's folder, not a package

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
