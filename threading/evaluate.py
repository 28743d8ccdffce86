"""Score reconstructions against gold trees (format: ../shared/gold/README.md)."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .attach import DEFAULT_ATTACHER, attach
from .decode import InputError, read_source
from .language import detect_language
from .lines import SourceLine, split_lines
from .model import LOW_CONFIDENCE, Discussion
from .pipeline import dump_sample, reconstruct
from .segment import gold_parts
from .stages import AttachContext, Draft, Link


@dataclass(frozen=True)
class GoldComment:
    start: int
    end: int
    parent: int  # start line of the parent, 0 = root
    alt_parents: tuple[int, ...] = ()
    author: str | None = None


@dataclass(frozen=True)
class Gold:
    path: Path
    dump: Path
    style: str | None
    order: str
    comments: tuple[GoldComment, ...]
    authors: dict[str, tuple[int, ...]]

    @property
    def ends(self) -> dict[int, int]:
        return {g.start: g.end for g in self.comments}


def load_gold(path: str | Path) -> Gold:
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
        comments = tuple(
            GoldComment(
                int(c["start"]),
                int(c["end"]),
                int(c["parent"]),
                tuple(int(a) for a in c.get("alt_parents", ())),
                c.get("author"),
            )
            for c in raw["comments"]
        )
        dump = p.parent / raw["dump"]
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{p}: not a gold file ({type(exc).__name__}: {exc})") from None
    authors = {k: tuple(v) for k, v in (raw.get("authors") or {}).items()}
    return Gold(p, dump, raw.get("style"), raw.get("order", "depth-first"), comments, authors)


@dataclass(frozen=True)
class Prediction:
    """Predicted comments as (start, end, parent start line or 0)."""

    comments: tuple[tuple[int, int, int], ...]

    @classmethod
    def from_discussion(cls, d: Discussion) -> Prediction:
        return cls(
            tuple(
                (c.span.first, c.span.last, d[c.parent].span.first if c.parent else 0)
                for c in d.comments
            )
        )

    @classmethod
    def from_links(cls, spans: Sequence[tuple[int, int]], links: Sequence[Link]) -> Prediction:
        return cls(
            tuple(
                (s, e, 0 if link.parent is None else spans[link.parent][0])
                for (s, e), link in zip(spans, links, strict=True)
            )
        )


def attachment_accuracy(gold: Gold, pred: Prediction) -> float:
    return _share_right(gold, judged_links(gold, pred))


def _share_right(gold: Gold, judged: Sequence[tuple[int, bool]]) -> float:
    return sum(ok for _, ok in judged) / len(gold.comments) if gold.comments else 1.0


def judged_links(gold: Gold, pred: Prediction) -> list[tuple[int, bool]]:
    """For each gold comment that a predicted comment starts where it starts: that start
    line, and whether the predicted parent is right (a parent inside the gold parent's
    lines counts: the page split it, not the link)."""
    ends = gold.ends
    by_line: dict[int, tuple[int, int, int]] = {}
    for p in pred.comments:
        for n in range(p[0], p[1] + 1):
            by_line[n] = p
    out = []
    for g in gold.comments:
        p = by_line.get(g.start)
        if p is None or p[0] != g.start:
            continue
        parents = (g.parent, *g.alt_parents)
        if p[2] == 0:
            out.append((g.start, 0 in parents))
        else:
            out.append((g.start, any(q and q <= p[2] <= ends.get(q, q) for q in parents)))
    return out


# The confidence bands `eval` reports, by their lower bounds: the doubtful links first.
CONFIDENCE_BANDS = (0.0, LOW_CONFIDENCE, 0.7, 0.9)


def confidence_bands(judged: Sequence[tuple[float, bool]]) -> tuple[tuple[int, int], ...]:
    """(links, right links) in each of CONFIDENCE_BANDS, from (confidence, right) pairs."""
    counts = [[0, 0] for _ in CONFIDENCE_BANDS]
    for confidence, ok in judged:
        band = bisect_right(CONFIDENCE_BANDS, confidence) - 1
        counts[band][0] += 1
        counts[band][1] += ok
    return tuple((n, right) for n, right in counts)


@dataclass(frozen=True)
class Boundaries:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def boundaries(gold: Gold, pred: Prediction) -> Boundaries:
    g = {c.start for c in gold.comments}
    p = {c[0] for c in pred.comments}
    return Boundaries(len(g & p), len(p - g), len(g - p))


@dataclass(frozen=True)
class FileScore:
    file: str
    style: str
    comments: int
    attachment: float
    attachment_gold_segments: float
    boundaries: Boundaries
    baseline_chain: float
    baseline_all_root: float
    # End to end, (links, right links) by confidence band (CONFIDENCE_BANDS), over every
    # predicted comment: whether a link's confidence can be taken at its word.
    confidence: tuple[tuple[int, int], ...]

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "style": self.style,
            "comments": self.comments,
            "attachment": self.attachment,
            "attachment_gold_segments": self.attachment_gold_segments,
            "boundary_precision": self.boundaries.precision,
            "boundary_recall": self.boundaries.recall,
            "boundary_f1": self.boundaries.f1,
            "baseline_chain": self.baseline_chain,
            "baseline_all_root": self.baseline_all_root,
            "confidence": _bands_dict(self.confidence),
        }


def _bands_dict(counts: Sequence[tuple[int, int]]) -> list[dict]:
    highs = (*CONFIDENCE_BANDS[1:], 1.0)
    return [{"from": low, "to": high, "links": n, "right": right}
            for low, high, (n, right) in zip(CONFIDENCE_BANDS, highs, counts, strict=True)]


def gold_segments(gold: Gold, lines: Sequence[SourceLine], language: str
                  ) -> tuple[list[tuple[int, int]], tuple[Draft, ...], AttachContext]:
    """The gold comments' spans and drafts, and the context an attacher gets for them."""
    spans = [(g.start, g.end) for g in gold.comments]
    parts, drafts = gold_parts(lines, language, spans)
    return spans, drafts, AttachContext(order=gold.order, language=language, article=parts.article)


