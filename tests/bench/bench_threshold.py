"""What the boundary threshold trades, held out: end-to-end attachment against boundary F1.

    python tests/bench/bench_threshold.py [--thresholds 0.24,0.28,0.32,0.36,0.40] [--shipped]

The bare gold threads of ../shared/gold (the omp dev threads and klarna-de) are split into
the folds `fit.py` uses; each fold's threads are segmented with boundary weights fitted on
the other folds, one paragraph at a time as `reconstruct` segments them, at each threshold,
and attached with the shipped attach weights.  `--shipped`: the shipped boundary weights
instead (in sample: at their own threshold this gives `make eval`'s figures).  A missed
start always costs its comment's link, a spurious one seldom does (a reply to a piece of
its parent counts as right), so the best threshold for attaching lies below the best one
for boundaries.  Skips without ../shared.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from bench_eval import GOLD  # run as a script: this folder is on the path
from threadloom.threading.article import find_parts
from threadloom.threading.attach import attach
from threadloom.threading.evaluate import Boundaries, Prediction, boundaries, judged_links
from threadloom.threading.features import read_comments
from threadloom.threading.fit import (
    BOUNDARY_L2,
    PRIORS,
    Thread,
    boundary_examples,
    folds,
    load_threads,
)
from threadloom.threading.linear import fit_logistic
from threadloom.threading.segment import group_paragraphs
from threadloom.threading.stages import AttachContext
from threadloom.threading.weights import weights


def judged(t: Thread, model: Mapping[str, float], threshold: float
           ) -> tuple[int, int, Boundaries]:
    """(right links, gold comments, boundary counts) of one thread, end to end.  As
    `segment` for a bare dump, but with the boundary weights given; the depths an
    indented dump shows are not read (no gold bare dump is indented)."""
    parts = find_parts(t.lines, t.language)
    drafts = group_paragraphs(parts.rest, t.language, threshold, parts.nested, model)
    reading = read_comments(drafts, t.language)
    context = AttachContext(order=t.gold.order, language=t.language, article=parts.article,
                            comment_languages=reading.languages, reading=reading)
    links = attach(drafts, context)
    spans = [(d.start, d.lines[-1].number) for d in drafts]
    pred = Prediction.from_links(spans, links)
    right = sum(ok for _, ok in judged_links(t.gold, pred))
    return right, len(t.gold.comments), boundaries(t.gold, pred)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", default="0.24,0.28,0.32,0.36,0.40")
    parser.add_argument("--shipped", action="store_true",
                        help="the shipped boundary weights, not each fold's own")
    args = parser.parse_args(argv)
    if not (GOLD / "README.md").exists():
        print("skipped: ../shared/gold is not beside the repo")
        return 0
    grid = [float(x) for x in args.thresholds.split(",")]
    threads = load_threads(GOLD, ("bare",))
    models: dict[str, Mapping[str, float]] = {}
    if args.shipped:
        models = {t.name: weights("boundary") for t in threads}
    else:
        examples = {t.name: boundary_examples(t) for t in threads}
        for fold in folds(threads):
            held = {t.name for t in fold}
            w = fit_logistic([e for n, ex in examples.items() if n not in held for e in ex],
                             l2=BOUNDARY_L2)
            models.update(dict.fromkeys(held, w | PRIORS["boundary"]))
    print(f"{len(threads)} bare threads, boundary weights "
          f"{'shipped (in sample)' if args.shipped else 'held out (5 folds)'}")
    print(f"{'threshold':>9} {'attach e2e':>10} {'bnd P':>6} {'bnd R':>6} {'bnd F1':>6}"
          f"   {'klarna-de e2e / F1':>18}")
    for threshold in grid:
        right = total = 0
        counts = Boundaries(0, 0, 0)
        klarna = ""
        for t in threads:
            r, n, b = judged(t, models[t.name], threshold)
            right, total = right + r, total + n
            counts = Boundaries(counts.tp + b.tp, counts.fp + b.fp, counts.fn + b.fn)
            if t.name.startswith("klarna-de"):
                klarna = f"{r / n:.3f} / {b.f1:.3f}"
        print(f"{threshold:>9.2f} {right / total:>10.3f} {counts.precision:>6.3f} "
              f"{counts.recall:>6.3f} {counts.f1:>6.3f}   {klarna:>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
