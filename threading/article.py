"""Find the parts of a page that are not comments: the article and the page chrome.

A copied page starts with the article (title, lead, body, sub-headings, closing
disclaimers) and may carry sidebars (indented blocks, "Læses lige nu", job ads).  The
article ends where the page shows it: a disclaimer, a caption or a news agency's mark
("(dpa)"), a "Kommentare" header, page chrome after it, or the comments themselves where
they show (the first comment's author and date line, or comments indented where the
article is not); a photo caption only where no prose of the article's kind follows it.
A page that shows none of these has an article only where its shape says so: a title
over paragraphs of prose in a row, the first not in the first person (SHAPES).  Forum
dumps without an article (the first line is a comment's headline) then stay comments.
Headlines of other articles listed under it with no heading over them are chrome.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, product, takewhile
from operator import attrgetter

from .cues import greeting, opener, presupposes, second_person
from .lexicon import lowered
from .lexicon import words as lexicon_words
from .lines import SourceLine, runs, text_lines
from .model import Article, ChromeBlock, Line, Role
from .nesting import Indentation, read_indentation
from .page import date_lines, is_action, is_date
from .text import asked_once, head, starts_with, title_like, titled, words

ARTICLE_SCAN = 80  # an article's closing marker is looked for in this many paragraphs
# An article that shows no end is told by its shape: a title over paragraphs of prose in a
# row (_prose_run): four of 200 characters or more; or, saying no "I" or "you" outside
# quotes, five of 100 or more or eight of 80 or more (short news).  Cut at any of their
# 2,206 top-level comments, the dev forum threads never read so; with three of 200, or
# four of 100 (or of 80), two do.
SHAPES = ((200, False, 4), (100, True, 5), (80, True, 8))  # (characters, plain, paragraphs)
# After a photo caption ("(Foto: ...)") the article goes on where so many paragraphs of
# plain prose of so many characters or more follow: a caption may sit under the lead.
AFTER_CAPTION = 3
AFTER_CAPTION_CHARS = 80
VOICE_CHARS = 2000  # of a paragraph, read for "I" and "you" (a line may be a MB long)
BYLINE_CHARS = 60  # a short line under the title ("Von Max Mustermann") before the lead
UNDER_TITLE = 2  # such lines, or dates, between the title and the lead
KICKER_WORDS = 3  # a kicker above the title ("Energiepolitik") has no more words
TITLE_WORDS = 5  # and the title under it no fewer
LEAD_MAX = 320
LEAD_IN_CHARS = 60  # a page control above the first comment is no longer than this


@dataclass(frozen=True)
class PageParts:
    article: Article | None
    chrome: tuple[ChromeBlock, ...]
    rest: tuple[SourceLine, ...]  # the lines left for comments, blank ones included
    nested: bool  # the indentation nests replies under what they answer


def _matches(text: str, language: str, key: str, exact: bool = False) -> bool:
    if exact:
        # "Kommentare", "123 Kommentare", "Kommentare (12)"
        t = head(text).rstrip(" :.!").strip()
        core = " ".join([w for w in t.replace("(", " ").replace(")", " ").split()
                         if not w.isdigit()])
        return core in _phrase_set(language, key)
    return starts_with(text, lexicon_words(language, "article", key)) is not None and len(
        text) < 400


# A news agency's mark on a line of its own: "(dpa)", "(AFP/red)", "(APA, 24.11.2015)",
# "/ritzau/".
_AGENCY_MARK = re.compile(r"[(/]\s*([^\W\d_][\w-]*)[^()\n]{0,40}[)/]")
AGENCY_MARK_CHARS = 50


def _closing(text: str, language: str) -> bool:
    """Whether a paragraph is boilerplate that closes an article: a disclaimer, a caption,
    an agency's mark."""
    if _matches(text, language, "boilerplate") or _caption(text, language):
        return True
    t = text.strip()
    if len(t) > AGENCY_MARK_CHARS or t[:1] not in "(/":
        return False
    mark = _AGENCY_MARK.fullmatch(t)
    return mark is not None and mark.group(1).lower() in _phrase_set(language, "agencies")


