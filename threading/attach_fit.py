"""Training data and cross-validation for the attach weights (used by `fit.py`).

Each gold comment becomes one choice among its candidates, built as the attacher would
see it but with the gold parents of the earlier comments (teacher forcing), so the
authors inferred from greetings are those a correct run would have.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .article import find_parts
from .authors import AuthorBook
from .features import pair_features, prepare
from .language import comment_languages
from .linear import dot, fit_choice
from .score import _greeted_here, best_overlap, candidates, similarities
from .segment import drafts_from_spans

ARTICLE_PAGE_WEIGHT = 5.0
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
    "top_level_article_words": 1.0,
}


def choice_groups(thread, order: str = "depth-first"):
    gold = thread.gold
    spans = [(g.start, g.end) for g in gold.comments]
    drafts = drafts_from_spans(thread.lines, spans)
    index = {g.start: k for k, g in enumerate(gold.comments)}
    languages = comment_languages([d.text for d in drafts], thread.language)
    article = find_parts(thread.lines, thread.language).article
    infos, article_terms = prepare(drafts, languages, article.text if article else "")
    book = AuthorBook([d.author for d in drafts])
    parents: list[int | None] = []
    last_child: dict[int | None, int] = {}
    groups = []
    weight = 1.0 if gold.style else ARTICLE_PAGE_WEIGHT
    for i, g in enumerate(gold.comments):
        cands = candidates(i, parents, order, book.name, infos[i].cues.greeting)
        sims = similarities(i, cands, infos)
        best = best_overlap(sims)
        greeted = _greeted_here(infos[i], cands, book.name)
        feats = [pair_features(i, c, infos, article_terms, book.name, parents, last_child,
                               best, greeted, book.guessed, sims)[0] for c in cands]
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
            groups.append((feats, right, weight))
        parent = None if g.parent == 0 else index.get(g.parent)
        parents.append(parent)
        last_child[parent] = i
        book.after_link(i, parent, parents, infos[i].cues)
    return groups


def accuracy(groups, w: Mapping[str, float]) -> float:
    if not groups:
        return 0.0
    hits = 0
    for feats, right, _ in groups:
        scores = [dot(f, w) for f in feats]
        hits += max(range(len(scores)), key=lambda k: scores[k]) == right
    return hits / len(groups)


def fit_attach(threads: Sequence, report: Callable[[str], None]) -> dict:
    from .fit import folds

    groups = {t.name: choice_groups(t) for t in threads}
    held: dict[str, float] = {}
    # Fold by discussion, so the bare/page/blank copies of one thread stay together.
    by_discussion: dict[str, list] = {}
    for t in threads:
        key = t.name.replace("-page", "").replace("-blank", "")
        by_discussion.setdefault(key, []).append(t)
    keys = sorted(by_discussion)
    for fold_keys in folds(keys):
        names = {t.name for k in fold_keys for t in by_discussion[k]}
        train = [x for n, gs in groups.items() if n not in names for x in gs]
        w = fit_choice(train, prior=PRIOR)
        for n in names:
            held[n] = accuracy(groups[n], w)
    for n in sorted(held):
        report(f"  attach {n:28} held-out choice accuracy {held[n]:.3f}"
               f" ({len(groups[n])} choices)")
    total = sum(len(groups[n]) for n in held)
    mean = sum(held[n] * len(groups[n]) for n in held) / total if total else 0.0
    report(f"  attach held-out choice accuracy {mean:.3f}")
    w = fit_choice([x for gs in groups.values() for x in gs], prior=PRIOR)
    return {"weights": {k: round(v, 4) for k, v in sorted(w.items())},
            "held_out_choice_accuracy": round(mean, 4)}
