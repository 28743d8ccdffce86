"""decode -> lines -> segment -> attach, composed into one call."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache, partial

from .attach import DEFAULT_ATTACHER, attach
from .decode import Decoded, fingerprint
from .features import read_comments
from .language import SAMPLE_CHARS, detect_language
from .lines import SourceLine, split_lines
from .model import Comment, Discussion, Evidence, Source, stable_ids
from .parallel import in_background, reap_children
from .segment import segment
from .stages import AttachContext, Draft, Layout, Link

ORDERS = ("depth-first", "chronological")
IDS_PARALLEL_MIN = 20_000  # comments: below this, a forked child costs about what it saves
# Characters: from this size on, splitting the dump into lines (about 8 ms a MB) takes
# longer than a fork costs, so a forked child detects the language meanwhile (langdetect
# takes 0.1 s to load its profiles, which a big dump's split then hides).
LANGUAGE_PARALLEL_MIN = 1_000_000
HEAD_CHARS = 200_000  # the dump's head that early_sample reads


def reconstruct(
    text: str,
    *,
    order: str = "depth-first",
    attacher: str = DEFAULT_ATTACHER,
    name: str = "-",
    encoding: str = "utf-8",
    timings: dict[str, float] | None = None,
) -> Discussion:
    """Turn a flat dump into a Discussion.  `timings`: filled with the seconds each stage
    took (the benchmark's breakdown)."""
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r} (known: {', '.join(ORDERS)})")
    try:
        with _no_cycle_collection():
            return _reconstruct(text, order, attacher, name, encoding, _stopwatch(timings))
    finally:
        reap_children()  # the forked helpers (parallel.py) have long exited by now


def _stopwatch(timings: dict[str, float] | None) -> Callable[[str], None]:
    """lap(stage): the time since the last lap goes to timings[stage]."""
    if timings is None:
        return lambda stage: None
    last = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        timings[stage] = now - last
        last = now

    return lap


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Reconstruction builds millions of small objects and no reference cycles: the cyclic
    collector would walk them again and again as they pile up (a fifth of the time on a
    big dump) and find nothing.  Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _as_old()
            gc.enable()


def _as_old() -> None:
    """Count every object made so far as old: the model is built to last, and the first
    allocation after gc.enable() would otherwise walk all of it as young (0.15 s on a
    100k-comment dump) to find nothing.  freeze() then unfreeze() moves the young objects
    into the oldest generation without a walk; only when nothing was frozen before, as
    unfreeze() would thaw what the caller froze too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _reconstruct(text: str, order: str, attacher: str, name: str, encoding: str,
                 lap: Callable[[str], None]) -> Discussion:
    sample = early_sample(text) if len(text) >= LANGUAGE_PARALLEL_MIN else None
    with in_background(partial(detect_language, sample or ""),
                       wanted=sample is not None) as detected:
        lines = split_lines(text)
        lap("lines")
        language = detected() if sample is not None else detect_language(dump_sample(lines))
    lap("language")
    layout = segment(lines, language)
    line_count = len(lines)
    del lines  # the layout holds every line now; these copies would only add to the peak
    lap("segment")
    # Each comment's language, words, cues and date, in one pass: the model needs the
    # languages, the scored attacher the rest.
    reading = read_comments(layout.drafts, language)
    languages = reading.languages
    lap("read")
    context = AttachContext(order=order, language=language, article=layout.article,
                            comment_languages=languages, reading=reading)
    # The ids (a hash of each text) need nothing but the texts the reading joined, and the
    # dump's fingerprint nothing but the dump: on a big dump a forked child makes them
    # while the attacher's first steps keep this process on one core.
    with in_background(partial(_hashes, reading.texts, text),
                       wanted=len(layout.drafts) >= IDS_PARALLEL_MIN) as made:
        links = attach(layout.drafts, context, attacher)
        lap("attach")
        ids, dump_fingerprint = made()
    source = Source(
        name=name,
        encoding=encoding,
        line_count=line_count,
        fingerprint=dump_fingerprint,
        style=layout.style,
        order=order,
        attacher=attacher,
    )
    discussion = build(layout, links, language, source, languages, ids)
    lap("build")
    return discussion


def _hashes(texts: list[str], text: str) -> tuple[list[str], str]:
    return stable_ids(texts), fingerprint(text)


def reconstruct_decoded(decoded: Decoded, **options) -> Discussion:
    return reconstruct(decoded.text, name=decoded.name, encoding=decoded.encoding, **options)


def dump_sample(lines: Sequence[SourceLine]) -> str:
    """A few KB of the dump's longer paragraphs: enough for langdetect, cheap on any size."""
    parts = _longer_paragraphs(lines)
    return "\n".join(parts) or "\n".join(sl.text for sl in lines[:200])


def _longer_paragraphs(lines: Sequence[SourceLine]) -> list[str]:
    """The first lines of 40 characters or more, until they hold SAMPLE_CHARS."""
    parts: list[str] = []
    size = 0
    for sl in lines:
        if len(sl.text) >= 40:
            parts.append(sl.text)
            size += len(sl.text)
            if size >= SAMPLE_CHARS:
                break
    return parts


def early_sample(text: str) -> str | None:
    """dump_sample of the whole dump, read from its head alone (split_lines is line by
    line, so the head's lines are the dump's); None where the head holds too little to be
    sure of that."""
    cut = text.find("\n", HEAD_CHARS)
    if cut < 0:
        return None
    parts = _longer_paragraphs(split_lines(text[:cut + 1]))
    return "\n".join(parts) if sum(map(len, parts)) >= SAMPLE_CHARS else None


@lru_cache(maxsize=128)
def _start_evidence(percent: int) -> Evidence:
    return Evidence("comment_start", f"where the comment starts is a guess: {percent}% sure")


def start_evidence(chance: float) -> Evidence:
    """The evidence for a comment start that segmentation guessed (one object per
    percentage: a big dump has hundreds of thousands of them)."""
    return _start_evidence(int(chance * 100))  # rounded down: never "100% sure"


def build(
    layout: Layout,
    links: Sequence[Link],
    language: str,
    source: Source,
    languages: Sequence[str],
    ids: Sequence[str] | None = None,
) -> Discussion:
    """Drafts plus links become the final, navigable model.  `ids`: stable_ids of the
    drafts' texts, when the caller has them."""
    drafts: Sequence[Draft] = layout.drafts
    if ids is None:
        ids = stable_ids([d.text for d in drafts])
    depths: list[int] = []
    comments = []
    for i, (draft, link) in enumerate(zip(drafts, links, strict=True)):
        depth = 0 if link.parent is None else depths[link.parent] + 1
        depths.append(depth)
        confidence, evidence = link.confidence, link.evidence
        if draft.start_chance < 1.0:
            # A link is only as sure as the comment it links: segmentation's doubt counts.
            confidence = round(confidence * draft.start_chance, 3)
            # First: it explains most of the drop, and a reader shows the first few cues.
            evidence = (start_evidence(draft.start_chance), *evidence)
        comments.append(
            Comment(
                id=ids[i],
                index=i,
                lines=draft.lines,
                parent=None if link.parent is None else ids[link.parent],
                depth=depth,
                author=link.author,
                author_source=link.author_source,
                date=draft.date,
                language=languages[i],
                confidence=confidence,
                evidence=evidence,
            )
        )
    title = layout.article.title if layout.article and layout.article.title else ""
    if not title:
        title = comments[0].excerpt if comments else source.name
    return Discussion(
        title=title,
        language=language,
        article=layout.article,
        chrome=layout.chrome,
        comments=tuple(comments),
        source=source,
    )
