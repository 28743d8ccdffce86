"""Structured inputs: detection, each reader, and the malformed files real exports produce."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from threadloom.threading.decode import Decoded, InputError, read_source
from threadloom.threading.formats import detect, read_structured
from threadloom.threading.formats.mbox import fold_quotes
from threadloom.threading.loader import load
from threadloom.threading.model import AuthorSource, Discussion

FORMATS = Path(__file__).parent / "fixtures" / "formats"

DETECTED = {
    "generic.json": "json",
    "generic.jsonl": "json",
    "cycle.json": "json",
    "duplicate-ids.json": "json",
    "wrong-types.json": "json",
    "reddit.json": "reddit",
    "hn-algolia.json": "hn",
    "hn-items.jsonl": "hn",
    "disqus.xml": "disqus",
    "wxr.xml": "wxr",
    "list.mbox": "mbox",
    "comments.csv": "csv",
}


def open_fixture(name: str, fmt: str | None = None) -> Discussion:
    return load(read_source(FORMATS / name), input_format=fmt)


def shape(d: Discussion) -> list[tuple[int, str]]:
    """(depth, first words) of every comment, depth-first: the tree at a glance."""
    return [(c.depth, " ".join(c.text.split()[:3])) for c in d.comments]


def check_invariants(d: Discussion) -> None:
    numbers = [line.number for _, line in d.placed_lines()]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert d.source.line_count == len(numbers)
    seen: set[str] = set()
    for i, c in enumerate(d.comments):
        assert c.index == i and c.lines
        assert c.parent is None or c.parent in seen  # parents come first
        expected_depth = 0 if c.parent is None else d[c.parent].depth + 1
        assert c.depth == expected_depth
        assert c.evidence and c.evidence[0].cue in ("source", "subject")
        if c.author:
            assert c.author_source is AuthorSource.GIVEN
        seen.add(c.id)
    assert [c.id for c in d.descendants(None)] == [c.id for c in d.comments]


@pytest.mark.parametrize(("name", "fmt"), sorted(DETECTED.items()))
def test_detected_and_well_formed(name, fmt):
    text = read_source(FORMATS / name).text
    assert detect(text) == fmt
    d = open_fixture(name)
    assert d.source.input_format == fmt
    assert d.comments
    check_invariants(d)


def test_flat_dumps_still_go_to_the_reconstructor(fixtures):
    decoded = read_source(fixtures / "klarna-de.txt")
    assert detect(decoded.text) == "text"
    assert load(decoded).source.input_format == "text"
    for dump in ("[Zitat] Das stimmt so nicht.\nDoch.\n", "{sic} kein JSON\n", "id,text\n",
                 "From here on it gets weird.\nEdit: never mind.\n",
                 "Subject: the new tram line\nDate: unknown\nI like it.\n",
                 "<3 this article\n", "id, parent and text are what I want\n"):
        assert detect(dump) == "text"


def test_generic_json_fields_nesting_and_placeholders():
    d = open_fixture("generic.json")
    assert d.title == "Should the town library open on Sundays?"
    assert shape(d) == [
        (0, "Yes, please. Sunday"),
        (1, "Same here. And"),
        (1, "[deleted]"),  # deleted, but it has a reply: kept as a placeholder
        (2, "No need to"),
        (0, "Who pays for"),  # parent 0: top level
        (1, "The council minutes"),  # nested under "replies"
        (0, "missing message"),  # parent 99 is not in the file
        (1, "Replying to the"),
    ]  # the deleted spam comment without replies is gone
    first = d.comments[0]
    assert first.paragraphs == ("Yes, please. Sunday is the only day I have time to browse.",
                                "Weekday evenings are too short.")
    assert first.author == "margit" and first.date == "2024-03-02 09:14"
    assert first.confidence == 1.0 and first.evidence[0].detail == "given by source"
    placeholders = [c for c in d.comments if c.placeholder]
    assert [c.text for c in placeholders] == ["[deleted]", "missing message"]
    assert placeholders[0].author is None  # a deleted comment's author is not shown
    assert placeholders[0].author_source is AuthorSource.NONE
    assert "99" in placeholders[1].evidence[0].detail


def test_jsonl_with_other_field_names():
    d = open_fixture("generic.jsonl")
    assert shape(d) == [(0, "The new bus"), (1, "That was the"), (2, "Exactly. Night shift"),
                        (0, "Is there a"), (1, "Until the 15th,")]
    assert d.comments[0].author == "Ruth"  # "user": {"name": ...}
    assert d.comments[0].date == "2024-03-02 09:00"  # Unix seconds, UTC


def test_cycles_are_cut_at_a_placeholder_not_moved_to_the_top():
    d = open_fixture("cycle.json")
    check_invariants(d)
    assert shape(d) == [(0, "missing message"), (1, "I think the"), (2, "Fair for whom?"),
                        (3, "Commuters can take"), (0, "missing message"), (1, "My own parent,"),
                        (0, "A normal top-level"), (1, "A normal reply.")]
    loops = [c for c in d.comments if c.placeholder]
    assert all("loop" in c.evidence[0].detail for c in loops)


def test_duplicate_ids_keep_both_comments():
    d = open_fixture("duplicate-ids.json")
    assert len(d.comments) == 4
    assert len({c.id for c in d.comments}) == 4
    renamed = next(c for c in d.comments if c.author == "carl")
    assert any("duplicate id" in e.detail for e in renamed.evidence)
    # Replies to the shared id go to the first comment that had it.
    assert [c.author for c in d.children(d.comments[0].id)] == ["bert", "dora"]


def test_wrong_types_are_coerced_where_the_meaning_is_clear():
    d = open_fixture("wrong-types.json")
    first = d.comments[0]
    assert first.paragraphs == ("First paragraph as a list item.", "Second paragraph.")
    assert first.author == "42"
    by_text = {c.text: c for c in d.comments}
    assert by_text["12345"].author == "nested-user"
    assert by_text["(no text)"].author is None  # a list is not a name
    assert by_text["HTML inside an object"].parent == first.id  # parent given as {"id": 1}
    assert all(c.parent == first.id for c in d.comments[1:])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.json", "cut off"),
        ("not-objects.json", "is a string, not an object"),
        ("disqus-truncated.xml", "not well-formed XML at line"),
        ("comments-bad-row.csv", "row 3 has 5 fields"),
    ],
)
def test_malformed_files_give_one_clear_error(name, message):
    with pytest.raises(InputError, match=message):
        open_fixture(name)


def test_a_forced_format_that_does_not_fit_is_an_error(fixtures):
    with pytest.raises(InputError, match="reddit"):
        open_fixture("generic.json", "reddit")
    with pytest.raises(InputError, match="JSON"):
        load(read_source(fixtures / "klarna-de.txt"), input_format="json")
    with pytest.raises(InputError, match="unknown input format"):
        open_fixture("generic.json", "yaml")
    # ... and a forced format that fits works like detection.
    assert open_fixture("generic.jsonl", "jsonl").source.input_format == "json"


def test_reddit_thread():
    d = open_fixture("reddit.json")
    assert d.title == "Chain keeps slipping on the smallest cog after cleaning"
    assert d.article.text.splitlines()[1].startswith("I degreased everything")
    assert shape(d) == [
        (0, "Check the cable"), (1, "That was it"), (1, "3 more replies"),
        (0, "[deleted]"), (1, "No, a worn"),
        (0, "Also make sure"), (1, "more replies not"),
    ]  # the removed comment without replies is gone
    check = d.comments[0]
    assert len(check.paragraphs) == 2  # Markdown paragraphs; the soft wrap is joined
    assert "& it took" in d.comments[1].text  # &amp; unescaped
    assert d.comments[2].placeholder and d.comments[2].author is None


def test_hacker_news_nested_and_items():
    d = open_fixture("hn-algolia.json")
    assert d.title.startswith("Ask HN")
    assert shape(d) == [(0, "A single NOTES.md"), (1, '"Next step" is'), (0, "[deleted]"),
                        (1, "Whatever was said")]
    assert d.comments[0].paragraphs[1] == "The trick is writing the next step, not what you did."
    items = open_fixture("hn-items.jsonl")
    # `kids` order is the page's order, not the file's; the deleted leaf is dropped.
    assert shape(items) == [(0, "Nice. Startup is"), (0, "Does it handle"), (1, "Raster only for")]


def test_disqus_export():
    d = open_fixture("disqus.xml")
    assert d.title == "Growing tomatoes on a north-facing balcony"
    assert shape(d) == [(0, "Tried this last"), (1, "Did the white"), (2, "Brick holds heat"),
                        (0, "[deleted]"), (1, "Whatever it was,")]
    assert "Cheap pills" not in "\n".join(c.text for c in d.comments)  # spam is not shown
    assert d.comments[2].paragraphs == ("Brick holds heat at night, so probably even better.",
                                        "Watch for scorching in July though.")  # <br>


def test_disqus_export_with_several_threads():
    text = (FORMATS / "disqus.xml").read_text(encoding="utf-8")
    second = (
        '<thread dsq:id="2"><link>https://x.example/b</link><title>Second post</title></thread>'
        '<post dsq:id="3"><message><![CDATA[<p>On the second post.</p>]]></message>'
        '<isDeleted>false</isDeleted><isSpam>false</isSpam><thread dsq:id="2" /></post>'
    )
    d = read_structured(text.replace("</disqus>", second + "</disqus>"), "disqus")
    check_invariants(d)
    heads = [c for c in d.roots]
    assert [c.text.splitlines()[0] for c in heads] == [
        "Growing tomatoes on a north-facing balcony", "Second post"]
    assert all(c.placeholder for c in heads)
    assert d.children(heads[1].id)[0].text == "On the second post."


def test_wordpress_export():
    d = open_fixture("wxr.xml")
    assert d.title == "Der Wochenmarkt zieht um" and d.language == "de"
    assert len(d.article.lines) == 3  # title and two paragraphs; the Impressum page has none
    assert shape(d) == [(0, "Endlich! Auf dem"), (1, "Die Bänke sind"), (0, "[deleted]"),
                        (1, "Das Bezirksamt, nach")]  # pending parent, approved reply
    assert d.comments[0].date == "2024-04-08 07:12"  # the GMT date


def test_mbox_threading():
    d = open_fixture("list.mbox")
    assert d.title == "[sensors] Humidity readings drift after a week"
    assert shape(d) == [(0, "Hi all, our"), (1, "> our DHT22"), (2, "> our DHT22"),
                        (1, "missing message"), (2, "Replying to Erik's"),
                        (1, "Thanks everyone, ordering")]
    anna = d.comments[0]
    assert anna.author == "Anna Keller"
    assert "Community weather network" not in anna.text  # signature dropped
    bo = d.comments[1]
    assert bo.paragraphs[0].endswith("[2 quoted lines folded]")
    assert not any("wrote:" in p for p in bo.paragraphs)
    subject_only = d.comments[-1]
    assert subject_only.evidence[0].cue == "subject" and subject_only.confidence < 1
    assert "From now on" in subject_only.text  # mboxrd ">From " unquoted
    assert d.comments[3].placeholder and d.comments[3].parent == anna.id


def test_fold_quotes_keeps_own_text_and_cuts_forwarded_originals():
    body = ("Short answer: yes.\n\nAnna wrote:\n> one\n> two\n\n> three\nMore of mine.\n"
            "-----Original Message-----\nold stuff\n")
    assert fold_quotes(body) == ("Short answer: yes.", "> one two three [3 quoted lines folded]",
                                 "More of mine.")


def test_mbox_encoded_headers_and_bodies():
    mail = (
        "From x@example.org Mon Mar  4 09:00:00 2024\n"
        "From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <j@example.org>\n"
        "Subject: =?utf-8?b?R3LDvMOfZQ==?=\n"
        "Message-ID: <a@x>\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus\n"
        "K=C3=B6ln.\n"
    )
    d = load(Decoded(mail, "utf-8", "x.mbox"))
    assert d.source.input_format == "mbox"
    assert d.title == "Grüße"
    assert d.comments[0].author == "Jörg Müller"
    assert d.comments[0].paragraphs == ("Schöne Grüße aus Köln.",)


def test_csv_with_quoted_multiline_text():
    d = open_fixture("comments.csv")
    assert shape(d)[:3] == [(0, "Der Radweg an"), (1, "Die Umleitung gibt"),
                            (2, "Danke, das wusste")]
    assert d.comments[1].paragraphs[1] == "Man fährt über die Lindenallee."


def test_hostile_text_is_neutralised():
    doc = [{"id": "1", "author": "\x1b]0;pwned\x07evil", "text": "[bold]x[/] \x1b[2J done"},
           {"id": "2", "parent": "1", "text": "\u202eeurt si siht"}]
    d = load(Decoded(json.dumps(doc), "utf-8", "hostile.json"))
    everything = d.comments[0].author + d.comments[0].text + d.comments[1].text
    assert "\x1b" not in everything and "\x07" not in everything and "\u202e" not in everything
    assert "[bold]x[/]" in d.comments[0].text  # markup stays literal text


def test_a_very_deep_reply_chain_needs_no_recursion():
    doc = [{"id": str(i), "parent": str(i - 1) if i else None, "text": f"reply {i}"}
           for i in range(5000)]
    d = load(Decoded(json.dumps(doc), "utf-8"))
    assert d.comments[-1].depth == 4999


def test_a_post_with_its_comments_becomes_article_and_thread():
    doc = {"title": "Road works", "body": "The bridge closes in May.\nFor six weeks.",
           "comments": [{"id": 1, "text": "Again?"}, {"id": 2, "parent": 1, "text": "Yes."}]}
    d = load(Decoded(json.dumps(doc), "utf-8"))
    assert [line.text for line in d.article.lines] == [
        "Road works", "The bridge closes in May.", "For six weeks."]
    assert shape(d) == [(0, "Again?"), (1, "Yes.")]
    check_invariants(d)


def test_empty_and_comment_free_inputs():
    with pytest.raises(InputError, match="no comments"):
        load(Decoded("[]", "utf-8", "empty.json"))
    with pytest.raises(InputError, match="no list of comments"):
        load(Decoded('{"title": "x", "count": 3}', "utf-8"))
