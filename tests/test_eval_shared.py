"""The baselines on the omp dev set must match the table in ../shared/gold/README.md."""

from __future__ import annotations

import pytest
from threadloom.threading.evaluate import evaluate_file, load_gold, total

pytestmark = pytest.mark.shared


def test_omp_bare_baselines(shared_gold):
    paths = sorted(
        p for p in (shared_gold / "omp-dev").glob("omp-*.gold.json")
        if not p.name.endswith(("-page.gold.json", "-blank.gold.json"))
    )
    assert len(paths) == 12
    summary = total([evaluate_file(load_gold(p), "chain") for p in paths])
    assert summary["comments"] == 3189
    assert round(summary["baseline_all_root"], 3) == 0.346
    assert round(summary["baseline_chain"], 3) == 0.389
