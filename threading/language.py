"""Language of a dump and of its comments, with langdetect made deterministic."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, partial

from langdetect import DetectorFactory, LangDetectException, detect_langs

from .lexicon import available
from .lexicon import words as lexicon_words
from .parallel import in_two
from .text import words as split_words

DEFAULT_LANGUAGE = "de"
SAMPLE_CHARS = 6000  # langdetect costs about 1.5 ms a call; a few KB decide a dump
MIN_CHARS = 40  # below this a guess is noise


@cache
def _seeded() -> None:
    DetectorFactory.seed = 0


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """ISO 639-1 code of the text (nb for Norwegian), or `default` when it cannot tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return default
    _seeded()
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return default
    lang = best.lang.split("-")[0]
    return "nb" if lang == "no" else lang


MAX_COMMENT_CALLS = 200  # langdetect calls per dump, whatever its size
_MIN_WORDS = 8


@cache
def _stopword_sets() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple(
        (lang, frozenset(lexicon_words(lang, "language", "stopwords"))) for lang in available()
    )


def _looks_foreign(distinct: set[str], dump_language: str,
                   sets: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    """Another language's function words outnumber the dump language's by more than one.
    (Then the language with the most of them, the first on a tie, is not the dump's.)"""
    # A language counts at most the dump language's words plus its own others: with fewer
    # than two such words in the comment, none can outnumber (one lookup, not one a language).
    if len(distinct.intersection(_only_others(dump_language, sets))) < 2:
        return False
    own = next((len(distinct & stop) for code, stop in sets if code == dump_language), 0)
    if len(distinct) <= own + 1:
        return False
    return any(len(distinct & stop) > own + 1 for code, stop in sets if code != dump_language)


@cache
def _only_others(dump_language: str, sets: tuple[tuple[str, frozenset[str]], ...]
                 ) -> frozenset[str]:
    """The function words of the other languages that the dump language does not share."""
    own = next((stop for code, stop in sets if code == dump_language), frozenset())
    return frozenset().union(*(stop - own for code, stop in sets if code != dump_language))


PARALLEL_MIN = 20_000  # comments: below this, a forked worker costs about what it saves


def comment_languages(texts: list[str], dump_language: str) -> list[str]:
    """Each comment's language.  A cheap function-word count flags the comments that may
    differ from the dump; only those (long enough, and at most MAX_COMMENT_CALLS of them)
    are asked of langdetect."""
    # The flags need nothing but each comment's own text, so a big dump's can be found in
    # two halves at once; the cap on langdetect calls then counts them in order.
    flags = in_two(partial(_foreign_flags, texts, dump_language), 0, len(texts), PARALLEL_MIN)
    return languages_from_flags(texts, flags, dump_language)


def languages_from_flags(texts: Sequence[str], flags: Sequence[bool], dump_language: str
                         ) -> list[str]:
    """comment_languages, given each comment's `looks_foreign` flag."""
    out = []
    calls = 0
    for text, foreign in zip(texts, flags, strict=True):
        lang = dump_language
        if foreign and calls < MAX_COMMENT_CALLS:
            calls += 1
            lang = detect_language(text, default=dump_language)
        out.append(lang)
    return out


FLAG_CHARS = 400  # the start of a comment that the function-word check reads


def looks_foreign(text: str, dump_language: str, tokens: Sequence[str] | None = None
                  ) -> bool:
    """May the comment be in another language?  `tokens`: the lower-cased words of
    text[:n] for some n >= FLAG_CHARS, when the caller has them (they serve as the words
    of text[:FLAG_CHARS] when the text is no longer than that)."""
    if len(text) < MIN_CHARS:
        return False
    if tokens is None or len(text) > FLAG_CHARS:
        tokens = split_words(text[:FLAG_CHARS])
    return len(tokens) >= _MIN_WORDS and _looks_foreign(set(tokens), dump_language,
                                                        _stopword_sets())


def _foreign_flags(texts: list[str], dump_language: str, start: int, stop: int
                   ) -> list[bool]:
    """For texts[start:stop]: may the comment be in another language?"""
    return [looks_foreign(text, dump_language) for text in texts[start:stop]]
