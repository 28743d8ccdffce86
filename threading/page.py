"""Page style: a copied page's author, date and action lines, and the comments they frame.

Dates in every lexicon's language ("1. Juni 2015, 18:06", "vor 2 Std.", "3h ago",
"gestern, 18:06"), actions ("Antworten", "Reply · Share", "Show 5 more replies", vote
counts), bylines that give author and date on one line ("John Doe • 3 years ago", "pg 3
hours ago | parent"), badges under a name.  A comment starts at its author line (or a date
line with none above it); its author and date become the draft's.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from functools import cache, partial
from itertools import islice, takewhile

from .dates import day_offsets, month_numbers, sort_key
from .lexicon import every_language, subject_line
from .lines import SourceLine, text_lines
from .model import Line, Role
from .parallel import in_background, in_two
from .stages import Draft
from .text import alternation, asked_once, titled

# A vote count alone: "12", "+3", "- 2", "1.2K".
_VOTES = r"[+\-−]?\s?(?:\d{1,6}|\d{1,3}(?:[.,]\d)?\s?[kKmM])"


@cache
def _page_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Date and action lines in every language we have a lexicon for."""
    words = _date_words()
    m, r, a = (alternation(words["months"]), alternation(words["relative"]),
               alternation(_every_language("actions")))
    unit = alternation(words["relative"] | words["abbreviations"])  # after a number
    weekday, one = alternation(words["weekdays"]), alternation(words["one"])
    before, after = alternation(_every_language("clock_before")), alternation(
        _every_language("clock_after"))
    counts = alternation(_every_language("counts"))
    clock = (rf"(?:\s*[,\-–]?\s*(?:{before})?\s*\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?"  # seconds too
             rf"(?:\s*[ap]\.?m\.?)?(?:\s*(?:{after}))?)?")
    edited = alternation(_edited())
    date = re.compile(
        rf"^(?:(?:{weekday})\.?,?\s+)?"  # Mo, 20.06.2016
        # June 1, 2015; 1. Juni 2015, 18:06; this year's without the year: "Jun 12".
        rf"(?:(?:{m})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?{clock}"
        rf"|\d{{1,2}}\.?\s*(?:{m})\.?(?:\s+\d{{4}})?{clock}"
        rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}{clock}"  # 01.06.2015 18:06
        rf"|\d{{4}}-\d{{2}}-\d{{2}}"  # ISO, with a time and zone or not
        rf"(?:[ T]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
        rf"|(?:(?:{r})\s*)*(?:\d+\s*|(?:{one})\s+)(?:{unit})\.?(?:\s+(?:{r})\.?)*"  # 3 hr. ago
        rf"|(?:{r})\.?(?:,?\s+(?:(?:{r})\.?|\d{{1,2}}[:.]\d{{2}}))*"  # i går kl. 18.06
        rf")\.?(?:\s+(?-i:[A-Z]{{2,4}}))?"  # a time zone: CET, BST
        rf"(?:\s*\((?:{edited})\))?$",  # "3 hours ago (edited)"
        re.IGNORECASE,
    )
    # A count comes before or after the word it counts: "12 likes", "Gefällt mir 12",
    # "Likes: 4".
    action = re.compile(
        rf"^(?:(?:{a})(?:\s*\(\d+\))?|{_VOTES}|\d+\s+(?:{counts})"
        rf"|(?:{counts})\s*:?\s*{_VOTES}|{_level()})$",
        re.IGNORECASE,
    )
    return date, action


@cache
def _edited() -> tuple[str, ...]:
    return tuple(sorted(_every_language("edited")))


def _every_language(key: str) -> frozenset[str]:
    return every_language("page", key)


@cache
def _date_words() -> dict[str, set[str]]:
    """The word lists the date pattern is built from, in every language."""
    return {"months": set(month_numbers()),
            "relative": _every_language("relative_time") | set(day_offsets()),
            "abbreviations": _every_language("unit_abbreviations"),
            "weekdays": _every_language("weekdays"), "one": _every_language("one")}


def is_date(text: str) -> bool:
    if len(text) > 60:
        return False
    t = date_text(text)
    first = t[:1].lower()
    # Most short lines (names, buttons) begin with nothing a date can begin with: that is
    # told at C speed, before the costly pattern.
    if not first.isdigit() and not t.lower().startswith(_date_openings().get(first, ())):
        return False
    if not _page_patterns()[0].match(t):
        return False
    # Without a number, only what tells a time ("heute", "an hour ago"): the words around
    # a date ("at", "vor", "siden") are no date alone.
    return first.isdigit() or _DIGIT.search(t) is not None or sort_key(t) is not None


