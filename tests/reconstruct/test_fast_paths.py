"""The fast paths give exactly what the plain definitions they replace give."""

import gc
import os
import pickle
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from threadloom.threading import boundary, features, language, parallel, pipeline, score
from threadloom.threading import page as page_module
from threadloom.threading.boundary import GapHabit, start_probability, starts
from threadloom.threading.cues import OPENER_KINDS, opener
from threadloom.threading.decode import normalise_newlines
from threadloom.threading.export import to_json
from threadloom.threading.lexicon import available
from threadloom.threading.lexicon import words as lexicon_words
from threadloom.threading.lines import SourceLine, display_safe, split_lines
from threadloom.threading.model import Evidence, Line, Role
from threadloom.threading.parallel import in_background, in_two
from threadloom.threading.pipeline import reconstruct
from threadloom.threading.segment import segment
from threadloom.threading.stages import AttachContext, Draft
from threadloom.threading.text import WORD, head, starts_with
from threadloom.threading.text import words as lexicon_free_words


def _sample(name: str) -> str:
    return resources.files("threadloom.data").joinpath("samples", name).read_text("utf-8")


@pytest.mark.parametrize(("sample", "lang"), [("klarna-de.txt", "de"), ("klarna-da.txt", "da")])
@pytest.mark.parametrize("forked", [False, True])
def test_boundary_starts_decides_as_start_probability(sample, lang, forked, monkeypatch):
    children = []
    if forked:  # half of the paragraphs scored and decided in a forked child, as on big dumps
        monkeypatch.setattr(boundary, "PARALLEL_MIN", 2)

        def in_background(work, wanted=True):
            children.append(work)
            return parallel.in_background(work, wanted)

        monkeypatch.setattr(boundary, "in_background", in_background)
    texts = [line.strip() for line in _sample(sample).splitlines() if line.strip()]
    # Cues the samples lack: a list going on, a sentence cut in two.
    texts[20:20] = ["Drei Gründe:", "- erstens", "- zweitens", "Ich frage mich ja...",
                    "...ob das so bleibt", "- drittens"]
    gaps = [random.Random(k).choice((0, 1, 1, 2)) for k in range(len(texts))]
    # Forced starts (a change of nesting) reset the comment size the later ones see.
    forced = [k % 7 == 3 for k in range(len(texts))]
    for habit in (GapHabit(1, parting=True), GapHabit(1, parting=False)):
        # Above 1 nothing but a forced start starts a comment: the forked half's decisions
        # never meet this process's, which then decides every paragraph itself.
        for threshold in (0.3, 0.5, 0.7, 1.01):
            for force in ([], forced):
                fast = starts(texts, gaps, habit, lang, threshold, forced=force)
                assert all(fast.begins[k] for k in range(len(texts)) if force and force[k])
                plain, chances, draft = [True], [1.0], [texts[0]]
                for k in range(1, len(texts)):
                    after = texts[k + 1] if k + 1 < len(texts) else None
                    p = start_probability(texts[k - 1], texts[k], lang, len(draft), gaps[k],
                                          habit, after=after, earlier=draft[:-1])
                    forced_here = bool(force and force[k])
                    plain.append(forced_here or p >= threshold)
                    chances.append(1.0 if forced_here else p)
                    draft = [texts[k]] if plain[-1] else [*draft, texts[k]]
                assert fast.begins == plain
                assert fast.chances == chances
    assert bool(children) == forked and parallel.can_fork()


def _split_lines_line_by_line(text: str) -> tuple[SourceLine, ...]:
    raw = normalise_newlines(text).split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    out = []
    for number, line in enumerate(raw, start=1):
        safe = display_safe(line).rstrip()
        stripped = safe.lstrip()
        out.append(SourceLine(number, stripped, len(safe) - len(stripped)))
    return tuple(out)