def _control(text: str, language: str) -> bool:
    """A page's control for the order of its comments: one of the `controls` as the whole
    line ("Newest first") or before its colon ("Sortieren nach: Neueste"), so a first
    comment that opens "Best article ..." is none."""
    if len(text) > LEAD_IN_CHARS:
        return False
    return _matches(text.split(":", 1)[0], language, "controls", exact=True)


SIGN_IN_CHARS = 100  # "Um zu kommentieren, melden Sie sich bitte an."


def _under_header(text: str, language: str) -> bool:
    """What a page puts between its comments' header and the first comment: a control for
    their order, a second header ("Jetzt kommentieren"), a request to sign in, a button
    ("Mehr anzeigen")."""
    return (_control(text, language)
            or (len(text) <= LEAD_IN_CHARS
                and _matches(text, language, "comments_header", exact=True))
            or (len(text) <= SIGN_IN_CHARS
                and starts_with(text, lexicon_words(language, "article", "sign_in")) is not None)
            or _button(text, _written_buttons(language)))


BUTTON_CHARS = 40
_BUTTON_COUNT = re.compile(r"\(\d+\)|(?<!\S)\d+(?!\S)")  # "Antworten (3)", "Show 5 more replies"


def _buttons(texts: Sequence[SourceLine], language: str) -> set[int]:
    """The line numbers of the page's buttons in words (_written_buttons), with a count
    in them or not ("Weitere Antworten anzeigen (3)", "12 weitere Kommentare").  Only the
    short lines are looked at, picked at C speed."""
    written = _written_buttons(language)
    short = compress(texts, map(BUTTON_CHARS.__ge__, map(len, map(_TEXT, texts))))
    return {sl.number for sl in short if _button(sl.text, written)}


def _button(text: str, written: frozenset[str]) -> bool:
    """Whether a line is one of the `written` buttons, with a count in it or not."""
    return text in written or (_BUTTON_COUNT.search(text) is not None
                               and " ".join(_BUTTON_COUNT.sub(" ", text).split()) in written)


@cache
def _written_buttons(language: str) -> frozenset[str]:
    """A page's buttons in words ("Weitere Kommentare laden", "Antworten", "Load more
    comments") as it writes them, as _written_headings writes headings: in the dump's
    language, or in English (many pages' buttons) where they have two words or more ("Top",
    "Like" alone may be a comment elsewhere).  In a dump with no comment framed by them
    (bare, blank), one between comments is the page's: no comment is a button's words."""
    phrases = set(lexicon_words(language, "page", "actions"))
    phrases.update(p for p in lexicon_words("en", "page", "actions") if " " in p)
    return frozenset(form for phrase in phrases
                     for form in (*_capitalised(phrase.split()), phrase.upper()))


def _caption(text: str, language: str) -> bool:
    """A photo caption: "(Foto: ...)", or a sentence that ends in its credit."""
    return _matches(text, language, "captions") or _credited(text, language)


CAPTION_CHARS = 250
CREDIT_CHARS = 50  # after its word ("Foto:")
CREDIT_WORD_CHARS = 20  # room for that word and the full stop before it


def _credited(text: str, language: str) -> bool:
    """A caption that ends in its credit: "Eine Wärmepumpe vor einem Haus. Foto: Max
    Muster/dpa", "... (Bild: dpa)".  The credit comes after a full stop or in brackets,
    and ends in no full stop, so a comment's "Schönes Foto: wo ist das?" or "Das Bild
    oben. Foto: anbei." is none."""
    t = text.strip()
    if (len(t) > CAPTION_CHARS or t.endswith((".", "?", "!"))
            or "?" in t[-CREDIT_CHARS:] or "!" in t[-CREDIT_CHARS:]):
        return False
    tail = t[-CREDIT_CHARS - CREDIT_WORD_CHARS:].lower()
    for word in _phrase_set(language, "captions"):
        at = tail.rfind(word)
        if at > 0 and len(tail) - at - len(word) <= CREDIT_CHARS and (
                word.startswith("(") or tail[:at].rstrip().endswith(".")):
            return True
    return False


