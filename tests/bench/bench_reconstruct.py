"""Time and memory of `reconstruct` on generated dumps of 1k, 10k and 100k comments.

    python tests/bench/bench_reconstruct.py [--sizes 1000,10000,100000] [--style bare|page]
                                            [--order depth-first|chronological]
                                            [--text generated|omp]

Each size runs in a fresh process so the peak memory (max RSS) is that size's own.  The
dumps are generated (German-like sentences, greetings, answer openers, continuations, in
depth-first reply order), so the benchmark needs nothing outside the repository.  Each
generated thread has words of its own (four of a thousand made-up words, besides forty
common ones), as a real discussion's threads have their topics, so the attacher finds
new threads about where they start, as in real text.  With the common words alone, nearly
every comment looked like a reply to the one before: the decode's two halves
(score.Decoder.in_two_halves) met only where such a dump happened to show a new thread.
`--text omp` measures real discussions instead, the omp-dev dumps of ../shared copied
over and over, each copy lightly varied (two words swapped in every long line, and a
page's dates moved on by years so that they still run forward); it skips cleanly without
../shared.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta

from bench_eval import GOLD, sets  # run as a script: this folder is on the path
from threadloom.threading.evaluate import load_gold

OMP_DEV = GOLD / "omp-dev"

WORDS = (
    "Klarna Kunde Service Bank Geld Rechnung Firma Mitarbeiter Zukunft Arbeit Staat Steuer "
    "Roboter Maschine Problem Idee Vertrag Preis Kosten Gewinn Menschen Fehler Hotline Chat "
    "Antrag Regel Markt Politik Zins Miete Lohn Rente Schule Stadt Verkehr Strom Netz Daten"
).split()
# What a thread is about: four of these, in its comments and hardly anywhere else (as
# long as the common words, so the dumps are as big as they were with those alone).
_SYLLABLES = "ba ke li mo nu ra se ti vo wu".split()
TOPIC_WORDS = [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES]
FILLER = "ist wird hat kann muss sollte würde nicht auch noch schon nur sehr immer oft".split()
OPENERS = ["Nein,", "Genau,", "Unsinn.", "Stimmt,", "Sehe ich nicht so.", "Warum", "Ja,"]
CONTINUE = ["Denn", "Zumal", "Und", "Außerdem", "Aber"]
MONTHS = ("Januar Februar März April Mai Juni Juli August September Oktober November "
          "Dezember").split()
START = datetime(2015, 6, 1)
NAMES = ["Peter", "Anna", "Bazi", "Chris", "Mette", "Lars", "Chili", "Andreas"]


def sentence(rng: random.Random, n: int, topic: list[str]) -> str:
    words = [rng.choice(FILLER if k % 2 else topic if k % 4 == 0 else WORDS) for k in range(n)]
    return " ".join(words).capitalize() + rng.choice(".?!.")


def comment(rng: random.Random, reply: bool, topic: list[str]) -> list[str]:
    first = sentence(rng, rng.randint(6, 30), topic)
    if reply and rng.random() < 0.1:
        first = f"Hallo {rng.choice(NAMES)}, {first[0].lower()}{first[1:]}"
    elif reply and rng.random() < 0.3:
        first = f"{rng.choice(OPENERS)} {first[0].lower()}{first[1:]}"
    paras = [first]
    while rng.random() < 0.35:
        paras.append(f"{rng.choice(CONTINUE)} {sentence(rng, rng.randint(5, 25), topic).lower()}")
    return paras


def make_dump(n: int, style: str = "bare", seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    depth = 0
    # Page dates as a page has them: every reply after its parent and after the replies
    # to that parent listed before it, threads in the order they were started; in the
    # dump's depth-first order they jump back and forth.  Per level of the comment just
    # listed: [its time, the time of its latest reply].
    path: list[list[int]] = []
    last_root = 0
    topic: list[str] = []
    for _ in range(n):
        depth = 0 if depth > 6 or rng.random() < 0.3 else depth + rng.choice((0, 1, 1))
        if not depth:
            topic = rng.sample(TOPIC_WORDS, 4)
        paras = comment(rng, depth > 0, topic)
        if style == "page":
            del path[depth:]
            if depth:
                parent = path[-1]
                minute = max(parent) + rng.randint(1, 90)
                parent[1] = minute
            else:
                minute = last_root = last_root + rng.randint(1, 20)
            path.append([minute, minute])
            at = START + timedelta(minutes=minute)
            out += [f"user{rng.randint(1, n // 3 + 2)}",
                    f"{at.day}. {MONTHS[at.month - 1]} {at.year}, {at:%H:%M}",
                    *paras, "Antworten"]
        else:
            out += paras
    return "\n".join(out) + "\n"


_YEAR = re.compile(r"\b(19|20)(\d\d)\b")


def omp_dump(n: int, style: str = "bare", seed: int = 1) -> str:
    """At least n comments of the omp-dev discussions (by their gold files), copied in a
    shuffled order; every copy after the first lightly varied."""
    golds = [load_gold(p) for p in sets()[f"omp-dev {style}"]]
    sized = [(g.dump.read_text(encoding="utf-8"), len(g.comments)) for g in golds]
    rng = random.Random(seed)
    out: list[str] = []
    count, copy = 0, 0
    while count < n:
        rng.shuffle(sized)
        for text, comments in sized:
            out.append(text if copy == 0 else _varied(text, copy, rng))
            count += comments
            if count >= n:
                break
        copy += 1
    return "\n".join(t.rstrip("\n") for t in out) + "\n"


def _varied(text: str, copy: int, rng: random.Random) -> str:
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        if len(line) > 60 and len(words) > 3:
            k = rng.randrange(len(words) - 1)
            words[k], words[k + 1] = words[k + 1], words[k]
            line = " ".join(words)
        elif len(line) <= 60:  # date lines: each copy some years on
            line = _YEAR.sub(lambda m: str(int(m.group(0)) + 20 * copy), line)
        lines.append(line)
    return "\n".join(lines)


def measure(n: int, style: str, order: str = "depth-first", text_kind: str = "generated"
            ) -> dict:
    from threadloom.threading.pipeline import reconstruct

    text = make_dump(n, style) if text_kind == "generated" else omp_dump(n, style)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    d = reconstruct(text, order=order, timings=stages)
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"comments_in": n, "comments_out": len(d.comments), "lines": text.count("\n"),
            "mb_text": len(text.encode()) / 1e6, "seconds": seconds, "peak_mb": peak_mb,
            "stages": stages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--style", default="bare", choices=("bare", "page"))
    parser.add_argument("--order", default="depth-first",
                        choices=("depth-first", "chronological"))
    parser.add_argument("--text", default="generated", choices=("generated", "omp"))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.text == "omp" and not OMP_DEV.is_dir():
        print(f"skipped: {OMP_DEV} not found")
        return 0
    if args.one:
        print(json.dumps(measure(args.one, args.style, args.order, args.text)))
        return 0
    print(f"{'comments':>9} {'style':>6} {'lines':>8} {'MB':>6} {'seconds':>8} "
          f"{'µs/comment':>10} {'peak MB':>8} {'found':>8}")
    breakdown = []
    for n in (int(x) for x in args.sizes.split(",")):
        run = subprocess.run([sys.executable, __file__, "--one", str(n), "--style", args.style,
                              "--order", args.order, "--text", args.text],
                             capture_output=True, text=True, check=True)
        r = json.loads(run.stdout)
        print(f"{n:>9} {args.style:>6} {r['lines']:>8} {r['mb_text']:>6.1f} "
              f"{r['seconds']:>8.2f} {r['seconds'] / n * 1e6:>10.1f} {r['peak_mb']:>8.0f} "
              f"{r['comments_out']:>8}")
        breakdown.append(f"{n:>9} " + " · ".join(
            f"{stage} {seconds:.2f}" for stage, seconds in r["stages"].items()))
    print("seconds by stage:", *breakdown, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
