"""Fixtures for the reader's tests; the fixed discussion itself is in tui_fixtures.py."""

from __future__ import annotations

import pytest
from threadloom.threading.model import Discussion
from threadloom.tui.app import ThreadloomApp, make_app
from threadloom.tui.store import Store
from tui_fixtures import fixed_discussion


@pytest.fixture
def discussion() -> Discussion:
    return fixed_discussion()


@pytest.fixture
def store(home) -> Store:
    return Store()


@pytest.fixture
def app(discussion, store) -> ThreadloomApp:
    return make_app(discussion, store=store)