@cache  # asked of nearly every short line of a page
def _phrase_set(language: str, key: str) -> frozenset[str]:
    return frozenset(lexicon_words(language, "article", key))


def _chrome_numbers(texts: Sequence[SourceLine], shown: Indentation, language: str,
                    comments: set[int], framed_from: int | None = None) -> set[int]:
    """Indented runs (sidebars) and short chrome headings with what hangs under them.
    `comments`: the lines of the indented runs that read as comments (_comment_runs).
    `framed_from`: where a page's framed comments start: from there on, a heading that
    is also a button ("Share" under a comment) is that comment's, not chrome."""
    if not shown.nested and len(shown.aside) * 5 > len(texts) * 4:
        return set()  # indentation means nothing here
    aside = shown.aside - comments
    found: set[int] = set()
    # Short lines repeat on a page ("Antworten", authors, dates): each text asked once.
    heading: dict[str, bool] = {}
    # Where the indentation nests replies, the last line is a comment's like any other.
    last = len(texts) - 1 if not shown.nested else None
    headings = _written_headings(language)
    for i in _may_be_chrome(texts, aside, headings):
        sl = texts[i]
        if sl.number in aside:
            found.add(sl.number)
            continue
        if framed_from is not None and sl.number >= framed_from and is_action(sl.text):
            continue
        # A heading counts only above a run set aside (or at the very end): that is
        # looked at first, as it rules out nearly every line at once.
        if ((i == last or (i + 1 < len(texts) and texts[i + 1].number in aside))
                and len(sl.text) <= 60
                and asked_once(heading, sl.text, _matches, language, "chrome", True)):
            found.add(sl.number)
        elif (sl.text in headings
              and sl.number not in found and i + 1 < len(texts)
              and _headline(texts[i + 1].text)):
            found.update(_headlines_under(texts, i, aside, language))
    return found


_TEXT, _NUMBER = attrgetter("text"), attrgetter("number")


def _may_be_chrome(texts: Sequence[SourceLine], aside: set[int], headings: frozenset[str]
                   ) -> list[int]:
    """The indices of the lines _chrome_numbers must look at, in order: those set aside,
    those right above them, the last, and the chrome headings.  Picked at C speed (a big
    page has half a million lines, nearly none of them any of these)."""
    picked = set(compress(count(), map(headings.__contains__, map(_TEXT, texts))))
    if texts:
        picked.add(len(texts) - 1)
    if aside:
        set_aside = list(compress(count(), map(aside.__contains__, map(_NUMBER, texts))))
        picked.update(set_aside)
        picked.update(i - 1 for i in set_aside if i > 0)
    return sorted(picked)


HEADLINE_CHARS = 100  # a headline listed under "Most read" is no longer than this


@cache
def _written_headings(language: str) -> frozenset[str]:
    """The chrome headings as a page writes them: any word with a capital or not ("Most
    read", "Most Read", German nouns as in "Mehr zum Thema"), or all in capitals, with a
    colon or not.  A line is looked up as it is, which costs next to nothing on the lines
    of a big dump."""
    return frozenset(form + end for phrase in _phrase_set(language, "chrome")
                     for form in (*_capitalised(phrase.split()), phrase.upper())
                     for end in ("", ":"))


def _capitalised(words: list[str]) -> list[str]:
    """The phrase of `words` with each word capitalised or not, in every combination."""
    return [" ".join(form) for form in product(*(dict.fromkeys((w, w.capitalize()))
                                                  for w in words))]


_SENTENCE_END = re.compile(r"[.!]\s")


def _headline(text: str) -> bool:
    """A headline as a list of articles shows it: a title, or one short question."""
    return titled(text, HEADLINE_CHARS)


def _headlines_under(texts: Sequence[SourceLine], i: int, aside: set[int], language: str
                     ) -> list[int]:
    """A chrome heading at the left edge (texts[i]: "Most read") and the headlines listed
    under it, up to the first line that reads otherwise or heads the comments.  Under
    headlines of HEADLINE_WORDS or more, a shorter line is a comment's title ("Gutes
    Projekt"); buttons ("Facebook", "E-Mail") are short from the first."""
    run = [texts[i].number]
    least = 1
    for sl in texts[i + 1:]:
        if (sl.number in aside or not _listed(sl.text, language, least)
                or _matches(sl.text, language, "comments_header", exact=True)):
            break
        if len(run) == 1 and len(sl.text.split()) >= HEADLINE_WORDS:
            least = HEADLINE_WORDS
        run.append(sl.number)
    return run