@cache
def _date_openings() -> dict[str, tuple[str, ...]]:
    """What a date line may begin with, by first letter: the words of the date pattern's
    lists (a digit aside), but the unit abbreviations, which only ever follow a number."""
    table: dict[str, set[str]] = {}
    words = _date_words()
    for word in set().union(*(found for key, found in words.items() if key != "abbreviations")):
        table.setdefault(word[:1].lower(), set()).add(word.lower())
    return {first: tuple(found) for first, found in table.items()}


_DIGIT = re.compile(r"\d")
# A comment's number before its date: "#12 — vor 3 Stunden", "#1.1 · 2 hours ago".
_NUMBERED = re.compile(r"#\d+(?:\.\d+)*\s*[—–\-•·|:]?\s*")


def date_text(text: str) -> str:
    """A date line's date: without the icons around it and the comment's number before it."""
    t = text.strip(_ICONS)
    if t.startswith("#") and (m := _NUMBERED.match(t)):
        return t[m.end():]
    return t


def is_action(text: str) -> bool:
    # Buttons may carry their icons along ("•Share ›"): those are not part of the word.
    if len(text) > 60:
        return False
    t = text.strip(_ICONS)
    if not t:  # a dot or arrow on a line of its own: the page's decoration
        return bool(text.strip())
    action = _page_patterns()[1]
    if len(t) <= 40 and (action.match(t) or _reactions(t)):
        return True
    # A button with a count in its words: "Show 5 more replies", "2 more replies".
    if len(t) <= 40 and _NUMBER_INSIDE.search(t):
        unnumbered = " ".join(_NUMBER_INSIDE.sub(" ", t).split())
        if unnumbered and action.match(unnumbered):
            return True
    if _edit_note(t):
        return True
    # A row of buttons: "Reply · Share · Report", "Antworten | Melden | 12", or with the
    # comment's time among them ("Like · Reply · 3h · Edited", under the text).
    if not _separated(t):
        return _button_words(t)
    parts = _SEPARATOR.split(t)
    if len(parts) < 2 or any(len(p) > 40 for p in parts):
        return False
    pressed = [bool(action.match(p) or _reactions(p)) for p in parts]
    return any(pressed) and all(b or is_date(p) or _edit_note(p)
                                for p, b in zip(parts, pressed, strict=True))


def _button_words(text: str) -> bool:
    """A row of buttons with nothing but spaces between them, as a page without dots
    copies: "permalink embed save report reply"."""
    said = text.lower().split()
    if len(said) < 2 or said[0] not in _action_starts():
        return False
    buttons = _action_phrases()
    k = 0
    while k < len(said):
        n = next((n for n in (3, 2, 1) if " ".join(said[k:k + n]) in buttons), 0)
        if not n:
            return False
        k += n
    return True


@cache
def _badges() -> frozenset[str]:
    return frozenset(b.lower() for b in _every_language("badges"))


@cache
def _action_phrases() -> frozenset[str]:
    return frozenset(a.lower() for a in _every_language("actions"))


@cache
def _action_starts() -> frozenset[str]:
    return frozenset(a.split()[0] for a in _action_phrases())


def _edit_note(text: str) -> bool:
    """A note that the comment was changed: "edited 1 hr. ago", "bearbeitet"."""
    if not text.lower().startswith(_edited()):
        return False
    said = text.split(None, 1)
    return said[0].lower() in _edited() and (len(said) == 1 or is_date(said[1]))


# Reactions counted under a comment: "👍 12", "▲ 12 ▼", "❤️ 3 💬 1" (arrows, shapes,
# dingbats and emoji, with their counts; an emoji alone may well be a comment).
_REACTION_SIGNS = ("\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff"
                   "\U0001f000-\U0001faff\ufe0f\u200d")
_REACTION_COUNT = re.compile(r"[+\-−]?\d{1,6}(?:[.,]\d)?[kKmM]?")
_SIGNS_ONLY = re.compile(rf"[\s{_REACTION_SIGNS}]*[{_REACTION_SIGNS}][\s{_REACTION_SIGNS}]*")


