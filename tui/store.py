"""Bookmarks and reading positions, kept in SQLite in the user data directory.

Keyed by the dump's fingerprint (sha256 of its text) plus the comment's stable id, so they
survive restarts and re-runs of the reconstructor.  Each write is one short transaction
in WAL mode with a busy timeout, so two readers open at once lose nothing.  A database
that is not SQLite (or fails its check) is moved aside and reported, never deleted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_data_path

HOME_ENV = "THREADLOOM_HOME"
DB_NAME = "threadloom.sqlite3"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 5.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmark (
    fingerprint TEXT NOT NULL,
    comment_id  TEXT NOT NULL,
    source      TEXT NOT NULL,
    title       TEXT NOT NULL,
    author      TEXT,
    line        INTEGER,
    excerpt     TEXT NOT NULL,
    created     REAL NOT NULL,
    PRIMARY KEY (fingerprint, comment_id)
);
CREATE TABLE IF NOT EXISTS position (
    fingerprint TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    cursor      TEXT,
    folded      TEXT NOT NULL,
    updated     REAL NOT NULL
);
"""


def data_home() -> Path:
    """THREADLOOM_HOME if set (tests use it), else the platform's user data directory."""
    override = os.environ.get(HOME_ENV)
    return Path(override) if override else user_data_path("threadloom", appauthor=False)


@dataclass(frozen=True)
class Bookmark:
    fingerprint: str
    comment_id: str
    source: str  # where the dump came from, as given on the command line
    title: str  # the discussion's title, so the list reads well without the dump
    author: str | None
    line: int | None
    excerpt: str
    created: float

    def as_dict(self) -> dict[str, object]:
        # the fields in order, the time as ISO 8601 UTC
        return {**asdict(self),
                "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.created))}


@dataclass(frozen=True)
class Position:
    cursor: str | None
    folded: tuple[str, ...]


class Store:
    """A handle on the database; each method opens a short transaction."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_home() / DB_NAME
        self.notice: str | None = None  # set when the database had to be moved aside
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._init()
        except sqlite3.DatabaseError as exc:
            moved = self._move_aside()
            self.notice = f"the bookmarks database was unreadable ({exc}); moved it to {moved}"
            self._init()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _init(self) -> None:
        with closing(self._connect()) as conn:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript(_SCHEMA)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _move_aside(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        self.path.rename(target)
        for suffix in ("-wal", "-shm"):  # stale journals belong to the moved file
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        return target

    # -- bookmarks ------------------------------------------------------------------
    def add_bookmark(self, bookmark: Bookmark) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO bookmark VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (bookmark.fingerprint, bookmark.comment_id, bookmark.source, bookmark.title,
                 bookmark.author, bookmark.line, bookmark.excerpt, bookmark.created),
            )

    def remove_bookmark(self, fingerprint: str, comment_id: str) -> bool:
        with self._tx() as conn:
            cur = conn.execute(
                "DELETE FROM bookmark WHERE fingerprint = ? AND comment_id = ?",
                (fingerprint, comment_id),
            )
            return cur.rowcount > 0

    def bookmarks(self, fingerprint: str | None = None) -> list[Bookmark]:
        """Bookmarks of one dump (or all), oldest first."""
        with closing(self._connect()) as conn:
            if fingerprint is None:
                rows = conn.execute("SELECT * FROM bookmark ORDER BY created, rowid").fetchall()
            else:
                rows = conn.execute(
                    "SELECT * FROM bookmark WHERE fingerprint = ? ORDER BY created, rowid",
                    (fingerprint,),
                ).fetchall()
        return [Bookmark(**dict(row)) for row in rows]

    def bookmarked_ids(self, fingerprint: str) -> set[str]:
        return {b.comment_id for b in self.bookmarks(fingerprint)}

    # -- reading position -----------------------------------------------------------
    def save_position(self, fingerprint: str, source: str, cursor: str | None,
                      folded: list[str]) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO position VALUES (?, ?, ?, ?, ?)",
                (fingerprint, source, cursor, json.dumps(folded), time.time()),
            )

    def position(self, fingerprint: str) -> Position | None:
        with closing(self._connect()) as conn:
            row = conn.execute(
                "SELECT cursor, folded FROM position WHERE fingerprint = ?", (fingerprint,)
            ).fetchone()
        if row is None:
            return None
        try:
            folded = json.loads(row["folded"])
        except ValueError:
            folded = []
        if not isinstance(folded, list):
            folded = []
        return Position(row["cursor"], tuple(str(k) for k in folded))
