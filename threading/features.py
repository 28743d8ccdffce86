"""Features of a (comment, candidate parent) pair: the cues the attach score combines.

Everything a comment needs is computed once (`Info`); pair features are then a handful of
set and dict lookups, so attaching costs time linear in the number of comments times the
(capped) number of candidates.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import NamedTuple

from .authors import named, same_person
from .cues import Cues, after_subject, comment_cues
from .dates import Direction, before, direction, followed_by_earlier, sort_key
from .language import languages_from_flags, looks_foreign
from .lexicon import function_words, subject_line
from .parallel import in_two
from .stages import Draft, shows_tree
from .text import title_like, words

MAX_TERMS = 80  # content words kept per comment: long comments cost no more than this
STEM = 5  # crude stemming: "Arbeitsplätze" and "Arbeitslose" share "arbeit", endings vanish


class Info(NamedTuple):  # a tuple: one a comment, built at a third of a dataclass's cost
    cues: Cues
    terms: dict[str, str]  # content word stem -> a word of the comment with that stem
    idf: Mapping[str, float]  # the dump's idf weights, shared by every comment
    squares: Mapping[str, float]  # the idf weights squared (cosine terms), shared too
    norm: float
    text: str  # the comment's text (quotes are looked up in it, case-folded, on demand)
    date: tuple[str, float] | None
    ends_question: bool
    headline: bool  # opens with a headline-like paragraph (forum comment titles)
    followed_by_earlier: bool | None  # a comment after it is dated before it (dates.py)
    # Opens with a reply's subject line ("Re: Klarna und KI"): it says it answers someone.
    reply_subject: bool


@dataclass(frozen=True)
class DumpFacts:
    """What the attacher knows of the dump as a whole."""

    article_terms: dict[str, float]  # the article's content stems, with their idf
    # The dates run forward, fine enough to tell the comments apart (dates.direction), so
    # the time-order cues apply (Info.followed_by_earlier): such dumps have attach weights
    # of their own.
    dated_forward: bool
    newest_first: bool  # the dump lists its threads newest first
    bare: bool  # no comment has a given author or date
    # The replies under each comment are listed newest first too (a forum sorted by
    # "new"): a reply is then out of turn when dated after the one listed above it.
    replies_newest_first: bool = False


def _content(tokens: Sequence[str], language: str, pool: dict[str, str] | None = None
             ) -> dict[str, str]:
    """Content words by stem, each with the first word seen for it (shown as evidence).
    `pool`: one string object per distinct stem and word, kept across comments (they
    repeat their words, and each token is a new string otherwise: most of the memory of a
    big dump)."""
    stop = function_words(language)
    share = ({} if pool is None else pool).setdefault
    out: dict[str, str] = {}
    for w in tokens:
        if len(w) > 3 and w not in stop:
            stem = w[:STEM]
            if stem not in out:
                out[share(stem, stem)] = share(w, w)
    return out


PARALLEL_MIN = 20_000  # comments: below this, a forked worker costs about what it saves


Found = tuple[dict[str, str], Cues, tuple[str, float] | None]  # content words, cues, date


def _words_and_cues(texts: Sequence[str], languages: Sequence[str],
                    dates: Sequence[str | None], start: int, stop: int,
                    flag_for: str | None = None, content: bool = True,
                    tags: Tags | None = None) -> list[tuple[Found, bool]]:
    """For comments start..stop-1: content words by stem (none without `content`), cues,
    and date (sort_key); and, with `flag_for` (the dump's language), whether the comment
    may be in another one (language.looks_foreign, on the same words).  `tags`: the
    page's authors (page_tags), whose names at a comment's start greet them."""
    pool: dict[str, str] = {}
    out = []
    for k, text, lang, date in zip(range(start, stop), texts[start:stop],
                                   languages[start:stop], dates[start:stop], strict=True):
        tokens = words(after_subject(text)[:3000])  # a subject line's words are the thread's
        cues = comment_cues([text], lang, tokens)
        if tags is not None:
            cues = tags.resolve(cues, text, k)
        found = (_content(tokens, lang, pool) if content else {}, cues, sort_key(date))
        out.append((found, flag_for is not None and looks_foreign(text, flag_for, tokens)))
    return out


TAG_WORDS = 4  # words of a page author's name that a comment may open with
_AFTER_TAG = ",:;.!"


class Tags(NamedTuple):
    """The page's authors, as a comment that opens with one's name greets them ("Peter
    Hansen agreed, ...": pages that tag the one answered put the name so), and their
    handles, by which a reply may greet them ("@maryk" for Mary K)."""

    authors: Sequence[str | None]  # each comment's
    names: frozenset[str]
    firsts: frozenset[str]  # the names' first words: most comments start with none
    handles: dict[str, str]  # handle without its "@" -> the author shown above it

    def resolve(self, cues: Cues, text: str, k: int) -> Cues:
        """Comment k's cues with the page's authors it greets by handle or opening name."""
        if cues.greeting:
            author = self.handles.get(cues.greeting)
            return cues if author is None else cues._replace(greeting=author)
        name = self.opening(text, k)
        return cues if name is None else cues._replace(greeting=name, greeting_word="tag")

    def opening(self, text: str, k: int) -> str | None:
        """The name of another comment's author that comment k (`text`) opens with: the
        whole name, or its first word called out with a comma ("John, same here"), as
        one writes to a person, which the greetings then match to the authors."""
        opening = text[:40].split(None, 1)
        first = opening[0].rstrip(_AFTER_TAG) if opening else ""
        if first not in self.firsts:
            return None
        own = self.authors[k]
        said = text[:80].split(None, TAG_WORDS)
        for n in range(min(len(said), TAG_WORDS), 0, -1):  # the longest name first
            name = " ".join(said[:n]).rstrip(_AFTER_TAG)
            if name in self.names and name != own:
                return name
        if opening[0].endswith(",") and not (own and own.split(None, 1)[0] == first):
            return first
        return None


def page_tags(drafts: Sequence[Draft]) -> Tags | None:
    """Tags of a page's given authors; None where it gives none."""
    authors = [d.author for d in drafts]
    names = frozenset(a for a in authors if a and len(a) > 1)
    if not names:
        return None
    handles: dict[str, str] = {}
    for d in drafts:
        if d.handle and d.author:
            handle = d.handle.lstrip("@")  # "@anna@social.example" is greeted as "@anna" too
            handles.setdefault(handle, d.author)
            handles.setdefault(handle.split("@", 1)[0], d.author)
    return Tags(authors, names,
                frozenset(name.split(None, 1)[0].rstrip(_AFTER_TAG) for name in names),
                handles)


class Reading(NamedTuple):
    """What the comments of a dump say before any weighting: each one's language, and its
    content words, cues and date (read in that language); and their texts."""

    languages: tuple[str, ...]
    found: list[Found]
    texts: list[str]  # Draft.text of each (a join of its lines: made once, not per stage)


def read_comments(drafts: Sequence[Draft], dump_language: str) -> Reading:
    """The languages (as language.comment_languages finds them) and what `prepare` reads,
    in one pass over each comment's words: every comment is read in the dump's language,
    and the few that langdetect then places in another are read again in theirs.  Where
    the page shows the tree (stages.shows_tree), the content words are left out."""
    texts = [d.text for d in drafts]
    dates = [d.date for d in drafts]
    content = not shows_tree(drafts)
    tags = page_tags(drafts)
    read = in_two(partial(_words_and_cues, texts, [dump_language] * len(texts), dates,
                          flag_for=dump_language, content=content, tags=tags), 0, len(texts),
                  PARALLEL_MIN)
    languages = languages_from_flags(texts, [flag for _, flag in read], dump_language)
    found = [f for f, _ in read]
    del read
    for k, lang in enumerate(languages):
        if lang != dump_language:
            found[k] = _words_and_cues(texts, languages, dates, k, k + 1,
                                       content=content, tags=tags)[0][0]
    return Reading(tuple(languages), found, texts)


def prepare(drafts: Sequence[Draft], languages: Sequence[str], article_text: str = "",
            reading: Reading | None = None, order: str = "depth-first"
            ) -> tuple[list[Info], DumpFacts]:
    """Per-comment cues and idf-weighted words, and what holds for the dump as a whole.
    `reading`: read_comments(drafts, ...) when the caller has it (then `languages` are its
    languages, and the texts are its texts).  `order`: the dump's order (the attacher's),
    which says what the dates mean."""
    texts = [d.text for d in drafts] if reading is None else reading.texts
    # One pass for what needs no idf (the words are dropped right after: memory stays
    # flat on big dumps), then one to weight the words.  The first pass needs nothing but
    # each comment's own text: a big dump's is done in two halves at once.
    if reading is None:
        found = [f for f, _ in in_two(partial(_words_and_cues, texts, languages,
                                              [d.date for d in drafts],
                                              tags=page_tags(drafts)),
                                      0, len(texts), PARALLEL_MIN)]
    else:
        found = reading.found
    shown = [content for content, _, _ in found]
    cues = [comment for _, comment, _ in found]
    dates = [date for _, _, date in found]
    del found
    # One count over every comment's words at C speed (a dict iterates its keys), not an
    # update a comment.
    df: Counter[str] = Counter(chain.from_iterable(shown))
    n = len(drafts) + 1
    idf = {w: math.log(n / (1 + c)) + 1.0 for w, c in df.items()}
    squares = {w: v ** 2 for w, v in idf.items()}
    unseen = math.log(n) + 1.0
    lang = languages[0] if languages else "de"
    article_words = _content(words(article_text), lang) if article_text else {}
    for w in article_words.keys() & squares.keys():
        # The article's words are the topic everyone writes about: two comments that
        # share them are not talking to each other for that (they still count for
        # "top level": see article_terms).
        squares[w] = 0.0

    # Sorted by time, no comment is ever followed by an earlier one: that says nothing.
    runs = direction(dates) if order == "depth-first" else Direction(False, False)
    late = followed_by_earlier(dates, runs)
    infos = []
    for text, words_seen, comment, date, out_of_turn in zip(texts, shown, cues, dates, late,
                                                            strict=True):
        terms = words_seen
        replying = subject_line(text)
        if len(terms) > MAX_TERMS:
            terms = dict(sorted(terms.items(), key=lambda kv: -idf[kv[0]])[:MAX_TERMS])
        infos.append(Info(
            comment,
            terms,
            idf,
            squares,
            math.sqrt(sum(map(squares.__getitem__, terms))) or 1.0,  # norm
            text,
            date,
            text.rstrip().endswith("?"),  # ends_question
            # A reply's subject line is a title too, but not one of a new thread.
            "\n" in text and not replying and title_like(text.split("\n", 1)[0], 100),
            out_of_turn,  # followed_by_earlier
            replying,
        ))
    return infos, DumpFacts(
        article_terms={w: idf.get(w, unseen) for w in article_words},
        dated_forward=runs.fine and any(out_of_turn is not None for out_of_turn in late),
        newest_first=runs.newest_first,
        bare=not any(d.author or d.date for d in drafts),
    )


def similarity(a: Info, b: Info) -> tuple[float, set[str]]:
    """Cosine of the idf-weighted word stems, and the stems shared."""
    shared = a.terms.keys() & b.terms.keys()
    if not shared:
        return 0.0, shared
    squares = a.squares
    # Summed in sorted order: a set's order changes from run to run (string hashing is
    # randomised), and so would the last bits of a float sum taken in that order.
    return sum(sorted([squares[w] for w in shared])) / (a.norm * b.norm), shared


def shown_words(a: Info, shared: set[str], limit: int = 4) -> str:
    """The rarest shared words, as the comment wrote them; equally rare ones in the order
    the comment uses them (not in the set's order, which changes from run to run)."""
    ordered = [w for w in a.terms if w in shared and a.squares[w]]
    return ", ".join(a.terms[w] for w in sorted(ordered, key=lambda w: -a.idf[w])[:limit])


def quoted_in(info: Info, cand: Info) -> str | None:
    """The first quote of a comment that appears in the candidate's text."""
    for q in info.cues.quotes:
        fq = q.casefold()
        if len(fq) >= 4 and fq in cand.text[:5000].casefold():
            return q
    return None


class Candidate(NamedTuple):  # a tuple: several a comment, cheaper to build than a dataclass
    index: int | None  # None: top level
    step: int  # 0 = the previous comment, 1 = its parent, ...; -1 for top level


def pair_features(
    i: int,
    cand: Candidate,
    infos: Sequence[Info],
    facts: DumpFacts,
    author: Sequence[str | None],
    parents: Sequence[int | None],
    last_child: dict[int | None, int],
    best_overlap: int | None,
    greeted: Mapping[int, str],
    guessed: Sequence[bool] = (),
    sims: Mapping[int, tuple[float, set[str]]] | None = None,
    explain: bool = True,
) -> tuple[dict[str, float], dict[str, str]]:
    """Named feature values for "comment i replies to cand", and what each one saw, in words
    for the evidence (the shared words only with `explain`: see `explain_shared_words`).
    `greeted`: greeted_names(...) for comment i's candidates."""
    me = infos[i]
    if cand.index is None:
        return top_level_features(me, infos, facts, last_child)
    cues = me.cues
    f: dict[str, float] = {}
    why: dict[str, str] = {}
    c = cand.index
    other = infos[c]
    step = min(cand.step, 3)
    f[_STEP[step]] = 1.0
    if step == 0:
        if cues.opener:
            f[f"previous_opener_{cues.opener}"] = 1.0
        if cues.second_person:
            f["previous_second_person"] = 1.0
        if cues.continues:
            f["previous_continues"] = 1.0
        elif cues.refers_back:
            f["previous_refers_back"] = 1.0
        if cues.short:
            f["previous_short"] = 1.0
    if other.ends_question:
        f["parent_asks"] = 1.0
        # A question followed by an answer: "Ja", "Nein, ...", or a few words.
        if cues.opener in ("agree", "disagree"):
            f["answers_question"] = 1.0
            why["answers_question"] = cues.opener_word or ""
        elif cues.short:
            f["short_after_question"] = 1.0
    name = greeted.get(c)
    if name:
        f["greets_parent_author"] = 1.0
        why["greets_parent_author"] = name if name == author[c] else f"{name} ({author[c]})"
    elif cues.greeting and author[c] is not None and not (guessed and guessed[c]):
        f["greets_someone_else"] = 1.0
        why["greets_someone_else"] = f"{cues.greeting}, not {author[c]}"
    elif cues.greeting and step == 0 and not greeted:
        # Nobody known by that name yet: the greeting most likely answers the comment
        # just before, whose author it names.
        f["greets_previous"] = 1.0
        why["greets_previous"] = cues.greeting
    mine = author[i]
    grand = parents[c]
    if mine is not None:
        if author[c] == mine:
            f["own_comment"] = 1.0
        if grand is not None and author[grand] == mine:
            f["conversation_turn"] = 1.0
            why["conversation_turn"] = f"{mine} answers who answered {mine}"
    if cues.mentions and grand is not None and named(author[grand], cues.mentions):
        f["mentions_grandparent"] = 1.0
    q = quoted_in(me, other) if cues.quotes else None
    if q:
        f["quotes_parent"] = 1.0
        why["quotes_parent"] = q
    sim, shared = sims[c] if sims and c in sims else similarity(me, other)
    if sim > 0:
        f["shared_words"] = min(sim, 0.5) * 2
        if best_overlap == c:
            f["most_shared_words"] = 1.0
        if explain:
            explain_shared_words(me, shared, f, why)
    dated = me.date is not None  # page style: undated comments compare with nothing
    if dated and before(me.date, other.date):
        f["date_before_parent"] = 1.0
    sib = last_child.get(c)
    if sib is not None:
        f["has_replies"] = 1.0
        if dated and (before(infos[sib].date, me.date) if facts.replies_newest_first
                      else before(me.date, infos[sib].date)):
            f["date_before_sibling"] = 1.0
            why["date_before_sibling"] = ("after the reply listed above it, where replies run "
                                          "newest first" if facts.replies_newest_first
                                          else "before an earlier reply at that level")
    return f, why


_STEP = ("step_0", "step_1", "step_2", "step_3")


def greeted_author(cues: Cues, author: str | None) -> str | None:
    """The name a comment greets when it is `author` (see authors.same_person): a name
    greeted, or a word in lower case greeted where a name would be, which a page's handles
    may be ("Hi throwaway" for throwaway_42)."""
    for name in (cues.greeting, cues.greeted_lower):
        if same_person(name, author):
            return name
    return None


def greeted_names(cues: Cues, cands: Sequence[Candidate], author: Sequence[str | None]
                  ) -> dict[int, str]:
    """The candidates whose author a comment greets, with the name it greets them by."""
    if not (cues.greeting or cues.greeted_lower):  # most comments greet nobody
        return {}
    found = {}
    for cand in cands:
        if cand.index is not None:
            name = greeted_author(cues, author[cand.index])
            if name:
                found[cand.index] = name
    return found


def top_level_features(me: Info, infos: Sequence[Info], facts: DumpFacts,
                        last_child: dict[int | None, int]
                        ) -> tuple[dict[str, float], dict[str, str]]:
    cues = me.cues
    f: dict[str, float] = {"top_level": 1.0}
    why: dict[str, str] = {}
    if not (cues.greeting or cues.opener or cues.second_person or cues.mentions):
        f["top_level_unaddressed"] = 1.0
    if cues.second_person:
        f["top_level_second_person"] = 1.0
    if cues.opener:
        f[f"top_level_opener_{cues.opener}"] = 1.0
    if cues.greeting:
        f["top_level_greeting"] = 1.0
    if cues.continues:
        f["top_level_continues"] = 1.0
        why["top_level_continues"] = cues.continues
    elif cues.refers_back:
        f["top_level_refers_back"] = 1.0
        why["top_level_refers_back"] = cues.refers_back
    if cues.presupposes:
        f["top_level_presupposes"] = 1.0
        why["top_level_presupposes"] = cues.presupposes
    if cues.short:
        # Without it the short reactions that carry no cue went wherever the bias on
        # the top level moved: all together, a tenth of a thread at a time.
        f["top_level_short"] = 1.0
    if cues.length > 400:
        f["top_level_long"] = 1.0
    if me.headline:
        f["top_level_headline"] = 1.0
    if me.reply_subject:
        f["top_level_reply_subject"] = 1.0
    if me.followed_by_earlier is not None:  # undated (bare dumps): neither
        f["top_level_followed_by_earlier" if me.followed_by_earlier
          else "top_level_in_time_order"] = 1.0
    article_terms = facts.article_terms
    if article_terms:
        shared = [w for w in me.terms if w in article_terms]
        if shared:
            f["top_level_article_words"] = min(len(shared), 5) / 5
            why["top_level_article_words"] = ", ".join(me.terms[w] for w in shared[:4])
    last_root = last_child.get(None)
    if last_root is not None:
        # Threads run forward in time, or newest first: a comment out of that turn with
        # the last top-level comment cannot be top level itself.
        other = infos[last_root].date
        if before(other, me.date) if facts.newest_first else before(me.date, other):
            f["date_before_sibling"] = 1.0
            why["date_before_sibling"] = (
                "after the top-level comment above, where threads run newest first"
                if facts.newest_first else "before the top-level comment above")
    return f, why


def explain_shared_words(me: Info, shared: set[str], f: Mapping[str, float],
                         why: dict[str, str]) -> None:
    """Add the shared words to a pair's `why`: the one costly part of it, so the attacher
    asks for it only for the candidate it chose."""
    if "shared_words" in f:
        why["shared_words"] = shown_words(me, shared)
        if "most_shared_words" in f:
            why["most_shared_words"] = why["shared_words"]
