"""Cue detectors: what a single comment says about whom it answers.

Each detector is a pure function of the comment's text and a language; the word lists come
from the lexicons in `threadloom.data/lexicons`, so a new language is a data file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from .lexicon import function_words, lowered, subject_line
from .lexicon import words as lexicon_words
from .text import alternation, choice_table, find_phrase, first_of, head, words

# Names are one or two capitalised words, or a user handle; "Hallo zusammen" is not a name.
_NAME = r"(@?[A-ZÄÖÜÆØÅÉ][\w.\-]{1,30}(?: [A-ZÄÖÜÆØÅ][\w\-]{1,30})?|@?[\w.\-]*\d[\w.\-]*)"
_AT = re.compile(r"(?:^|\s)@([\w.\-]{2,30})")
_QUOTE_CHARS = "„“\"»«‚‘'"
SHORT_COMMENT = 80  # characters: see Cues.short
_ANY_QUOTE = re.compile(f"[{re.escape(_QUOTE_CHARS)}]")
_QUOTED = re.compile(r"[„“\"»«‚‘']([^„“”\"»«‚‘’']{3,120})[“”\"«»‘’']")


class Cues(NamedTuple):
    """What one comment's text reveals; empty/None when a cue did not fire.  A tuple: one
    a comment, built (and sent back by a forked reader, parallel.py) faster than a
    dataclass."""

    greeting: str | None = None  # the name greeted or @-addressed
    greeting_word: str | None = None
    # A word greeted that looks like no name ("Hi throwaway"): it counts only where it is
    # the handle of the comment's author (features.greeted_author).
    greeted_lower: str | None = None
    mentions: tuple[str, ...] = ()  # names credited further up ("Chili hat recht")
    opener: str | None = None  # disagree | agree | reaction
    opener_word: str | None = None
    second_person: tuple[str, ...] = ()
    question: bool = False  # the comment asks something
    quotes: tuple[str, ...] = ()
    self_reference: str | None = None
    # Opening words that only make sense after something said before: a continuation
    # ("Und", "Zumal") or a word pointing back ("Das", "Sie"); None when an opener fired.
    continues: str | None = None
    refers_back: str | None = None
    # A word in the first sentence, past its first word, that takes something said as
    # given ("auch", modal "ja", "doch"): see `presupposes`.
    presupposes: str | None = None
    length: int = 0

    @property
    def addresses(self) -> bool:
        return bool(self.greeting or self.opener or self.second_person)

    @property
    def short(self) -> bool:
        """A few words: a reaction more than a point of its own."""
        return self.length < SHORT_COMMENT


@cache
def _not_names(language: str) -> frozenset[str]:
    lists = ("second_person", "greetings", "group_address")
    found = {w.lower() for key in lists for w in lexicon_words(language, "attach", key)}
    found |= function_words(language)
    return frozenset(found)


def _alternatives(language: str, key: str) -> str | None:
    """A lexicon list as a regex alternation, longest phrase first; None when empty."""
    phrases = lexicon_words(language, "attach", key)
    if not phrases:
        return None
    return alternation(phrases)


@cache
def _greeting_pattern(language: str) -> re.Pattern[str] | None:
    """A comment's opening that greets someone by name: "Hallo Peter,"."""
    alts = _alternatives(language, "greetings")
    if alts is None:
        return None
    return re.compile(rf"^\W*({alts})\s+{_NAME}\s*(?:[,!:;.\-–]|$)", re.IGNORECASE)


@cache
def _wrote_pattern(language: str) -> re.Pattern[str] | None:
    """A comment's opening that quotes someone by name: "Peter schrieb:"."""
    alts = _alternatives(language, "wrote")
    if alts is None:
        return None
    return re.compile(rf"^\W*{_NAME}\s+(?:{alts})\s*:", re.IGNORECASE)


def _looks_like_name(name: str, language: str, at: bool = False) -> bool | None:
    """True for a name or handle ("Peter", "anna_k", "user42", anything @-addressed),
    False where only its case keeps a word from being one (a handle may be written so),
    None for a common word ("zusammen", "du")."""
    if name.split()[0].lower() in _not_names(language):
        return None
    return at or name[0].isupper() or "_" in name or any(ch.isdigit() for ch in name)


def greeting(text: str, language: str) -> tuple[str | None, str | None]:
    """("Peter", "hallo") for "Hallo Peter, ..."; @handles count as greetings too."""
    name, word, _ = _greeting(text, language)
    return name, word