def _comment_runs(texts: Sequence[SourceLine], shown: Indentation, language: str
                  ) -> list[list[SourceLine]]:
    """The indented runs that are comments, not a sidebar: a page may indent its whole
    comment section.  Comments are framed by dates or speak as people do (_voiced); a
    sidebar lists names, places, titles and news in the third person.  And they come
    last: a run with prose at the left edge after it sits inside the article (an ad or a
    newsletter box speaks to its reader too)."""
    if shown.nested or not shown.aside:
        return []
    last_prose = max((sl.number for sl in texts
                      if sl.number not in shown.aside and not title_like(sl.text)), default=0)
    return [run for run in runs(texts, lambda sl: sl.number in shown.aside)
            if run[0].number > last_prose and _reads_as_comments(run, language)]


SPEAKING_SAMPLE = 500  # indented lines enough to tell replies from teasers


def _indentation(lines: Sequence[SourceLine], language: str) -> Indentation:
    """read_indentation, where replies must speak as replies do, or carry dates: half the
    reply paragraphs of the dev threads speak (_voiced: "I", "you", a greeting, an
    answer, a question), teasers and news none."""
    def speaks(replies: Sequence[SourceLine]) -> bool:
        sample = replies[:SPEAKING_SAMPLE]
        return (len(date_lines(sample)) >= 2
                or sum(1 for sl in sample if _voiced(sl.text, language)) * 5 >= len(sample))

    return read_indentation(lines, speaks)


def _reads_as_comments(run: Sequence[SourceLine], language: str) -> bool:
    if len(date_lines(run)) >= 2:
        return True
    prose = [sl.text for sl in run if not title_like(sl.text)]
    voiced = sum(1 for text in prose if _voiced(text, language))
    return voiced >= 2 and voiced * 2 >= len(prose)


def _voiced(text: str, language: str) -> bool:
    """Whether a paragraph speaks as a commenter does: "I", "you", a greeting, an answer,
    a question."""
    return bool(text.rstrip().endswith("?") or _speaks(text[:600], language)
                or greeting(text, language)[0] or opener(text, language)[0])


def find_parts(lines: Sequence[SourceLine], language: str, comments_from: int | None = None,
               framed: bool = True) -> PageParts:
    """`comments_from`: where the page shows its first comment start (a page-style dump's
    first author or date line), when it does.  `framed`: the comments may be framed by
    buttons ("Antworten"); False for a dump read as bare or blank, where a button is
    chrome wherever it stands."""
    texts = text_lines(lines)
    if not texts:
        return PageParts(None, (), tuple(lines), False)
    shown = _indentation(texts, language)
    found = _comment_runs(texts, shown, language)
    chrome_numbers = _chrome_numbers(texts, shown, language,
                                     {sl.number for run in found for sl in run},
                                     comments_from if framed else None)
    if not framed:
        chrome_numbers |= _buttons(texts, language)
    body = [sl for sl in texts if sl.number not in chrome_numbers] if chrome_numbers else texts
    end = _article_end(body, chrome_numbers, language,
                       _earliest(comments_from, found[0][0].number if found else None))
    article_lines: list[Line] = []
    after = body
    if end is not None:
        split = bisect_right(body, end, key=_NUMBER)  # body is in line order
        # A list of other articles' headlines, with no heading over it, right under the
        # article or closing it above the comments' header: an article ends in prose.
        closing = _teasers(body[split - 1:0:-1], language, comments_from)
        if split - len(closing) < 2:
            closing = []  # the title and a line stay the article's
        under = _teasers(body[split:], language, comments_from)
        chrome_numbers.update(closing, under)
        article_lines = _article_roles(body[:split - len(closing)], language)
        after = body[split + len(under):]
    if after and _matches(after[0].text, language, "comments_header", exact=True):
        chrome_numbers.add(after[0].number)  # "128 Comments", after the article or none
        # and the controls for their order under it ("Sortieren nach: Neueste")
        for sl in after[1:]:
            if not _under_header(sl.text, language):
                break
            chrome_numbers.add(sl.number)
    if comments_from is not None:
        # The page's controls between the article and its first framed comment ("Sort
        # by: Best", "Log in to comment"): short lines, none of them any comment's.
        before = takewhile(lambda sl: sl.number < comments_from, body)
        chrome_numbers |= {sl.number for sl in before
                           if (end is None or sl.number > end)
                           and title_like(sl.text, LEAD_IN_CHARS)}
    blocks = _blocks(texts, chrome_numbers)
    taken = chrome_numbers | {line.number for line in article_lines}
    rest = tuple(sl for sl in lines if sl.number not in taken) if taken else tuple(lines)
    article = Article(tuple(article_lines)) if article_lines else None
    # Whether the comments nest: read on them alone, as the article may indent quotes, or
    # stand at the dump's left edge when every comment is indented.
    return PageParts(article, blocks, rest, _indentation(rest, language).nested)