def gold_segment_accuracy(gold: Gold, text: str, attachers: Sequence[str],
                          language: str | None = None) -> list[float]:
    """Attachment accuracy of each attacher when the comment boundaries are taken from
    the gold file."""
    lines = split_lines(text)
    lang = language or detect_language(dump_sample(lines))
    spans, drafts, context = gold_segments(gold, lines, lang)
    return [attachment_accuracy(gold, Prediction.from_links(spans, attach(drafts, context, a)))
            for a in attachers]


def evaluate_file(gold: Gold, attacher: str = DEFAULT_ATTACHER) -> FileScore:
    decoded = read_source(gold.dump)
    discussion = reconstruct(decoded.text, order=gold.order, attacher=attacher)
    pred = Prediction.from_discussion(discussion)
    lang = discussion.language
    judged = judged_links(gold, pred)
    right = dict(judged)
    scored, chain, all_root = gold_segment_accuracy(
        gold, decoded.text, (attacher, "chain", "all-root"), lang)
    return FileScore(
        file=gold.path.name,
        style=gold.style or discussion.source.style,
        comments=len(gold.comments),
        attachment=_share_right(gold, judged),
        attachment_gold_segments=scored,
        boundaries=boundaries(gold, pred),
        baseline_chain=chain,
        baseline_all_root=all_root,
        # Every comment a reader is shown: one that starts where no gold comment does is
        # wrong however it was linked.
        confidence=confidence_bands([(c.confidence, right.get(c.span.first, False))
                                     for c in discussion.comments]),
    )


def total(scores: Sequence[FileScore]) -> dict:
    """Micro-averages: every gold comment counts once, whichever file it is in.

    Nothing is rounded here: rounding twice would turn 0.38946 into 0.390."""
    n = sum(s.comments for s in scores)

    def mean(attr: str) -> float:
        return sum(getattr(s, attr) * s.comments for s in scores) / n if n else 0.0

    b = Boundaries(*(sum(getattr(s.boundaries, k) for s in scores) for k in ("tp", "fp", "fn")))
    return {
        "comments": n,
        "attachment": mean("attachment"),
        "attachment_gold_segments": mean("attachment_gold_segments"),
        "boundary_precision": b.precision,
        "boundary_recall": b.recall,
        "boundary_f1": b.f1,
        "baseline_chain": mean("baseline_chain"),
        "baseline_all_root": mean("baseline_all_root"),
        "confidence": _bands_dict([
            (sum(s.confidence[k][0] for s in scores), sum(s.confidence[k][1] for s in scores))
            for k in range(len(CONFIDENCE_BANDS))]),
    }