def _reactions(text: str) -> bool:
    # Every sign is outside ASCII: most lines are told at C speed.
    if text.isascii() or not _DIGIT.search(text):
        return False
    return _SIGNS_ONLY.fullmatch(_REACTION_COUNT.sub(" ", text)) is not None


def row_date(text: str) -> str | None:
    """The time in a row of buttons ("Like · Reply · 3h"), if it has one."""
    if not _separated(text):
        return None
    return next((date_text(p) for p in _SEPARATOR.split(text.strip(_ICONS)) if is_date(p)),
                None)


_NUMBER_INSIDE = re.compile(r"(?:^|(?<=\s))\d+(?=\s)")
# Dots and bars set apart the parts of a line: "Reply · Share", "John Doe • 3 years ago".
_SEPARATOR = re.compile(r"\s*[•·|]\s*")


def _separated(text: str) -> bool:
    return "•" in text or "·" in text or "|" in text


_ICONS = " \t•·›‹»«|↩↪⤷→←"
NAME_WORDS = 3  # words of a name before its date in one part of a byline
DECORATION_CHARS = 3  # a line of icons alone ("·", "•", "›") is no longer than this
# "John Doe • 3 years ago": author and date on one line, split by a dot or bar.
_BYLINE = re.compile(r"^(.{1,60}?)\s*[•·|»]\s*(.{1,60})$")


def byline(text: str) -> tuple[str, str] | None:
    """(author, date) for a line that gives both, "John Doe • 3 years ago" or
    "1. Juni 2015, 18:06 · Peter", or "[–]johnsmith 12 points 5 hours ago"."""
    if len(text) > 120:
        return None
    if text.startswith(_COLLAPSE_MARKS):
        return _collapsible_byline(text)
    if not (_separated(text) or "»" in text):
        return None
    m = _BYLINE.match(text.strip())
    if m is None:
        return None
    first, second = _by_pattern().sub("", m.group(1)), m.group(2)
    if is_date(second) and _author_like(first):
        return first, second
    if is_date(first) and _author_like(second) and not is_date(second):
        return second, first
    # "pg 3 hours ago | parent | next [–]": name and date in the first part, buttons after.
    said = first.split()
    for k in range(1, min(len(said), NAME_WORDS + 1)):
        name, when = " ".join(said[:k]), " ".join(said[k:])
        if is_date(when) and _author_like(name):
            return name, when
    return None


# A comment's heading that folds it away when clicked: "[–]johnsmith 12 points 5 hours ago".
_COLLAPSE_MARKS = ("[–]", "[-]", "[+]")


def _collapsible_byline(text: str) -> tuple[str, str] | None:
    """(author, date) of a folding heading: its name, a score or not, and its date."""
    said = text[len(_COLLAPSE_MARKS[0]):].split()  # each mark is as long
    for k in range(1, min(len(said), NAME_WORDS + 1)):
        name, rest = " ".join(said[:k]), said[k:]
        if len(rest) > 2 and _page_patterns()[1].match(" ".join(rest[:2])):  # "12 points"
            rest = rest[2:]
        when = " ".join(rest)
        if is_date(when) and _author_like(name):
            return name, when
    return None


def _dated(text: str) -> bool:
    return is_date(text) or byline(text) is not None


def _author_like(text: str, actions: dict[str, bool] | None = None) -> bool:
    """`actions`: the asked_once cache of is_action, when the caller has one."""
    return (0 < len(text) <= 60 and len(text.split()) <= 5
            and not (is_action(text) if actions is None else asked_once(actions, text, is_action))
            and not subject_line(text))


@cache
def _by_pattern() -> re.Pattern[str]:
    """The words before the name in a byline: "Post by", "von"."""
    return re.compile(rf"^(?:{alternation(_every_language('by'))})\s+", re.IGNORECASE)


PARALLEL_MIN = 50_000  # lines: below this, a forked worker costs about what it saves


def date_lines(lines: Sequence[SourceLine]) -> set[int]:
    """The numbers of the lines that are dates: style detection and classification both
    ask, and the date pattern is the costly part of either (on a big dump, half of the
    lines are asked in a forked child)."""
    return set(in_two(partial(_date_numbers, lines), 0, len(lines), PARALLEL_MIN))


def _date_numbers(lines: Sequence[SourceLine], start: int, stop: int) -> list[int]:
    known: dict[str, bool] = {}
    return [sl.number for sl in lines[start:stop]
            if not sl.blank and asked_once(known, sl.text, _dated)]