def test_split_lines_matches_line_by_line_display_safe():
    alphabet = "ab \t\n\r\x1b\x00\x7f\x85\u2028\u2029\ufeff\u202a\u2066é\x0b\x0c\x1c"
    rng = random.Random(0)
    cases = ["", "\n", "a\n\ufeff", "\t\tx\n  \ty\r\n"]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
              for _ in range(3000)]
    for text in cases:
        assert split_lines(text) == _split_lines_line_by_line(text), repr(text)


@pytest.mark.parametrize("lang", available())
def test_opener_matches_each_kind_in_turn(lang):
    rng = random.Random(lang)
    phrases = [p for kind in OPENER_KINDS for p in lexicon_words(lang, "attach", kind)]
    for _ in range(3000):
        p = rng.choice(phrases)
        p = p[: rng.randint(0, len(p))] if rng.random() < 0.3 else p
        text = rng.choice(["", "- ", "„"]) + p + rng.choice(["", " x", "x", ",", "\n", "-"])
        expected = (None, None)
        for kind in OPENER_KINDS:
            word = starts_with(text, lexicon_words(lang, "attach", kind), opening=head(text))
            if word:
                expected = (kind, word)
                break
        assert opener(text, lang) == expected, text


def test_output_does_not_depend_on_string_hashing():
    # Sets of words iterate in an order that changes with PYTHONHASHSEED; the evidence
    # and the similarity sums must not follow it.
    script = (
        "import json, sys\n"
        "from importlib import resources\n"
        "from threadloom.threading.export import to_json\n"
        "from threadloom.threading.pipeline import reconstruct\n"
        "text = resources.files('threadloom.data').joinpath('samples', 'klarna-de.txt')"
        ".read_text('utf-8')\n"
        "sys.stdout.write(json.dumps(to_json(reconstruct(text)), sort_keys=True))\n"
    )
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1


def test_in_two_gives_the_serial_result():
    def work(start, stop):
        return [k * k for k in range(start, stop)]

    for start, stop in ((0, 0), (0, 1), (1, 2), (3, 17), (0, 1000)):
        assert in_two(work, start, stop, min_items=1) == work(start, stop)


def test_in_two_does_the_work_here_when_the_child_fails():
    parent = os.getpid()

    def work(start, stop):
        if os.getpid() != parent:
            raise RuntimeError("child")
        return list(range(start, stop))

    assert in_two(work, 0, 10, min_items=1) == list(range(10))


def _page_dump(n: int) -> str:
    return _dump(n, "page")


def _looks_foreign_plain(distinct, dump_language, sets):
    own = next((len(distinct & stop) for code, stop in sets if code == dump_language), 0)
    if len(distinct) <= own + 1:
        return False
    return any(len(distinct & stop) > own + 1 for code, stop in sets if code != dump_language)


def _comment_languages_one_by_one(texts, dump_language):
    sets = language._stopword_sets()
    out, calls = [], 0
    for text in texts:
        lang = dump_language
        if calls < language.MAX_COMMENT_CALLS and len(text) >= language.MIN_CHARS:
            tokens = lexicon_free_words(text[:400])
            if len(tokens) >= 8 and _looks_foreign_plain(set(tokens), dump_language, sets):
                calls += 1
                lang = language.detect_language(text, default=dump_language)
        out.append(lang)
    return out


@pytest.mark.parametrize("forked", [False, True])
def test_comment_languages_as_one_by_one(forked, monkeypatch):
    if forked:
        monkeypatch.setattr(language, "PARALLEL_MIN", 2)
    de = [line for line in _sample("klarna-de.txt").splitlines() if len(line) > 60]
    da = [line for line in _sample("klarna-da.txt").splitlines() if len(line) > 60]
    rng = random.Random(1)
    texts = [rng.choice(de) if rng.random() < 0.7 else rng.choice(da) for _ in range(600)]
    monkeypatch.setattr(language, "MAX_COMMENT_CALLS", 40)  # reached within the 600
    got = language.comment_languages(texts, "de")
    assert got == _comment_languages_one_by_one(texts, "de")
    assert sum(lang != "de" for lang in got) > 20


