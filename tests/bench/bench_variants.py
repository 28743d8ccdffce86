"""Accuracy on the omp dev threads copied other ways than the dev dumps show them.

    python tests/bench/bench_variants.py [WORD ...]   (only the variants named with them)

Real pages differ from the dev dumps: dates "vor 3 Stunden" instead of to the minute
(past a day "vor 2 Tagen", or by the hour throughout),
threads listed newest first (and the replies under each too), the name printed under
the date, the date under the text
(above the button, as social sites print it), a dot between name and date
and the buttons in a row, a forum's subject line above each name, a comment count and a
sort control above the first comment, comments parted by wider gaps, a news article (with
its title, lead and disclaimer, or without the disclaimer; or the Danish sample's, with
a photo caption under its lead; or with three headlines of other articles under it and
no heading over them) above the comments, the comments listed by time (read with --order
chronological).  Each variant here rewrites the dev dumps and their gold
trees (same comments, same parents) and scores them as `threadloom eval` does, beside
the dumps as they are.  Reads ../shared/gold; skips without it.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from bench_eval import GOLD, sets  # run as a script: this folder is on the path
from threadloom.threading.attach_fit import comments_by_time
from threadloom.threading.dates import sort_key
from threadloom.threading.evaluate import evaluate_file, load_gold, total
from threadloom.threading.page import is_date

Row = tuple[int | None, str]  # (line number in the original dump, or None: new), text
Rewrite = Callable[[list[Row], list[dict]], list[Row]]


def relative_dates(rows: list[Row], comments: list[dict], days: bool = True) -> list[Row]:
    """Dates as "vor N Minuten/Stunden/Tagen" before the newest comment (`days`: past a
    day; else by the hour however old, as pages date a day's discussion)."""
    keys = {n: sort_key(text) for n, text in rows if is_date(text)}
    latest = max(k[1] for k in keys.values() if k)
    out = []
    for n, text in rows:
        key = keys.get(n)
        if key and key[0] == "abs":
            ago = latest - key[1] + 5
            text = (f"vor {int(ago)} Minuten" if ago < 60 else f"vor {int(ago // 60)} Stunden"
                    if ago < 1440 or not days else f"vor {int(ago // 1440)} Tagen")
        out.append((n, text))
    return out


def hourly_dates(rows: list[Row], comments: list[dict]) -> list[Row]:
    return relative_dates(rows, comments, days=False)


def newest_first(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The threads in reverse order, each with its replies as they were."""
    starts = [c["start"] for c in comments if c["parent"] == 0]
    head = [r for r in rows if r[0] is not None and r[0] < starts[0]]
    bounds = [*starts, len(rows) + 1]
    blocks = [[r for r in rows if r[0] is not None and bounds[k] <= r[0] < bounds[k + 1]]
              for k in range(len(starts))]
    return head + [r for block in reversed(blocks) for r in block]


def all_newest_first(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The threads in reverse order, and under each comment its replies too (a forum
    sorted by "new"), each with its own replies below it."""
    starts = sorted(c["start"] for c in comments)
    last = max(n for n, _ in rows if n is not None)
    ends = dict(zip(starts, [s - 1 for s in starts[1:]] + [last], strict=True))
    by_line = dict(rows)
    replies: dict[int, list[int]] = {}
    for c in sorted(comments, key=lambda c: c["start"]):
        replies.setdefault(c["parent"], []).append(c["start"])
    out = [r for r in rows if r[0] is not None and r[0] < starts[0]]
    todo = list(replies.get(0, []))  # a stack: the last thread comes out first
    while todo:
        start = todo.pop()
        out += [(n, by_line[n]) for n in range(start, ends[start] + 1) if n in by_line]
        todo += replies.get(start, [])
    return out


def date_above_name(rows: list[Row], comments: list[dict]) -> list[Row]:
    """Each comment's date line printed above its author line."""
    out = list(rows)
    starts = {c["start"] for c in comments}
    for k in range(len(out) - 1):
        if out[k][0] in starts and is_date(out[k + 1][1]):
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def date_under_text(rows: list[Row], comments: list[dict]) -> list[Row]:
    """Each comment's date line under its text, right above its button, as social sites
    print it (name / text / date / "Antworten")."""
    where = {n: k for k, (n, _) in enumerate(rows) if n is not None}
    out = list(rows)
    for c in comments:
        first, last = where[c["start"]], where[c["end"]]
        dated = next((k for k in range(first, last) if is_date(out[k][1])), None)
        if dated is not None and dated + 1 < last:
            out[dated:last] = [*out[dated + 1:last], out[dated]]
    return out


def _respaced(rows: list[Row], comments: list[dict], within: int, between: int) -> list[Row]:
    starts = {c["start"] for c in comments}
    out: list[Row] = []
    for n, text in rows:
        if not text.strip():
            continue
        if out:
            out += [(None, "")] * (between if n in starts else within)
        out.append((n, text))
    return out


def wide_gaps(rows: list[Row], comments: list[dict]) -> list[Row]:
    """Two blank lines between comments, one between a comment's paragraphs."""
    return _respaced(rows, comments, 1, 2)


def gaps_between(rows: list[Row], comments: list[dict]) -> list[Row]:
    """A blank line between comments, none inside one."""
    return _respaced(rows, comments, 0, 1)


def article_above(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The German sample's article, everything above its first comment, put above the
    thread: the comments must come out as they do without it."""
    return [(None, line) for line in _sample_article()] + rows


def unmarked_article_above(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The same article without its closing disclaimer: nothing but its shape (a title
    over paragraphs of prose) shows where it ends."""
    return [(None, line) for line in _sample_article(marked=False)] + rows


def danish_article_above(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The Danish sample's article (a photo caption under its lead, no sidebar after it)
    above the thread: where it ends, only its shape shows."""
    return [(None, line) for line in _sample_article("klarna-da")] + rows


# Headlines of other articles, as a related-articles box copied without its heading lists
# them (made up for this bench, not from any sample).
TEASERS = ("Klarna-Alternativen: Diese Bezahldienste gibt es",
           "Künstliche Intelligenz im Kundenservice: Was Kunden wissen müssen",
           "Die besten Tagesgeldkonten im Vergleich")


def headlines_under_article(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The German sample's article, then three headlines of other articles with no
    heading over them, above the thread."""
    return [(None, line) for line in (*_sample_article(), *TEASERS)] + rows


@cache
def _sample_article(sample: str = "klarna-de", marked: bool = True) -> tuple[str, ...]:
    """A sample's article, from its title to its last line or boilerplate (read once, not
    per thread); without `marked`, less the lines its gold calls boilerplate."""
    article = json.loads((GOLD / f"{sample}.gold.json").read_text(encoding="utf-8"))["article"]
    boilerplate = set(article.get("boilerplate", []))
    last = max([article["lines"][1], *boilerplate])
    lines = (GOLD / f"{sample}.txt").read_text(encoding="utf-8").split("\n")[:last]
    return tuple(t for n, t in enumerate(lines, start=1) if marked or n not in boilerplate)


def dots_and_rows(rows: list[Row], comments: list[dict]) -> list[Row]:
    """A dot on a line of its own between each name and its date, and the buttons in a
    row ("Antworten · Teilen"), as some sites copy."""
    starts = {c["start"] for c in comments}
    out: list[Row] = []
    for n, text in rows:
        out.append((n, "Antworten · Teilen" if text.strip() == "Antworten" else text))
        if n in starts:
            out.append((None, "·"))
    return out


def subjects_above(rows: list[Row], comments: list[dict]) -> list[Row]:
    """A forum's subject line above each name ("Re: ..." but on the thread's first
    comment), which belongs to its comment: the gold comment starts there."""
    starts = {c["start"]: c["parent"] for c in comments}
    out: list[Row] = []
    for n, text in rows:
        if n in starts:
            subject = "Klarna und die KI" if starts[n] == 0 else "Re: Klarna und die KI"
            out += [(n, subject), (None, text)]
        else:
            out.append((n, text))
    return out


def controls_above(rows: list[Row], comments: list[dict]) -> list[Row]:
    """A comment count and a sort control above the first comment."""
    return [(None, "128 Kommentare"), (None, "Sortieren nach: Neueste"), *rows]


def listed_by_time(rows: list[Row], comments: list[dict]) -> list[Row]:
    """The comments listed by their dates, as pages without nesting list them (each with
    its lines up to the next comment); read with --order chronological."""
    starts = sorted(c["start"] for c in comments)
    ends = dict(zip(starts, [*starts[1:], len(rows) + 1], strict=True))
    by_line = dict(rows)
    order = comments_by_time(by_line.__getitem__, [(c["start"], c["end"]) for c in comments])
    if order is None:
        raise ValueError("a comment shows no date")
    head = [r for r in rows if r[0] is not None and r[0] < starts[0]]
    return head + [(n, by_line[n]) for k in order
                   for n in range(comments[k]["start"], ends[comments[k]["start"]])]


# Rewrites whose dumps are read in chronological order.
BY_TIME = (listed_by_time,)

VARIANTS: dict[str, tuple[str, Rewrite | None]] = {
    "page as is": ("omp-dev page", None),
    "page, dates 'vor N Stunden'": ("omp-dev page", relative_dates),
    "page, dates by the hour": ("omp-dev page", hourly_dates),
    "page, threads newest first": ("omp-dev page", newest_first),
    "page, replies newest first too": ("omp-dev page", all_newest_first),
    "page, date above the name": ("omp-dev page", date_above_name),
    "page, date under the text": ("omp-dev page", date_under_text),
    "page, an article above": ("omp-dev page", article_above),
    "page, headlines under it": ("omp-dev page", headlines_under_article),
    "page, a dot under each name": ("omp-dev page", dots_and_rows),
    "page, subjects above names": ("omp-dev page", subjects_above),
    "page, controls above": ("omp-dev page", controls_above),
    "page, listed by time": ("omp-dev page", listed_by_time),
    "bare as is": ("omp-dev bare", None),
    "bare, an article above": ("omp-dev bare", article_above),
    "bare, headlines under it": ("omp-dev bare", headlines_under_article),
    "bare, article without its end": ("omp-dev bare", unmarked_article_above),
    "bare, Danish article above": ("omp-dev bare", danish_article_above),
    "blank as is": ("omp-dev blank", None),
    "blank, an article above": ("omp-dev blank", article_above),
    "blank, headlines under it": ("omp-dev blank", headlines_under_article),
    "blank, article without its end": ("omp-dev blank", unmarked_article_above),
    "blank, Danish article above": ("omp-dev blank", danish_article_above),
    "blank, 2 blank lines between": ("omp-dev bare", wide_gaps),
    "blank, 1 blank line between": ("omp-dev bare", gaps_between),
}


def rewrite(gold_path: Path, change: Rewrite, folder: Path) -> Path:
    """The dump rewritten, and its gold file with every line number moved along."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    dump = gold_path.with_name(gold["dump"])
    text = dump.read_text(encoding="utf-8").split("\n")
    if text and text[-1] == "":
        text.pop()
    rows = change([(n, t) for n, t in enumerate(text, start=1)], gold["comments"])
    new = {n: k for k, (n, _) in enumerate(rows, start=1) if n is not None}
    moved = {}
    for c in gold["comments"]:
        lines = [new[n] for n in range(c["start"], c["end"] + 1) if n in new]
        moved[c["start"]] = min(lines)
        c["start"], c["end"] = min(lines), max(lines)
    for c in gold["comments"]:
        c["parent"] = moved.get(c["parent"], 0)
        c["alt_parents"] = [moved.get(a, 0) for a in c.get("alt_parents", [])]
    gold["comments"].sort(key=lambda c: c["start"])
    gold["dump"] = dump.name
    if change in BY_TIME:
        gold["order"] = "chronological"
    (folder / dump.name).write_text("\n".join(t for _, t in rows) + "\n", encoding="utf-8")
    out = folder / gold_path.name
    out.write_text(json.dumps(gold), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """`argv`: words a variant's name must contain to be run (all variants without)."""
    if not (GOLD / "README.md").exists():
        print("skipped: ../shared/gold is not beside the repo")
        return 0
    wanted = sys.argv[1:] if argv is None else argv
    dev = sets()
    print(f"{'omp dev threads':<30} {'n':>5} {'attach':>7} {'gold-seg':>8} {'bnd-F1':>7}")
    for name, (dev_set, change) in VARIANTS.items():
        if wanted and not all(w in name for w in wanted):
            continue
        paths = dev[dev_set]
        with tempfile.TemporaryDirectory() as tmp:
            if change is not None:
                paths = [rewrite(p, change, Path(tmp)) for p in paths]
            s = total([evaluate_file(load_gold(p)) for p in paths])
        print(f"{name:<30} {s['comments']:>5} {s['attachment']:>7.3f} "
              f"{s['attachment_gold_segments']:>8.3f} {s['boundary_f1']:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
