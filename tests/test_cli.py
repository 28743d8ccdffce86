"""The `threadloom` command as a user runs it: formats, samples, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from threadloom.tui.cli import main

HOSTILE = (
    "Title [bold red]not bold[/bold red]\n"
    "\n"
    "[link=http://evil]link[/link] and [/] and \x1b[2J\x1b]0;pwned\x07 in it.\n"
    "\n"
    "Hallo Peter, a reply\x00with NUL far from the start.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("sample", ["de", "da"])
@pytest.mark.parametrize("fmt", ["tree", "json", "markdown"])
def test_print_samples_in_every_format(capsys, sample, fmt):
    code, out, err = run(capsys, "print", "--sample", sample, "--format", fmt)
    assert code == 0, err
    assert "Klarna" in out or "klarna" in out.lower()


def test_printed_tree_counts_the_article_lead_and_body(capsys, fixtures):
    from threadloom.threading.pipeline import reconstruct

    dump = fixtures / "klarna-da.txt"  # a lead and a body
    article = reconstruct(dump.read_text(encoding="utf-8")).article
    assert article.lead and article.body
    code, out, _ = run(capsys, "print", str(dump))
    assert code == 0
    assert f"article ({len(article.lead) + len(article.body)} paragraphs)" in out


def test_json_schema_has_every_comment_field(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "threadloom/1"
    assert doc["source"]["line_count"] == 114
    assert doc["comments"]
    required = {"id", "parent", "lines", "author", "author_source", "language", "confidence",
                "evidence", "text", "depth", "date", "source_lines"}
    ids = set()
    for c in doc["comments"]:
        assert required <= set(c)
        first, last = c["lines"]
        assert 1 <= first <= last <= 114
        assert c["parent"] is None or c["parent"] in ids  # parents come first
        ids.add(c["id"])


def test_explain_shows_evidence_and_confidence(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--explain",
                       "--format", "markdown")
    assert code == 0
    assert "confidence" in out
    # The greeting cue names whom it saw, and the inferred author is explained.
    assert "greets Peter" in out
    assert "author Andreas inferred (greeting)" in out


def test_a_tree_printed_to_a_pipe_keeps_every_line_whole(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--explain")
    assert code == 0
    # Drawn at 80 columns, the evidence was cut off mid-word.
    assert "greets Peter: names the writer of the comment before (+" in out
    assert max(map(len, out.splitlines())) > 120
    assert not any(line != line.rstrip() for line in out.splitlines())  # and not padded


def test_markdown_nests_replies(capsys, fixtures):
    code, out, _ = run(capsys, "print", str(fixtures / "klarna-de.txt"), "--format", "markdown",
                       "--attacher", "chain")
    assert code == 0
    assert "\n> > " in out


def test_hostile_text_prints_literally(capsys, tmp_path):
    dump = tmp_path / "hostile.txt"
    dump.write_bytes(HOSTILE.encode())
    for fmt in ("tree", "markdown"):
        code, out, _ = run(capsys, "print", str(dump), "--format", fmt)
        assert code == 0
        assert "\x1b" not in out and "\x07" not in out and "\x00" not in out
        assert "[/]" in out
        assert "[link=http://evil]link[/link]" in out


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: (p / "b.bin").write_bytes(b"\x00\x01\x02PK\x00") and p / "b.bin", "binary"),
    ],
)
def test_bad_input_one_line_exit_2(capsys, tmp_path, make, message):
    code, _, err = run(capsys, "print", str(make(tmp_path)))
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_unknown_option_exit_2(capsys):
    code = None
    with pytest.raises(SystemExit) as exc:
        main(["print", "--format", "yaml"])
    code = exc.value.code
    assert code == 2


@pytest.mark.parametrize(
    "data",
    [
        "Zeile eins\r\nZeile zwei\r\n".encode("cp1252"),
        "\ufeffÆble og grød\nHej Mette, ja\n".encode("utf-16"),
        ("x" * 1_000_000 + "\nkurz\n").encode(),
    ],
    ids=["crlf-cp1252", "utf16", "1mb-line"],
)
def test_awkward_inputs_print(capsys, tmp_path, data):
    dump = tmp_path / "d.txt"
    dump.write_bytes(data)
    code, out, err = run(capsys, "print", str(dump), "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    texts = "\n".join(c["text"] for c in doc["comments"])
    if doc["article"]:
        texts += doc["article"]["text"]
    assert "\r" not in texts


def test_stdin_and_real_process(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "threadloom.tui", "print", "-", "--format", "json"],
        input="Grüße, erster Kommentar.\nNein, das stimmt nicht.\n".encode("cp1252"),
        capture_output=True, check=True,
    )
    doc = json.loads(out.stdout)
    assert doc["source"]["encoding"] == "cp1252"
    assert doc["source"]["name"] == "<stdin>"


def test_missing_file_in_a_real_process_has_no_traceback(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "threadloom.tui", "print", str(tmp_path / "x.txt")],
        capture_output=True, text=True,
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file" in out.stderr


def test_eval_reproduces_the_klarna_baselines(capsys, fixtures):
    code, out, _ = run(capsys, "eval", str(fixtures / "klarna-de.gold.json"), "--json")
    assert code == 0
    doc = json.loads(out)
    total = doc["total"]
    assert total["comments"] == 57
    assert round(total["baseline_all_root"], 3) == 0.439
    assert round(total["baseline_chain"], 3) == 0.561
    assert set(total) >= {"attachment", "attachment_gold_segments", "boundary_f1"}
    assert doc["files"][0]["file"] == "klarna-de.gold.json"


def test_eval_table(capsys, fixtures):
    code, out, _ = run(capsys, "eval", str(fixtures / "klarna-de.gold.json"))
    assert code == 0
    assert "0.439" in out and "0.561" in out
    assert "links by confidence" in out and "0.9–1.0" in out


def test_eval_bad_gold(capsys, tmp_path):
    bad = tmp_path / "x.gold.json"
    bad.write_text("{not json")
    code, _, err = run(capsys, "eval", str(bad))
    assert code == 2 and "not a gold file" in err