def test_prepare_forked_as_here(monkeypatch):
    layout = segment(split_lines(_page_dump(300)), "de")
    languages = ["de"] * len(layout.drafts)
    here = features.prepare(layout.drafts, languages, "Klarna Kunde Service")
    monkeypatch.setattr(features, "PARALLEL_MIN", 2)
    assert features.prepare(layout.drafts, languages, "Klarna Kunde Service") == here


@pytest.mark.parametrize("forked", [False, True])
def test_read_comments_as_comment_languages_then_prepare(forked, monkeypatch):
    if forked:
        monkeypatch.setattr(features, "PARALLEL_MIN", 2)
    de = [line for line in _sample("klarna-de.txt").splitlines() if len(line) > 60]
    da = [line for line in _sample("klarna-da.txt").splitlines() if len(line) > 60]
    rng = random.Random(2)
    texts = [rng.choice(de) if rng.random() < 0.7 else rng.choice(da) for _ in range(600)]
    texts += ["kurz", "x " * 300 + "og det er ikke noget jeg har hørt om", rng.choice(da) * 9]
    drafts = [Draft((Line(k + 1, text, Role.TEXT),)) for k, text in enumerate(texts)]
    monkeypatch.setattr(language, "MAX_COMMENT_CALLS", 40)  # reached within the 600
    reading = features.read_comments(drafts, "de")
    languages = language.comment_languages(texts, "de")
    assert list(reading.languages) == languages
    assert sum(lang != "de" for lang in languages) > 20
    article = "Klarna Kunde Service"
    assert (features.prepare(drafts, languages, article, reading)
            == features.prepare(drafts, languages, article))


def test_date_lines_forked_as_here(monkeypatch):
    lines = split_lines(_page_dump(300))
    here = page_module.date_lines(lines)
    monkeypatch.setattr(page_module, "PARALLEL_MIN", 2)
    assert page_module.date_lines(lines) == here
    assert len(here) == 300


def test_in_background_gives_the_result_here_or_forked():
    for wanted in (False, True):
        with in_background(lambda: [str(k) for k in range(50_000)], wanted) as later:
            assert later() == [str(k) for k in range(50_000)]


def test_reconstruct_with_forked_workers_as_without(monkeypatch):
    page = _page_dump(300)
    bare = "\n".join(line for line in page.splitlines()
                     if not page_module.is_date(line) and line != "Antworten")
    here = [to_json(reconstruct(text)) for text in (page, bare)]
    for module in (boundary, features, language, score, page_module):
        monkeypatch.setattr(module, "PARALLEL_MIN", 2)
    # The language detected in a child from the dump's head, while the parent splits lines.
    monkeypatch.setattr(pipeline, "LANGUAGE_PARALLEL_MIN", 2)
    monkeypatch.setattr(pipeline, "HEAD_CHARS", 10_000)
    assert all(pipeline.early_sample(text) for text in (page, bare))
    assert [to_json(reconstruct(text)) for text in (page, bare)] == here
    # The helpers are not waited for as they exit, but reconstruct leaves none behind.
    assert parallel._exiting == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_early_sample_is_the_dump_sample_or_none(newline, monkeypatch):
    text = newline.join(_sample("klarna-de.txt").splitlines() * 3)
    whole = pipeline.dump_sample(split_lines(text))
    found = []
    for cut in range(0, len(text), 997):  # heads cut anywhere, "\r\n" split or not
        monkeypatch.setattr(pipeline, "HEAD_CHARS", cut)
        early = pipeline.early_sample(text)
        if early is not None:
            assert early == whole
        found.append(early is not None)
    # A head short of SAMPLE_CHARS cannot tell; a long one can, where lines end in "\n".
    assert not found[0] and found[-1] == (newline != "\r")


