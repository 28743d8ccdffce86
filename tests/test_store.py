"""Bookmarks and reading positions in SQLite: persistence, concurrency, corruption."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import time

from threadloom.tui.bookmarks_cli import cmd_bookmarks
from threadloom.tui.store import DB_NAME, Bookmark, Store, data_home


def mark(cid: str, fp: str = "fp1", excerpt: str = "some words") -> Bookmark:
    return Bookmark(fingerprint=fp, comment_id=cid, source="dump.txt", title="A title",
                    author="Anna", line=3, excerpt=excerpt, created=time.time())


def test_home_comes_from_the_environment(home):
    assert data_home() == home
    assert Store().path == home / DB_NAME


def test_bookmarks_survive_a_new_store(home):
    Store().add_bookmark(mark("c1"))
    Store().add_bookmark(mark("c2"))
    Store().add_bookmark(mark("x", fp="other"))
    again = Store()
    assert [b.comment_id for b in again.bookmarks("fp1")] == ["c1", "c2"]
    assert again.bookmarked_ids("other") == {"x"}
    assert len(again.bookmarks()) == 3
    assert again.remove_bookmark("fp1", "c1")
    assert not again.remove_bookmark("fp1", "c1")
    assert again.bookmarked_ids("fp1") == {"c2"}


def test_adding_twice_keeps_one(home):
    s = Store()
    s.add_bookmark(mark("c1"))
    s.add_bookmark(mark("c1", excerpt="newer"))
    [only] = s.bookmarks("fp1")
    assert only.excerpt == "newer"


def test_position_round_trip(home):
    s = Store()
    assert s.position("fp1") is None
    s.save_position("fp1", "dump.txt", "c7", ["c1", "c2"])
    pos = Store().position("fp1")
    assert pos is not None and pos.cursor == "c7" and pos.folded == ("c1", "c2")


def test_the_database_uses_wal(home):
    Store()
    conn = sqlite3.connect(home / DB_NAME)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_corrupt_database_is_moved_aside_not_deleted(home):
    home.mkdir(parents=True)
    (home / DB_NAME).write_bytes(b"this is not a database" * 100)
    s = Store()
    assert s.notice is not None and "moved it to" in s.notice
    aside = list(home.glob(f"{DB_NAME}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    s.add_bookmark(mark("c1"))  # and the new one works
    assert s.bookmarked_ids("fp1") == {"c1"}


def _writer(home: str, worker: int, n: int) -> None:
    import os

    os.environ["THREADLOOM_HOME"] = home
    s = Store()
    for i in range(n):
        s.add_bookmark(mark(f"w{worker}-{i}"))
        s.save_position("fp1", "dump.txt", f"w{worker}-{i}", [])


def test_two_instances_at_once_lose_nothing(home):
    Store()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(home), w, 40)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert len(Store().bookmarks("fp1")) == 80


def test_bookmarks_command_lists_as_table_and_json(home, capsys):
    assert cmd_bookmarks([]) == 0
    assert "No bookmarks yet" in capsys.readouterr().out
    Store().add_bookmark(mark("c1", excerpt="[bold red]literal[/] text"))
    assert cmd_bookmarks([]) == 0
    out = capsys.readouterr().out
    assert "[bold red]literal[/]" in out  # markup in an excerpt prints as text
    assert "1 bookmark\n" in out or "1 bookmark " in out
    assert cmd_bookmarks(["--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [b] = data["bookmarks"]
    assert (b["comment_id"], b["author"], b["line"]) == ("c1", "Anna", 3)