TEASERS = 3  # headlines in a row that list other articles
TEASER_WORDS = 4  # a headline's words at least: "Bitcoin fixes this" is a comment
_LIST_ITEM = re.compile(r"\d{1,2}[.)]+\s")
HEADLINE_WORDS = 3  # a listed headline's words at least: "Gutes Projekt" is a comment's title
_ANSWERS = ("agree", "disagree")  # openers; a headline may ask "Why ...", "Wie ..."


def _teasers(lines: Sequence[SourceLine], language: str, comments_from: int | None
             ) -> list[int]:
    """The line numbers of the headlines in a row at the start of `lines`, when there are
    TEASERS or more: a list of other articles ("Die besten Tagesgeldkonten im Vergleich"),
    not comments.  A headline opens with a capital or a number, and none of them is an
    item of a numbered list, greets, agrees or disagrees, says "I", or takes something
    said as given ("Das ist doch alles nur Show": comments' title lines do; "you" they
    share with headlines that advise, "So sparen Sie ...").  None is a framed comment's."""
    run: list[int] = []
    for sl in lines:
        if ((comments_from is not None and sl.number >= comments_from)
                or not _listed(sl.text, language, TEASER_WORDS)):
            break
        run.append(sl.number)
    return run if len(run) >= TEASERS else []


def _listed(text: str, language: str, least: int) -> bool:
    """A headline as a list of other articles shows it, not a comment's title line: it
    opens with a capital or a number, has `least` words or more, one sentence at most,
    and is no item of a numbered list, greets, agrees or disagrees, goes on from
    something said ("Und ..."), says "I", or takes something said as given."""
    t = text.strip()
    return ((t[:1].isupper() or t[:1].isdigit()) and len(t.split()) >= least
            and _LIST_ITEM.match(t) is None and _headline(t)
            and _SENTENCE_END.search(t) is None and not greeting(t, language)[0]
            and opener(t, language)[0] not in _ANSWERS
            and starts_with(t, lexicon_words(language, "segment", "continuations")) is None
            and not _says_i(t, language) and presupposes(t, language) is None)


def _article_end(body: Sequence[SourceLine], chrome: set[int], language: str,
                 comments_from: int | None = None) -> int | None:
    """The last line number of the article, or None when the page shows no article.
    `comments_from`: where the comments are known to start."""
    if len(body) < 2 or not title_like(body[0].text):
        return None
    if _matches(body[0].text, language, "comments_header", exact=True):
        return None  # the page starts at its comments ("128 Comments")
    scan = body[: ARTICLE_SCAN + 1]
    for k in range(1, len(scan)):
        if _matches(scan[k].text, language, "comments_header", exact=True):
            return scan[k - 1].number  # body is in line order
    ends = [k for k in range(1, len(scan)) if _closing(scan[k].text, language)]  # in order
    horizon = body[ARTICLE_SCAN].number if len(body) > ARTICLE_SCAN else float("inf")
    boxed, resumed = _chrome_closing(body, chrome, language, horizon, comments_from)
    first_close = _earliest(boxed, comments_from)
    if first_close is not None and first_close < horizon:
        # Chrome or comments after the article close it, even when captions came earlier.
        above = bisect_left(body, first_close, key=_NUMBER)  # body lines before it
        if above and (not ends or scan[ends[-1]].number < first_close):
            return body[above - 1].number
    if ends:
        k = ends[-1]
        last = scan[k].number
        if not _interrupts(scan[k].text, language):
            return last
        # A photo caption under the lead, or an ad's label, does not end the article:
        # prose after it goes on.
        return _latest(_going_on(body, k + 1, language) or last, resumed)
    if first_close is None:
        return _latest(_end_by_shape(body, language), resumed)
    return resumed