def test_children_still_exiting_are_reaped_later():
    with in_background(lambda: 1) as later:
        assert later() == 1
    parallel.reap_children()
    assert parallel._exiting == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_evidence_pickles_as_its_fields():
    """A forked decoder sends back its links' evidence (Evidence.__reduce__)."""
    evidence = (Evidence("greeting", "says „Hallo Peter“", 1.25), Evidence("bias", "", 0.0))
    assert pickle.loads(pickle.dumps(evidence, protocol=pickle.HIGHEST_PROTOCOL)) == evidence
    assert evidence[0].__reduce__() == (Evidence, ("greeting", "says „Hallo Peter“", 1.25))


@pytest.mark.parametrize("dump_language", available())
def test_looks_foreign_as_counting_every_language(dump_language):
    sets = language._stopword_sets()
    pool = [*sorted({w for _, stop in sets for w in stop}), "haus", "klarna", "bank"]
    rng = random.Random(dump_language)
    seen = set()
    for _ in range(3000):
        distinct = set(rng.sample(pool, rng.randint(0, 12)))
        plain = _looks_foreign_plain(distinct, dump_language, sets)
        assert language._looks_foreign(distinct, dump_language, sets) == plain
        seen.add(plain)
    assert seen == {False, True}


def test_words_as_the_word_pattern():
    alphabet = "ab Zx19_-'’.,?!:;()\"\t\n\x01\x1c\x7f\x85\xa0ßäÖİKſ„“–…😀\u2028\u0301²½٣"
    rng = random.Random(0)
    cases = ["", " ", "-", "a-b", "x'", "Straße, Maße."]
    cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
              for _ in range(20_000)]
    cases += [f"a{chr(code)}b {chr(code)}c" for code in range(0, 0x3000, 3)]
    for text in cases:
        assert lexicon_free_words(text) == WORD.findall(text.lower()), repr(text)


@pytest.mark.parametrize(("style", "authors"), [("bare", False), ("page", True),
                                               ("page", False)])
def test_attach_in_two_halves_as_in_one(style, authors, monkeypatch):
    """The second half guessed in a forked child, taken from the first comment both put at
    the top level: links, confidences, evidence and (inferred) authors as in one pass."""
    drafts = segment(split_lines(_dump(1200, style)), "de").drafts
    if not authors:  # the authors then are inferred from greetings, in both halves
        drafts = tuple(Draft(d.lines, None, d.date) for d in drafts)
    here_decoded = []
    run = score.Decoder.run

    def counted(self, start, stop):
        here_decoded.append(stop - start)
        run(self, start, stop)

    monkeypatch.setattr(score.Decoder, "run", counted)
    # The share is measured on fewer comments than the dump holds, so that a second half
    # is left to guess.
    monkeypatch.setattr(score, "SHARE_SAMPLE", 100)
    taken_from_child = 0
    for n in (3, 40, 333, 1000):
        reading = features.read_comments(drafts[:n], "de")
        context = AttachContext(language="de", comment_languages=reading.languages,
                                reading=reading)
        monkeypatch.setattr(score, "PARALLEL_MIN", 10**9)
        one = score.attach_scored(drafts[:n], context)
        monkeypatch.setattr(score, "PARALLEL_MIN", 2)
        here_decoded.clear()
        assert score.attach_scored(drafts[:n], context) == one
        taken_from_child += n - sum(here_decoded)
    # In every style a good part of the comments came from the child (where the halves
    # meet, a comment both put at the top level), so the equality above was tested.
    assert taken_from_child > 300
    assert any(link.author_source == "greeting" for link in one) != authors


def test_attach_in_two_halves_as_in_one_where_links_are_taken_back(hasty_model, monkeypatch):
    """With a model that starts threads too soon, later comments' dates keep sending the
    decode back (Decoder.repair), across the point where the halves meet too."""
    drafts = segment(split_lines(_dump(1200, "page")), "de").drafts
    repairs: list[int] = []
    repair = score.Decoder.repair

    def counted(self, i, choice):
        repairs.append(i)
        repair(self, i, choice)

    monkeypatch.setattr(score.Decoder, "repair", counted)
    for n in (40, 333, 1200):
        context = AttachContext(language="de")
        monkeypatch.setattr(score, "PARALLEL_MIN", 10**9)
        one = score.attach_scored(drafts[:n], context, hasty_model)
        monkeypatch.setattr(score, "PARALLEL_MIN", 2)
        assert score.attach_scored(drafts[:n], context, hasty_model) == one
    assert len(repairs) > 100
    assert sum(any(e.cue == "decided_again" for e in link.evidence) for link in one) > 20


