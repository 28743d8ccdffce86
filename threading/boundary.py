"""Comment boundaries in bare and blank dumps: does this paragraph start a comment?

A paragraph either starts a comment or continues the one before.  The decision is a
logistic score over cues of the paragraph, the one before it and the one after it (a
continuation word such as "Denn" or "Zumal", a greeting or answer opener, a headline-like
paragraph before, a colon before a list, ...), pairs of them ("after an open clause" and
"starts in lower case" together say more than apart), whether the two paragraphs are typed
alike (the same quote marks, dashes, ellipses: one writer's habits), and whether the
paragraph before opened a comment.  The weights are fitted on the gold dumps by `fit.py`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache, partial
from typing import NamedTuple

from .cues import greeting, opener, second_person
from .lexicon import function_words, lexicon, lowered
from .lexicon import words as lexicon_words
from .linear import dot, sigmoid
from .parallel import can_fork, in_background
from .text import (
    alternation,
    ends_sentence,
    head,
    is_url,
    last_char,
    starts_with,
    title_like,
    words,
)
from .weights import weights

_NAME_COMMA = re.compile(r"^@?[A-ZÄÖÜÆØÅ][\w\-]{1,20},\s")
_LIST = re.compile(r"^\s*(?:[-–•*·>#]|\d{1,2}[.)]\s|\d+x\s|[a-z][.)]\s)")
_QUOTE_START = tuple("\"„“»«‚'")
_QUOTE_END = tuple("\"“”«»")
READ_CHARS = 1500  # a paragraph's words and typing habits are read in its start
# Typing habits (see `habits`) that need more than a substring test.
_THREE_DOTS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_TWO_DOTS = re.compile(r"(?<!\.)\.\.(?!\.)")
_APOSTROPHE = re.compile(r"\w([’'´`])\w")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_ASCII_SMILEY = re.compile(r"[:;]-?[)(DPp]")
# A smiley closing a paragraph (see describe: how a paragraph ends).
_ENDS_SMILING = re.compile(rf"(?:{_EMOJI.pattern}|{_ASCII_SMILEY.pattern})\W*$")
_SPACE_BEFORE_MARK = re.compile(r"\w [,.!?](?:\s|$)")
# This one and _MID_CAPITAL start with a short set or a literal, which the regex engine
# scans for fast, and look behind from there (a half to a third of the plain form's time).
_NO_SPACE_AFTER_MARK = re.compile(r"[,.](?<=[a-zäöüæøå][,.])[A-Za-zÄÖÜÆØÅ]{2}")
_LOWERCASE_SENTENCE = re.compile(r"[.!?] [a-zäöüæøå]")
_BEFORE_FIRST_LETTER = " \t\"'„“»«‚(-–—•*>.…"
# A capital inside a sentence (nouns in German, names, "I"): some writers never type one.
_MID_CAPITAL = re.compile(r" (?<![.!?:;\"“„»«(\-–] )[A-ZÄÖÜÆØÅÉ]")
PARALLEL_MIN = 10_000  # paragraphs: below this, a forked worker costs about what it saves
DRAFT_CHARS = 1500  # a comment this long so far counts as long as any longer one
DRAFT_CUES = ("draft_chars", "draft_same_habits", "draft_other_habits")  # see draft_cues
# The comment so far opened by greeting someone ("Hallo Peter, ..."): a reply written as a
# letter, which goes on for a few paragraphs (after the greeting's paragraph, 21 of the 25
# on the omp dev threads do).
GREETED = "draft_greets"
PARTING_SHARE = 0.1  # of the gaps between paragraphs: wider ones this common part comments


class GapHabit(NamedTuple):
    """How a dump spaces its paragraphs: the blank lines between two paragraphs of one
    comment, and whether wider gaps are common enough to be how it parts comments."""

    within: int = 0
    parting: bool = False

    def cue(self, gap: int) -> str | None:
        if self.parting:
            return "wider_gap" if gap > self.within else "same_gap"
        return "stray_gap" if gap > self.within else None  # a rare wider gap: a hint


EVEN_GAPS = GapHabit()  # bare dumps, and blank ones with the same gap everywhere


def gap_habit(gaps: Sequence[int]) -> GapHabit:
    """From the gaps before each paragraph but the first.  Within a comment: the narrowest
    gap that is common; in a dump of many one-paragraph comments the wider gaps that part
    them may well be the most common ones."""
    if not gaps:
        return EVEN_GAPS
    counts = Counter(gaps)
    # With no gap that common (gaps all over the place), the narrowest one.
    within = min((g for g, c in counts.items() if c >= PARTING_SHARE * len(gaps)),
                 default=min(counts))
    wider = sum(c for g, c in counts.items() if g > within)
    return GapHabit(within, wider >= PARTING_SHARE * len(gaps))


@cache
def _you(language: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """The informal "you" words, and a pattern for one inside a sentence: capitalised
    ("Du", as some write it) or not."""
    you = lowered(language, "attach", "second_person")
    alts = alternation(you)
    return you, re.compile(rf"(?<=\w )(?:({alts})|(?i:{alts}))\b")


def habits(text: str, language: str, tokens: Sequence[str] | None = None) -> dict[str, str]:
    """The typing habits a paragraph shows: habit -> the variant it uses.  Two paragraphs
    that use the same variant were likely typed by one person; different variants, by two.
    `tokens`: words(text[:READ_CHARS]), when the caller has them."""
    t = text[:READ_CHARS]
    out = {}
    # Plain substring tests first: they settle most paragraphs at C speed.
    if "„" in t or "‚" in t:
        out["quotes"] = "low"
    elif "“" in t or "”" in t:
        out["quotes"] = "curly"
    elif "»" in t or "«" in t:
        out["quotes"] = "guillemets"
    elif '"' in t:
        out["quotes"] = "straight"
    if "…" in t:
        out["ellipsis"] = "one_char"
    elif "..." in t and _THREE_DOTS.search(t):
        out["ellipsis"] = "three_dots"
    elif ".." in t and _TWO_DOTS.search(t):
        out["ellipsis"] = "two_dots"
    elif "...." in t:
        out["ellipsis"] = "many_dots"
    if " – " in t:
        out["dash"] = "en"
    elif "—" in t:
        out["dash"] = "em"
    elif " - " in t:
        out["dash"] = "hyphen"
    if "’" in t or "'" in t or "´" in t or "`" in t:
        mark = _APOSTROPHE.search(t)
        if mark:
            out["apostrophe"] = {"’": "curly", "'": "straight"}.get(mark.group(1), "accent")
    if _EMOJI.search(t):
        out["smiley"] = "emoji"
    elif (":" in t or ";" in t) and _ASCII_SMILEY.search(t):
        out["smiley"] = "ascii"
    if (" ," in t or " ." in t or " !" in t or " ?" in t) and _SPACE_BEFORE_MARK.search(t):
        out["space_before_mark"] = "yes"
    if len(t) > 40:  # whether one uses "!" at all shows over a few sentences
        out["exclaims"] = "yes" if "!" in t else "no"
    if "!!" in t or "??" in t or "!?" in t or "?!" in t:
        out["repeated_marks"] = "yes"
    if _NO_SPACE_AFTER_MARK.search(t):
        out["no_space_after_mark"] = "yes"
    if _LOWERCASE_SENTENCE.search(t):
        out["lowercase_sentences"] = "yes"
    first = t.lstrip(_BEFORE_FIRST_LETTER)[:1]
    if first.isalpha():  # some open every paragraph in lower case
        out["opens"] = "lower" if first.islower() else "upper"
    if "ß" in t:
        out["sharp_s"] = "yes"
    you_words, you_pattern = _you(language)
    if you_words.isdisjoint(words(t) if tokens is None else tokens):
        return out
    you = you_pattern.search(t)
    if you:
        out["you_case"] = "lower" if you.group(1) else "capital"
    return out


# Every variant `habits` names, each a bit: a paragraph's habits as two ints (the variants
# it uses, and the other variants of those habits), which a comment's paragraphs OR
# together cheaply (see draft_cues).
_VARIANTS = {
    "quotes": ("low", "curly", "guillemets", "straight"),
    "ellipsis": ("one_char", "three_dots", "two_dots", "many_dots"),
    "dash": ("en", "em", "hyphen"),
    "apostrophe": ("curly", "straight", "accent"),
    "smiley": ("emoji", "ascii"),
    "space_before_mark": ("yes",),
    "exclaims": ("yes", "no"),
    "repeated_marks": ("yes",),
    "no_space_after_mark": ("yes",),
    "lowercase_sentences": ("yes",),
    "opens": ("lower", "upper"),
    "sharp_s": ("yes",),
    "you_case": ("lower", "capital"),
    "capitals": ("some", "none"),
}
_BIT = {(h, v): 1 << n for n, (h, v) in
        enumerate((h, v) for h, variants in _VARIANTS.items() for v in variants)}
_HABIT_BITS = {h: sum(_BIT[h, v] for v in variants) for h, variants in _VARIANTS.items()}


def habit_bits(typed: Mapping[str, str]) -> tuple[int, int]:
    """The variants a paragraph uses, and the other variants of the same habits, as bits."""
    used = others = 0
    for h, v in typed.items():
        used |= _BIT[h, v]
        others |= _HABIT_BITS[h]
    return used, others & ~used


def capitals(text: str) -> float | None:
    """The share of words typed with a capital inside a sentence (German nouns, names):
    a writer's habit, from none at all to most nouns.  None for a paragraph too short to say."""
    spaces = text.count(" ")
    return len(_MID_CAPITAL.findall(text)) / spaces if spaces >= 5 else None