def _interrupts(text: str, language: str) -> bool:
    """A closing mark the article may go on after: a photo caption, or an ad's label on
    a line of its own ("Anzeige"), as a page puts them inside an article."""
    return _caption(text, language) or (
        len(text) <= LEAD_IN_CHARS and _matches(text, language, "ad_labels", exact=True))


def _going_on(body: Sequence[SourceLine], k: int, language: str) -> int | None:
    """The last of the paragraphs of plain prose in a row from body[k] on, where there are
    AFTER_CAPTION of them: the article going on after something inside it."""
    run = _prose_run(body, k, language, AFTER_CAPTION_CHARS, plain=True)
    return run[-1].number if len(run) >= AFTER_CAPTION else None


def _chrome_closing(body: Sequence[SourceLine], chrome: set[int], language: str,
                    horizon: float, comments_from: int | None
                    ) -> tuple[int | None, int | None]:
    """The first chrome line the article does not go on after, and where it goes on
    after the chrome before that: a box inside the article ("Mehr zum Thema" and its
    headlines) has plain prose of the article's kind after it (_going_on)."""
    resumed = None
    for number in sorted(chrome):
        if number >= horizon or (comments_from is not None and number >= comments_from):
            return number, resumed
        if resumed is not None and number < resumed:
            continue
        going = _going_on(body, bisect_left(body, number, key=_NUMBER), language)
        if going is None:
            return number, resumed
        resumed = going
    return None, resumed


_FULL_STOP = re.compile(r"\.[\"'“”»«)\]]?$")
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")
_QUOTED = re.compile(r"[„“\"»«‘][^„“”\"»«‘’]*[“”\"«»’]")


def _end_by_shape(body: Sequence[SourceLine], language: str) -> int | None:
    """The article's last line where only its shape shows it (body[0] is a title, or a
    kicker over one): the last of the paragraphs of prose in a row under the title (a
    byline and a date may come first), the first of them not in the first person, as a
    news lead seldom is."""
    k = under = 1 + _title_at(body, language)
    while k < min(len(body), under + UNDER_TITLE) and _under_title(body[k].text):
        k += 1
    if k >= len(body) or _says_i(_first_sentence(body[k].text), language):
        return None
    for chars, plain, least in SHAPES:
        run = _prose_run(body, k, language, chars, plain)
        if len(run) >= least:
            return _one_writer(run, least, language)[-1].number
    return None


def _first_sentence(text: str) -> str:
    return _FIRST_SENTENCE.split(text[:VOICE_CHARS], 1)[0]


def _one_writer(run: list[SourceLine], least: int, language: str) -> list[SourceLine]:
    """The run of prose up to the first paragraph, past the `least` that make it an
    article, whose first sentence says "I" (outside quotes) where none of the article's
    did: a first comment of prose right under the article ("Meine Großmutter floh 1945
    ..."), not a column in the first person, which says so sooner."""
    opened_i = False
    for n, sl in enumerate(run):
        # Quotes taken out first: one may run over several sentences.
        if _says_i(_first_sentence(_QUOTED.sub(" ", sl.text[:VOICE_CHARS])), language):
            if n >= least and not opened_i:
                return run[:n]
            opened_i = True
    return run


