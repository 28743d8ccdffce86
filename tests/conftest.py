from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED_GOLD = REPO.parent / "shared" / "gold"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh THREADLOOM_HOME (bookmarks, positions, keymap) for one test."""
    monkeypatch.setenv("THREADLOOM_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def shared_gold() -> Path:
    if not (SHARED_GOLD / "README.md").exists():
        pytest.skip("../shared/gold is not beside the repo")
    return SHARED_GOLD


@pytest.fixture
def hasty_model() -> dict[str, float]:
    """Attach weights that put every comment they can at the top level, as a greedy decode
    might: all they know of time is that a reply comes after its parent and after the
    replies to it listed before (so later comments' dates send the decode back)."""
    return {"top_level": 1.0, "step_0": 0.5, "date_before_parent": -5.0,
            "date_before_sibling": -5.0}
