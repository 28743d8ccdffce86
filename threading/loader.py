"""Any input to a Discussion: detect the format, then read it or reconstruct it.

A structured input (JSON, XML exports, mbox, CSV) is read with its given structure; a
flat dump goes through the reconstructor. Every command and the reader open files
through `load`, so all of them accept every format.
"""

from __future__ import annotations

from .attach import DEFAULT_ATTACHER
from .decode import Decoded
from .formats import TEXT, canonical, read_structured, sniff
from .model import Discussion
from .pipeline import reconstruct_decoded


def load(
    decoded: Decoded,
    *,
    input_format: str | None = None,
    order: str = "depth-first",
    attacher: str = DEFAULT_ATTACHER,
) -> Discussion:
    """`input_format` None: detect it from the content; else that format or an InputError."""
    fmt, doc = sniff(decoded.text) if input_format is None else (canonical(input_format), None)
    if fmt == TEXT:
        return reconstruct_decoded(decoded, order=order, attacher=attacher)
    return read_structured(decoded.text, fmt, name=decoded.name, encoding=decoded.encoding,
                           doc=doc)
