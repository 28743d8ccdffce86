"""Training data and cross-validation for the attach weights (used by `fit.py`).

Each gold comment becomes one choice among its candidates, built as the attacher would
see it but with the gold parents of the earlier comments (teacher forcing), so the
authors inferred from greetings are those a correct run would have.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .authors import AuthorBook
from .evaluate import Prediction, attachment_accuracy, gold_segments
from .features import pair_features, prepare
from .fit import folds
from .language import comment_languages
from .linear import dot, fit_choice
from .score import _greeted_here, attach_scored, best_overlap, candidates, similarities

# Hand-set starting points for cues that are strong but rare in the dev data (forum
# threads seldom greet by name or have an article); the fit moves them only as far as
# the data asks.
PRIOR = {
    "greets_parent_author": 3.0,
    "greets_previous": 2.0,
    "greets_someone_else": -2.0,
    "top_level_greeting": -2.0,
    "quotes_parent": 2.0,
    "mentions_grandparent": 1.0,
    "top_level_article_words": 0.0,
}


def choice_groups(thread, model: Mapping[str, float] | None = None):
    """One choice per gold comment.  With `model`, the earlier comments' parents are the
    model's own decisions (the states it meets when it runs), not the gold ones."""
    gold = thread.gold
    _, drafts, context = gold_segments(gold, thread.lines, thread.language)
    index = {g.start: k for k, g in enumerate(gold.comments)}
    languages = comment_languages([d.text for d in drafts], thread.language)
    article = context.article
    infos, article_terms = prepare(drafts, languages, article.text if article else "")
    book = AuthorBook([d.author for d in drafts])
    parents: list[int | None] = []
    last_child: dict[int | None, int] = {}
    groups = []
    for i, g in enumerate(gold.comments):
        cands = candidates(i, parents, context.order, book.name, infos[i].cues.greeting)
        sims = similarities(i, cands, infos)
        best = best_overlap(sims)
        greeted = _greeted_here(infos[i], cands, book.name)
        feats = [pair_features(i, c, infos, article_terms, book.name, parents, last_child,
                               best, greeted, book.guessed, sims, explain=False)[0]
                 for c in cands]
        targets = [g.parent, *g.alt_parents]
        right = None
        for t in targets:
            want = None if t == 0 else index.get(t)
            if t != 0 and want is None:
                continue
            hits = [k for k, c in enumerate(cands) if c.index == want]
            if hits:
                right = hits[0]
                break
        if right is not None and len(cands) > 1:
            groups.append((feats, right, thread.weight))
        parent = None if g.parent == 0 else index.get(g.parent)
        if model is not None:
            scores = [dot(f, model) for f in feats]
            parent = cands[max(range(len(cands)), key=lambda k: scores[k])].index
        parents.append(parent)
        last_child[parent] = i
        book.after_link(i, parent, parents, infos[i].cues)
    return groups


ROUNDS = 2  # refits on the states the model itself reaches (DAgger-style)


def fit_weights(threads: Sequence, gold_groups: Mapping[str, list]) -> dict[str, float]:
    """Fit on the gold states, then add the states the fitted model reaches and refit:
    a greedy attacher meets its own mistakes, so it should learn from them too.
    `gold_groups`: choice_groups(t) by thread name (they do not depend on the model)."""
    groups = [x for t in threads for x in gold_groups[t.name]]
    w = fit_choice(groups, prior=PRIOR)
    for _ in range(ROUNDS):
        groups += [x for t in threads for x in choice_groups(t, model=w)]
        w = fit_choice(groups, prior=PRIOR)
    return w


def decoded_accuracy(thread, w: Mapping[str, float]) -> float:
    """Attachment accuracy with gold segmentation, as `eval` measures it."""
    spans, drafts, context = gold_segments(thread.gold, thread.lines, thread.language)
    links = attach_scored(drafts, context, model=w)
    return attachment_accuracy(thread.gold, Prediction.from_links(spans, links))


def fit_attach(threads: Sequence, report: Callable[[str], None]) -> dict:
    """`threads`: bare and page dumps (blank copies repeat the bare text word for word:
    fitting on both would count the same choices twice)."""
    gold_groups = {t.name: choice_groups(t) for t in threads}
    by_discussion: dict[str, list] = {}
    for t in threads:  # fold by discussion: the bare and page copies stay together
        by_discussion.setdefault(t.name.replace("-page", ""), []).append(t)
    held: dict[str, tuple[float, int]] = {}
    for fold_keys in folds(sorted(by_discussion)):
        names = {t.name for k in fold_keys for t in by_discussion[k]}
        w = fit_weights([t for t in threads if t.name not in names], gold_groups)
        for t in threads:
            if t.name in names:
                held[t.name] = (decoded_accuracy(t, w), len(t.gold.comments))
    for n in sorted(held):
        report(f"  attach {n:28} held-out accuracy (gold segments) {held[n][0]:.3f}"
               f" ({held[n][1]} comments)")
    summary = {}
    for style in ("bare", "page"):
        picked = [(a, k) for n, (a, k) in held.items()
                  if ("-page" in n) == (style == "page") and n.startswith("omp")]
        total = sum(k for _, k in picked)
        if total:
            summary[f"omp_{style}"] = round(sum(a * k for a, k in picked) / total, 4)
    report(f"  attach held-out accuracy (gold segments): {summary}")
    w = fit_weights(threads, gold_groups)
    return {"weights": {k: round(v, 4) for k, v in sorted(w.items())},
            "held_out_gold_segments": summary}
