"""A fixed, hand-written Discussion for the reader's tests (independent of the reconstructor).

Tree (ids in brackets):
  article "Die Zukunft der Bürokratie"
  ├ page chrome (3 lines)
  ├ [a] Anna: Bürokratie abbauen …                    thread 1
  │ ├ [b] ?: Das sagen sie seit Jahren …
  │ │ └ [c] ~Bernd: Hallo Anna, in Bayern …  (Bazi)
  │ │   └ [d] ?: Stimmt genau.  (low confidence)
  │ └ [e] Carla: Ich arbeite im Amt …
  ├ [f] ?: Hostile text: [bold red]x[/] …              thread 2
  │ └ [g] ?: Noch ein Bazi …
  └ [h] Dora: Letzter Kommentar …                     thread 3
"""

from __future__ import annotations

from threadloom.threading.lines import display_safe
from threadloom.threading.model import (
    Article,
    AuthorSource,
    ChromeBlock,
    Comment,
    Discussion,
    Evidence,
    Line,
    Role,
    Source,
)

SIZE = (100, 30)

HOSTILE = display_safe(
    "Hostile text: [bold red]x[/] [link=https://example.com]click[/link] "
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07osc\x1b]8;;\x07 nul\x00 rtl\u202eevil"
)


def _c(cid, index, first, texts, parent=None, depth=0, author=None,
       source=AuthorSource.NONE, confidence=0.9, evidence=()):
    lines = tuple(Line(first + i, t, Role.TEXT) for i, t in enumerate(texts))
    return Comment(id=cid, index=index, lines=lines, parent=parent, depth=depth, author=author,
                   author_source=source, language="de", confidence=confidence,
                   evidence=evidence)


def fixed_discussion() -> Discussion:
    article = Article((
        Line(1, "Die Zukunft der Bürokratie", Role.TITLE),
        Line(2, "Wie Ämter digital werden sollen – und warum es dauert.", Role.LEAD),
        Line(3, "Die Regierung plant einen Abbau der Bürokratie bis 2030.", Role.BODY),
    ))
    chrome = (ChromeBlock((
        Line(4, "Mehr zum Thema", Role.CHROME),
        Line(5, "Anzeige: Jobs in Ihrer Nähe", Role.CHROME),
        Line(6, "Newsletter abonnieren", Role.CHROME),
    )),)
    ev = (Evidence("quote", "repeats words of the parent", 0.6),)
    comments = (
        _c("a", 0, 7, ["Bürokratie abbauen klingt gut, aber wer macht die Arbeit?",
                       "Ein zweiter Absatz mit mehr Gedanken."], author="Anna",
           source=AuthorSource.GIVEN),
        _c("b", 1, 9, ["Das sagen sie seit Jahren, passiert ist wenig."], parent="a", depth=1,
           evidence=ev),
        _c("c", 2, 10, ["Hallo Anna, in Bayern sagt man dazu: Bazi bleibt Bazi."], parent="b",
           depth=2, author="Bernd", source=AuthorSource.GREETING, evidence=ev),
        _c("d", 3, 11, ["Stimmt genau."], parent="c", depth=3, confidence=0.2,
           evidence=(Evidence("short", "a short agreement follows a comment", 0.1),)),
        _c("e", 4, 12, ["Ich arbeite im Amt und sehe das täglich."], parent="a", depth=1,
           author="Carla", source=AuthorSource.GIVEN),
        _c("f", 5, 13, [HOSTILE], confidence=1.0),
        _c("g", 6, 14, ["Noch ein Bazi aus München, ganz ohne BUROKRATIE."], parent="f",
           depth=1),
        _c("h", 7, 15, ["Letzter Kommentar zum Thema."], author="Dora",
           source=AuthorSource.GIVEN),
    )
    return Discussion(
        title="Die Zukunft der Bürokratie", language="de", article=article, chrome=chrome,
        comments=comments,
        source=Source(name="fixture", line_count=15, fingerprint="f" * 64),
    )