def _prose_run(body: Sequence[SourceLine], k: int, language: str, chars: int, plain: bool
               ) -> list[SourceLine]:
    """The lines of the article's prose in a row from body[k] on: paragraphs of
    `chars` or more, opened by a capital and closed by a full stop, with no trailing dots
    anywhere and no greeting or answer first (and, `plain`, saying no "I" or "you" outside
    quotes), sub-headings between them.  A comment that reads otherwise ("!", "?", a
    smiley, "...") ends the run; a comment of such prose right under the article is read
    as its last paragraph."""
    def prose(text: str) -> bool:
        t = text.strip()
        if (len(t) < chars or _FULL_STOP.search(t) is None or t[0].islower()
                or ".." in t or "…" in t or greeting(t, language)[0] or opener(t, language)[0]):
            return False
        return not plain or not _speaks(_QUOTED.sub(" ", t[:VOICE_CHARS]), language)

    run: list[SourceLine] = []
    for i in range(k, min(len(body), k + ARTICLE_SCAN)):
        if prose(body[i].text):
            run.append(body[i])
        elif not (run and title_like(body[i].text, 90) and i + 1 < len(body)
                  and prose(body[i + 1].text)):
            break
    return run


def _says_i(text: str, language: str, tokens: Sequence[str] | None = None) -> bool:
    return not lowered(language, "segment", "first_person").isdisjoint(
        words(text) if tokens is None else tokens)


def _speaks(text: str, language: str) -> bool:
    """Whether `text` says "I" or "you"."""
    tokens = words(text)
    return _says_i(text, language, tokens) or bool(second_person(text, language, tokens))


def _title_at(lines: Sequence[SourceLine], language: str) -> int:
    """Where the title is: 1 under a kicker ("Energiepolitik" over "Regierung einigt sich
    auf neues Heizungsgesetz"), else 0.  A byline or a date under the first line is no
    title."""
    if len(lines) < 3:
        return 0
    kicker, title = lines[0].text, lines[1].text.strip()
    return int(len(kicker.split()) <= KICKER_WORDS and len(title) > len(kicker)
               and len(title.split()) >= TITLE_WORDS and title_like(title) and not is_date(title)
               and starts_with(title, lexicon_words(language, "article", "byline")) is None)


def _under_title(text: str) -> bool:
    """A line that may stand between the title and the lead: a date or a byline."""
    return is_date(text) or title_like(text, BYLINE_CHARS)


def _earliest(*numbers: int | None) -> int | None:
    known = [n for n in numbers if n is not None]
    return min(known) if known else None


def _latest(*numbers: int | None) -> int | None:
    known = [n for n in numbers if n is not None]
    return max(known) if known else None


def _article_roles(src: Sequence[SourceLine], language: str) -> list[Line]:
    t = _title_at(src, language)
    out = [Line(sl.number, sl.text, Role.BOILERPLATE) for sl in src[:t]]  # a kicker
    out.append(Line(src[t].number, src[t].text, Role.TITLE))
    closing = [_closing(sl.text, language) for sl in src]
    lead_at = t + 1
    for i, sl in enumerate(src[t + 1:], start=t + 1):
        if closing[i]:
            role = Role.BOILERPLATE
        elif i + 1 < len(src) and closing[i + 1] and title_like(sl.text, 90):
            role = Role.BOILERPLATE  # an image's label ("Artikel top billede") above its caption
        elif i == lead_at and i <= t + UNDER_TITLE and _under_title(sl.text):
            role = Role.BOILERPLATE  # its date or byline, under its title: the lead follows
            lead_at += 1
        elif i == lead_at and len(sl.text) <= LEAD_MAX and not title_like(sl.text):
            role = Role.LEAD
        elif title_like(sl.text, 90) and i < len(src) - 1:
            role = Role.HEADING
        else:
            role = Role.BODY
        out.append(Line(sl.number, sl.text, role))
    return out


def _blocks(texts: Sequence[SourceLine], chrome: set[int]) -> tuple[ChromeBlock, ...]:
    """The chrome lines in runs; a run breaks where a paragraph that is not chrome came
    between (blank lines do not break it)."""
    if not chrome:  # most dumps: no need to walk their lines
        return ()
    return tuple(ChromeBlock(tuple(Line(sl.number, sl.text, Role.CHROME) for sl in run))
                 for run in runs(texts, lambda sl: sl.number in chrome))
