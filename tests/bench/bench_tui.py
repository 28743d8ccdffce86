"""Time the reader on a large synthetic discussion: first paint and key-press latency.

    python tests/bench/bench_tui.py [N_COMMENTS]      (default 100000)

The discussion is built straight from model dataclasses (seeded random tree, depth-first
order), so this measures the reader only, not the reconstructor.  Targets from the issue:
first paint <= 1.5 s, a key press <= 50 ms.  Headless (Textual's test driver), 120x40.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time

from threadloom.threading.model import Article, Comment, Discussion, Line, Role, Source
from threadloom.tui.app import make_app
from threadloom.tui.store import Store

WORDS = (
    "Bürokratie", "Amt", "Antrag", "Formular", "digital", "KI", "Kundendienst", "Bazi",
    "Arbeit", "Zukunft", "warten", "Behörde", "Termin", "Brief", "Einschreiben", "Papier",
    "Computer", "Software", "Menschen", "Jahre",
)


def synthetic(n: int, seed: int = 7) -> Discussion:
    rng = random.Random(seed)
    comments: list[Comment] = []
    stack: list[tuple[str, int]] = []  # the current path: (id, depth)
    for i in range(n):
        # Depth-first: reply to something on the current path, or start a new thread.
        r = rng.random()
        if not stack or r < 0.12:
            stack = []
        elif r < 0.55:
            stack = stack[: rng.randint(1, len(stack))]
        parent, depth = (stack[-1][0], stack[-1][1] + 1) if stack else (None, 0)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
        cid = f"c{i:07d}"
        comments.append(Comment(id=cid, index=i, lines=(Line(i + 3, text, Role.TEXT),),
                                parent=parent, depth=depth, confidence=rng.random()))
        stack.append((cid, depth))
    article = Article((Line(1, "Synthetic discussion", Role.TITLE),
                       Line(2, "A generated article body.", Role.BODY)))
    return Discussion(title="Synthetic discussion", language="de", article=article, chrome=(),
                      comments=tuple(comments),
                      source=Source(name="synthetic", line_count=n + 2, fingerprint=f"bench{n}"))


async def measure(d: Discussion) -> dict[str, float]:
    out: dict[str, float] = {}
    store = Store()
    start = time.perf_counter()
    app = make_app(d, store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        # run_test returns once the screen is mounted and its first frame composed.
        out["first paint (s)"] = time.perf_counter() - start

        async def per_key(keys: list[str], name: str) -> None:
            # Pilot waits for the process to go idle (by polling, ~100 ms per key), so wall
            # time measures Pilot; the CPU time the process spends handling the key and
            # repainting is the latency a person sees (plus at most one 60 Hz frame).
            times = []
            for key in keys:
                t = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                times.append((time.process_time() - t) * 1000)
            out[f"{name} median (ms)"] = statistics.median(times)
            out[f"{name} max (ms)"] = max(times)

        await per_key(["x"] * 50, "unbound key (Pilot's own cost)")
        await per_key(["j"] * 100, "j")
        await per_key(["k"] * 20, "k")
        await per_key(["space"] * 20, "space fold/unfold")
        await per_key(["right_curly_bracket"] * 50, "} next thread")
        await per_key(["G", "g"] * 5, "G/g")
        await per_key(["z", "Z"] * 3, "z/Z fold/unfold all")
        await per_key(["3", "9"] * 3, "fold to depth")
        await per_key(["b"] * 10, "b bookmark")
        await pilot.press("slash")
        await per_key(list("burokratie"), "search keystroke")
        await pilot.press("enter")
        await per_key(["n"] * 20, "n next match")
        out["matches"] = len(app.matches)
    return out


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    os.environ["THREADLOOM_HOME"] = tempfile.mkdtemp(prefix="threadloom-bench-")
    t = time.perf_counter()
    d = synthetic(n)
    build = time.perf_counter() - t
    print(f"{n:,} comments, {d.thread_count:,} threads, max depth "
          f"{max(c.depth for c in d.comments)} (model built in {build:.2f} s, not counted)")
    for name, value in asyncio.run(measure(d)).items():
        print(f"  {name:<34} {value:10.1f}" if "(" in name else f"  {name:<34} {value:10,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
