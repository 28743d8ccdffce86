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
    "top_level_article_words": 0.0,
}


def choice_groups(thread, order: str = "depth-first", model: Mapping[str, float] | None = None):
    """One choice per gold comment.  With `model`, the earlier comments' parents are the
    model's own decisions (the states it meets when it runs), not the gold ones."""
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
            groups.append((feats, right, weight))
        parent = None if g.parent == 0 else index.get(g.parent)
        if model is not None:
            scores = [dot(f, model) for f in feats]
            parent = cands[max(range(len(cands)), key=lambda k: scores[k])].index
        parents.append(parent)
        last_child[parent] = i
        book.after_link(i, parent, parents, infos[i].cues)
    return groups


ROUNDS = 2  # refits on the states the model itself reaches (DAgger-style)


def fit_weights(threads: Sequence) -> dict[str, float]:
    """Fit on the gold states, then add the states the fitted model reaches and refit:
    a greedy attacher meets its own mistakes, so it should learn from them too."""
    groups = [x for t in threads for x in choice_groups(t)]
    w = fit_choice(groups, prior=PRIOR)
    for _ in range(ROUNDS):
        groups += [x for t in threads for x in choice_groups(t, model=w)]
        w = fit_choice(groups, prior=PRIOR)
    return w


def decoded_accuracy(thread, w: Mapping[str, float]) -> float:
    """Attachment accuracy with gold segmentation, as `eval` measures it."""
    from .evaluate import Prediction, attachment_accuracy
    from .score import attach_scored
    from .stages import AttachContext

    spans = [(g.start, g.end) for g in thread.gold.comments]
    drafts = drafts_from_spans(thread.lines, spans)
    article = find_parts(thread.lines, thread.language).article
    context = AttachContext(order=thread.gold.order, language=thread.language, article=article)
    links = attach_scored(drafts, context, model=w)
    return attachment_accuracy(thread.gold, Prediction.from_links(spans, links))


def fit_attach(threads: Sequence, report: Callable[[str], None]) -> dict:
    from .fit import folds

    # Blank copies repeat the bare text word for word: fitting on both would count the
    # same choices twice.
    threads = [t for t in threads if t.style != "blank"]
    by_discussion: dict[str, list] = {}
    for t in threads:  # fold by discussion: the bare and page copies stay together
        by_discussion.setdefault(t.name.replace("-page", ""), []).append(t)
    held: dict[str, tuple[float, int]] = {}
    for fold_keys in folds(sorted(by_discussion)):
        names = {t.name for k in fold_keys for t in by_discussion[k]}
        w = fit_weights([t for t in threads if t.name not in names])
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
    w = fit_weights(threads)
    return {"weights": {k: round(v, 4) for k, v in sorted(w.items())},
            "held_out_gold_segments": summary}
