"""Cue lexicons: plain TOML files in threadloom.data/lexicons, one per language.

A language's file holds tables of word lists (greetings, answer openers, ...). Adding a
language or a word is a data change only.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

FALLBACK = "en"


@cache
def available() -> tuple[str, ...]:
    folder = resources.files("threadloom.data").joinpath("lexicons")
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir()
                        if p.name.endswith(".toml")))


@cache
def lexicon(language: str) -> MappingProxyType[str, Any]:
    """The lexicon for a language; a language without a file gets the fallback's."""
    if language not in available():
        language = FALLBACK
    path = resources.files("threadloom.data").joinpath("lexicons", f"{language}.toml")
    return MappingProxyType(tomllib.loads(path.read_text(encoding="utf-8")))


@cache  # asked per paragraph and per comment: building the tuple each time adds up
def words(language: str, table: str, key: str) -> tuple[str, ...]:
    """One word list, e.g. words("de", "attach", "greetings"); empty when absent.  Entries
    with an apostrophe come in both forms: "you're" is typed "you’re" as often."""
    found = lexicon(language).get(table, {}).get(key, ())
    return tuple(dict.fromkeys(form for entry in found
                               for form in (entry, entry.replace("'", "’"))))


@cache
def lowered(language: str, table: str, key: str) -> frozenset[str]:
    """One word list as a set of lower-cased words, to look tokens up in."""
    return frozenset(w.lower() for w in words(language, table, key))


@cache
def function_words(language: str) -> frozenset[str]:
    """Words that carry no topic (articles, pronouns, auxiliaries, common adverbs): left out
    when comments are compared by their words."""
    table = lexicon(language).get("language", {})
    return frozenset(w.lower() for key in ("stopwords", "function_words")
                     for w in table.get(key, ()))


@cache
def every_language(table: str, key: str) -> frozenset[str]:
    """One word list, of every language we have a lexicon for (a page's buttons and dates
    are told apart whatever its language)."""
    return frozenset(w for lang in available() for w in words(lang, table, key))


@cache
def _reply_prefixes() -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in every_language("page", "reply_prefixes")}))


def subject_line(text: str) -> bool:
    """Whether a line opens like a reply's subject in any language we have ("Re:", "AW:",
    "Sv:"): such a line names the thread, not what the reply says."""
    return text[:12].lower().startswith(_reply_prefixes())
