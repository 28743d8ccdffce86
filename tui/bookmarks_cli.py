"""`threadloom bookmarks [--json]`: list saved bookmarks from the shell."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .labels import counted
from .store import Store


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="threadloom bookmarks",
        description="List the bookmarks saved in the reader (press b on a comment to add one).",
        epilog="The database lives in the user data directory; THREADLOOM_HOME overrides it.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def cmd_bookmarks(argv: Sequence[str]) -> int:
    args = _parser().parse_args(argv)
    store = Store()
    if store.notice:
        print(f"threadloom: {store.notice}", file=sys.stderr)
    marks = store.bookmarks()
    if args.json:
        json.dump({"database": str(store.path), "bookmarks": [b.as_dict() for b in marks]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    console = Console(highlight=False)
    if not marks:
        console.print(Text(f"No bookmarks yet ({store.path})."))
        return 0
    table = Table(title=Text(counted(len(marks), "bookmark")),
                  caption=Text(str(store.path)), show_lines=False)
    for name in ("source", "line", "author", "excerpt", "saved"):
        table.add_column(name, overflow="fold" if name == "excerpt" else "ellipsis",
                         no_wrap=name != "excerpt", justify="right" if name == "line" else "left")
    for b in marks:
        # Every cell is a Text: titles and excerpts come from dumps and may hold markup.
        table.add_row(
            Text(b.source), Text(str(b.line or "")), Text(b.author or "?"), Text(b.excerpt),
            Text(time.strftime("%Y-%m-%d %H:%M", time.localtime(b.created))),
        )
    console.print(table)
    return 0
