"""Time `threadloom eval` over every dev set in ../shared/gold (skips without it).

    python tests/bench/bench_eval.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from threadloom.threading.evaluate import evaluate_file, load_gold, total

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


def sets() -> dict[str, list[Path]]:
    omp = sorted((GOLD / "omp-dev").glob("omp-*.gold.json"))
    return {
        "klarna-de": [GOLD / "klarna-de.gold.json"],
        "omp-dev bare": [p for p in omp if not p.name.endswith(("-page.gold.json",
                                                                  "-blank.gold.json"))],
        "omp-dev page": [p for p in omp if p.name.endswith("-page.gold.json")],
        "omp-dev blank": [p for p in omp if p.name.endswith("-blank.gold.json")],
    }


def main() -> int:
    if not (GOLD / "README.md").exists():
        print("skipped: ../shared/gold is not beside the repo")
        return 0
    print(f"{'set':<14} {'n':>5} {'attach':>7} {'gold-seg':>8} {'bnd-F1':>7} "
          f"{'chain':>6} {'root':>6} {'seconds':>8}")
    for name, paths in sets().items():
        t0 = time.perf_counter()
        s = total([evaluate_file(load_gold(p)) for p in paths])
        dt = time.perf_counter() - t0
        print(f"{name:<14} {s['comments']:>5} {s['attachment']:>7.3f} "
              f"{s['attachment_gold_segments']:>8.3f} {s['boundary_f1']:>7.3f} "
              f"{s['baseline_chain']:>6.3f} {s['baseline_all_root']:>6.3f} {dt:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