_COUNT = re.compile(_VOTES)


def button_lines(texts: Sequence[SourceLine], known: dict[str, bool] | None = None) -> int:
    """How many lines are buttons by name ("Antworten", "Reply · Share"); vote counts
    alone are left out (a bare dump may have a line that is just a number).  `known`:
    the asked_once cache of is_action, filled in here."""
    if known is None:
        known = {}
    return sum(1 for sl in texts if len(sl.text) <= 60 and asked_once(known, sl.text, is_action)
               and not _COUNT.fullmatch(sl.text.strip(_ICONS)))


def _signed(texts: Sequence[SourceLine], actions: dict[str, bool]) -> bool:
    """Whether a page without dates shows authors: the lines after its buttons (and its
    first line) are names, where an unsigned page goes on with comments' text.
    `actions`: the asked_once cache of is_action."""
    after = [texts[0].text, *_after_buttons(texts, actions)]
    return len(after) >= 2 and sum(map(_author_like, after)) >= 0.8 * len(after)


def _after_buttons(texts: Sequence[SourceLine], actions: dict[str, bool]) -> list[str]:
    """The lines right after a comment's buttons (where a signed page puts the next
    author).  `actions`: the asked_once cache of is_action."""
    button = [asked_once(actions, sl.text, is_action) for sl in texts]
    return [texts[k + 1].text for k in range(len(texts) - 1) if button[k] and not button[k + 1]]


def _named_below_dates(texts: Sequence[SourceLine], dated: set[int]) -> bool:
    """Whether the lines under the date lines are the authors' names: nearly all look like
    names, and they recur (people write more than once), where comments' first lines do
    not."""
    below = [texts[k + 1].text for k in range(len(texts) - 1)
             if texts[k].number in dated and texts[k + 1].number not in dated]
    if len(below) < 3 or sum(map(_author_like, below)) < 0.9 * len(below):
        return False
    return len(set(below)) <= 0.8 * len(below)


DATES_SAMPLED = 200  # date lines _dates_below looks at


def _dates_below(texts: Sequence[SourceLine], dated: set[int], actions: dict[str, bool]
                 ) -> bool:
    """Whether the page prints each comment's time under its text, right above its
    buttons ("Lars Nielsen" / text / "3 t" / "Synes godt om" / "Svar"), as social sites
    do: there a date closes its comment, and the name after the buttons of the comment
    before opens the next.  Most of its dates (of the first DATES_SAMPLED but the first,
    which may date the article) then have a button under them and no heading above them
    (see _heading), where a heading's date has the comment's text under it or a name
    above it.  `actions`: the asked_once cache of is_action."""
    at = (k for k in range(1, len(texts) - 1) if texts[k].number in dated)
    sampled = list(islice(at, 1, DATES_SAMPLED + 1))
    below = sum(1 for k in sampled if asked_once(actions, texts[k + 1].text, is_action)
                and not _heading(texts, k - 1, dated, actions))
    return len(sampled) >= 2 and below * 3 >= len(sampled) * 2


def dates_close_comments(lines: Sequence[SourceLine], dated: set[int],
                         actions: dict[str, bool]) -> bool:
    """_dates_below, read off the page's start (its first DATES_SAMPLED dates)."""
    return _dates_below(_head(lines, dated, DATES_SAMPLED + 1), dated, actions)


def _heading(texts: Sequence[SourceLine], k: int, dated: set[int], actions: dict[str, bool]
             ) -> bool:
    """Whether line k, right above a date, is part of a comment's heading: a date, a
    button, or a name after the buttons of the comment before (or first on the page);
    a short text ("Enig") may stand above a closing date, after its author's name."""
    sl = texts[k]
    if sl.number in dated or asked_once(actions, sl.text, is_action):
        return True
    if not _author_like(sl.text, actions):
        return False
    return k == 0 or texts[k - 1].number in dated or asked_once(actions, texts[k - 1].text,
                                                                 is_action)


FRAMES_SAMPLED = 200  # comments whose heading _badged looks at


