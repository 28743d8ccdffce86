"""flatten against the shared gold set: rebuilding each omp thread from its gold tree and
flattening it must give back the very dump and gold the corpus holds.

That makes flattened structured threads (Reddit, Disqus, mail...) evaluation cases of the
same kind as the hand-made gold set. Reads ../shared only; skipped without it.
"""

from __future__ import annotations

import json
import re

import pytest
from threadloom.threading.decode import Decoded
from threadloom.threading.flatten import flatten
from threadloom.threading.loader import load

pytestmark = pytest.mark.shared

_MONTHS = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"]
_PAGE_DATE = re.compile(r"(\d+)\. (\w+) (\d{4}), (\d+):(\d+)$")


def _iso(date_line: str) -> str:
    m = _PAGE_DATE.match(date_line)
    assert m, date_line
    month = _MONTHS.index(m[2].lower().replace("jänner", "januar")) + 1
    return f"{m[3]}-{month:02d}-{int(m[1]):02d} {int(m[4]):02d}:{m[5]}"


def _records(gold: dict, lines: list[str], style: str) -> list[dict]:
    out = []
    for c in gold["comments"]:
        body = [line for line in lines[c["start"] - 1:c["end"]] if line.strip()]
        record = {"id": str(c["start"]), "parent": str(c["parent"]) if c["parent"] else None}
        if style == "page":
            author, date, *body, _action = body
            record |= {"author": author, "created": _iso(date)}
        out.append(record | {"text": "\n".join(body)})
    return out


@pytest.mark.parametrize("style", ["bare", "blank", "page"])
def test_flatten_reproduces_the_gold_set(shared_gold, style):
    suffix = {"bare": "", "blank": "-blank", "page": "-page"}[style]
    paths = sorted(p for p in (shared_gold / "omp-dev").glob(f"omp-*{suffix}.gold.json")
                   if style != "bare" or not p.name.endswith(("-blank.gold.json",
                                                              "-page.gold.json")))
    if not paths:
        pytest.skip("no omp-dev threads in ../shared/gold")
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / gold["dump"]).read_text(encoding="utf-8")
        doc = json.dumps(_records(gold, text.split("\n"), style))
        d = load(Decoded(doc, "utf-8", path.name), input_format="json")
        flat = flatten(d, style, dump_name=gold["dump"])
        # Der Standard is Austrian: "Jänner" where our German lexicon says "Januar".
        expected = re.sub(r"^(\d+\. )Jänner( \d{4}, \d)", r"\1Januar\2", text, flags=re.M)
        assert flat.text == expected, path.name
        ours = [(c["start"], c["end"], c["parent"]) for c in flat.gold["comments"]]
        assert ours == [(c["start"], c["end"], c["parent"]) for c in gold["comments"]], path.name