@cache
def _capitalised_nouns(language: str) -> bool:
    """Whether the language writes its nouns with a capital (German): only there does the
    share of capitals tell writers apart; elsewhere it counts names and "I"."""
    return bool(lexicon(language).get("segment", {}).get("capitalised_nouns", False))


def _content(tokens: list[str], language: str) -> frozenset[str]:
    # The set difference drops repeats and function words at C speed; a comprehension
    # builds the set faster than a generator feeds frozenset.
    return frozenset({w[:5] for w in set(tokens) - function_words(language) if len(w) > 3})


class _Paragraph(NamedTuple):  # a tuple: cheaper to build than a frozen dataclass
    """What a paragraph says about the boundary before it (own) and after it (as_prev)."""

    own: dict[str, float]
    as_prev: dict[str, float]
    content: frozenset[str]
    listed: bool
    trails_off: bool  # ends with "..." or "…"
    picks_up: bool  # starts with "..." or "…", or in lower case
    habits: dict[str, str]
    capitals: float | None  # see `capitals`
    used: int  # habit_bits
    unused: int
    length: int


def describe(text: str, language: str) -> _Paragraph:
    """A paragraph's own cues, and those it gives the paragraph after it."""
    own: dict[str, float] = {}
    stripped = text.lstrip()
    first = stripped[:1]
    opening = head(text)
    tokens = words(text[:READ_CHARS])
    url = is_url(text)
    headline = title_like(text, 100)
    long = len(text) > 300
    rstripped = text.rstrip()
    if starts_with(text, lexicon_words(language, "segment", "continuations"), opening=opening):
        own["continuation_word"] = 1.0
    if first.islower():
        own["starts_lowercase"] = 1.0
    elif first and not first.isalnum() and not stripped.startswith(_QUOTE_START):
        own["starts_symbol"] = 1.0
    if stripped.startswith(_QUOTE_START):
        own["starts_quote"] = 1.0
    kind, _ = opener(text, language, opening)
    if kind:
        own[f"opener_{kind}"] = 1.0
    if greeting(text, language)[0]:
        own["greeting"] = 1.0
    if second_person(text[:300], language, tokens[:60]):
        own["second_person"] = 1.0
    listed = bool(_LIST.match(text))
    if listed:
        own["list_item"] = 1.0
    if url:
        own["url"] = 1.0
    if len(text) < 40:
        own["short"] = 1.0
    elif long:
        own["long"] = 1.0
    if headline:
        own["headline"] = 1.0
    if tokens[:1] and tokens[0] in lowered(language, "segment", "first_person"):
        own["starts_first_person"] = 1.0
    if "?" in text:
        own["asks"] = 1.0
    if _NAME_COMMA.match(text):
        own["starts_with_name"] = 1.0
    prev: dict[str, float] = {}
    if url:
        prev["after_url"] = 1.0
    end = last_char(text)
    if end == ":":
        prev["after_colon"] = 1.0
    elif end == "?":
        prev["after_question"] = 1.0
    elif end in ",;-–(":
        prev["after_open_clause"] = 1.0
    elif headline:
        prev["after_headline"] = 1.0
        if len(text) < 30:
            prev["after_short_headline"] = 1.0
    elif not ends_sentence(text):
        prev["after_unfinished"] = 1.0
    if long:
        prev["after_long"] = 1.0
    # How a paragraph ends says whether its comment ends there: with a smiley or trailing
    # off it mostly does (a sign-off), with a quotation mostly not (what is quoted is then
    # answered).
    trails_off = rstripped.endswith(("...", "…"))
    if _ENDS_SMILING.search(rstripped[-12:]):
        prev["after_smiley"] = 1.0
    elif trails_off:
        prev["after_ellipsis"] = 1.0
    if rstripped.endswith(_QUOTE_END):
        prev["after_quote"] = 1.0
    if rstripped.endswith(":") and len(text) < 120:
        own["ends_with_colon"] = 1.0
    picks_up = stripped.startswith(("...", "…")) or first.islower()
    typed = habits(text, language, tokens)
    share = capitals(text[:READ_CHARS]) if _capitalised_nouns(language) else None
    if share is not None:  # one more habit, from the share `capitals_gap` compares
        typed["capitals"] = "some" if share > 0.04 else "none"
    return _Paragraph(own, prev, _content(tokens, language), listed, trails_off, picks_up,
                      typed, share, *habit_bits(typed), len(text))


