"""Speed of the structured readers, flatten and the HTML export on large synthetic threads.

Run: .venv/bin/python tests/bench/bench_formats.py [COMMENTS]
Prints seconds per step; nothing here asserts a time (the machine is shared).
"""

from __future__ import annotations

import json
import random
import sys
import time

from threadloom.threading.decode import Decoded
from threadloom.threading.export import to_json
from threadloom.threading.flatten import flatten
from threadloom.threading.html import to_html
from threadloom.threading.loader import load


def generic(n: int, rng: random.Random) -> str:
    rows = []
    for i in range(n):
        parent = None if i == 0 or rng.random() < 0.2 else f"id{rng.randrange(max(0, i - 50), i)}"
        rows.append({"id": f"id{i}", "parent_id": parent, "author": f"user{i % 97}",
                     "created_at": 1600000000 + i * 30,
                     "text": f"Comment {i} says something about the topic.\nA second paragraph."})
    return json.dumps(rows)


def reddit(n: int, rng: random.Random) -> str:
    def comment(i: int) -> dict:
        return {"kind": "t1", "data": {"id": f"k{i}", "name": f"t1_k{i}", "author": f"u{i % 50}",
                                       "body": f"Reply {i} &amp; more.\n\nSecond.",
                                       "created_utc": 1600000000 + i, "replies": ""}}
    top = []
    stack: list[dict] = []
    for i in range(n):
        node = comment(i)
        if stack and rng.random() < 0.6:
            parent = stack[-1]
            if parent["data"]["replies"] == "":
                parent["data"]["replies"] = {"kind": "Listing", "data": {"children": []}}
            parent["data"]["replies"]["data"]["children"].append(node)
        else:
            top.append(node)
            stack.clear()
        stack.append(node)
        if len(stack) > 30:
            stack = stack[-5:]
    post = {"kind": "Listing", "data": {"children": [
        {"kind": "t3", "data": {"id": "p", "name": "t3_p", "title": "Bench", "selftext": ""}}]}}
    return json.dumps([post, {"kind": "Listing", "data": {"children": top}}])


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<28} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    rng = random.Random(7)
    for name, make in (("generic json", generic), ("reddit json", reddit)):
        text = make(n, rng)
        print(f"{name}: {n} comments, {len(text) / 1e6:.1f} MB")
        d = timed("  load (detect + read)", lambda t=text: load(Decoded(t, "utf-8", "bench")))
        timed("  flatten page", lambda d=d: flatten(d, "page"))
        timed("  html", lambda d=d: to_html(d))
        exported = timed("  threadloom json export", lambda d=d: json.dumps(to_json(d)))
        timed("  threadloom json read back", lambda e=exported: load(Decoded(e, "utf-8")))


if __name__ == "__main__":
    main()
