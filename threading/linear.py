"""Linear scoring: features are named numbers, weights a dict, the score their dot product.

Scoring needs nothing but this module; fitting (used by `fit.py` only) is plain batch
gradient descent with AdaGrad steps and an L2 penalty, fast enough for a few thousand
examples and a few dozen features.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Features = Mapping[str, float]


def dot(features: Features, weights: Mapping[str, float]) -> float:
    get = weights.get
    return sum([v * get(k, 0.0) for k, v in features.items()])


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit(p: float) -> float:
    """The inverse of sigmoid, with p kept within 0.01..0.99 (a share measured on a few
    items may be 0 or 1)."""
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _adagrad(
    grad_fn,
    names: Sequence[str],
    l2: float,
    epochs: int,
    rate: float,
    prior: Mapping[str, float] | None = None,
) -> dict[str, float]:
    # The L2 penalty pulls each weight toward its prior (0 unless a hand-set value is given),
    # so a cue the data rarely shows keeps its hand-set weight.
    prior = prior or {}
    names = sorted(set(names) | set(prior))
    w = {k: prior.get(k, 0.0) for k in names}
    hist = dict.fromkeys(names, 1e-8)
    for _ in range(epochs):
        grad = grad_fn(w)
        for k in names:
            g = grad.get(k, 0.0) + (l2 * (w[k] - prior.get(k, 0.0)) if k != "bias" else 0.0)
            hist[k] += g * g
            w[k] -= rate * g / math.sqrt(hist[k])
    return w


def fit_logistic(
    examples: Sequence[tuple[Features, int, float]],
    l2: float = 1e-3,
    epochs: int = 300,
    rate: float = 0.5,
    prior: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Weights for P(y=1) = sigmoid(w·x) from (features, label, example weight) triples."""
    names = sorted({k for x, _, _ in examples for k in x})
    total = sum(wt for _, _, wt in examples) or 1.0

    def grad(w):
        g: dict[str, float] = {}
        for x, y, wt in examples:
            err = (sigmoid(dot(x, w)) - y) * wt / total
            for k, v in x.items():
                g[k] = g.get(k, 0.0) + err * v
        return g

    return _adagrad(grad, names, l2, epochs, rate, prior)


def fit_choice(
    groups: Sequence[tuple[Sequence[Features], int, float]],
    l2: float = 1e-3,
    epochs: int = 200,
    rate: float = 0.5,
    prior: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Weights for a softmax over candidates (conditional logit): each group is the
    candidates' features, the index of the right one, and the group's weight."""
    names = sorted({k for cands, _, _ in groups for x in cands for k in x})
    total = sum(wt for _, _, wt in groups) or 1.0

    def grad(w):
        g: dict[str, float] = {}
        for cands, right, wt in groups:
            probs = softmax([dot(x, w) for x in cands])
            for j, x in enumerate(cands):
                err = (probs[j] - (j == right)) * wt / total
                if err:
                    for k, v in x.items():
                        g[k] = g.get(k, 0.0) + err * v
        return g

    return _adagrad(grad, names, l2, epochs, rate, prior)