# Each paragraph is looked at three times (after, as and before the line), and again as
# an earlier paragraph of its comment while the comment goes on: a small cache saves the
# repeats.
_paragraph = lru_cache(maxsize=16)(describe)


def features(
    prev: str,
    line: str,
    language: str,
    draft_size: int = 1,
    gap: int = 0,
    habit: GapHabit = EVEN_GAPS,
    after: str | None = None,
    earlier: Sequence[str] = (),
) -> dict[str, float]:
    """Cues for "`line` starts a new comment", given the paragraph before it, the size of
    the comment so far, the paragraph after it (None: `line` is the last) and the comment's
    paragraphs before `prev` (`earlier`: draft_size - 1 of them)."""
    before, this = _paragraph(prev, language), _paragraph(line, language)
    ahead = None if after is None else _paragraph(after, language)
    f = {"bias": 1.0, **this.own, **before.as_prev, **_pair_text(before, this),
         **_ahead(this, ahead)}
    f["paragraphs_so_far"] = min(draft_size - 1, 4) / 4
    used, chars = 0, before.length
    for text in earlier:
        paragraph = _paragraph(text, language)
        used |= paragraph.used
        chars += paragraph.length
    f.update(draft_cues(this, used, chars))
    if "greeting" in (_paragraph(earlier[0], language) if earlier else before).own:
        f[GREETED] = 1.0
    if draft_size == 1:
        f.update(_after_start(before, this))
    cue = habit.cue(gap)
    if cue:
        f[cue] = 1.0
    return f


