"""The `threadloom` command: open the reader, print a tree, evaluate against gold."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from threadloom.data import DEFAULT_SAMPLE, SAMPLES, sample_bytes
from threadloom.threading.attach import ATTACHERS, DEFAULT_ATTACHER
from threadloom.threading.decode import Decoded, InputError, decode_bytes, read_source
from threadloom.threading.formats import FORMATS, canonical
from threadloom.threading.model import Discussion
from threadloom.threading.pipeline import ORDERS

if TYPE_CHECKING:
    from rich.table import Table

EXIT_USAGE = 2
COMMANDS = ("print", "eval", "flatten", "bookmarks")

MAIN_HELP = """\
Read a flat dump of comments as a reply tree.

usage:
  threadloom                 open the German sample in the reader
  threadloom FILE            open a dump (FILE may be - for stdin)
  threadloom print FILE      print the reconstructed tree (see: threadloom print -h)
  threadloom eval GOLD...    score the reconstructor against gold files
  threadloom flatten FILE -o OUT.txt   write a flat dump and its gold tree (evaluation)
  threadloom bookmarks       list saved bookmarks

examples:
  threadloom comments.txt
  pbpaste | threadloom -
  threadloom print comments.txt --format json > tree.json
  threadloom print comments.txt --explain
  threadloom eval ../shared/gold/klarna-de.gold.json
  threadloom thread.json     open a Reddit/HN/generic JSON thread (format auto-detected)
  threadloom list.mbox --format mbox
  threadloom flatten export.xml --style page -o case.txt && threadloom eval case.gold.json

input formats (detected from the content; --format/-I NAME forces one):
""" + "\n".join(f"  {name:<11} {what}" for name, what in FORMATS.items()) + "\n"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other input error
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_reconstruct_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--order", choices=ORDERS, default="depth-first",
                   help="order of the dump: depth-first (default) or chronological")
    p.add_argument("--attacher", choices=sorted(ATTACHERS), default=DEFAULT_ATTACHER,
                   help=f"how parents are chosen (default: {DEFAULT_ATTACHER})")


def _input_format(name: str) -> str:
    try:
        return canonical(name)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_input_format(p: argparse.ArgumentParser, *flags: str) -> None:
    p.add_argument(*flags, "--input-format", "-I", dest="input_format", metavar="NAME",
                   type=_input_format, default=None,
                   help="read FILE as this input format instead of detecting it: "
                   + ", ".join(FORMATS))


def _open_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="threadloom", description=MAIN_HELP,
                formatter_class=argparse.RawDescriptionHelpFormatter, usage=argparse.SUPPRESS)
    p.add_argument("file", nargs="?", help="dump to open; - reads stdin; none: the sample")
    p.add_argument("--sample", choices=sorted(SAMPLES), help="open a shipped sample")
    _add_input_format(p, "--format")
    _add_reconstruct_options(p)
    return p


def _print_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="threadloom print",
        description="Print the reconstructed reply tree.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  threadloom print comments.txt\n"
        "  threadloom print comments.txt --explain\n"
        "  threadloom print - --format markdown < comments.txt\n"
        "  threadloom print --sample da --format json\n"
        "  threadloom print thread.json --format html > thread.html\n"
        "  threadloom print archive.txt -I mbox\n"
        "\n--format is the OUTPUT format; the input format is detected from the content,\n"
        "or forced with --input-format/-I NAME.\n",
    )
    p.add_argument("file", nargs="?", help="dump file, or - for stdin (default: the sample)")
    p.add_argument("--sample", choices=sorted(SAMPLES), help="print a shipped sample")
    p.add_argument("--format", choices=("tree", "json", "markdown", "html"), default="tree",
                   help="output: tree (default), json (threadloom's schema, reads back in), "
                   "markdown, html (one self-contained file, foldable replies)")
    _add_input_format(p)
    p.add_argument("--explain", action="store_true",
                   help="show each link's evidence and confidence")
    _add_reconstruct_options(p)
    return p


def _eval_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="threadloom eval",
        description="Score the reconstructor against gold trees "
        "(format: ../shared/gold/README.md), with the chain and all-root baselines.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n"
        "  threadloom eval ../shared/gold/klarna-de.gold.json\n"
        "  threadloom eval ../shared/gold/omp-dev/*.gold.json --json\n",
    )
    p.add_argument("gold", nargs="+", help="gold files (NAME.gold.json beside NAME.txt)")
    p.add_argument("--attacher", choices=sorted(ATTACHERS), default=DEFAULT_ATTACHER)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return p


def _load(args: argparse.Namespace) -> Decoded:
    if args.file is None:
        name = args.sample or DEFAULT_SAMPLE
        return decode_bytes(sample_bytes(name), f"sample:{SAMPLES[name]}")
    if args.sample:
        raise InputError("give a FILE or --sample, not both")
    return read_source(args.file)


def _discussion(args: argparse.Namespace) -> Discussion:
    # Every input goes through the loader: structured formats are read, flat dumps rebuilt.
    from threadloom.threading.loader import load

    return load(_load(args), input_format=args.input_format,
                order=args.order, attacher=args.attacher)


def cmd_print(argv: Sequence[str]) -> int:
    args = _print_parser().parse_args(argv)
    d = _discussion(args)
    if args.format == "json":
        from threadloom.threading.export import to_json

        json.dump(to_json(d), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.format == "markdown":
        from threadloom.threading.export import to_markdown

        sys.stdout.write(to_markdown(d, explain=args.explain))
    elif args.format == "html":
        from threadloom.threading.html import to_html

        sys.stdout.write(to_html(d, explain=args.explain))
    else:
        from rich.console import Console

        from .printing import print_tree

        print_tree(d, Console(highlight=False), explain=args.explain)
    return 0


def cmd_eval(argv: Sequence[str]) -> int:
    from threadloom.threading.evaluate import evaluate_file, load_gold, total

    args = _eval_parser().parse_args(argv)
    scores = [evaluate_file(load_gold(path), args.attacher) for path in args.gold]
    summary = total(scores)
    if args.json:
        json.dump({"attacher": args.attacher, "files": [s.as_dict() for s in scores],
                   "total": summary}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"threadloom eval (attacher: {args.attacher})")
    cols = {
        "comments": "comments",
        "attachment": "attach",
        "attachment_gold_segments": "attach\ngold seg",
        "boundary_f1": "bound.\nF1",
        "baseline_chain": "chain",
        "baseline_all_root": "all-root",
    }
    table.add_column("file", overflow="fold")
    for header in cols.values():
        table.add_column(header, justify="right", no_wrap=True)
    rows = [(s.file.removesuffix(".gold.json"), s.as_dict()) for s in scores]
    rows.append(("total", summary))
    for i, (name, row) in enumerate(rows):
        table.add_row(name, *(f"{row[c]:.3f}" if c != "comments" else str(row[c]) for c in cols),
                      end_section=i == len(rows) - 2)
    console = Console(highlight=False)
    console.print(table)
    console.print(_confidence_table(summary["confidence"]))
    return 0


def _confidence_table(bands: Sequence[dict]) -> Table:
    """How often links of each confidence are right (end to end, every file): whether a
    link's confidence can be taken at its word."""
    from rich.table import Table

    table = Table(title="links by confidence (end to end)")
    for header in ("confidence", "links", "share", "right"):
        table.add_column(header, justify="right", no_wrap=True)
    total = sum(b["links"] for b in bands)
    for b in bands:
        n = b["links"]
        table.add_row(f"{b['from']:.1f}–{b['to']:.1f}", str(n),
                      f"{n / total:.0%}" if total else "–",
                      f"{b['right'] / n:.0%}" if n else "–")
    return table


