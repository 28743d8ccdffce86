"""Package data: the sample dumps and the cue lexicons."""

from __future__ import annotations

from importlib import resources

SAMPLES = {"de": "klarna-de.txt", "da": "klarna-da.txt"}
DEFAULT_SAMPLE = "de"


def sample_bytes(name: str = DEFAULT_SAMPLE) -> bytes:
    """The raw bytes of a shipped sample, by language code or file name."""
    filename = SAMPLES.get(name, name)
    if filename not in SAMPLES.values():
        raise KeyError(f"no sample {name!r} (known: {', '.join(SAMPLES)})")
    return resources.files(__name__).joinpath("samples", filename).read_bytes()