def draft_cues(this: _Paragraph, used: int, chars: int) -> dict[str, float]:
    """How the comment so far reads next to this paragraph: its length (the fitted weight
    says a long one is nearer its end; the count of paragraphs says the opposite), and how
    many of this paragraph's habits its earlier paragraphs (`used`: their habit bits, all
    but the last one's, which _pair_text compares) share or type otherwise."""
    return dict(zip(DRAFT_CUES, _draft_values(this.used, this.unused, used, chars),
                    strict=True))


def _draft_values(used: int, unused: int, earlier: int, chars: int
                  ) -> tuple[float, float, float]:
    """draft_cues' values, from a paragraph's habit bits and the comment's so far."""
    return (min(chars, DRAFT_CHARS) / DRAFT_CHARS, min((used & earlier).bit_count(), 6) / 6,
            min((unused & earlier).bit_count(), 3) / 3)


def _pair_text(before: _Paragraph, this: _Paragraph) -> dict[str, float]:
    """The pair cues that need nothing but the two paragraphs' texts."""
    f = _joined(before, this)
    if this.content and before.content:
        f["shared_words"] = min(len(this.content & before.content), 4) / 4
    if before.capitals is not None and this.capitals is not None:
        f["capitals_gap"] = min(abs(before.capitals - this.capitals), 0.3) / 0.3
    for habit, variant in before.habits.items():
        other = this.habits.get(habit)
        if other is not None:
            f[f"{'same' if other == variant else 'other'}_{habit}"] = 1.0
    # What the paragraph before ends with, and how this one starts, in pairs.
    for end, x in before.as_prev.items():
        for start, y in this.own.items():
            f[f"{end}+{start}"] = x * y
    return f