def _badged(texts: Sequence[SourceLine], dated: set[int], actions: dict[str, bool]) -> bool:
    """Whether the page may put a badge between a name and its date ("Peter M." /
    "Abonnent" / date).  Not where the comments that follow another's buttons (among the
    first FRAMES_SAMPLED dated ones) all have their name right above their date: there a
    short line above the name above the first date is the page's ("Sort by: Best"), no
    author; nor where a reply's subject stands above a name ("Re: Klarna" / anna_k)."""
    ones = twos = subjects = seen = 0
    for k in range(3, len(texts)):
        if texts[k].number not in dated:
            continue
        seen += 1
        # The name-like lines between this date and the buttons above it.
        for heading, sl in enumerate((texts[k - 1], texts[k - 2], texts[k - 3])):
            if sl.number in dated:
                break
            if asked_once(actions, sl.text, is_action):
                ones += heading == 1
                twos += heading == 2
                break
            if not _author_like(sl.text, actions):
                subjects += heading == 1 and subject_line(sl.text)
                break
        if seen >= FRAMES_SAMPLED:
            break
    # A page that prints a subject above the name ("Re: Klarna" / anna_k / date) has no
    # badges there: the line above a name is its subject.
    return (twos > 0 or ones < 2) and not subjects


def classify(lines: Sequence[SourceLine], style: str, dated: set[int] | None = None,
             actions: dict[str, bool] | None = None, closing: bool | None = None
             ) -> list[Line]:
    """Give every non-blank comment line a role: text, or (page style) author/date/action.
    `dated`: the date lines' numbers (date_lines), when the caller has them; `actions`:
    the asked_once cache of is_action, when the caller has one; `closing`: whether the
    page's dates close their comments (dates_close_comments), when the caller knows."""
    texts = text_lines(lines)
    if style != "page":
        return [Line(sl.number, sl.text) for sl in texts]
    if dated is None:
        dated = date_lines(texts)
    if actions is None:
        actions = {}
    if closing is None:
        closing = dates_close_comments(texts, dated, actions)
    # A dot or arrow on a line of its own ("·" between a name and its date) is decoration:
    # the frames are read as if it were not there.
    # The short lines are looked at first: most pages have no icon alone.
    icons = None
    if any(not sl.text.strip(_ICONS) for sl in texts if len(sl.text) <= DECORATION_CHARS):
        icons = [len(sl.text) <= DECORATION_CHARS and not sl.text.strip(_ICONS) for sl in texts]
    framed = texts if icons is None else [
        sl for sl, icon in zip(texts, icons, strict=True) if not icon]
    roles = _Roles.of(framed, dated, actions, closing).in_two_halves()
    if icons is None:
        return [Line(sl.number, sl.text, role) for sl, role in zip(texts, roles, strict=True)]
    read = iter(roles)
    return [Line(sl.number, sl.text, Role.ACTION if icon else next(read))
            for sl, icon in zip(texts, icons, strict=True)]


def page_drafts(lines: Sequence[SourceLine], dated: set[int], actions: dict[str, bool],
                closing: bool) -> tuple[Draft, ...]:
    """A page's comments: its lines classified, then grouped, with one reading of where
    its dates stand (`closing`: dates_close_comments), so the authors and the comments'
    bounds agree."""
    return group_page(classify(lines, "page", dated, actions, closing), closing)


_ROLES = tuple(Role)
_ROLE_BYTE = {role: k for k, role in enumerate(_ROLES)}


