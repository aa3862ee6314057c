"""Bytes to text: the encoding is detected, never assumed.

Order of evidence: a byte-order mark, then strict UTF-8 (which almost never
decodes text in another encoding by accident), then a charset declared by
the page or the server, then detection. Text that decodes to control
characters is binary junk and is refused.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import SkipInput, SkipReason
from ..settings import MAX_CONTROL_CHAR_RATIO

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")

#: Where a page's own charset declaration must appear (the HTML standard says 1024 bytes;
#: real pages put it later, after long comments or scripts).
_DECLARATION_WINDOW = 4096

#: A Western text holds few non-ASCII letters; one in cp1251, cp1253 or another
#: single-byte script encoding is made of them. Above this share of high bytes among
#: letters the text is not Latin-script, and detection decides.
_MAX_HIGH_BYTE_SHARE_LATIN = 0.3

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares about itself, if it is a known codec."""
    head = data[:_DECLARATION_WINDOW]
    match = _XML_DECLARATION.match(head) or _DECLARED_CHARSET.search(head)
    if not match:
        return None
    return _known_codec(match.group(1).decode("ascii", "ignore"))


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, input: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise SkipInput for binary junk."""
    text, encoding = _decode(data, declared)
    _refuse_binary(text, input)
    return text, encoding


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _known_codec(declared)
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies; detect instead
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    # charset-normalizer picks among dozens of codecs by statistics, which fails on
    # short Western text (a French paragraph in cp1252 comes out as cp1257). Western
    # text is recognised first by its low share of high bytes, written by hand here.
    if _looks_latin(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return data.decode("utf-8", errors="replace"), "unknown"
    return str(best), best.encoding


def _looks_latin(data: bytes) -> bool:
    high = sum(1 for b in data if b >= 0x80)
    if not high or b"\x00" in data:
        return False
    letters = sum(1 for b in data if (0x41 <= b <= 0x5A) or (0x61 <= b <= 0x7A)) + high
    return high / letters <= _MAX_HIGH_BYTE_SHARE_LATIN


def _refuse_binary(text: str, input: str) -> None:
    if "\x00" in text:
        raise SkipInput(input, SkipReason.BINARY, "binary data (NUL bytes); not a text, HTML or JSON file")
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > MAX_CONTROL_CHAR_RATIO:
        raise SkipInput(input, SkipReason.BINARY, "binary data (control characters); not a text, HTML or JSON file")
    if "\ufffd" in sample and sample.count("\ufffd") / len(sample) > MAX_CONTROL_CHAR_RATIO:
        raise SkipInput(input, SkipReason.UNDECODABLE, "the encoding could not be detected; save the file as UTF-8")
