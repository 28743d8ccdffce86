"""mbox mailing-list archives, threaded by Message-ID / In-Reply-To / References.

The threading follows jwz's algorithm in a small form: a message hangs under the last
message its References (or In-Reply-To) name; when that one is not in the archive, a
"missing message" placeholder stands in for it, under the nearest earlier reference that
is present. A message with no reply headers but a "Re:" subject joins the first message
with the same subject (a guess, so its confidence is below 1). Siblings are in date
order. Quoted text is folded to one line, signatures are dropped.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime

from ..decode import InputError
from ..model import Evidence, excerpt
from .markup import format_date, html_paragraphs
from .records import Kind, Record, Thread, block_paragraphs, clean

_FROM_LINE = re.compile(r"^From \S", re.M)
_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.M)
_MSGID = re.compile(r"<([^<>\s]+)>")
_REPLY_PREFIX = re.compile(r"^\s*((re|aw|sv|vs|antw|fwd?|wg)\s*(\[\d+\])?\s*:\s*)+", re.I)
_ATTRIBUTION = re.compile(r"(wrote|schrieb|skrev|écrit|escribió|scrisse)\s*:\s*$", re.I)
_ORIGINAL = re.compile(r"^-{3,}\s*(original message|ursprüngliche nachricht)", re.I)


_MAIL_HEADERS = re.compile(r"^(From|Date|Subject|Message-ID|To|In-Reply-To|References):",
                           re.I | re.M)


def looks_like(head: str) -> bool:
    """An mbox (envelope line, then mail headers) or a single message (headers first).

    A comment that starts with "From here on..." followed by "Edit: ..." is neither:
    the first block must be all header lines, with at least two of the usual mail headers.
    """
    text = head.replace("\r\n", "\n")
    if text.startswith("From "):
        text = text.partition("\n")[2]
    block = text.split("\n\n", 1)[0].split("\n")
    unfolded = [line for line in block if not line[:1].isspace()]
    if not unfolded or not all(_HEADER.match(line + " ") for line in unfolded):
        return False
    return len({m.group(1).lower() for m in _MAIL_HEADERS.finditer("\n".join(unfolded))}) >= 2


def split_mbox(text: str) -> list[str]:
    """Messages of an mbox: each starts at a "From " line after a blank line (or the start)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("From "):
        return [text]  # one message without the envelope line (an .eml file)
    starts = [m.start() for m in _FROM_LINE.finditer(text)
              if m.start() == 0 or text[max(0, m.start() - 2):m.start()] == "\n\n"]
    chunks = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    # Drop the envelope line and undo mboxrd's ">From " quoting.
    return [re.sub(r"^>(>*From )", r"\1", c.split("\n", 1)[1] if "\n" in c else "", flags=re.M)
            for c in chunks]


def subject_key(subject: str) -> str:
    return " ".join(_REPLY_PREFIX.sub("", subject).lower().split())


def body_paragraphs(message: EmailMessage) -> tuple[str, ...]:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        content = part.get_content() if part is not None else ""
    except (LookupError, ValueError, AttributeError):  # unknown charset, broken MIME
        payload = message.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
        part = None
    if not isinstance(content, str):
        return ()
    if part is not None and part.get_content_subtype() == "html":
        return html_paragraphs(content)
    return fold_quotes(content)


def fold_quotes(body: str) -> tuple[str, ...]:
    """Paragraphs of a plain mail body; each run of quoted lines becomes one short line."""
    out: list[str] = []
    block: list[str] = []
    quoted: list[str] = []

    def end_block() -> None:
        if block:
            out.extend(block_paragraphs("\n".join(block)))
            block.clear()

    def end_quote() -> None:
        if quoted:
            text = " ".join(q for q in quoted if q)
            n = len(quoted)
            out.append(f"> {excerpt(text, 70)} [{n} quoted line{'s' if n > 1 else ''} folded]")
            quoted.clear()

    for line in body.replace("\r\n", "\n").split("\n"):
        if line.rstrip() in ("--", "-- ") or _ORIGINAL.match(line):
            break  # the signature or a forwarded original: not this message's text
        if line.startswith(">"):
            if not quoted and block and _ATTRIBUTION.search(block[-1]):
                block.pop()  # "On Monday, Anna wrote:" belongs to the fold
            end_block()
            quoted.append(clean(line.lstrip("> ")))
        elif quoted and not line.strip():
            continue  # a blank line inside a quote run does not end it
        else:
            end_quote()
            block.append(line)
    end_quote()
    end_block()
    return tuple(out)


def _ids(value: object) -> list[str]:
    return [clean(i) for i in _MSGID.findall(str(value))] if value else []


def _when(message: EmailMessage) -> datetime | None:
    try:
        moment = parsedate_to_datetime(str(message["Date"]))
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read(text: str) -> Thread:
    chunks = split_mbox(text)
    messages = []
    for chunk in chunks:
        try:
            messages.append(email.message_from_string(chunk, policy=email.policy.default))
        except Exception as exc:  # the email package raises many types on broken headers
            raise InputError(f"mbox: a message cannot be parsed ({exc})") from None
    messages = [m for m in messages if len(m.keys())]
    if not messages:
        raise InputError("mbox: no messages found")
    dates = [_when(m) for m in messages]
    if all(dates):  # siblings in date order, as jwz sorts them; otherwise file order
        order = sorted(range(len(messages)), key=lambda i: dates[i])
        messages = [messages[i] for i in order]

    def header(m: EmailMessage, name: str) -> str:
        try:
            return str(m[name] or "")
        except (ValueError, IndexError, AttributeError):  # a header the parser cannot decode
            return ""

    own = []
    for i, m in enumerate(messages):
        found = _ids(header(m, "Message-ID"))
        own.append(found[0] if found else f"#{i + 1}")
    present = set(own)
    records: list[Record] = []
    placeholders: set[str] = set()
    first_by_subject: dict[str, str] = {}
    title = ""
    for i, m in enumerate(messages):
        mid = own[i]
        refs = [r for r in _ids(header(m, "References")) if r != mid]
        reply_to = [r for r in _ids(header(m, "In-Reply-To")) if r != mid]
        if reply_to and (not refs or refs[-1] != reply_to[0]):
            refs.append(reply_to[0])
        subject = clean(header(m, "Subject"))
        key = subject_key(subject)
        parent = refs[-1] if refs else None
        evidence = (Evidence("source", "given by source (reply headers)"),)
        confidence = 1.0
        if parent is not None and parent not in present and parent not in placeholders:
            above = next((r for r in reversed(refs[:-1]) if r in present), None)
            records.append(Record(parent, above, kind=Kind.MISSING, evidence=(Evidence(
                "source", f"referenced message <{parent}> is not in the archive"),)))
            placeholders.add(parent)
        if parent is None:
            if key and _REPLY_PREFIX.match(subject) and key in first_by_subject:
                parent = first_by_subject[key]
                confidence = 0.6
                evidence = (Evidence("subject", f"no reply headers; same subject as <{parent}>"),)
            else:
                evidence = (Evidence("source", "given by source (no reply headers)"),)
        if key and key not in first_by_subject:
            first_by_subject[key] = mid
        if not title and parent is None:
            title = clean(_REPLY_PREFIX.sub("", subject))
        name, address = parseaddr(header(m, "From"))
        records.append(
            Record(
                id=mid,
                parent=parent,
                paragraphs=body_paragraphs(m),
                author=clean(name) or clean(address) or None,
                date=format_date(header(m, "Date")),
                confidence=confidence,
                evidence=evidence,
            )
        )
    return Thread(tuple(records), title=title)