def _greeting(text: str, language: str) -> tuple[str | None, str | None, str | None]:
    """greeting(), and a name in lower case where one would be ("Hi throwaway, ..."): no
    name by itself, but the handle of a page's author may be written so."""
    first = text.lstrip()[:120]
    pattern = _greeting_pattern(language)
    lower = None
    m = pattern.match(first) if pattern is not None else None
    if m:
        name = m.group(2).lstrip("@").rstrip(".-")
        # Greeting words matched case-insensitively, names must look like names.
        looks = _looks_like_name(name, language, at="@" in m.group(2))
        if looks:
            return name, m.group(1).lower(), None
        if looks is False:
            lower = name.split()[0]
    wrote = _wrote_pattern(language) if ":" in first else None
    m = wrote.match(first) if wrote is not None else None
    if m:  # "Peter schrieb: ..." quotes the parent, so it names its author as a greeting
        name = m.group(1).lstrip("@").rstrip(".-")
        if _looks_like_name(name, language):
            return name, "wrote", None
    m = _AT.search(first) if "@" in first else None
    if m:
        return m.group(1).rstrip(".-"), "@", None
    return None, None, lower


@cache
def _mention_pattern(language: str) -> re.Pattern[str] | None:
    alts = _alternatives(language, "mention_after")
    if alts is None:
        return None
    return re.compile(rf"(?:^|[,;:.!?]\s+|\s)@?([A-ZÄÖÜÆØÅ][\w\-]{{1,30}}|[\w.\-]*\d[\w.\-]*)"
                      rf"\s+(?:{alts})\b")


def mentions(text: str, language: str) -> tuple[str, ...]:
    """Names credited in the third person: "Chili hat ganz recht" -> ("Chili",)."""
    pattern = _mention_pattern(language)
    sample = text[:400]
    # The phrase itself must occur: a cheap test that spares most texts the regex.
    if pattern is None or not any(a in sample for a in lexicon_words(
            language, "attach", "mention_after")):
        return ()
    stop = _not_names(language)
    found = []
    for m in pattern.finditer(sample):
        name = m.group(1)
        before = text[: m.start(1)].rstrip().split()
        # "Die Regierung hat recht" credits no person: a frequent word (an article) before it.
        article_before = before and before[-1].lower() in lowered(language, "language", "stopwords")
        if name.lower() not in stop and not article_before and name not in found:
            found.append(name)
    return tuple(found)


OPENER_KINDS = ("disagree", "agree", "reaction")  # tried in this order


@cache
def _opener_table(language: str) -> dict[str, re.Pattern[str]]:
    return choice_table(tuple(lexicon_words(language, "attach", k) for k in OPENER_KINDS))


# What a comment's first words may show, tried in this order: an answer, then words that
# go on from something said before it ("Und", "Zumal") or point back at it ("Das").
OPENINGS = (*OPENER_KINDS, "continues", "refers_back")


@cache
def _opening_table(language: str) -> dict[str, re.Pattern[str]]:
    return choice_table((*(lexicon_words(language, "attach", k) for k in OPENER_KINDS),
                         lexicon_words(language, "segment", "continuations"),
                         lexicon_words(language, "attach", "refers_back")))


def opener(text: str, language: str, opening: str | None = None
           ) -> tuple[str | None, str | None]:
    """The kind of answer a comment opens with: disagree, agree or reaction."""
    found = first_of(head(text) if opening is None else opening, _opener_table(language))
    if found is None:
        return None, None
    return OPENER_KINDS[found[0]], found[1]


@cache
def _second_person(language: str) -> tuple[frozenset[str], frozenset[str]]:
    informal = lowered(language, "attach", "second_person")
    formal = frozenset(lexicon_words(language, "attach", "second_person_formal"))
    return informal, formal


@cache
def _formal_pattern(language: str) -> re.Pattern[str] | None:
    _, formal = _second_person(language)
    if not formal:
        return None
    # Formal "Sie"/"De" count only mid-sentence: sentence-initial, they mean "they" as often.
    return re.compile(rf"(?<![.!?:\n]\s)(?<![.!?:\n])(?<=\s)(?:{alternation(formal)})(?!\w)")


@cache
def _formal_hint(language: str) -> re.Pattern[str] | None:
    """Any formal form at all, as a plain substring: one search before the real pattern."""
    _, formal = _second_person(language)
    return re.compile(alternation(formal)) if formal else None


def second_person(text: str, language: str, tokens: Sequence[str] | None = None
                  ) -> tuple[str, ...]:
    """Second-person words; formal "Sie"/"De" only when capitalised mid-sentence."""
    sample = text[:2000]
    if tokens is None:
        tokens = words(sample)
    informal_words, _ = _second_person(language)
    # Set lookups on the words first: most comments need no regex at all.
    found = [] if informal_words.isdisjoint(tokens) else [t for t in tokens if t in informal_words]
    hint = _formal_hint(language)
    if hint is not None and hint.search(sample):
        formal = _formal_pattern(language)
        if formal is not None:
            found += formal.findall(sample)
    return tuple(dict.fromkeys(found))