def _ahead(this: _Paragraph, ahead: _Paragraph | None) -> dict[str, float]:
    """The next paragraph's own cues: a paragraph that opens a comment ends the one before."""
    if ahead is None:
        return {"next_none": 1.0}
    return {f"next_{k}": v for k, v in (ahead.own | _joined(this, ahead)).items()}


def _joined(before: _Paragraph, this: _Paragraph) -> dict[str, float]:
    """Signs that two paragraphs are one piece: a list going on, or one sentence cut in two
    ("Ich frage mich ja..." / "...ob das so bleibt")."""
    f: dict[str, float] = {}
    if this.listed and before.listed:
        f["list_after_list"] = 1.0
    if before.trails_off and this.picks_up:
        f["ellipsis_bridge"] = 1.0
    return f


def _after_start(before: _Paragraph, this: _Paragraph) -> dict[str, float]:
    """Cues that count only when the paragraph before opened a comment (a forum comment's
    title line is followed by its body)."""
    f = {"after_start": 1.0}
    for k, v in before.as_prev.items():
        f[f"after_start+{k}"] = v
    for k in ("short", "headline", "asks"):
        if k in this.own:
            f[f"after_start+{k}"] = this.own[k]
    if "short" in before.own:
        f["after_start+after_short"] = 1.0
    return f


def start_probability(
    prev: str,
    line: str,
    language: str,
    draft_size: int = 1,
    gap: int = 0,
    habit: GapHabit = EVEN_GAPS,
    model: Mapping[str, float] | None = None,
    after: str | None = None,
    earlier: Sequence[str] = (),
) -> float:
    w = weights("boundary") if model is None else model
    return sigmoid(dot(features(prev, line, language, draft_size, gap, habit, after, earlier),
                       w))


class Starts(NamedTuple):
    """Each paragraph's decision, and how likely it was to start a comment (1.0 for the
    first paragraph and for forced starts: nothing was guessed there)."""

    begins: list[bool]
    chances: list[float]


def starts(
    texts: Sequence[str],
    gaps: Sequence[int],
    habit: GapHabit,
    language: str,
    threshold: float,
    model: Mapping[str, float] | None = None,
    forced: Sequence[bool] = (),
) -> Starts:
    """For each paragraph of a dump, in order: does it start a comment?  The same decision
    as `start_probability(...) >= threshold`, with each paragraph's cues found and
    weighted once: the score sums the same products in the same order, so it is the same
    float.  `forced`: paragraphs known to start one (a change of nesting): the comment
    sizes the later decisions see count from there."""
    if not texts:
        return Starts([], [])
    w = dict(weights("boundary") if model is None else model)
    n = len(texts)
    score = partial(partial_scores, texts, gaps, habit, language, w)
    decide = _Decisions(w, threshold, forced, describe(texts[0], language), n, 1)
    if n - 1 < PARALLEL_MIN or not can_fork():
        decide.take(score(1, n))
        return Starts(decide.begins, decide.chances)
    # A forked child scores and decides the second half as if a comment started right
    # before it.  Once both decide that the same paragraph starts a comment, they agree on
    # every later one: a decision depends on nothing before the last start.  So this
    # process goes on past the middle only until such a start (in chunks: see below).
    mid = (1 + n) // 2
    with in_background(partial(_decided_from, w, threshold, forced, texts, language, score,
                               mid)) as second:
        decide.take(score(1, mid))
        guess_begins, guess_chances = second()
    # In chunks that double (a paragraph scored alone costs about twice its share of a
    # run): a meeting point near the middle costs a few paragraphs, none at all no more
    # than scoring the rest in one run.  Decisions past the meeting point in its chunk
    # are the child's too.
    k, size = mid, 1
    while k < n:
        stop = min(k + size, n)
        decide.take(score(k, stop))
        met = next((j for j in range(k, stop) if decide.begins[j] and guess_begins[j - mid]),
                   None)
        if met is not None:
            decide.begins[met + 1:] = guess_begins[met + 1 - mid:]
            decide.chances[met + 1:] = guess_chances[met + 1 - mid:]
            break
        k, size = stop, size * 2
    return Starts(decide.begins, decide.chances)


