"""End to end in a real terminal (tmux): search the German sample, bookmark, quit, reopen.

Drives the installed `threadloom` script with send-keys and reads the screen with
capture-pane, with a temporary THREADLOOM_HOME.  Skips without tmux or the script.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.tmux

SCRIPT = Path(sys.executable).with_name("threadloom")
WIDTH, HEIGHT = 120, 36


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _screen(session: str) -> str:
    return _tmux("capture-pane", "-p", "-t", session)


def _wait_for(session: str, pattern: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(session)
        if re.search(pattern, screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{pattern!r} never appeared; the screen was:\n{screen}")


def _keys(session: str, *keys: str) -> None:
    for key in keys:  # one at a time, as a person types
        _tmux("send-keys", "-t", session, key)
        # A lone ESC followed quickly by a key reads as alt+key: give escape its own moment.
        time.sleep(0.4 if key == "Escape" else 0.08)


def _start(session: str, home: Path) -> None:
    command = f"env THREADLOOM_HOME={home} {SCRIPT}; echo THREADLOOM-EXIT=$?; sleep 30"
    _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)


@pytest.fixture
def session():
    if shutil.which("tmux") is None or not SCRIPT.exists():
        pytest.skip("needs tmux and the venv's threadloom script")
    name = f"threadloom-e2e-{os.getpid()}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def _status(screen: str) -> str:
    return next(line for line in screen.splitlines() if re.match(r"^ comment \d", line))


def test_search_bookmark_quit_reopen(session, tmp_path):
    home = tmp_path / "home"
    _start(session, home)
    _wait_for(session, r"comments · \d+ thread")
    _keys(session, "/", *"Bazi")
    _wait_for(session, r"match 1/\d+")
    _keys(session, "Enter", "b")
    screen = _wait_for(session, r"★ bookmarked")
    where = re.match(r" comment \d+/\d+", _status(screen)).group(0)
    assert "★" in screen
    _keys(session, "q")
    _wait_for(session, r"THREADLOOM-EXIT=0")
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)

    listed = subprocess.run([str(SCRIPT), "bookmarks", "--json"], check=True, text=True,
                            capture_output=True, env={**os.environ, "THREADLOOM_HOME": str(home)})
    [mark] = json.loads(listed.stdout)["bookmarks"]
    assert "bazi" in f"{mark['author']} {mark['excerpt']}".lower()  # the name or the text

    _start(session, home)
    _wait_for(session, r"back where you left off")
    screen = _wait_for(session, r"★")  # the tree marks the bookmark
    assert _status(screen).startswith(where)  # the cursor is back on the bookmarked comment
    _keys(session, "B")
    screen = _wait_for(session, r"Bookmarks")
    assert mark["excerpt"][:30] in screen
    _keys(session, "Escape", "q")
    _wait_for(session, r"THREADLOOM-EXIT=0")


DUMP = """Ein Artikel über Ämter
Der erste Kommentar, ganz oben.
Hallo, eine Antwort darauf mit [bold]Markup[/bold] als Text.
Ein zweiter Thread beginnt hier.
"""


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_opens_a_file_and_stdin(session, tmp_path, how):
    dump = tmp_path / "dump.txt"
    dump.write_text(DUMP, encoding="utf-8")
    home = tmp_path / "home"
    run = f"{SCRIPT} {dump}" if how == "file" else f"cat {dump} | {SCRIPT} -"
    command = f"env THREADLOOM_HOME={home} sh -c '{run}'; echo THREADLOOM-EXIT=$?; sleep 30"
    _tmux("new-session", "-d", "-s", session, "-x", str(WIDTH), "-y", str(HEIGHT), command)
    _wait_for(session, r"comments? · \d+ thread")
    _keys(session, "G")  # keys reach the app even when the dump came through stdin
    screen = _wait_for(session, r"Ein zweiter Thread")
    assert "[bold]Markup[/bold]" in screen
    _keys(session, "q")
    _wait_for(session, r"THREADLOOM-EXIT=0")
