"""Comment boundaries in bare and blank dumps: does this paragraph start a comment?

A paragraph either starts a comment or continues the one before.  The decision is a
logistic score over cues of the paragraph and the one before it (a continuation word such
as "Denn" or "Zumal", a greeting or answer opener, a headline-like paragraph before, a
colon before a list, ...), with weights fitted on the gold dumps by `fit.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from .cues import greeting, opener, second_person
from .lexicon import words as lexicon_words
from .linear import dot, sigmoid
from .text import ends_sentence, is_url, last_char, starts_with, title_like, words
from .weights import weights

_LIST = re.compile(r"^\s*(?:[-–•*·>]|\d{1,2}[.)]\s|\d+x\s|[a-z][.)]\s)")
_QUOTE_START = tuple("\"„“»«‚'")


@cache
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(lexicon_words(language, "language", "stopwords"))


def _content(text: str, language: str) -> set[str]:
    stop = _stopwords(language)
    return {w for w in words(text[:1500]) if len(w) > 3 and w not in stop}


def features(
    prev: str, line: str, language: str, draft_size: int = 1, gap: int = 0, typical_gap: int = 0
) -> dict[str, float]:
    """Cues for "`line` starts a new comment", given the paragraph before it."""
    f: dict[str, float] = {"bias": 1.0}
    first = line.lstrip()[:1]
    if starts_with(line, lexicon_words(language, "segment", "continuations")):
        f["continuation_word"] = 1.0
    if first.islower():
        f["starts_lowercase"] = 1.0
    elif first and not first.isalnum() and not line.lstrip().startswith(_QUOTE_START):
        f["starts_symbol"] = 1.0
    if line.lstrip().startswith(_QUOTE_START):
        f["starts_quote"] = 1.0
    kind, _ = opener(line, language)
    if kind:
        f[f"opener_{kind}"] = 1.0
    if greeting(line, language)[0]:
        f["greeting"] = 1.0
    if second_person(line[:300], language):
        f["second_person"] = 1.0
    if _LIST.match(line):
        f["list_item"] = 1.0
        if _LIST.match(prev):
            f["list_after_list"] = 1.0
    if is_url(line):
        f["url"] = 1.0
    if is_url(prev):
        f["after_url"] = 1.0
    end = last_char(prev)
    if end == ":":
        f["after_colon"] = 1.0
    elif end == "?":
        f["after_question"] = 1.0
    elif end in ",;-–(":
        f["after_open_clause"] = 1.0
    elif title_like(prev, 100):
        f["after_headline"] = 1.0
        if len(prev) < 30:
            f["after_short_headline"] = 1.0
    elif not ends_sentence(prev):
        f["after_unfinished"] = 1.0
    if len(line) < 40:
        f["short"] = 1.0
    elif len(line) > 300:
        f["long"] = 1.0
    if len(prev) > 300:
        f["after_long"] = 1.0
    if title_like(line, 100):
        f["headline"] = 1.0
    a, b = _content(prev, language), _content(line, language)
    if a and b:
        f["shared_words"] = min(len(a & b), 4) / 4
    f["paragraphs_so_far"] = min(draft_size - 1, 4) / 4

    if typical_gap and gap > typical_gap:
        f["wider_gap"] = 1.0
    return f


def start_probability(
    prev: str,
    line: str,
    language: str,
    draft_size: int = 1,
    gap: int = 0,
    typical_gap: int = 0,
    model: Mapping[str, float] | None = None,
) -> float:
    w = weights("boundary") if model is None else model
    return sigmoid(dot(features(prev, line, language, draft_size, gap, typical_gap), w))