def test_the_halves_meet_only_where_no_repair_took_the_meeting_point_back(hasty_model,
                                                                         monkeypatch):
    """Split at every comment in turn: the decode is the one-pass decode each time, also
    where the child had taken back links across the first comment both put at the top
    level (its links before that point differ, and a repair decides them again)."""
    drafts = segment(split_lines(_dump(160, "page")), "de").drafts[:60]
    infos, facts = features.prepare(drafts, ["de"] * len(drafts))

    def decoder():
        return score.Decoder([d.author for d in drafts], infos, facts, hasty_model,
                             "depth-first")

    one = decoder()
    one.run(0, len(drafts))
    monkeypatch.setattr(parallel, "can_fork", lambda: False)  # the child's work, here
    for mid in range(1, len(drafts)):
        split = decoder()
        split.in_two_halves(0, mid)
        assert (split.parents, split.decided) == (one.parents, one.decided), mid


@pytest.mark.parametrize("style", ["bare", "page"])
@pytest.mark.parametrize("shifted", [False, True])
def test_the_share_pass_keeps_its_decisions_unless_it_shifts_the_score(style, shifted,
                                                                       monkeypatch):
    """The first comments are decoded once when the share they show moves nothing (twice
    when it does), and the links are those of a decode apart from the share's."""
    drafts = segment(split_lines(_dump(300, style)), "de").drafts
    dated = style == "page"
    # The usual share set so low (so high) that any dump looks to start more (fewer)
    # threads than usual.
    model = {**score.attach_weights(dated), score.SHARE_KEY: 0.01 if shifted else 0.99}
    decoded: list[int] = []
    shifts: list = []
    run, measure = score.Decoder.run, score.Decoder.measure_share

    def counted(self, start, stop):
        decoded.append(stop - start)
        run(self, start, stop)

    def measured(self, usual):
        kept = measure(self, usual)
        shifts.append(self.shift)
        return kept

    def measured_apart(self, usual):
        self.shift_top_level(self.fresh().top_level_probabilities(score.SHARE_SAMPLE), usual)
        return 0

    monkeypatch.setattr(score.Decoder, "run", counted)
    monkeypatch.setattr(score.Decoder, "measure_share", measured)
    links = score.attach_scored(drafts, AttachContext(language="de"), model)
    assert len(shifts) == 1
    assert (shifts[0] is not None) == shifted
    assert sum(decoded) == len(drafts) * (2 if shifted else 1)
    monkeypatch.setattr(score.Decoder, "measure_share", measured_apart)
    assert score.attach_scored(drafts, AttachContext(language="de"), model) == links


def _dump(n: int, style: str) -> str:
    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    try:
        from bench_reconstruct import make_dump
    finally:
        sys.path.pop(0)
    return make_dump(n, style, seed=3)


def _collections() -> int:
    return sum(generation["collections"] for generation in gc.get_stats())


def test_reconstruct_leaves_the_collector_as_found_without_a_collection():
    # The objects made while the collector was off count as old afterwards: the first
    # allocation after it is back on does not walk them all (as a young-generation sweep).
    gc.unfreeze()  # whatever an earlier test (an app) froze: nothing frozen, as in a fresh run
    gc.collect()  # so that no sweep is due on the way in, before reconstruct turns it off
    before = _collections()
    discussion = reconstruct(_sample("klarna-de.txt"))
    assert _collections() == before
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert discussion.comments


def test_reconstruct_never_thaws_what_the_caller_froze():
    gc.freeze()  # as the app does once its model is built
    try:
        frozen = gc.get_freeze_count()
        reconstruct(_sample("klarna-de.txt"))
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