class _Roles:
    """The roles of a page's lines.  A line's role depends on the lines around it and on
    the role of the line above it, nothing else: so a big page's second half can be read
    in a forked child from a guess for the line above it (none), and once a line gets the
    same role in both readings, so does every line after it."""

    def __init__(self, texts: Sequence[SourceLine], dated: set[int], signed: bool,
                 named_below: bool, actions: dict[str, bool], badged: bool,
                 below: bool = False) -> None:
        self.texts, self.dated = texts, dated
        self.signed, self.named_below, self.badged = signed, named_below, badged
        self.below = below  # the dates close their comments (_dates_below)
        self.actions = actions  # the asked_once cache of is_action
        self.authors: dict[str, bool] = {}

    @classmethod
    def of(cls, texts: Sequence[SourceLine], dated: set[int], actions: dict[str, bool],
           closing: bool) -> _Roles:
        """The roles of a page's non-blank lines, with what the page as a whole shows.
        `closing`: whether its dates close their comments (dates_close_comments)."""
        # Dates in the article above (or none at all) frame no comment.
        framing = any(sl.number in dated for sl in texts)
        below = framing and closing
        # A page with no dates heading its comments: a name after the buttons of the
        # comment before opens the next.
        signed = (below or not framing) and bool(texts) and _signed(texts, actions)
        # A page that prints the date above the name: "1. Juni 2015, 18:06" / "anna_k" / text.
        named_below = framing and not below and _named_below_dates(texts, dated)
        return cls(texts, dated, signed, named_below, actions, _badged(texts, dated, actions),
                   below)

    def in_two_halves(self) -> list[Role]:
        n = len(self.texts)
        if n < max(PARALLEL_MIN, 2):
            return self.read(0, n, None)
        mid = n // 2
        with in_background(partial(self._packed, mid, n)) as second:
            roles = self.read(0, mid, None)
            guess = [_ROLES[k] for k in second()]
        for k in range(mid, n):
            role = self.read(k, k + 1, roles[-1])[0]
            if role is guess[k - mid]:
                return roles + guess[k - mid:]
            roles.append(role)
        return roles

    def _packed(self, start: int, stop: int) -> bytes:
        """read(start, stop, None), one byte a role: what crosses the pipe stays small."""
        return bytes(_ROLE_BYTE[role] for role in self.read(start, stop, None))

    def read(self, start: int, stop: int, above: Role | None) -> list[Role]:
        """The roles of lines start..stop-1, given the role of the line above (None: no
        line above, or one read as if it were buttons)."""
        texts, dated, actions, authors = self.texts, self.dated, self.actions, self.authors
        last = len(texts) - 1
        out = []
        for i in range(start, stop):
            sl = texts[i]
            role = Role.TEXT
            # The lengths first: a paragraph is too long for any of these, and most lines are.
            if len(sl.text) <= 120:
                if sl.number in dated:
                    role = Role.DATE
                elif above is Role.AUTHOR and sl.text.strip().lower() in _badges():
                    role = Role.ACTION  # "Top fan" under the name: no text of the comment
                elif (len(sl.text) <= 60 and asked_once(actions, sl.text, is_action)
                      and not self._title_number(i, above)):
                    role = Role.ACTION
                elif (i < last and texts[i + 1].number in dated and not self.below
                      and asked_once(authors, sl.text, _author_like, actions)
                      and byline(texts[i + 1].text) is None):
                    # A name with a badge under it ("Peter M." / "Abonnent" / date): the
                    # badge is no author of its own.  (Above a byline that names the
                    # author, "Post by anna_k » ...", a line is the subject, not a name.)
                    role = Role.ACTION if above is Role.AUTHOR else Role.AUTHOR
                elif (asked_once(authors, sl.text, _author_like, actions)
                      and self._author_here(i, above)):
                    role = Role.AUTHOR
            out.append(role)
            above = role
        return out

    def _author_here(self, i: int, above: Role | None) -> bool:
        """Whether a name-like line (not just above a date) is its comment's author: right
        after the buttons of the comment before, or under the date on a page that prints
        the names there."""
        if above is None or above is Role.ACTION:
            return i + 1 < len(self.texts) and self._heads_comment(i)
        return self.named_below and above is Role.DATE

    def _heads_comment(self, i: int) -> bool:
        """Whether a name-like line right after the buttons of the comment before is its
        author: with a badge between it and the date, or, on a signed page without dates
        heading its comments, with the comment's text after it (a number first, "1998",
        is its text: see _title_number)."""
        texts = self.texts
        if i + 2 < len(texts) and texts[i + 2].number in self.dated and not self.below:
            return self.badged and asked_once(self.authors, texts[i + 1].text, _author_like,
                                              self.actions)
        if not self.signed:
            return False
        return (not asked_once(self.actions, texts[i + 1].text, is_action)
                or self._number_then_text(i + 1))

    def _title_number(self, i: int, above: Role | None) -> bool:
        """A bare number right under a comment's heading (its date, or its name where no
        date heads the comment) with text after it ("1998" or "28.8k" as the comment's
        first line) is the comment's text, not a vote count: read as an action, it would
        end the comment and make the text below it a comment of its own."""
        heading = Role.AUTHOR if self.signed else Role.DATE
        return above is heading and self._number_then_text(i)

    def _number_then_text(self, i: int) -> bool:
        """Whether line i is a bare number with a line of text after it."""
        texts = self.texts
        if not _COUNT.fullmatch(texts[i].text.strip(_ICONS)):
            return False
        after = texts[i + 1] if i + 1 < len(texts) else None
        return (after is not None and after.number not in self.dated
                and not asked_once(self.actions, after.text, is_action))