def _decided_from(w: Mapping[str, float], threshold: float, forced: Sequence[bool],
                  texts: Sequence[str], language: str,
                  score: Callable[[int, int], list[PartialScore]], mid: int
                  ) -> tuple[list[bool], list[float]]:
    """The decisions for paragraphs mid.. (and their chances), made as if a comment
    started at paragraph mid - 1."""
    guess = _Decisions(w, threshold, forced, describe(texts[mid - 1], language), len(texts),
                       mid)
    guess.take(score(mid, len(texts)))
    return guess.begins[mid:], guess.chances[mid:]


class _Decisions:
    """The start decisions of `starts` from paragraph k on, made as the paragraphs'
    partial scores come in."""

    def __init__(self, w: Mapping[str, float], threshold: float, forced: Sequence[bool],
                 first: _Paragraph, n: int, k: int):
        self.threshold, self.forced = threshold, forced
        self.so_far = w.get("paragraphs_so_far", 0.0)
        self.draft_weights = tuple(w.get(name, 0.0) for name in DRAFT_CUES)
        self.greeted = w.get(GREETED, 0.0)
        self.begins = [True] * n
        self.chances = [1.0] * n
        self.k = k  # the next paragraph to decide
        # The comment so far, which `first` (paragraph k - 1) starts: its size, the habit
        # bits of its paragraphs but the last, the last one's, its length, and whether it
        # opened with a greeting.
        self.state = (1, 0, first.used, first.length, "greeting" in first.own)

    def take(self, parts: Sequence[PartialScore]) -> None:
        """Decide the next len(parts) paragraphs, from their partial_scores."""
        out, chances, forced, threshold = self.begins, self.chances, self.forced, self.threshold
        so_far, greeted = self.so_far, self.greeted
        long_draft, same, other = self.draft_weights
        draft_size, earlier_bits, last_bits, chars, greets = self.state
        for k, (head_sum, after_start, tail, used, unused, length, opens_greeting) in enumerate(
                parts, start=self.k):
            # The cues that depend on earlier decisions, added where `features` puts them.
            long, alike, unlike = _draft_values(used, unused, earlier_bits, chars)
            score = (head_sum + min(draft_size - 1, 4) / 4 * so_far
                     + long * long_draft + alike * same + unlike * other)
            if greets:
                score += greeted
            if draft_size == 1:
                for term in after_start:
                    score += term
            if tail is not None:
                score += tail
            if k < len(forced) and forced[k]:
                out[k] = True
            else:
                chances[k] = sigmoid(score)
                out[k] = chances[k] >= threshold
            if out[k]:
                draft_size, earlier_bits, chars, greets = 1, 0, length, opens_greeting
            else:
                draft_size, earlier_bits = draft_size + 1, earlier_bits | last_bits
                chars += length
            last_bits = used
        self.k += len(parts)
        self.state = (draft_size, earlier_bits, last_bits, chars, greets)


# A paragraph's partial_scores: see there.
PartialScore = tuple[float, list[float], float | None, int, int, int, bool]