_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


@cache
def _presupposing(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The `presupposes` list: its single words, and its phrases padded with spaces."""
    listed = lowered(language, "attach", "presupposes")
    return (frozenset(w for w in listed if " " not in w),
            tuple(f" {p} " for p in listed if " " in p))


def presupposes(opening: str, language: str, tokens: Sequence[str] | None = None
                ) -> str | None:
    """A word of the first sentence, past its first word, that takes something said
    before as given: "Zustellung löst auch dieses Problem", "Das ist ja bekannt".  The
    first word is an opener's or a continuation's ("Ja", "Also, ..."), read elsewhere.
    `tokens`: the opening's words (`words`), if the caller has them."""
    singles, phrases = _presupposing(language)
    sample = opening.lstrip()[:300]
    end = _SENTENCE_END.search(sample)
    first = sample[: end.start()] if end else sample
    # Given the words, as many as the sentence has spaces and one: a word more or less
    # where a dash stands alone or a number has a comma, and no second tokenising.
    said = words(first)[1:] if tokens is None else tokens[1: first.count(" ") + 1]
    found = next((w for w in said if w in singles), None)
    if found is None and phrases:
        joined = f" {' '.join(said)} "
        found = next((p.strip() for p in phrases if p in joined), None)
    return found


def quotes(text: str) -> tuple[str, ...]:
    return tuple(q.strip() for q in _QUOTED.findall(text[:2000]) if len(q.strip()) >= 3)


def asks(text: str) -> bool:
    return "?" in text


def comment_cues(paragraphs: Sequence[str], language: str,
                 tokens: Sequence[str] | None = None) -> Cues:
    """All cues of one comment. `tokens` (the lower-cased words of its own text, after
    any subject line: `after_subject`, if the caller has them) let the rarer cues be
    skipped cheaply when none of their words occur."""
    text = "\n".join(paragraphs)
    opening = after_subject(text)
    if tokens is None:
        tokens = words(opening[:3000])
    present = set(tokens[:120])
    name, word, lower = _greeting(opening, language)
    found = first_of(head(opening), _opening_table(language))
    shows, phrase = (OPENINGS[found[0]], found[1]) if found else (None, None)
    kind = shows if shows in OPENER_KINDS else None
    found_mentions: tuple[str, ...] = ()
    if not present.isdisjoint(_rarest_words(language, "mention_after")):
        # The one greeted is the parent's author, not one further up ("Peter schrieb:").
        found_mentions = tuple(n for n in mentions(text, language) if n != name)
    self_ref = None
    if not present.isdisjoint(_rarest_words(language, "self_reference")):
        self_ref = find_phrase(text[:600], lexicon_words(language, "attach", "self_reference"))
    return Cues(
        greeting=name,
        greeting_word=word,
        greeted_lower=lower,
        mentions=found_mentions,
        opener=kind,
        opener_word=phrase if kind else None,
        second_person=second_person(text, language, tokens),
        question=asks(text),
        quotes=quotes(text) if _ANY_QUOTE.search(text) else (),
        self_reference=self_ref,
        continues=phrase if shows == "continues" else None,
        refers_back=phrase if shows == "refers_back" else None,
        presupposes=(None if present.isdisjoint(_rarest_words(language, "presupposes"))
                     else presupposes(opening, language, tokens)),
        length=len(text),
    )


def after_subject(text: str) -> str:
    """A comment's text from where its own words begin: after a subject line that names
    the thread ("Re: Klarna und KI"), which a forum copies above a reply."""
    if subject_line(text):
        _, newline, rest = text.partition("\n")
        if newline and rest.strip():
            return rest
    return text


@cache
def _rarest_words(language: str, key: str) -> frozenset[str]:
    """For each phrase of an attach list, a word the comment must have for the phrase to
    be looked for: its rarest, taken as its longest but for function words ("Chili hat
    schon recht" -> "recht", not "schon", which half of all comments have; "wie ich oben
    schon schrieb" -> "schrieb", not "wie")."""
    common = lowered(language, "language", "stopwords") | function_words(language)

    def rarest(phrase: str) -> str:
        said = phrase.lower().split()
        return max([w for w in said if w not in common] or said, key=len)

    return frozenset(rarest(p) for p in lexicon_words(language, "attach", key) if p.strip())