def first_comment(lines: Sequence[SourceLine], dated: set[int], actions: dict[str, bool],
                  closing: bool = False) -> int | None:
    """Where a page's first comment starts: the author line above its first date (or that
    date, with none above), with the buttons above those ("level 1"), which group_page
    gives the first comment.  `dated`: date_lines(lines); `actions`: the asked_once
    cache of is_action; `closing`: the dates close their comments (dates_close_comments),
    so the first starts above its text."""
    if not dated:
        return None
    ordered = heapq.nsmallest(FRAMES_CHECKED + 1, dated)
    first = ordered[1] if _dates_an_article(lines, ordered, actions) else ordered[0]
    if closing:
        names = {t for t in _after_buttons(_head(lines, dated, DATES_SAMPLED + 1), actions)
                 if _author_like(t, actions)}
        return _opening(text_lines(_up_to(lines, first)), names, actions)
    framed = classify(_up_to(lines, first), "page", dated, actions, closing=False)
    k = len(framed) - 1  # the date line: its name, badges and buttons are above it
    while k and framed[k - 1].role in (Role.AUTHOR, Role.ACTION):
        k -= 1
    if k and subject_line(framed[k - 1].text):
        k -= 1  # its subject ("Re: Klarna"), which group_page gives it
    return framed[k].number


OPENING_LINES = 30  # lines above a closing date that its comment's start is looked for in
_NO_NAME_ENDS = ("?", "!", ":")  # a title or heading may end so, a name does not


def _opening(texts: Sequence[SourceLine], names: set[str], actions: dict[str, bool]) -> int:
    """Where the first comment starts on a page whose dates close their comments (texts:
    the lines up to its date; `names`: the lines after the buttons of the comments
    before, their authors): at a name the page shows again as an author (a short title
    line may stand between the name and the text), else at the name nearest above the
    text, or, with none in reach, at the line right above the date."""
    above = [sl for sl in reversed(texts[-OPENING_LINES:-1])
             if _author_like(sl.text, actions) and not sl.text.endswith(_NO_NAME_ENDS)]
    known = next((sl for sl in above if sl.text in names), None)
    if known is not None or above:
        return (known or above[0]).number
    return texts[-2].number if len(texts) > 1 else texts[-1].number


def _head(lines: Sequence[SourceLine], dated: set[int], dates: int) -> list[SourceLine]:
    """The dump's non-blank lines up to the one after its `dates`-th date line (the
    dump's start only, as _dates_below reads it)."""
    out: list[SourceLine] = []
    seen = 0
    for sl in lines:
        if sl.blank:
            continue
        out.append(sl)
        if seen >= dates:
            break
        seen += sl.number in dated
    return out


def _up_to(lines: Sequence[SourceLine], number: int) -> list[SourceLine]:
    """The lines up to line `number` (the dump's start only: no pass over all of it)."""
    return list(takewhile(lambda sl: sl.number <= number, lines))


ARTICLE_DATE_LINES = 4  # an article's date sits under its title (and lead)
FRAMES_CHECKED = 6  # the first dates whose frames are compared


def _dates_an_article(lines: Sequence[SourceLine], ordered: Sequence[int],
                      actions: dict[str, bool]) -> bool:
    """Whether a page's first date line dates its article, not a comment: it sits under
    the title, and on a page whose comments end in buttons, no button follows it before
    the next date."""
    if len(ordered) < 3:
        return False
    texts = text_lines(_up_to(lines, ordered[-1]))
    if ordered[0] not in {sl.number for sl in texts[:ARTICLE_DATE_LINES]}:
        return False
    pressed = [sl.number for sl in texts if asked_once(actions, sl.text, is_action)]

    def buttons(k: int) -> bool:  # between date k and date k + 1
        return any(ordered[k] < n < ordered[k + 1] for n in pressed)

    later = [buttons(k) for k in range(1, min(FRAMES_CHECKED, len(ordered) - 1))]
    return not buttons(0) and sum(later) * 3 >= 2 * len(later)


