"""CSV (or TSV, semicolon-separated) with a header row naming id, parent and text columns."""

from __future__ import annotations

import csv
import io

from ..decode import InputError
from . import generic
from .records import Thread

_DELIMITERS = ",;\t|"


def _columns(header: list[str]) -> dict[str, str]:
    """Our field -> the column that holds it, by the common names generic JSON accepts."""
    lower = {h.strip().lower(): h for h in header}
    found = {}
    for field, keys in (("id", generic.ID_KEYS), ("parent", generic.PARENT_KEYS),
                        ("text", generic.TEXT_KEYS), ("author", generic.AUTHOR_KEYS),
                        ("date", generic.DATE_KEYS)):
        column = next((lower[k.lower()] for k in keys if k.lower() in lower), None)
        if column is not None:
            found[field] = column
    return found


def _dialect(head: str) -> str:
    first_line = head.split("\n", 1)[0]
    return max(_DELIMITERS, key=first_line.count)


def looks_like(head: str) -> bool:
    first_line = head.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = _dialect(first_line)
    if first_line.count(delimiter) < 2:
        return False
    header = next(csv.reader([first_line], delimiter=delimiter), [])
    return {"id", "parent", "text"} <= set(_columns(header))


def read(text: str) -> Thread:
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("csv: the file is empty") from None
    except csv.Error as exc:
        raise InputError(f"csv: {exc}") from None
    columns = _columns(header)
    missing = {"id", "parent", "text"} - set(columns)
    if missing:
        raise InputError(f"csv: no {', '.join(sorted(missing))} column in the header "
                         f"({', '.join(header)})")
    rows = []
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(f"csv: row {number} has {len(row)} fields, the header "
                                 f"{len(header)}")
            cells = dict(zip(header, row, strict=True))
            # Empty cells mean "no value"; ids and parents are then looked up like generic JSON.
            rows.append({field: cells[column] if cells[column].strip() else None
                         for field, column in columns.items()})
    except csv.Error as exc:
        raise InputError(f"csv: {exc} (row {reader.line_num})") from None
    return generic.read(rows)