def _flatten_parser() -> argparse.ArgumentParser:
    from threadloom.threading.flatten import STYLES

    p = _Parser(
        prog="threadloom flatten",
        description="Write a thread as a flat dump (depth-first, no nesting) plus the gold "
        "tree of that dump, OUT.gold.json beside OUT.txt (format: ../shared/gold/README.md), "
        "so any structured thread becomes a test case for `threadloom eval`.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="styles: bare (one paragraph a line), blank (blank lines between paragraphs),\n"
        "        page (author, date, paragraphs, reply line, as copied from a forum page)\n\n"
        "examples:\n"
        "  threadloom flatten thread.json -o case.txt\n"
        "  threadloom flatten export.xml --style page -o case-page.txt\n"
        "  threadloom eval case.gold.json\n",
    )
    p.add_argument("file", help="a thread in any input format, or - for stdin")
    p.add_argument("--style", choices=STYLES, default="bare")
    p.add_argument("-o", "--output", required=True, metavar="OUT.txt",
                   help="the dump to write; the gold file goes beside it as OUT.gold.json")
    p.set_defaults(sample=None)  # _load's other source; flatten always names a FILE
    _add_input_format(p)
    _add_reconstruct_options(p)
    return p


def cmd_flatten(argv: Sequence[str]) -> int:
    from pathlib import Path

    from threadloom.threading.flatten import flatten

    args = _flatten_parser().parse_args(argv)
    out = Path(args.output)
    gold_path = out.with_name(out.name.removesuffix(".txt") + ".gold.json")
    d = _discussion(args)
    flat = flatten(d, args.style, dump_name=out.name)
    try:
        out.write_text(flat.text, encoding="utf-8")
        gold_path.write_text(json.dumps(flat.gold, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{exc.filename}: cannot write ({exc.strerror or exc})") from None
    print(f"wrote {out} ({len(flat.gold['comments'])} comments, {args.style}) and {gold_path}",
          file=sys.stderr)
    return 0


def cmd_open(argv: Sequence[str]) -> int:
    args = _open_parser().parse_args(argv)
    d = _discussion(args)
    try:
        from .app import run_app
    except ImportError:  # the reader is not part of this build yet
        print("threadloom: the reader is not available yet; use `threadloom print`.",
              file=sys.stderr)
        return 1
    return run_app(d)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "print":
            return cmd_print(argv[1:])
        if argv and argv[0] == "eval":
            return cmd_eval(argv[1:])
        if argv and argv[0] == "flatten":
            return cmd_flatten(argv[1:])
        if argv and argv[0] == "bookmarks":
            from .bookmarks_cli import cmd_bookmarks

            return cmd_bookmarks(argv[1:])
        return cmd_open(argv)
    except InputError as exc:
        print(f"threadloom: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:
        print(f"threadloom: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `threadloom print x | head` is fine
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
