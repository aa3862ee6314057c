"""Fuzzing every reader and the cleaner: whatever the bytes, each input gives documents or skips, never an error.

Inputs are drawn in the shape of each format the readers take (JSON Lines,
Telegram exports, RSS and Atom feeds, HTML pages and fragments, plain text,
SVG, gzip of any of them) and then bent: lone surrogate escapes, numbers of
thousands of digits, character references XML forbids, repeated guids and
ids, values of the wrong type, cut-off files and raw bytes. Each is split as
the pipeline splits it and each item cleaned; a ``SkipInput`` is a skip,
anything else raised is a failure. So is a ``read-failed`` skip: it is the
safety net for what no reader foresaw, and what the fuzz finds is foreseen.

``make test`` runs a few hundred examples, the same ones each run;
``make fuzz`` runs ``CORROBORATOR_FUZZ_EXAMPLES`` (50,000) new ones.
"""

from __future__ import annotations

import gzip
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborator.clean import clean
from corroborator.errors import SkipInput, SkipReason
from corroborator.ingest import Blob, split
from corroborator.records import Document, RawDocument

EXAMPLES = int(os.environ.get("CORROBORATOR_FUZZ_EXAMPLES", "250"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # one slow HTML page is not a failure; bench/ measures speed
    database=None,  # nothing left in the working tree; a failure prints its example
    derandomize="CORROBORATOR_FUZZ_EXAMPLES" not in os.environ,  # the same examples in every `make test`
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)

#: Any character, lone surrogates included: JSON escapes them as "\ud800".
ANY_CHAR = st.characters(exclude_categories=())
WORDS = st.sampled_from(
    ["Shelling", "hit", "the", "town", "of", "Vessna", "on", "Monday,", "officials", "said.", "12", "thousands",
     "&amp;", "&", "<", ">", "\n", "\n\n", "\u202e", "\x1b[2J", "\u2028", "\ufffd", "1,000", "BIG",
     "\ud800", "\udfff", "\ud83d"]
)  # fmt: skip
TEXT = st.one_of(
    st.lists(WORDS, max_size=40).map(" ".join),
    st.text(ANY_CHAR, max_size=200),
)
#: A JSON string that ``dumped`` writes as a number of 5,000 digits (a value too long to show in a report).
BIG = "BIG"
BIG_NUMBER = "9" * 5000

#: Numeric character references, those XML forbids among them.
CHAR_REFS = st.sampled_from(["&#xD800;", "&#55296;", "&#0;", "&#x110000;", "&#99999999999;", "&#x41;", "&amp;"])


def json_values(leaves: st.SearchStrategy[object] | None = None) -> st.SearchStrategy[object]:
    leaves = leaves or st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT, st.just(BIG)
    )
    return st.recursive(
        leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    )


def dumped(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only).replace(f'"{BIG}"', BIG_NUMBER)


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    fields = st.sampled_from(["text", "html", "title", "url", "published", "outlet", "authors", "tags", "language"])
    records = st.lists(st.dictionaries(fields, json_values(), max_size=6) | json_values(), max_size=6)
    ascii_only = draw(st.booleans())
    lines = [dumped(record, ascii_only) for record in draw(records)]
    lines += draw(st.lists(st.sampled_from(['{"text": "x', "[" * 3000, '{"text": 1e999}', "9" * 5000]), max_size=2))
    draw(st.randoms()).shuffle(lines)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def telegram_exports(draw: st.DrawFn) -> bytes:
    entity = st.fixed_dictionaries(
        {"type": st.sampled_from(["bold", "link", "plain", "x"]), "text": TEXT | json_values()}
    )
    message = st.fixed_dictionaries(
        {
            "id": st.one_of(
                st.integers(), st.text(max_size=5), st.none(), st.floats(), st.booleans(), st.just(1), st.just(BIG)
            ),
            "type": st.sampled_from(["message", "message", "service", 7]),
            "text": TEXT | st.lists(TEXT | entity, max_size=5) | json_values(),
        },
        optional={"date": TEXT, "author": TEXT | json_values(), "forwarded_from": TEXT | json_values()},
    )
    export = {"name": draw(TEXT | json_values()), "messages": draw(st.lists(message, max_size=8))}
    return dumped(export, draw(st.booleans())).encode("utf-8", "surrogatepass")