def partial_scores(
    texts: Sequence[str],
    gaps: Sequence[int],
    habit: GapHabit,
    language: str,
    w: Mapping[str, float],
    first: int,
    stop: int,
) -> list[PartialScore]:
    """For paragraphs first..stop-1 (first >= 1): the boundary score summed up to the
    "paragraphs_so_far" cue, the weighted cues that count right after a comment's first
    paragraph, the weighted cue after those (None when it does not fire), and what
    draft_cues needs of the paragraph (its habit bits and length), and whether it greets
    (the GREETED cue of the paragraphs after it, when it opens a comment).  Nothing here
    depends on the decisions for earlier paragraphs, so any slice of a dump can be scored
    apart.

    The cues are those `features` names (_pair_text, _ahead, _after_start), weighted as
    they are found, in the same order: no dict of names is built for a pair, and a name
    made of two parts ("after_colon+greeting") is looked up by its parts."""
    if first >= stop:
        return []
    get = w.get
    bias = 1.0 * get("bias", 0.0)
    shared_words, capitals_gap = get("shared_words", 0.0), get("capitals_gap", 0.0)
    listed, bridge = get("list_after_list", 0.0), get("ellipsis_bridge", 0.0)
    next_listed, next_bridge = get("next_list_after_list", 0.0), get("next_ellipsis_bridge", 0.0)
    next_none, after_start = get("next_none", 0.0), get("after_start", 0.0)
    after_short = get("after_start+after_short", 0.0)
    same, other = _Prefixed(w, "same_"), _Prefixed(w, "other_")
    following, started = _Prefixed(w, "next_"), _Prefixed(w, "after_start+")
    pairs = _Pairs(w)
    before = describe(texts[first - 1], language)
    this = describe(texts[first], language)
    out = []
    for k in range(first, stop):
        ahead = describe(texts[k + 1], language) if k + 1 < len(texts) else None
        terms = [bias]
        terms += [v * get(name, 0.0) for name, v in this.own.items()]
        terms += [v * get(name, 0.0) for name, v in before.as_prev.items()]
        # _pair_text
        if this.listed and before.listed:
            terms.append(listed)
        if before.trails_off and this.picks_up:
            terms.append(bridge)
        if this.content and before.content:
            terms.append(min(len(this.content & before.content), 4) / 4 * shared_words)
        if before.capitals is not None and this.capitals is not None:
            terms.append(min(abs(before.capitals - this.capitals), 0.3) / 0.3 * capitals_gap)
        for name, variant in before.habits.items():
            typed = this.habits.get(name)
            if typed is not None:
                terms.append(1.0 * (same[name] if typed == variant else other[name]))
        for end, x in before.as_prev.items():
            ending = pairs[end]
            terms += [x * y * ending[start] for start, y in this.own.items()]
        # _ahead
        if ahead is None:
            terms.append(next_none)
        else:
            terms += [v * following[name] for name, v in ahead.own.items()]
            if ahead.listed and this.listed:
                terms.append(next_listed)
            if this.trails_off and ahead.picks_up:
                terms.append(next_bridge)
        tail = None  # the cue after the ones that depend on earlier decisions
        cue = habit.cue(gaps[k])
        if cue:
            tail = 1.0 * get(cue, 0.0)
        # _after_start
        first_after = [after_start]
        first_after += [v * started[name] for name, v in before.as_prev.items()]
        for name in ("short", "headline", "asks"):
            if name in this.own:
                first_after.append(this.own[name] * started[name])
        if "short" in before.own:
            first_after.append(after_short)
        out.append((sum(terms), first_after, tail, this.used, this.unused, this.length,
                    "greeting" in this.own))
        if ahead is None:
            break
        before, this = this, ahead
    return out


class _Prefixed(dict):
    """w[prefix + name] by name, each looked up once."""

    def __init__(self, w: Mapping[str, float], prefix: str) -> None:
        super().__init__()
        self.w, self.prefix = w, prefix

    def __missing__(self, name: str) -> float:
        value = self[name] = self.w.get(self.prefix + name, 0.0)
        return value


class _Pairs(dict):
    """w["end+start"] as pairs[end][start]."""

    def __init__(self, w: Mapping[str, float]) -> None:
        super().__init__()
        self.w = w

    def __missing__(self, end: str) -> _Prefixed:
        table = self[end] = _Prefixed(self.w, end + "+")
        return table
