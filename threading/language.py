"""Language of a dump and of its comments, with langdetect made deterministic."""

from __future__ import annotations

from functools import cache

from langdetect import DetectorFactory, LangDetectException, detect_langs

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
