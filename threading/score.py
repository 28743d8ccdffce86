"""The default attacher: every candidate parent gets a linear score over the cues.

In depth-first order the candidates are the previous comment and its ancestors (the
choice is how far to step back up) plus the top level; in chronological order, the last
comments before it.  Weights come from `data/weights.json` (fitted by `fit.py`); each fired
feature's contribution becomes a piece of evidence, and the softmax probability of the
chosen candidate is the link's confidence.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache, partial
from typing import NamedTuple

from .authors import AuthorBook
from .cues import comment_cues
from .features import (
    Candidate,
    DumpFacts,
    Info,
    explain_shared_words,
    greeted_names,
    pair_features,
    prepare,
    similarity,
)
from .language import comment_languages
from .linear import dot, logit, softmax
from .model import Evidence
from .nesting import attach_as_shown
from .parallel import can_fork, in_background
from .stages import AttachContext, Draft, Link, shows_tree
from .weights import weights

MAX_STEPS = 12  # ancestors considered in depth-first order
MAX_BACK = 40  # earlier comments considered in chronological order
MAX_EVIDENCE = 8  # the strongest cues of a link are kept as its evidence
PARALLEL_MIN = 20_000  # comments: below this, a forked second half saves less than it costs
# How often a dump's comments start threads differs a lot (from a fifth to all of them, in
# a forum where everyone asks the editors): a first pass over the start of the dump
# measures how likely its comments look to be top level, and the top-level score moves by
# that much on the log-odds scale, against what the fitted dumps looked like (the
# "_top_level_share" the fit stores with the weights; Saerens et al., 2002, one step).
SHARE_SAMPLE = 2000  # comments the first pass reads
SHARE_PRIOR = 10  # comments' worth of the usual share the measured one starts from
SHARE_KEY = "_top_level_share"
SHIFT_CUE = "dump_starts_threads"
# Cues no right tree has (a reply dated before its parent, or out of turn with the replies
# before it): where the best candidate shows one, an earlier link was wrong (see Decoder).
DATE_CUES = frozenset({"date_before_parent", "date_before_sibling",
                       "top_level_followed_by_earlier"})
REPAIR_BACK = 6  # links taken back and decided again
REPAIR_WIDTH = 3  # paths the beam search over them keeps
# The shift's weight, stored by the fit: the whole shift measured (0.5 and 1.5 times it did
# no better held out).
SHIFT_WEIGHT = 1.0

DESCRIBE = {
    "top_level": "top level",
    "top_level_unaddressed": "addresses nobody (no greeting, opener or 'you')",
    "top_level_second_person": "says 'you' but would be top level",
    "top_level_opener_disagree": "opens with disagreement but would be top level",
    "top_level_opener_agree": "opens with agreement but would be top level",
    "top_level_opener_reaction": "opens like an answer but would be top level",
    "top_level_greeting": "greets someone but would be top level",
    "top_level_continues": "goes on from something said (\u201c{}\u201d) but would be top level",
    "top_level_refers_back": "opens pointing back (\u201c{}\u201d) but would be top level",
    "top_level_presupposes": "takes something said as given (\u201c{}\u201d), yet top level",
    "top_level_short": "a short comment at the top level",
    "top_level_long": "long, self-contained comment",
    "top_level_article_words": "uses the article's words: {}",
    "step_0": "the previous comment",
    "step_1": "one level up from the previous comment",
    "step_2": "two levels up from the previous comment",
    "step_3": "three or more levels up",
    "previous_opener_disagree": "opens with disagreement",
    "previous_opener_agree": "opens with agreement",
    "previous_opener_reaction": "opens like an answer",
    "previous_second_person": "addresses the previous writer ('you')",
    "previous_continues": "goes on from the previous comment",
    "previous_refers_back": "points back at the previous comment",
    "previous_short": "short reaction",
    "parent_asks": "the parent asks a question",
    "answers_question": "answers the parent's question (\u201c{}\u201d)",
    "short_after_question": "a few words after the parent's question",
    "greets_parent_author": "greets {}, who wrote the parent",
    "greets_someone_else": "greets {}",
    "greets_previous": "greets {}: names the writer of the comment before",
    "top_level_headline": "opens with a headline of its own",
    "top_level_reply_subject": "its subject line says it is a reply, yet top level",
    "top_level_followed_by_earlier": "a comment after it is dated before it",
    "top_level_in_time_order": "no comment after it is dated before it",
    "own_comment": "would answer the writer's own comment",
    "conversation_turn": "{}",
    "mentions_grandparent": "names the author one level further up",
    "quotes_parent": "quotes \u201c{}\u201d from the parent",
    "shared_words": "shares words with the parent: {}",
    "most_shared_words": "shares the most words with it: {}",
    "date_before_parent": "dated before the parent",
    "date_before_sibling": "dated out of turn: {}",
    "has_replies": "the parent already has replies",
    SHIFT_CUE: "{}",
}
# Not a cue but what happened to a link: the first of its evidence where a repair moved it.
REPAIRED = Evidence("decided_again", "decided again: the parent chosen first left a later "
                    "comment no parent its date allows", 0.0)


def candidates(i: int, parents: Sequence[int | None], order: str, book: AuthorBook,
               greeting: str | None) -> list[Candidate]:
    out: list[Candidate] = []
    if i == 0:
        return [Candidate(None, -1)]
    if order == "chronological":
        for step, c in enumerate(range(i - 1, max(-1, i - 1 - MAX_BACK), -1)):
            out.append(Candidate(c, step))
        if greeting:  # the greeted author may have written long before the last MAX_BACK
            out.extend(Candidate(c, MAX_BACK) for c in book.latest_by(greeting, i - MAX_BACK, 3))
    else:
        c: int | None = i - 1
        step = 0
        while c is not None and step < MAX_STEPS:
            out.append(Candidate(c, step))
            c = parents[c]
            step += 1
    out.append(Candidate(None, -1))
    return out


def similarities(i: int, cands: Sequence[Candidate], infos: Sequence[Info]
                 ) -> dict[int, tuple[float, set[str]]]:
    return {c.index: similarity(infos[i], infos[c.index]) for c in cands if c.index is not None}


def best_overlap(sims: Mapping[int, tuple[float, set[str]]]) -> int | None:
    best, best_score = None, 0.0
    for index, (score, _) in sims.items():
        if score > best_score:
            best, best_score = index, score
    return best


def explain(feats: Mapping[str, float], why: Mapping[str, str], w: Mapping[str, float]
            ) -> tuple[Evidence, ...]:
    ranked = sorted([(name, round(value * w.get(name, 0.0), 3)) for name, value in feats.items()],
                    key=lambda nw: -abs(nw[1]))
    # A weight of zero may be -0.0, which a cache would confuse with 0.0: built each time.
    return tuple(_plain_evidence(name, weight) if weight and name not in why
                 else Evidence(name, _detail(name, why), weight)
                 for name, weight in ranked[:MAX_EVIDENCE])


@lru_cache(maxsize=4096)
def _plain_evidence(name: str, weight: float) -> Evidence:
    """Evidence that names no words of the comment: the same few objects serve every link
    (a big dump has hundreds of thousands), which saves building them and their memory."""
    return Evidence(name, _detail(name, {}), weight)


def _detail(name: str, why: Mapping[str, str]) -> str:
    template = DESCRIBE.get(name, name)
    return template.format(why.get(name, "")) if "{}" in template else template


def attach_weights(dated_forward: bool, order: str = "depth-first") -> Mapping[str, float]:
    """The weights for a dump read in chronological order (fitted on dumps listed by
    time: there the comment before is seldom the parent), the page weights for a dump
    whose dates run forward (DumpFacts.dated_forward), the shared ones for any other."""
    if order == "chronological":
        return weights("attach", "chronological_weights") or weights("attach")
    return (dated_forward and weights("attach", "page_weights")) or weights("attach")


def share_measured_on_such(facts: DumpFacts) -> bool:
    """Whether the usual top-level share stored with the weights (SHARE_KEY) was measured
    on dumps like this one: bare ones for the shared weights, pages dated forward for
    theirs.  A page read with the shared weights (its threads newest first, say) has no
    such measure: its dates and authors move the share."""
    return facts.dated_forward or facts.bare


def attach_scored(drafts: Sequence[Draft], context: AttachContext,
                  model: Mapping[str, float] | None = None) -> tuple[Link, ...]:
    """`model`: weights to use instead of the shipped ones (fitting)."""
    languages = list(context.comment_languages) or comment_languages(
        [d.text for d in drafts], context.language)
    if shows_tree(drafts):
        reading = context.reading
        return attach_as_shown(drafts, [found[1] for found in reading.found] if reading else
                               [comment_cues([d.text], lang) for d, lang in
                                zip(drafts, languages, strict=True)])
    article_text = context.article.text if context.article else ""
    infos, facts = prepare(drafts, languages, article_text, context.reading, context.order)
    # A dict is faster to look up.
    w = dict(attach_weights(facts.dated_forward, context.order) if model is None else model)
    decode = _decoded(drafts, infos, facts, w, context.order)
    # Threads newest first; their replies may run either way.  Read the wrong way, the
    # dates break many links (omp pages listed newest first at every level: 13 to 54 a
    # thread, against 0 to 2 read the right way); a page listing only its threads so
    # breaks a few either way.  So replies are read newest first only where that breaks
    # clearly fewer: less than half as many, one to spare (so never where the reading in
    # time order breaks two or fewer, and that needs no second decode).
    breaks = _breaks(decode) if facts.newest_first and not facts.bare else 0
    if breaks > 2:
        other = _decoded(drafts, infos, replace(facts, replies_newest_first=True), w,
                         context.order)
        if 2 * (_breaks(other) + 1) < breaks:
            decode = other
    book, parents = decode.book, decode.parents
    book.settle(parents, [info.cues for info in infos])
    return tuple(
        Link(parents[i], round(conf, 3), ev, book.name[i], book.source[i])
        for i, (conf, ev) in enumerate(decode.decided)
    )


def _decoded(drafts: Sequence[Draft], infos: Sequence[Info], facts: DumpFacts,
             w: dict[str, float], order: str) -> Decoder:
    """The comments decoded (in two halves on a big dump), the usual share measured first."""
    decode = Decoder([d.author for d in drafts], infos, facts, w, order)
    usual = w.get(SHARE_KEY)
    done = 0  # comments decoded for good
    if usual and share_measured_on_such(facts):
        done = decode.measure_share(usual)
    n = len(drafts)
    if order == "depth-first" and n >= PARALLEL_MIN and can_fork():
        decode.in_two_halves(done, n // 2)
    else:
        decode.run(done, n)
    return decode


def _breaks(decode: Decoder) -> int:
    """How many of the decode's links break what the dates say: read off their evidence
    (the MAX_EVIDENCE strongest cues), where the date cues, weighed -2.7 to -5.1, stay;
    it comes back from a forked half as the links do."""
    return sum(1 for _, evidence in decode.decided
               if any(e.cue in DATE_CUES for e in evidence))


class Choice(NamedTuple):
    """A comment's options (see Decoder.options), their scores and softmax, and the best."""

    best: int
    cands: list[Candidate]
    scored: list[tuple[dict[str, float], dict[str, str]]]
    sims: dict[int, tuple[float, set[str]]]
    scores: list[float]
    probs: list[float]


