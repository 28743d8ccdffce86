"""Text to physical lines, each made safe to show in a terminal."""

from __future__ import annotations

from dataclasses import dataclass

from .decode import normalise_newlines

TAB_SIZE = 4


def _control_table() -> dict[int, str]:
    # C0 controls and DEL become their visible Unicode "control pictures" (ESC -> ␛), so an
    # escape sequence shows as text instead of reaching the terminal; C1 controls, bidi
    # overrides and isolates (which could reorder what the user sees) become U+FFFD.
    table = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x09}
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    table.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table.update({0x2028: " ", 0x2029: " ", 0xFEFF: ""})
    return table


_SAFE = _control_table()


def display_safe(text: str) -> str:
    """Neutralise control characters and escape sequences; expand tabs."""
    if "\t" in text:
        text = text.expandtabs(TAB_SIZE)
    return text.translate(_SAFE)


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One physical line: 1-based number, display-safe text without outer blanks, indent."""

    number: int
    text: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> tuple[SourceLine, ...]:
    """Every physical line, blank ones included, numbered as an editor numbers them."""
    raw = normalise_newlines(text).split("\n")
    if raw and raw[-1] == "":
        raw.pop()  # the newline that ends the last line does not start another
    out = []
    for number, line in enumerate(raw, start=1):
        safe = display_safe(line).rstrip()
        stripped = safe.lstrip()
        out.append(SourceLine(number, stripped, len(safe) - len(stripped)))
    return tuple(out)
