"""Exports from any input (JSON that reads back, Markdown, HTML) and the CLI wiring."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from threadloom.threading.decode import Decoded, read_source
from threadloom.threading.export import to_json
from threadloom.threading.formats import read_structured
from threadloom.threading.html import to_html
from threadloom.threading.loader import load
from threadloom.tui.cli import _discussion, _open_parser, main

FORMATS = Path(__file__).parent / "fixtures" / "formats"
EVERY_FORMAT = ["generic.json", "generic.jsonl", "reddit.json", "hn-algolia.json",
                "hn-items.jsonl", "disqus.xml", "wxr.xml", "list.mbox", "comments.csv"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class _Nesting(HTMLParser):
    """Checks that tags balance and measures how deep <details> nest."""

    VOID = frozenset({"meta", "br", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.deepest = 0
        self.details = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        if tag == "details":
            self.details += 1
            self.deepest = max(self.deepest, self.stack.count("details"))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()


@pytest.mark.parametrize("name", [*EVERY_FORMAT, "../klarna-de.txt"])
def test_threadloom_json_reads_back_exactly(name):
    d = load(read_source(FORMATS / name))
    exported = json.dumps(to_json(d), ensure_ascii=False)
    again = load(Decoded(exported, "utf-8", "tree.json"))
    assert again.source.input_format == d.source.input_format  # the source block survives
    assert to_json(again) == to_json(d)
    if d.source.input_format != "text":  # nothing rounded: the model itself is equal
        assert again == d


def test_threadloom_json_refuses_broken_links():
    doc = to_json(load(read_source(FORMATS / "generic.jsonl")))
    doc["comments"][1]["parent"] = "nobody"
    with pytest.raises(Exception, match="does not come before it"):
        read_structured(json.dumps(doc), "threadloom")
    doc["schema"] = "threadloom/99"
    with pytest.raises(Exception, match="schema"):
        read_structured(json.dumps(doc), "threadloom")


def test_html_nests_replies_in_details():
    d = load(read_source(FORMATS / "generic.json"))
    page = to_html(d, explain=True)
    check = _Nesting()
    check.feed(page)
    assert check.stack == []
    assert check.details == len(d.comments)
    assert check.deepest == max(c.depth for c in d.comments) + 1
    assert "<script" not in page and "http" not in page.split("<body>")[0].replace(
        'content="width', "")  # self-contained: nothing loaded from elsewhere
    assert page.count('class="c placeholder"') == 2
    assert "given by source" in page  # --explain


def test_markdown_sets_placeholders_apart():
    from threadloom.threading.export import to_markdown

    text = to_markdown(load(read_source(FORMATS / "generic.json")))
    assert "> *[deleted]*" in text and "*missing message*" in text
    assert "> > No need to be rude" in text


def test_html_escapes_everything_from_the_input():
    doc = [{"id": "1", "author": "<b>x</b>", "text": "</details><script>alert(1)</script>"},
           {"id": "2", "parent": "1", "text": "a & b \"quoted\" <i>"}]
    page = to_html(load(Decoded(json.dumps(doc), "utf-8", "<evil>.json")))
    assert "<script>" not in page and "<b>x</b>" not in page
    assert "&lt;/details&gt;&lt;script&gt;" in page
    assert "&lt;evil&gt;.json" in page


def test_html_of_a_very_deep_thread():
    doc = [{"id": str(i), "parent": str(i - 1) if i else None, "text": f"r{i}"}
           for i in range(3000)]
    page = to_html(load(Decoded(json.dumps(doc), "utf-8")))
    assert page.count("<details open") == 3000 and page.count("</details>") == 3000


@pytest.mark.parametrize("fmt", ["tree", "json", "markdown", "html"])
@pytest.mark.parametrize("name", ["reddit.json", "list.mbox", "wxr.xml"])
def test_print_every_output_from_structured_inputs(capsys, name, fmt):
    code, out, err = run(capsys, "print", str(FORMATS / name), "--format", fmt)
    assert code == 0, err
    d = load(read_source(FORMATS / name))
    assert d.comments[0].author in out


def test_print_html_from_a_flat_dump(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "Klarna" in out
    assert "structure reconstructed" in out


def test_structured_input_through_stdin():
    import subprocess
    import sys

    data = (FORMATS / "hn-items.jsonl").read_bytes()
    done = subprocess.run([sys.executable, "-m", "threadloom.tui", "print", "-", "--format",
                           "json"], input=data, capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    assert doc["source"]["input_format"] == "hn" and len(doc["comments"]) == 3


def test_input_format_is_forced_or_refused(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(FORMATS / "comments.csv"), "-I", "csv", "--format",
                       "json")
    assert code == 0 and json.loads(out)["source"]["input_format"] == "csv"
    code, _, err = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--input-format", "json")
    assert code == 2 and "JSON" in err
    with pytest.raises(SystemExit) as exited:
        main(["print", str(FORMATS / "comments.csv"), "-I", "yaml"])
    assert exited.value.code == 2
    assert "unknown input format 'yaml'" in capsys.readouterr().err


def test_help_explains_input_and_output_formats(capsys):
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    out = capsys.readouterr().out
    assert "--input-format" in out and "html" in out and "OUTPUT format" in out
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert re.search(r"^\s+mbox\s+mbox mailing-list archive", out, re.M)
    assert "threadloom flatten" in out


@pytest.mark.parametrize("name", EVERY_FORMAT)
def test_open_path_reads_every_format(name):
    """`threadloom FILE` builds its Discussion through the loader (no --format needed)."""
    d = _discussion(_open_parser().parse_args([str(FORMATS / name)]))
    assert d.source.input_format != "text" and d.comments


def test_open_accepts_a_forced_format():
    d = _discussion(_open_parser().parse_args(["--format", "email", str(FORMATS / "list.mbox")]))
    assert d.source.input_format == "mbox"
    d = _discussion(_open_parser().parse_args(["-I", "text", str(FORMATS / "list.mbox")]))
    assert d.source.input_format == "text"  # forced: reconstructed as a flat dump


@pytest.mark.parametrize("name", EVERY_FORMAT)
async def test_every_format_opens_in_the_reader(name):
    from threadloom.tui.app import make_app

    d = _discussion(_open_parser().parse_args([str(FORMATS / name)]))
    app = make_app(d, store=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.tree.key == d.comments[0].id  # the first comment, read from the source
        assert app.is_running