class Decoder:
    """The greedy decode: each comment in turn gets its best-scoring candidate parent.
    `options` and `link` are its two steps, which fitting (attach_fit) also takes, with
    the gold parent or its own choice.

    Where the best candidate breaks what the dates say (DATE_CUES), an earlier choice was
    wrong: a thread put at the top level too soon leaves its later replies no parent they
    could have.  The decode then takes back the last REPAIR_BACK links and decides them
    again together with this one, keeping the REPAIR_WIDTH best paths by their summed
    scores (a beam search over that stretch), and keeps the best path if it beats the
    greedy one."""

    def __init__(self, given: Sequence[str | None], infos: Sequence[Info],
                 facts: DumpFacts, w: Mapping[str, float], order: str):
        self.given = given
        self.infos, self.facts, self.w, self.order = infos, facts, w, order
        self.shift: tuple[float, str] | None = None  # see shift_top_level
        self.start_over()

    def start_over(self) -> None:
        """Forget every decision (the shift stays)."""
        self.book = AuthorBook(self.given)
        self.parents: list[int | None] = []
        self.last_child: dict[int | None, int] = {}
        self.decided: list[tuple[float, tuple[Evidence, ...]]] = []
        self.top_level: list[float] = []  # each decided comment's top-level probability
        # Per recent link: the parent's reply before it, the book's mark, the link's score
        # (what `unlink` and `repair` need; older links are never taken back).
        self.trail: deque[tuple[int | None, int, float]] = deque(maxlen=REPAIR_BACK)
        # The comments a repair took back (see in_two_halves).
        self.taken_back: set[int] = set()

    def fresh(self) -> Decoder:
        """A decoder of the same comments that has decided nothing yet."""
        return Decoder(self.given, self.infos, self.facts, self.w, self.order)

    def top_level_probabilities(self, stop: int) -> list[float]:
        """Decode comments 0..stop-1 of a decoder that has decided nothing yet: the
        probability of each one's top-level candidate, but the first's (it has no other)."""
        self.run(0, min(stop, len(self.infos)))
        return self.top_level[1:]

    def measure_share(self, usual: float) -> int:
        """Decode the first SHARE_SAMPLE comments and shift the top-level score by what
        they show (shift_top_level).  Returns how many comments stay decided: all of them
        unless the shift moved the score, which makes the decode start over."""
        probs = self.top_level_probabilities(SHARE_SAMPLE)
        self.shift_top_level(probs, usual)
        if self.shift is None:
            return len(self.parents)
        self.start_over()
        return 0

    def shift_top_level(self, probs: Sequence[float], usual: float) -> None:
        """Where this dump's comments look top level more often than the fitted dumps'
        (the mean of `probs`, top_level_probabilities, against `usual`), every top-level
        candidate's score rises by the difference in log-odds.  A few comments say little
        about a dump: the mean starts from SHARE_PRIOR comments at `usual`.  Never lowered:
        where they look top level less often, lowering it cost attachments held out (omp
        bare 0.5441 -> 0.5425, end to end 0.4230 -> 0.4136): the comments' own cues have
        already said so."""
        share = (sum(probs) + SHARE_PRIOR * usual) / (len(probs) + SHARE_PRIOR)
        if share <= usual:
            return
        self.shift = (logit(share) - logit(usual),
                      f"new threads look more common in this dump than usual "
                      f"({share:.0%} against {usual:.0%})")

    def options(self, i: int) -> tuple[list[Candidate], list[tuple[dict[str, float],
                                                                   dict[str, str]]],
                                       dict[int, tuple[float, set[str]]]]:
        """Comment i's candidate parents, the features of each (without the shared words'
        evidence: see explain_shared_words), and its word overlap with each."""
        infos, book, parents = self.infos, self.book, self.parents
        cands = candidates(i, parents, self.order, book, infos[i].cues.greeting)
        sims = similarities(i, cands, infos)
        best = best_overlap(sims)
        greeted = greeted_names(infos[i].cues, cands, book.name)
        scored = [pair_features(i, cand, infos, self.facts, book.name, parents,
                                self.last_child, best, greeted, book.guessed, sims,
                                explain=False)
                  for cand in cands]
        if self.shift:
            feats, why = scored[-1]  # the top-level candidate
            feats[SHIFT_CUE], why[SHIFT_CUE] = self.shift
        return cands, scored, sims

    def link(self, i: int, parent: int | None, score: float = 0.0) -> None:
        """Comment i answers `parent`: what the next comments' options depend on.
        `score`: the link's score (what a repair sums)."""
        self.trail.append((self.last_child.get(parent), self.book.mark(), score))
        self.parents.append(parent)
        self.last_child[parent] = i
        self.book.after_link(i, parent, self.parents, self.infos[i].cues)

    def unlink(self) -> None:
        """Take back the last link (one of the last REPAIR_BACK)."""
        parent = self.parents.pop()
        sibling, mark, _ = self.trail.pop()
        if sibling is None:
            del self.last_child[parent]
        else:
            self.last_child[parent] = sibling
        self.book.rewind(mark)

    def choose(self, i: int) -> Choice:
        """Comment i's options (see `options`), their scores and softmax, and the best."""
        cands, scored, sims = self.options(i)
        scores = [dot(feats, self.w) for feats, _ in scored]
        best = max(range(len(cands)), key=scores.__getitem__)
        return Choice(best, cands, scored, sims, scores, softmax(scores))

    def run(self, start: int, stop: int) -> None:
        for i in range(start, stop):
            choice = self.choose(i)
            if self.trail and not DATE_CUES.isdisjoint(choice.scored[choice.best][0]):
                self.repair(i, choice)
            else:
                self.take(i, choice, choice.best)

    def take(self, i: int, choice: Choice, j: int, changed: bool = False) -> None:
        """Link comment i to its j-th candidate, with that link's confidence and evidence.
        `changed`: a repair moved the link from the parent the decode first chose."""
        feats, why = choice.scored[j]
        parent = choice.cands[j].index
        if parent is not None:
            # Words for the evidence only for the chosen parent: the others are never shown.
            explain_shared_words(self.infos[i], choice.sims[parent][1], feats, why)
        self.link(i, parent, choice.scores[j])
        evidence = explain(feats, why, self.w)
        if changed:
            evidence = (REPAIRED, *evidence)
        self.decided.append((choice.probs[j], evidence))
        self.top_level.append(choice.probs[-1])  # the top level is the last candidate

    def repair(self, i: int, choice: Choice) -> None:
        """Decide comment i, whose best candidate breaks the dates, together with the
        comments linked last (see the class)."""
        start = i - len(self.trail)
        kept = self.parents[start:]
        scores = [score for _, _, score in self.trail]
        for _ in range(start, i):
            self.unlink()
        found, path = self._best_path(start, i)
        self.taken_back.update(range(start, i))
        if found <= sum(scores) + choice.scores[choice.best]:  # the greedy links stay
            for k, (parent, score) in enumerate(zip(kept, scores, strict=True), start):
                self.link(k, parent, score)
            self.take(i, choice, choice.best)
            return
        del self.decided[start - i:], self.top_level[start - i:]  # start < i
        greedy = [*kept, choice.cands[choice.best].index]
        for k, parent in enumerate(path, start):
            again = self.choose(k)
            self.take(k, again, [c.index for c in again.cands].index(parent),
                      changed=parent != greedy[k - start])

    def _best_path(self, start: int, stop: int) -> tuple[float, list[int | None]]:
        """The parents of comments start..stop (none linked yet) that a beam search of
        REPAIR_WIDTH paths finds best, and their summed score."""
        beam: list[tuple[float, list[int | None]]] = [(0.0, [])]
        for k in range(start, stop + 1):
            grown = []
            for total, path in beam:
                for n, parent in enumerate(path, start):
                    self.link(n, parent)
                cands, scored, _ = self.options(k)
                for _ in path:
                    self.unlink()
                grown += [(total + dot(feats, self.w), [*path, cand.index])
                          for cand, (feats, _) in zip(cands, scored, strict=True)]
            grown.sort(key=lambda tp: -tp[0])  # stable: ties keep the earlier path
            beam = grown[:REPAIR_WIDTH]
        return beam[0]

    def in_two_halves(self, start: int, mid: int) -> None:
        """The same decode, its second half guessed at in a forked child meanwhile.

        The child starts at `mid` as if every comment before were top level.  Once a
        comment k >= mid is top level in both decodes, the two agree on everything after
        it: depth-first, no later comment can reach back past k, and nothing after k
        depends on anything before it (an author is only ever learnt for a comment, its
        parent or its grandparent), unless a repair after k reached back to k (the child
        had decided the comments before k otherwise).  Here the decode goes on past mid
        until such a k and takes the rest from the child; with none, it runs to the end
        itself.  `start`: the comments before it are decided already."""
        n = len(self.infos)
        mid = max(mid, start)
        with in_background(partial(self._second_half, mid)) as second:
            self.run(start, mid)
            guess = second()
        parents_after, decided_after, book_after, taken_back_after = guess
        for k in range(mid, n):
            self.run(k, k + 1)
            if (self.parents[k] is None and parents_after[k - mid] is None
                    and k not in taken_back_after):
                rest = slice(k + 1 - mid, None)
                self.parents += parents_after[rest]
                self.decided += decided_after[rest]
                # Authors of k and after are learnt from k and after only.
                self.book.adopt(k, book_after)
                return

    def _second_half(self, mid: int) -> tuple[list, list, AuthorBook, set[int]]:
        guess = self.fresh()
        guess.shift = self.shift
        guess.parents = [None] * mid
        guess.run(mid, len(self.infos))
        return guess.parents[mid:], guess.decided, guess.book, guess.taken_back