def xml_text(draw: st.DrawFn) -> str:
    """Text for an XML element: escaped, raw (maybe breaking the XML), with references, or in CDATA."""
    text = draw(TEXT)
    kind = draw(st.sampled_from(["escaped", "raw", "refs", "cdata", "html"]))
    if kind == "escaped":
        return text.replace("&", "&amp;").replace("<", "&lt;")
    if kind == "refs":
        return draw(CHAR_REFS) + text.replace("&", "&amp;").replace("<", "&lt;") + draw(CHAR_REFS)
    if kind == "cdata":
        return f"<![CDATA[{text}]]>"
    if kind == "html":
        return f"&lt;p&gt;{text.replace('&', '&amp;').replace('<', '&lt;')}&lt;/p&gt;"
    return text


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    guids = st.sampled_from(["g1", "g1", "http://example.org/a", ""]) | st.text(max_size=10)
    items = []
    for _ in range(draw(st.integers(0, 5))):
        parts = [
            f"<{tag}>{xml_text(draw)}</{tag}>"
            for tag in draw(
                st.lists(
                    st.sampled_from(
                        ["title", "description", "link", "pubDate", "author", "category", "content:encoded"]
                    ),
                    max_size=5,
                )
            )
        ]
        if draw(st.booleans()):
            parts.append(f"<guid>{draw(guids)}</guid>")
        items.append("<item>" + "".join(parts) + "</item>")
    atom = draw(st.booleans())
    body = "".join(items)
    if atom:
        body = body.replace("<item>", "<entry>").replace("</item>", "</entry>").replace("description>", "summary>")
        document = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{xml_text(draw)}</title>{body}</feed>'
    else:
        document = f'<rss version="2.0"><channel><title>{xml_text(draw)}</title>{body}</channel></rss>'
    prolog = draw(st.sampled_from(["", '<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1251"?>',
                                   '<!DOCTYPE r [<!ENTITY e "x">]>']))  # fmt: skip
    data = (prolog + document).encode("utf-8", "surrogatepass")
    return data[: draw(st.integers(0, len(data)))] if draw(st.integers(0, 9)) == 0 else data


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    tags = st.sampled_from(["p", "div", "article", "h1", "title", "a", "br", "script", "table", "td", "svg", "li"])

    def element(depth: int) -> str:
        tag = draw(tags)
        inner = "".join(element(depth + 1) if depth < 4 and draw(st.booleans()) else xml_text(draw)
                        for _ in range(draw(st.integers(0, 3))))  # fmt: skip
        return f'<{tag} class="{draw(st.text(max_size=5))}">{inner}</{tag}>'

    body = "".join(element(0) for _ in range(draw(st.integers(0, 4))))
    wrapper = draw(st.sampled_from(["page", "fragment", "svg", "deep"]))
    if wrapper == "page":
        body = f"<!DOCTYPE html><html><head><title>{xml_text(draw)}</title></head><body>{body}</body></html>"
    elif wrapper == "svg":
        body = f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    elif wrapper == "deep":
        depth = draw(st.integers(1, 400))
        body = "<div>" * depth + body + "</div>" * depth
    return body.encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])), "replace")


@st.composite
def gzip_files(draw: st.DrawFn, inner: st.SearchStrategy[bytes]) -> bytes:
    members = [gzip.compress(draw(inner)) for _ in range(draw(st.integers(1, 4)))]
    data = b"".join(members)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


PLAIN = st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
SHAPES = st.one_of(jsonl_files(), telegram_exports(), feeds(), html_pages(), PLAIN)
NAMES = st.sampled_from(
    ["batch.jsonl", "result.json", "feed.xml", "page.html", "note.txt", "image.svg", "noext", "https://x.test/a?b#c"]
)
MEDIA_TYPES = st.sampled_from([None, None, "text/html", "application/rss+xml", "application/json", "image/svg+xml"])


def outcomes(blob: Blob) -> list[Document | SkipInput]:
    """What the pipeline makes of one input: each item cleaned, skips kept; anything else raises."""
    found: list[Document | SkipInput] = []
    try:
        for item in split(blob):
            if isinstance(item, RawDocument):
                try:
                    found.append(clean(item))
                except SkipInput as skip:
                    found.append(skip)
            else:
                found.append(item)
    except SkipInput as skip:
        found.append(skip)
    return found


@FUZZ
@given(data=st.one_of(SHAPES, gzip_files(SHAPES)), name=NAMES, media_type=MEDIA_TYPES, charset=st.none() | TEXT)
def test_every_input_gives_documents_or_skips(data: bytes, name: str, media_type: str | None, charset: str | None):
    found = outcomes(Blob(name, name, data, media_type, charset))
    for outcome in found:
        assert isinstance(outcome, Document | SkipInput)
        assert not (isinstance(outcome, SkipInput) and outcome.reason is SkipReason.READ_FAILED), outcome.message
        written = outcome.to_dict() if isinstance(outcome, Document) else [outcome.input, outcome.message]
        json.dumps(written, ensure_ascii=False).encode("utf-8")  # every string can be written: no lone surrogate
    documents = [o.input for o in found if isinstance(o, Document)]
    assert len(documents) == len(set(documents)), "two documents of one input share a key"