def group_page(lines: Iterable[Line], closing: bool = False) -> tuple[Draft, ...]:
    """A comment starts at an author line, or at a date line with no author line (and
    badges) just above it, or at text after the last action line of the comment before
    (action lines between a comment's date and its text, "edited 1 hr. ago", are its own).
    `closing`: the dates close their comments (_dates_below), so a date starts none."""
    drafts: list[list[Line]] = []
    leading: list[Line] = []  # action lines before the first comment go with it
    current: list[Line] | None = None  # the comment being read
    for line in lines:
        role = line.role
        if current is None:
            if role is Role.ACTION:
                leading.append(line)
            else:
                current = [*leading, line]
                drafts.append(current)
            continue
        if role is Role.AUTHOR:  # unless under its comment's date, with no name yet
            starts = not (_only(current, Role.DATE) or _subject(current))
        elif role is Role.DATE:  # under its author line (and badges), or alone
            starts = not (closing or _only(current, Role.AUTHOR) or _subject(current))
        elif role is Role.ACTION:
            starts = False
        else:  # text after buttons, unless they stand in its comment's heading ("edited")
            starts = (current[-1].role is Role.ACTION
                      and any(x.role is Role.TEXT for x in current))
        if starts:
            current = [line]
            drafts.append(current)
        else:
            current.append(line)
    if leading and not drafts:  # nothing but action lines: they still make one comment
        drafts.append(leading)
    return tuple(draft_of(d) for d in drafts)


@cache
def _level() -> str:
    """A depth line, "level 2" in any language we have: an action line that says how deep
    the next comment is."""
    return rf"(?:{alternation(_every_language('levels'))})\s+(\d{{1,2}})"


@cache
def _level_pattern() -> re.Pattern[str]:
    return re.compile(rf"^{_level()}$", re.IGNORECASE)


def levels(drafts: Sequence[Draft]) -> list[int] | None:
    """Each comment's depth where the page prints it above the comment ("level 2"), or
    None when not every comment has one.  Such a line ends the comment before (it comes
    after that one's buttons), or heads the first."""
    pattern = _level_pattern()
    if not drafts:
        return None
    found: list[int] = []
    for k, draft in enumerate(drafts):
        if k == 0:  # above the first comment's own lines
            where = [x for x in draft.lines[:_first_own(draft.lines)] if x.role is Role.ACTION]
        else:  # at the end of the comment before, after its own lines
            before = drafts[k - 1].lines
            where = [x for x in before[_last_own(before) + 1:] if x.role is Role.ACTION]
        matches = [m for x in where if (m := pattern.match(x.text.strip(_ICONS)))]
        if not matches:
            return None
        found.append(int(matches[-1].group(1)))
    return found


def _first_own(lines: Sequence[Line]) -> int:
    return next((k for k, x in enumerate(lines) if x.role is not Role.ACTION), len(lines))


def _last_own(lines: Sequence[Line]) -> int:
    return max((k for k, x in enumerate(lines) if x.role is not Role.ACTION), default=-1)


def _subject(draft: Sequence[Line]) -> bool:
    """Whether a draft so far is one short line of text (after the buttons of the comment
    before, or first on the page): the subject a forum prints above a comment's author
    and date ("Re: Klarna und KI", "Wozu Klarna?"), not a comment of its own."""
    return len(draft) == 1 and draft[0].role is Role.TEXT and titled(draft[0].text, 100, "?!")


def _only(draft: Sequence[Line], role: Role) -> bool:
    """Whether a draft so far is a `role` line and buttons (badges, the action lines above
    a page's first comment), after a subject or not (see _subject), and nothing else: the
    heading of a comment still open."""
    seen = False
    for line in draft:
        if line.role is role:
            seen = True
        elif line.role is not Role.ACTION:
            if line is draft[0] and _subject(draft[:1]):
                continue
            return False
    return seen


_HANDLE = re.compile(r"@[\w.\-]{2,40}(?:@[\w.\-]{2,60})?")  # "@maryk", "@anna@social.example"


def draft_of(lines: Sequence[Line]) -> Draft:
    author = date = handle = None
    heading = True  # no text yet
    for x in lines:  # the first of each
        role = x.role
        if role is Role.TEXT:
            heading = False
        elif role is Role.AUTHOR:
            if author is None:
                author = x.text
        elif role is Role.DATE:
            if date is None:
                date = x.text
        elif (heading and author is not None and handle is None and x.text[:1] == "@"
              and _HANDLE.fullmatch(x.text)):
            handle = x.text  # a badge under the name that is a handle
    both = byline(date) if date is not None else None
    if both is not None:
        author, date = author or both[0], both[1]
    if date is None:  # a page that puts the time among the buttons under the text
        date = next((found for x in lines if x.role is Role.ACTION
                     and (found := row_date(x.text))), None)
    return Draft(tuple(lines), author, date_text(date) if date else date, handle=handle)
