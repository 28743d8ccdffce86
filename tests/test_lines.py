from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from threadloom.threading.lines import display_safe, split_lines, text_lines


def test_physical_numbers_count_blank_lines_and_all_newline_styles():
    lines = split_lines("a\r\n\r\nb\rc\n\n")
    got = [(sl.number, sl.text) for sl in lines]
    assert got == [(1, "a"), (2, ""), (3, "b"), (4, "c"), (5, "")]


def test_escape_sequences_are_neutralised():
    safe = display_safe("\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07")
    assert "\x1b" not in safe and "\x07" not in safe
    assert safe.startswith("␛[31mred")


def test_bidi_overrides_and_c1_controls_are_replaced():
    safe = display_safe("abc\u202edef\u2066x\x9b1m")
    assert all(ch not in safe for ch in "\u202e\u2066\x9b")


def test_tabs_expand_and_indent_is_kept():
    (line,) = split_lines("\tindented\ttext")
    assert line.indent == 4
    assert line.text == "indented    text"


def test_markup_is_kept_as_text():
    (line,) = split_lines("[/] [bold red]x[/bold red] [link=http://x]y[/link]")
    assert line.text == "[/] [bold red]x[/bold red] [link=http://x]y[/link]"


def test_a_one_megabyte_line():
    (line,) = split_lines("x" * 1_000_000 + "\n")
    assert len(line.text) == 1_000_000


@given(st.text())
def test_no_control_characters_survive(text):
    for sl in split_lines(text):
        assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in sl.text)
        assert "\n" not in sl.text


def test_text_lines_keeps_the_lines_with_text_in_order():
    lines = split_lines("one\n\n   \n  two\n\t\nthree")
    assert [(sl.number, sl.text) for sl in text_lines(lines)] == [(1, "one"), (4, "two"),
                                                                   (6, "three")]
