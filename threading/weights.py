"""The fitted weights that ship in threadloom.data/weights.json (made by `fit.py`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from types import MappingProxyType

WEIGHTS_FILE = "weights.json"


@cache
def _fitted() -> dict:
    """The whole file, read once: every model and part is picked from it."""
    path = resources.files("threadloom.data").joinpath(WEIGHTS_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@cache
def weights(model: str, part: str = "weights") -> MappingProxyType[str, float]:
    """One model's weights ("boundary" or "attach"; `part` "page_weights" for the attach
    weights of dumps whose dates run forward, see features.DumpFacts); empty when none were
    fitted yet."""
    return MappingProxyType(dict(_fitted().get(model, {}).get(part, {})))
